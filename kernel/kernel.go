// Package kernel speaks the Jupyter messaging protocol for gocurve.
//
// The kernel process binds the five sockets of a connection file, verifies
// and dispatches every message, and brackets each request with busy/idle on
// iopub. It never runs user code: cells go to a worker process through a
// worker.Supervisor, which survives anything a cell does.
//
// Each socket has one goroutine that receives from it; sends go through a
// per-socket lock. Control has its own loop, so interrupt and shutdown work
// while a cell runs, and complete/inspect are answered from the shell loop
// while the executor goroutine waits for a cell.
package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/gate"
	"github.com/gocurve/gocurve/kernel/wire"
	"github.com/gocurve/gocurve/kernel/worker"
)

// Version is the implementation version reported in kernel_info_reply.
const Version = "0.1.0"

// MaxMessageSize is the largest message (all frames together) the kernel
// accepts; a larger one is refused from its frame headers, before it is
// read, and its connection closed.
const MaxMessageSize = 256 << 20

// MemoryLimit is the kernel process's soft memory limit (debug.SetMemoryLimit)
// unless GOMEMLIMIT sets one: the kernel holds messages on their way, never
// a session, so it stays small.
const MemoryLimit = 1 << 30

// Options configure a kernel.
type Options struct {
	// Worker configures the worker processes that run cells.
	Worker worker.Options
	// Log receives diagnostics; nil logs to stderr, which Jupyter shows in
	// its server log.
	Log *log.Logger
	// History bounds the cells kept for history_request.
	History HistoryLimits
}

// Kernel is a running Jupyter kernel.
type Kernel struct {
	conn   *wire.ConnectionInfo
	signer *wire.Signer
	replay *wire.ReplayGuard
	log    *log.Logger
	// session identifies this kernel's messages.
	session string

	shell, control, stdin, iopub, hb *socket

	sup     *worker.Supervisor
	exec    *executor
	history *history
	comms   comm.Table

	stop     context.CancelFunc
	stopOnce sync.Once

	// connFile is where the connection came from; ports given as 0 are
	// written back to it once chosen.
	connFile string
}

// socket is a zmq4 socket whose sends are serialized.
type socket struct {
	name string
	mu   sync.Mutex
	zmq4.Socket
}

func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.SendMulti(zmq4.NewMsgFrom(frames...))
}

// Run starts a kernel for the connection file and serves until shutdown,
// until ctx ends, until SIGTERM or SIGHUP, or until the process that
// started it goes; the worker goes with it.
func Run(ctx context.Context, connFile string, opts Options) error {
	conn, err := wire.ReadConnectionFile(connFile)
	if err != nil {
		return err
	}
	k, err := New(conn, opts)
	if err != nil {
		return err
	}
	k.connFile = connFile
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	watchParent(ctx, stop, k.log.Printf)
	return k.Serve(ctx)
}

// New prepares a kernel for conn; Serve binds and runs it.
func New(conn *wire.ConnectionInfo, opts Options) (*Kernel, error) {
	signer, err := wire.NewSigner(conn.SignatureScheme, conn.Key)
	if err != nil {
		return nil, err
	}
	lg := opts.Log
	if lg == nil {
		lg = log.New(os.Stderr, "gocurve: ", log.LstdFlags|log.Lmicroseconds)
	}
	if opts.Worker.Log == nil {
		opts.Worker.Log = lg.Printf
	}
	var k *Kernel
	opts.Worker.DebugEvent = func(e json.RawMessage) { k.debugEvent(e) }
	k = &Kernel{
		conn:    conn,
		signer:  signer,
		replay:  wire.NewReplayGuard(0),
		log:     lg,
		session: wire.NewHeader("", "").MsgID,
		sup:     worker.New(opts.Worker),
		history: newHistory(opts.History),
	}
	return k, nil
}

// Serve binds the sockets and handles messages until shutdown or ctx ends.
func (k *Kernel) Serve(ctx context.Context) error {
	ctx, stop := context.WithCancel(ctx)
	k.stop = stop
	defer stop()

	// Sends must not hang on a vanished peer: a few seconds, not zmq4's minutes.
	opt := zmq4.WithTimeout(5 * time.Second)
	k.shell = &socket{name: "shell", Socket: zmq4.NewRouter(ctx, opt)}
	k.control = &socket{name: "control", Socket: zmq4.NewRouter(ctx, opt)}
	k.stdin = &socket{name: "stdin", Socket: zmq4.NewRouter(ctx, opt)}
	k.iopub = &socket{name: "iopub", Socket: zmq4.NewPub(ctx, opt)}
	k.hb = &socket{name: "heartbeat", Socket: zmq4.NewRep(ctx, opt)}
	socks := []*socket{k.shell, k.control, k.stdin, k.iopub, k.hb}
	if err := k.bind(socks); err != nil {
		for _, x := range socks {
			x.Close()
		}
		return err
	}
	defer func() {
		for _, x := range socks {
			x.Close()
		}
	}()

	// Start the worker in the background: the first cell should not wait for
	// it, and kernel_info must not either.
	go func() {
		if err := k.sup.Start(); err != nil {
			k.log.Printf("starting the worker: %v", err)
		}
	}()
	// Completion and inspect are answered here, from the cells' type model
	// over the snapshot's declarations; the first request would otherwise
	// wait for the packages' types (~60 ms) and the docs.
	go complete.Warm()
	defer k.sup.Close()

	k.exec = newExecutor(k)
	go k.exec.run(ctx)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT)
	defer signal.Stop(sigs)
	go func() {
		for {
			select {
			case <-sigs:
				k.log.Printf("SIGINT: interrupting the running cell")
				k.sup.Interrupt()
			case <-ctx.Done():
				return
			}
		}
	}()

	go k.heartbeat(ctx)
	go k.serveRouter(ctx, k.control, k.handleControl)
	go k.serveRouter(ctx, k.stdin, k.handleStdin)
	k.serveRouter(ctx, k.shell, k.handleShell)
	return nil
}

// bind listens on the connection's five ports, in the order of
// ConnectionInfo.Ports, through the gate. Ports given as 0 are chosen by
// the system and written back to the connection file.
func (k *Kernel) bind(socks []*socket) error {
	registerGate()
	chosen := false
	for i, port := range k.conn.Ports() {
		s := socks[i]
		ep := k.conn.Endpoint(*port)
		if err := s.Listen(gateScheme + ep); err != nil {
			return fmt.Errorf("kernel: binding %s on %s: %w", s.name, ep, err)
		}
		if *port == 0 && k.conn.Transport == "tcp" {
			a, ok := s.Addr().(*net.TCPAddr)
			if !ok {
				return fmt.Errorf("kernel: %s listens on %v, not a TCP address", s.name, s.Addr())
			}
			*port, chosen = a.Port, true
		}
	}
	if chosen && k.connFile != "" {
		if err := wire.WritePorts(k.connFile, k.conn); err != nil {
			return fmt.Errorf("kernel: telling the front end the ports chosen: %w", err)
		}
	}
	return nil
}

// gateScheme prefixes an endpoint's transport ("tcp", "ipc") to name the
// guarded transport registered for it.
const gateScheme = "gocurve-"

var registerGateOnce sync.Once

// registerGate registers the guarded transports once per process: zmq4's
// transport table is global.
func registerGate() {
	registerGateOnce.Do(func() {
		lim := gate.Limits{
			MaxFrame:   MaxMessageSize,
			MaxMessage: MaxMessageSize,
			Log:        log.New(os.Stderr, "gocurve: ", log.LstdFlags|log.Lmicroseconds).Printf,
		}
		for scheme, network := range map[string]string{"tcp": "tcp", "ipc": "unix"} {
			if err := gate.Register(gateScheme+scheme, network, lim); err != nil {
				panic(err) // only a second registration fails, which the Once rules out
			}
		}
	})
}

// Shutdown stops the kernel.
func (k *Kernel) shutdown() {
	k.stopOnce.Do(func() {
		k.sup.Kill()
		k.stop()
	})
}

func (k *Kernel) heartbeat(ctx context.Context) {
	for ctx.Err() == nil {
		msg, err := k.hb.Recv()
		if err != nil {
			if ctx.Err() == nil {
				k.log.Printf("heartbeat: %v", err)
				time.Sleep(10 * time.Millisecond)
			}
			continue
		}
		if err := k.hb.send(msg.Frames); err != nil && ctx.Err() == nil {
			k.log.Printf("heartbeat: %v", err)
		}
	}
}

// serveRouter receives messages on s until ctx ends, verifying each and
// passing the good ones to handle. Bad input is logged and dropped.
func (k *Kernel) serveRouter(ctx context.Context, s *socket, handle func(*wire.Message)) {
	for ctx.Err() == nil {
		zm, err := s.Recv()
		if err != nil {
			if ctx.Err() == nil {
				k.log.Printf("%s: receive: %v", s.name, err)
				time.Sleep(10 * time.Millisecond)
			}
			continue
		}
		size := 0
		for _, f := range zm.Frames {
			size += len(f)
		}
		if size > MaxMessageSize {
			k.log.Printf("%s: dropped a %d-byte message (limit %d)", s.name, size, MaxMessageSize)
			continue
		}
		m, err := wire.Decode(zm.Frames, k.signer)
		if err != nil {
			k.log.Printf("%s: dropped a message: %v", s.name, err)
			continue
		}
		if !k.replay.Accept(m.Signature) {
			k.log.Printf("%s: dropped a replayed %s (msg_id %s)", s.name, m.Header.MsgType, m.Header.MsgID)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					buf := make([]byte, 8<<10)
					buf = buf[:runtime.Stack(buf, false)]
					k.log.Printf("%s: handler for %s panicked: %v\n%s", s.name, m.Header.MsgType, r, buf)
				}
			}()
			handle(m)
		}()
	}
}

// reply sends a reply of msgType to request req on socket s.
func (k *Kernel) reply(s *socket, req *wire.Message, msgType string, content any) {
	k.sendTo(s, req.Identities, req, msgType, content, nil)
}

// publish sends a message on iopub with req as parent.
func (k *Kernel) publish(req *wire.Message, msgType string, content any) {
	k.publishMeta(req, msgType, content, nil)
}

func (k *Kernel) publishMeta(req *wire.Message, msgType string, content any, meta any) {
	topic := [][]byte{[]byte("kernel." + k.session[:8] + "." + msgType)}
	k.sendTo(k.iopub, topic, req, msgType, content, meta)
}

func (k *Kernel) sendTo(s *socket, idents [][]byte, req *wire.Message, msgType string, content, meta any) {
	m := &wire.Message{Identities: idents, Header: wire.NewHeader(msgType, k.session)}
	if req != nil {
		parent := req.Header
		m.Parent = &parent
		m.Header.SubshellID = req.Header.SubshellID
	}
	var err error
	if m.Content, err = json.Marshal(content); err != nil {
		k.log.Printf("%s: encoding %s: %v", s.name, msgType, err)
		return
	}
	if meta == nil {
		meta = struct{}{}
	}
	if m.Metadata, err = json.Marshal(meta); err != nil {
		k.log.Printf("%s: encoding %s metadata: %v", s.name, msgType, err)
		return
	}
	frames, err := wire.Encode(m, k.signer)
	if err != nil {
		k.log.Printf("%s: %v", s.name, err)
		return
	}
	if err := s.send(frames); err != nil && !errors.Is(err, context.Canceled) {
		k.log.Printf("%s: sending %s: %v", s.name, msgType, err)
	}
}

// status publishes the kernel's execution state with req as parent.
func (k *Kernel) status(req *wire.Message, state string) {
	k.publish(req, "status", map[string]string{"execution_state": state})
}

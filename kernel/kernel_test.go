package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gocurve/gocurve/kernel/wire"
	"github.com/gocurve/gocurve/kernel/worker"
)

// The test binary is also the worker: the supervisor starts os.Args[0]
// with GOCURVE_WORKER set.
func TestMain(m *testing.M) {
	if worker.IsWorker() {
		if err := worker.Serve(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	var ls []net.Listener
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// client is a test front end with real ZeroMQ sockets.
type client struct {
	t                     testing.TB
	conn                  *wire.ConnectionInfo
	signer                *wire.Signer
	shell, control, stdin zmq4.Socket
	iopub, hb             zmq4.Socket
	iopubCh               chan *wire.Message
	done                  chan error // Serve's result
	session               string
}

func startKernel(t testing.TB, wopts worker.Options) *client {
	t.Helper()
	p := freePorts(t, 5)
	return startKernelOn(t, &wire.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", ShellPort: p[0], ControlPort: p[1], StdinPort: p[2], IOPubPort: p[3], HBPort: p[4], Key: "test-key-123", SignatureScheme: "hmac-sha256"}, wopts)
}

func startKernelOn(t testing.TB, conn *wire.ConnectionInfo, wopts worker.Options) *client {
	t.Helper()
	if wopts.Command == nil {
		wopts.Command = []string{os.Args[0]}
	}
	// Under -race the workers (this binary) run yaegi, which races with
	// itself (see the Makefile): their reports go to a file, not into cells.
	wopts.Env = append(wopts.Env, "GORACE=exitcode=0 log_path="+filepath.Join(t.TempDir(), "worker-race"))
	logs := &lockedBuffer{}
	k, err := New(conn, Options{Worker: wopts, Log: log.New(logs, "", log.Lmicroseconds)})
	if err != nil {
		t.Fatal(err)
	}
	// The kernel writes the ports it chose in place of zeros back to its
	// connection file; the client reads them from there, as Jupyter does.
	pick := false
	for _, p := range conn.Ports() {
		pick = pick || *p == 0
	}
	if pick {
		k.connFile = filepath.Join(t.TempDir(), "kernel.json")
		b, _ := json.Marshal(conn)
		if err := os.WriteFile(k.connFile, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- k.Serve(ctx) }()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("kernel log:\n%s", logs.String())
		}
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Errorf("kernel did not stop")
		}
	})
	if pick {
		conn = waitForPorts(t, k.connFile, done)
	}
	c := connect(t, conn, k.signer, "")
	c.done = done
	return c
}

// waitForPorts reads the connection file at path until its ports are set.
func waitForPorts(t testing.TB, path string, done chan error) *wire.ConnectionInfo {
	t.Helper()
	for i := 0; ; i++ {
		select {
		case err := <-done:
			t.Fatalf("kernel stopped: %v", err)
		default:
		}
		got, err := wire.ReadConnectionFile(path)
		if err == nil && got.ShellPort != 0 && got.ControlPort != 0 && got.StdinPort != 0 && got.IOPubPort != 0 && got.HBPort != 0 {
			return got
		}
		if i > 500 {
			t.Fatalf("the kernel did not write its ports to %s: %+v, %v", path, got, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// connect opens a front end's five sockets on conn and waits until iopub
// delivers. name prefixes its ROUTER identities.
func connect(t testing.TB, conn *wire.ConnectionInfo, signer *wire.Signer, name string) *client {
	t.Helper()
	p := []int{conn.ShellPort, conn.ControlPort, conn.StdinPort, conn.IOPubPort, conn.HBPort}
	c := &client{t: t, conn: conn, signer: signer, iopubCh: make(chan *wire.Message, 4096), session: "test-session"}
	dial := func(s zmq4.Socket, port int) zmq4.Socket {
		for i := 0; ; i++ {
			if err := s.Dial(conn.Endpoint(port)); err == nil {
				return s
			} else if i > 100 {
				t.Fatalf("dial %d: %v", port, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	bg := context.Background()
	c.shell = dial(zmq4.NewDealer(bg, zmq4.WithID(zmq4.SocketIdentity(name+"shell-client"))), p[0])
	c.control = dial(zmq4.NewDealer(bg, zmq4.WithID(zmq4.SocketIdentity(name+"control-client"))), p[1])
	c.stdin = dial(zmq4.NewDealer(bg, zmq4.WithID(zmq4.SocketIdentity(name+"shell-client"))), p[2])
	c.iopub = dial(zmq4.NewSub(bg), p[3])
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	c.hb = dial(zmq4.NewReq(bg), p[4])
	t.Cleanup(func() {
		for _, s := range []zmq4.Socket{c.shell, c.control, c.stdin, c.iopub, c.hb} {
			s.Close()
		}
	})
	go func() {
		for {
			zm, err := c.iopub.Recv()
			if err != nil {
				return
			}
			if m, err := wire.Decode(zm.Frames, c.signer); err == nil {
				c.iopubCh <- m
			}
		}
	}()
	// Wait until iopub delivers (the slow-joiner problem): kernel_info until a status arrives.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.send(c.shell, "kernel_info_request", map[string]any{})
		c.recv(c.shell, 10*time.Second)
		select {
		case <-c.iopubCh:
			c.drainIOPub(100 * time.Millisecond)
			return c
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no iopub traffic after 10 s")
		}
	}
}

// lockedBuffer collects the kernel's log for a failing test.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *lockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *lockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func (c *client) message(msgType string, content any) *wire.Message {
	b, _ := json.Marshal(content)
	return &wire.Message{Header: wire.NewHeader(msgType, c.session), Content: b, Metadata: json.RawMessage("{}")}
}

func (c *client) frames(m *wire.Message, s *wire.Signer) [][]byte {
	f, err := wire.Encode(m, s)
	if err != nil {
		c.t.Fatal(err)
	}
	return f
}

// send signs and sends a request; it returns the message id.
func (c *client) send(s zmq4.Socket, msgType string, content any) string {
	m := c.message(msgType, content)
	c.sendFrames(s, c.frames(m, c.signer))
	return m.Header.MsgID
}

func (c *client) sendFrames(s zmq4.Socket, frames [][]byte) {
	if err := s.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
}

type recvResult struct {
	m   *wire.Message
	err error
}

// recv returns the next message on s, failing the test after timeout.
func (c *client) recv(s zmq4.Socket, timeout time.Duration) *wire.Message {
	c.t.Helper()
	ch := make(chan recvResult, 1)
	go func() {
		zm, err := s.Recv()
		if err != nil {
			ch <- recvResult{err: err}
			return
		}
		m, err := wire.Decode(zm.Frames, c.signer)
		ch <- recvResult{m, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatalf("recv: %v", r.err)
		}
		return r.m
	case <-time.After(timeout):
		c.t.Fatalf("no message within %v", timeout)
		return nil
	}
}

// outputs collects iopub messages with parent id until its idle status.
func (c *client) outputs(id string, timeout time.Duration) []*wire.Message {
	c.t.Helper()
	var got []*wire.Message
	deadline := time.After(timeout)
	for {
		select {
		case m := <-c.iopubCh:
			if m.Parent == nil || m.Parent.MsgID != id {
				continue
			}
			got = append(got, m)
			if m.Header.MsgType == "status" && strings.Contains(string(m.Content), `"idle"`) {
				return got
			}
		case <-deadline:
			c.t.Fatalf("no idle for %s within %v; got %d messages", id, timeout, len(got))
		}
	}
}

func (c *client) drainIOPub(quiet time.Duration) {
	for {
		select {
		case <-c.iopubCh:
		case <-time.After(quiet):
			return
		}
	}
}

type cellRun struct {
	reply   map[string]any
	outputs []*wire.Message
}

func (r cellRun) stream(name string) string {
	var b strings.Builder
	for _, m := range r.outputs {
		if m.Header.MsgType == "stream" {
			var s struct{ Name, Text string }
			json.Unmarshal(m.Content, &s)
			if s.Name == name {
				b.WriteString(s.Text)
			}
		}
	}
	return b.String()
}

func (r cellRun) types() []string {
	var ts []string
	for _, m := range r.outputs {
		ts = append(ts, m.Header.MsgType)
	}
	return ts
}

// execute runs code and returns the reply content and the iopub messages.
func (c *client) execute(code string, timeout time.Duration) cellRun {
	c.t.Helper()
	id := c.send(c.shell, "execute_request", map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true})
	rep := c.recv(c.shell, timeout)
	if rep.Parent == nil || rep.Parent.MsgID != id {
		c.t.Fatalf("reply to the wrong request: %+v", rep.Parent)
	}
	var content map[string]any
	json.Unmarshal(rep.Content, &content)
	return cellRun{reply: content, outputs: c.outputs(id, timeout)}
}

func TestKernelInfoBusyIdle(t *testing.T) {
	c := startKernel(t, worker.Options{})
	id := c.send(c.shell, "kernel_info_request", map[string]any{})
	rep := c.recv(c.shell, 5*time.Second)
	if rep.Header.MsgType != "kernel_info_reply" || rep.Parent.MsgID != id {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
	var info map[string]any
	json.Unmarshal(rep.Content, &info)
	li := info["language_info"].(map[string]any)
	if li["name"] != "go" || li["file_extension"] != ".go" || li["mimetype"] != "text/x-go" || info["protocol_version"] != wire.ProtocolVersion {
		t.Errorf("kernel_info: %v", info)
	}
	if string(rep.Metadata) != "{}" {
		t.Errorf("metadata = %s, want {}", rep.Metadata)
	}
	out := c.outputs(id, 5*time.Second)
	if len(out) != 2 || !strings.Contains(string(out[0].Content), "busy") {
		t.Errorf("want busy then idle, got %d messages", len(out))
	}
}

func TestBadSignatureNotExecuted(t *testing.T) {
	c := startKernel(t, worker.Options{})
	forged, _ := wire.NewSigner("hmac-sha256", "not-the-key")
	m := c.message("execute_request", map[string]any{"code": `fmt.Println("forged")`})
	c.sendFrames(c.shell, c.frames(m, forged))
	unsigned := c.message("execute_request", map[string]any{"code": `fmt.Println("unsigned")`})
	c.sendFrames(c.shell, c.frames(unsigned, nil))

	// The kernel must still answer, and must have said nothing about either.
	run := c.execute(`fmt.Println("real")`, 60*time.Second)
	if got := run.stream("stdout"); got != "real\n" {
		t.Errorf("stdout = %q", got)
	}
	if run.reply["execution_count"].(float64) != 1 {
		t.Errorf("execution_count = %v: a forged cell was counted", run.reply["execution_count"])
	}
	for {
		select {
		case x := <-c.iopubCh:
			if x.Parent != nil && (x.Parent.MsgID == m.Header.MsgID || x.Parent.MsgID == unsigned.Header.MsgID) {
				t.Fatalf("kernel answered a badly signed message: %s", x.Header.MsgType)
			}
		case <-time.After(300 * time.Millisecond):
			return
		}
	}
}

func TestReplayedMessageNotExecuted(t *testing.T) {
	c := startKernel(t, worker.Options{})
	m := c.message("execute_request", map[string]any{"code": `fmt.Println("once")`, "store_history": true})
	frames := c.frames(m, c.signer)
	c.sendFrames(c.shell, frames)
	c.recv(c.shell, 60*time.Second)
	c.sendFrames(c.shell, frames) // the same bytes again
	run := c.execute(`fmt.Println("after")`, 60*time.Second)
	if run.reply["execution_count"].(float64) != 2 {
		t.Errorf("execution_count = %v, want 2: the replay ran", run.reply["execution_count"])
	}
}

func TestGarbageKeepsKernelAnswering(t *testing.T) {
	c := startKernel(t, worker.Options{})
	garbage := [][][]byte{
		{[]byte("hello")},
		{[]byte("<IDS|MSG>")},
		{[]byte("<IDS|MSG>"), []byte("sig"), []byte("{"), []byte("}"), []byte("{}"), []byte("{}")},
		{[]byte{0xff, 0xfe}, []byte("<IDS|MSG>"), []byte(""), []byte("null"), []byte("null"), []byte("null"), []byte("null")},
	}
	for _, g := range garbage {
		c.sendFrames(c.shell, g)
		c.sendFrames(c.control, g)
	}
	// Correctly signed but invalid JSON content, and an unknown type.
	bad := &wire.Message{Header: wire.NewHeader("execute_request", c.session), Content: json.RawMessage(`{"code": 5}`)}
	c.sendFrames(c.shell, c.frames(bad, c.signer))
	rep := c.recv(c.shell, 10*time.Second)
	if !strings.Contains(string(rep.Content), `"error"`) {
		t.Errorf("bad execute content: reply %s", rep.Content)
	}
	c.send(c.shell, "frobnicate_request", map[string]any{})
	if rep := c.recv(c.shell, 10*time.Second); rep.Header.MsgType != "frobnicate_reply" {
		t.Errorf("unknown request answered with %s", rep.Header.MsgType)
	}
	c.send(c.shell, "kernel_info_request", map[string]any{})
	if rep := c.recv(c.shell, 10*time.Second); rep.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("got %s", rep.Header.MsgType)
	}
}

func TestHeartbeatAndInterruptDuringBusyCell(t *testing.T) {
	c := startKernel(t, worker.Options{})
	c.execute(`x := 41`, 60*time.Second)
	id := c.send(c.shell, "execute_request", map[string]any{"code": "for {}", "stop_on_error": true})
	time.Sleep(300 * time.Millisecond)

	// Heartbeat echoes while the cell spins.
	if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
		t.Fatal(err)
	}
	ch := make(chan string, 1)
	go func() {
		m, err := c.hb.Recv()
		if err == nil {
			ch <- string(m.Frames[0])
		}
	}()
	select {
	case got := <-ch:
		if got != "ping" {
			t.Errorf("heartbeat echoed %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no heartbeat during a busy cell")
	}

	// kernel_info on control answers while the cell runs, on control.
	c.send(c.control, "kernel_info_request", map[string]any{})
	if rep := c.recv(c.control, 5*time.Second); rep.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("control answered %s", rep.Header.MsgType)
	}

	start := time.Now()
	c.send(c.control, "interrupt_request", map[string]any{})
	if rep := c.recv(c.control, 5*time.Second); rep.Header.MsgType != "interrupt_reply" {
		t.Fatalf("got %s on control", rep.Header.MsgType)
	}
	rep := c.recv(c.shell, 30*time.Second)
	t.Logf("for {} stopped %v after interrupt_request", time.Since(start))
	var content map[string]any
	json.Unmarshal(rep.Content, &content)
	if rep.Parent.MsgID != id || content["status"] != "error" || content["ename"] != worker.EnameInterrupted {
		t.Fatalf("interrupted cell replied %v", content)
	}
	run := c.execute(`x + 1`, 60*time.Second)
	if run.reply["status"] != "ok" {
		t.Fatalf("cell after interrupt: %v", run.reply)
	}
	if !strings.Contains(resultText(run), "42") {
		t.Errorf("x was lost after the interrupt: result %q", resultText(run))
	}
}

func resultText(r cellRun) string {
	for _, m := range r.outputs {
		if m.Header.MsgType == "execute_result" {
			var c struct {
				Data map[string]any `json:"data"`
			}
			json.Unmarshal(m.Content, &c)
			s, _ := c.Data["text/plain"].(string)
			return s
		}
	}
	return ""
}

func TestShutdownWhileBusy(t *testing.T) {
	c := startKernel(t, worker.Options{})
	c.send(c.shell, "execute_request", map[string]any{"code": "for {}"})
	time.Sleep(300 * time.Millisecond)
	c.send(c.control, "shutdown_request", map[string]any{"restart": false})
	rep := c.recv(c.control, 5*time.Second)
	if rep.Header.MsgType != "shutdown_reply" || !strings.Contains(string(rep.Content), `"restart":false`) {
		t.Fatalf("got %s %s", rep.Header.MsgType, rep.Content)
	}
	select {
	case err := <-c.done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		c.done <- nil // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("kernel still running 10 s after shutdown_request")
	}
}

func TestWorkerCrashIsContained(t *testing.T) {
	c := startKernel(t, worker.Options{MaxStack: 16 << 20})
	c.execute(`kept := 42`, 60*time.Second)
	run := c.execute("func down(n int) int { return down(n+1) + 1 }\ndown(0)", 120*time.Second)
	if run.reply["status"] != "error" || run.reply["ename"] != worker.EnameCrash {
		t.Fatalf("reply %v", run.reply)
	}
	if ev, _ := run.reply["evalue"].(string); !strings.Contains(ev, "stack overflow") {
		t.Errorf("evalue %q does not name the stack overflow", ev)
	}
	run = c.execute(`kept + 1`, 60*time.Second)
	if got := resultText(run); got != "43" {
		t.Fatalf("after the crash: result %q, reply %v; stderr %q", got, run.reply, run.stream("stderr"))
	}
}

// Jupyter may choose ipc (unix sockets named ip-port) instead of tcp.
func TestIPCTransport(t *testing.T) {
	base := filepath.Join(t.TempDir(), "kernel")
	c := startKernelOn(t, &wire.ConnectionInfo{Transport: "ipc", IP: base, ShellPort: 1, ControlPort: 2, StdinPort: 3, IOPubPort: 4, HBPort: 5, Key: "k", SignatureScheme: "hmac-sha256"}, worker.Options{})
	if _, err := os.Stat(base + "-1"); err != nil {
		t.Fatalf("no shell socket file: %v", err)
	}
	run := c.execute(`fmt.Println("over ipc")`, 60*time.Second)
	if run.stream("stdout") != "over ipc\n" {
		t.Fatalf("stdout %q, reply %v", run.stream("stdout"), run.reply)
	}
}

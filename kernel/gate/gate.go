// Package gate admits ZeroMQ peers to the kernel's sockets within bounds.
//
// Jupyter authenticates messages, not connections: until a message's HMAC
// is checked, anyone who can reach a port is a stranger. zmq4 trusts its
// peers: its accept loop performs each ZMTP handshake in turn, so a peer
// that never sends its greeting stalls every later connection, and it
// allocates whatever frame size a peer declares, so a 2^40-byte header kills
// the process. gate is a zmq4 transport (registered with
// zmq4.RegisterTransport) whose listener stands in front of zmq4's:
//
//   - each connection is admitted on its own goroutine, which exchanges the
//     ZMTP greeting and reads the peer's READY command under a deadline; only
//     then does zmq4's accept loop see the connection, and its handshake is
//     answered from what was read, so it never waits on a peer;
//   - frames are parsed as they arrive: a frame or message larger than the
//     limits is refused from its header, before its body is read, and the
//     connection is closed;
//   - a frame larger than a small threshold reaches zmq4 (which allocates the
//     declared size at once) only when its body has arrived, so what the
//     kernel allocates grows with what a peer actually sent, never with what
//     it declared;
//   - a write that a peer does not read within a deadline fails and drops
//     that peer, so a subscriber that never reads cannot stall the others;
//   - zmq4 writes a message frame by frame, a header and a body at a time:
//     the connection gathers them and writes a whole message (or command)
//     at once, one system call where zmq4 makes two per frame.
package gate

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// Limits bound what a peer can make the kernel do. The zero value of a
// field means its default in DefaultLimits.
type Limits struct {
	// Handshake is how long a new connection has to send its ZMTP greeting
	// and READY command.
	Handshake time.Duration
	// Write is how long one write may wait for a peer to read.
	Write time.Duration
	// MaxFrame is the largest frame accepted, in bytes.
	MaxFrame int64
	// MaxMessage is the largest message (all its frames) accepted, in bytes.
	MaxMessage int64
	// MaxFrames is the most frames one message may have.
	MaxFrames int
	// MaxPending is the most connections in their handshake at once;
	// further ones are closed at once.
	MaxPending int
	// Log receives one line per refused peer; nil discards them.
	Log func(format string, args ...any)
}

// DefaultLimits are the limits used for fields left zero.
var DefaultLimits = Limits{
	Handshake:  10 * time.Second,
	Write:      30 * time.Second,
	MaxFrame:   256 << 20,
	MaxMessage: 256 << 20,
	MaxFrames:  1 << 12,
	MaxPending: 256,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	l.Handshake = cmp.Or(l.Handshake, d.Handshake)
	l.Write = cmp.Or(l.Write, d.Write)
	l.MaxFrame = cmp.Or(l.MaxFrame, d.MaxFrame)
	l.MaxMessage = cmp.Or(l.MaxMessage, d.MaxMessage)
	l.MaxFrames = cmp.Or(l.MaxFrames, d.MaxFrames)
	l.MaxPending = cmp.Or(l.MaxPending, d.MaxPending)
	if l.Log == nil {
		l.Log = func(string, ...any) {}
	}
	return l
}

// Errors a guarded connection fails with.
var (
	// ErrTooLarge reports a frame or message over the limits.
	ErrTooLarge = errors.New("gate: over the size limit")
	// ErrNotZMTP reports a peer that does not speak ZMTP 3 with the NULL
	// mechanism.
	ErrNotZMTP = errors.New("gate: not a ZMTP 3 NULL-mechanism peer")
)

// Register makes scheme a zmq4 transport over network ("tcp" or "unix")
// with the limits lim: a socket that listens on "scheme://addr" is guarded.
// Registering a scheme twice is an error, as in zmq4.
func Register(scheme, network string, lim Limits) error {
	return zmq4.RegisterTransport(scheme, &guarded{network: network, lim: lim.withDefaults()})
}

// guarded is a zmq4 transport whose listeners admit peers within limits.
type guarded struct {
	network string
	lim     Limits
}

// Dial is unguarded: the kernel only listens.
func (g *guarded) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	return d.DialContext(ctx, g.network, addr)
}

func (g *guarded) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := net.Listen(g.network, addr)
	if err != nil {
		return nil, err
	}
	gl := &listener{
		Listener: l,
		lim:      g.lim,
		ready:    make(chan net.Conn),
		done:     make(chan struct{}),
		pending:  make(chan struct{}, g.lim.MaxPending),
	}
	go gl.acceptLoop()
	return gl, nil
}

func (g *guarded) Addr(ep string) (string, error) {
	if g.network == "tcp" {
		if _, _, err := net.SplitHostPort(ep); err != nil {
			return "", fmt.Errorf("gate: address %q: %w", ep, err)
		}
	}
	return ep, nil
}

// listener hands zmq4 only connections whose handshake has been read.
type listener struct {
	net.Listener
	lim       Limits
	ready     chan net.Conn
	done      chan struct{}
	closeOnce sync.Once
	pending   chan struct{} // a semaphore over connections in their handshake
}

func (l *listener) acceptLoop() {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			select {
			case <-l.done:
				return
			default:
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors and the like: do not spin.
			time.Sleep(10 * time.Millisecond)
			continue
		}
		select {
		case l.pending <- struct{}{}:
			go l.admit(c)
		default:
			l.lim.Log("gate: %s: refused, %d connections already in their handshake", c.RemoteAddr(), l.lim.MaxPending)
			c.Close()
		}
	}
}

func (l *listener) admit(c net.Conn) {
	defer func() { <-l.pending }()
	gc, err := admit(c, l.lim)
	if err != nil {
		l.lim.Log("gate: %s: refused: %v", c.RemoteAddr(), err)
		c.Close()
		return
	}
	id, addr := string(readyIdentity(gc.out[greetingLen:])), l.Addr().String()
	gc.joined = func() { admitted.add(addr, id) }
	select {
	case l.ready <- gc:
	case <-l.done:
		c.Close()
	}
}

// admitted are the identities of the peers the guarded listeners handed
// to zmq4, by listener address, once zmq4 has them (conn.joined): zmq4's
// ROUTER drops, without an error, a message to a peer it does not have
// yet, so the kernel asks before it sends one that a reply must follow
// (an input_request). Process-wide, as zmq4's transports are.
var admitted = peerSets{byAddr: map[string]map[string]bool{}}

type peerSets struct {
	mu     sync.Mutex
	byAddr map[string]map[string]bool
}

func (p *peerSets) add(addr, id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.byAddr[addr] == nil {
		p.byAddr[addr] = map[string]bool{}
	}
	p.byAddr[addr][id] = true
}

func (p *peerSets) drop(addr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.byAddr, addr)
}

// Admitted reports whether the guarded listener at addr (its address's
// String) has handed zmq4 a peer whose READY command gave identity, and
// zmq4 has added it to its socket: a message sent to it now is delivered.
func Admitted(addr string, identity []byte) bool {
	admitted.mu.Lock()
	defer admitted.mu.Unlock()
	return admitted.byAddr[addr][string(identity)]
}

// readyIdentity is the Identity property of a READY command (its frame
// header and body; nil where it has none). RFC 23: the command's name,
// then properties of a one-byte name length, the name, a four-byte value
// length and the value.
func readyIdentity(cmd []byte) []byte {
	if len(cmd) < 2 {
		return nil
	}
	body := cmd[2:]
	if cmd[0]&flagLong != 0 {
		if len(cmd) < 9 {
			return nil
		}
		body = cmd[9:]
	}
	if len(body) < 1 || len(body) < 1+int(body[0]) {
		return nil
	}
	props := body[1+int(body[0]):]
	for len(props) > 0 {
		n := int(props[0])
		if len(props) < 1+n+4 {
			return nil
		}
		name := string(props[1 : 1+n])
		size := int(binary.BigEndian.Uint32(props[1+n:]))
		props = props[1+n+4:]
		if size > len(props) {
			return nil
		}
		if strings.EqualFold(name, "Identity") {
			return props[:size]
		}
		props = props[size:]
	}
	return nil
}

// Accept returns the next admitted connection.
func (l *listener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ready:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *listener) Close() error {
	l.closeOnce.Do(func() {
		close(l.done)
		admitted.drop(l.Addr().String())
	})
	return l.Listener.Close()
}

// ZMTP 3.0 (RFC 23) framing.
const (
	greetingLen = 64
	flagMore    = 0x01
	flagLong    = 0x02
	flagCommand = 0x04
	// maxCommand bounds a command frame (READY carries the socket type and
	// an identity of at most 255 bytes).
	maxCommand = 64 << 10
	// bigFrame is the size above which a frame reaches zmq4 only whole.
	bigFrame = 64 << 10
)

// greeting is the ZMTP 3.0 greeting of a NULL-mechanism peer that is not a
// server, as RFC 23 defines it; zmq4 sends exactly these bytes.
var greeting = func() [greetingLen]byte {
	var g [greetingLen]byte
	g[0], g[9] = 0xFF, 0x7F
	g[10], g[11] = 3, 0
	copy(g[12:32], "NULL")
	return g
}()

// admit exchanges greetings with the peer and reads its READY command
// within lim.Handshake.
func admit(c net.Conn, lim Limits) (*conn, error) {
	if err := c.SetDeadline(time.Now().Add(lim.Handshake)); err != nil {
		return nil, err
	}
	// libzmq sends the rest of its greeting only after it has seen ours.
	if _, err := c.Write(greeting[:]); err != nil {
		return nil, fmt.Errorf("sending the greeting: %w", err)
	}
	pre := make([]byte, greetingLen, greetingLen+16)
	if _, err := io.ReadFull(c, pre); err != nil {
		return nil, fmt.Errorf("reading the greeting: %w", err)
	}
	if pre[0] != 0xFF || pre[9]&1 != 1 || pre[10] < 3 || !bytes.Equal(bytes.TrimRight(pre[12:32], "\x00"), []byte("NULL")) {
		return nil, ErrNotZMTP
	}
	hdr, size, err := readHeader(c)
	if err != nil {
		return nil, fmt.Errorf("reading the READY command: %w", err)
	}
	if hdr[0]&(flagCommand|flagMore) != flagCommand {
		return nil, ErrNotZMTP
	}
	if size > maxCommand {
		return nil, fmt.Errorf("a %d-byte command: %w", size, ErrTooLarge)
	}
	pre = append(pre, hdr...)
	pre = append(pre, make([]byte, size)...)
	if _, err := io.ReadFull(c, pre[len(pre)-int(size):]); err != nil {
		return nil, fmt.Errorf("reading the READY command: %w", err)
	}
	if err := c.SetDeadline(time.Time{}); err != nil {
		return nil, err
	}
	return &conn{Conn: c, lim: lim, out: pre, swallow: greetingLen}, nil
}

// readHeader reads a frame header: the flags byte and the size.
func readHeader(r io.Reader) ([]byte, uint64, error) {
	hdr := make([]byte, 2, 9)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, 0, err
	}
	if hdr[0]&flagLong == 0 {
		return hdr, uint64(hdr[1]), nil
	}
	hdr = hdr[:9]
	if _, err := io.ReadFull(r, hdr[2:]); err != nil {
		return nil, 0, err
	}
	return hdr, binary.BigEndian.Uint64(hdr[1:]), nil
}

// conn is an admitted connection: reads are checked frame by frame, writes
// have a deadline.
type conn struct {
	net.Conn
	lim Limits

	// out holds bytes read from the peer and checked, not yet passed on.
	out []byte
	// body is how much of the current frame's body may be passed on as it
	// arrives.
	body uint64
	// frames and size count the current message so far.
	frames int
	size   uint64

	wmu     sync.Mutex
	swallow int // bytes of zmq4's own greeting still to drop (admit sent it)
	// pend holds the frames written so far of a message not yet complete.
	pend []byte
	// hdr collects the header of the frame being written; rest counts the
	// bytes of its body still to come; last says the frame ends a message
	// (no MORE flag) or is a command.
	hdr  []byte
	rest uint64
	last bool

	// joined, until it is called, is called at the first read past the
	// handshake that admit read: zmq4 reads on from a goroutine it starts
	// once it has added the connection to its socket (socket.addConn:
	// the writer first, then the reader).
	joined func()
}

func (c *conn) Read(p []byte) (int, error) {
	if len(c.out) == 0 && c.body == 0 && c.joined != nil {
		c.joined()
		c.joined = nil
	}
	if len(c.out) == 0 && c.body == 0 {
		if err := c.nextFrame(); err != nil {
			if errors.Is(err, ErrTooLarge) {
				// zmq4 drops the connection without a word: say why here.
				c.lim.Log("%v", err)
			}
			c.Conn.Close()
			return 0, err
		}
	}
	if len(c.out) > 0 {
		n := copy(p, c.out)
		c.out = c.out[n:]
		return n, nil
	}
	if uint64(len(p)) > c.body {
		p = p[:c.body]
	}
	n, err := c.Conn.Read(p)
	c.body -= uint64(n)
	return n, err
}

// nextFrame reads and checks the next frame header.
func (c *conn) nextFrame() error {
	hdr, size, err := readHeader(c.Conn)
	if err != nil {
		return err
	}
	limit := uint64(c.lim.MaxFrame)
	if hdr[0]&flagCommand != 0 {
		limit = maxCommand
	}
	c.frames++
	if size > limit || size > uint64(c.lim.MaxMessage)-c.size || c.frames > c.lim.MaxFrames {
		return fmt.Errorf("gate: %s: a %d-byte frame (frame %d of its message, %d bytes before it): %w", c.RemoteAddr(), size, c.frames, c.size, ErrTooLarge)
	}
	c.size += size
	if hdr[0]&flagMore == 0 {
		c.frames, c.size = 0, 0
	}
	if size <= bigFrame {
		c.out, c.body = hdr, size
		return nil
	}
	// The buffer grows with what arrives, not with what was declared.
	var buf bytes.Buffer
	buf.Write(hdr)
	if _, err := io.CopyN(&buf, c.Conn, int64(size)); err != nil {
		return err
	}
	c.out = buf.Bytes()
	return nil
}

func (c *conn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.swallow > 0 {
		// zmq4's greeting: admit has sent the same bytes already.
		n := min(c.swallow, len(p))
		if !bytes.Equal(p[:n], greeting[greetingLen-c.swallow:greetingLen-c.swallow+n]) {
			return 0, fmt.Errorf("gate: zmq4 sent a greeting other than RFC 23's NULL greeting")
		}
		c.swallow -= n
		if n == len(p) {
			return n, nil
		}
		m, err := c.write(p[n:])
		return n + m, err
	}
	return c.write(p)
}

// write passes p on once it completes a message or a command; until then
// it is kept in c.pend. A pending part larger than bigFrame is passed on at
// once, so a large frame is not copied.
func (c *conn) write(p []byte) (int, error) {
	c.scan(p)
	whole := c.rest == 0 && len(c.hdr) == 0 && c.last
	if len(c.pend)+len(p) > bigFrame {
		if err := c.flush(c.pend, p); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	c.pend = append(c.pend, p...)
	if whole && len(c.pend) > 0 {
		if err := c.flush(c.pend); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// scan follows the frame boundaries through the outgoing bytes p.
func (c *conn) scan(p []byte) {
	for len(p) > 0 {
		if c.rest > 0 {
			n := min(uint64(len(p)), c.rest)
			c.rest -= n
			p = p[n:]
			continue
		}
		c.hdr = append(c.hdr, p[0])
		p = p[1:]
		if len(c.hdr) < 2 || c.hdr[0]&flagLong != 0 && len(c.hdr) < 9 {
			continue
		}
		c.last = c.hdr[0]&flagMore == 0 || c.hdr[0]&flagCommand != 0
		if c.hdr[0]&flagLong != 0 {
			c.rest = binary.BigEndian.Uint64(c.hdr[1:])
		} else {
			c.rest = uint64(c.hdr[1])
		}
		c.hdr = c.hdr[:0]
	}
}

// flush writes bufs, in one system call where the connection allows,
// within the write deadline, and empties c.pend.
func (c *conn) flush(bufs ...[]byte) error {
	if err := c.Conn.SetWriteDeadline(time.Now().Add(c.lim.Write)); err != nil {
		return err
	}
	nb := net.Buffers(bufs)
	_, err := nb.WriteTo(c.Conn)
	c.pend = c.pend[:0]
	return err
}

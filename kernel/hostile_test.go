package kernel

import (
	"encoding/binary"
	"math/rand/v2"
	"net"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/gocurve/gocurve/kernel/wire"
	"github.com/gocurve/gocurve/kernel/worker"
)

// zmtpGreeting is RFC 23's greeting of a ZMTP 3.0 peer with the NULL mechanism.
func zmtpGreeting() []byte {
	g := make([]byte, 64)
	g[0], g[9], g[10] = 0xFF, 0x7F, 3
	copy(g[12:], "NULL")
	return g
}

// zmtpReady is a READY command announcing socketType.
func zmtpReady(socketType string) []byte {
	body := []byte("\x05READY\x0bSocket-Type")
	body = binary.BigEndian.AppendUint32(body, uint32(len(socketType)))
	body = append(body, socketType...)
	return append([]byte{0x04, byte(len(body))}, body...)
}

// longFrame is the header of a final frame declaring size bytes.
func longFrame(size uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{0x02}, size)
}

// peerType is the socket type a front end connects to each kernel socket with.
var peerType = [5]string{"DEALER", "DEALER", "DEALER", "SUB", "REQ"}

// Strangers without the key try to kill or stall the kernel on every
// socket, the way a process on the same host could. The kernel must stay
// up, keep serving the front end it has, and accept a new one while idle
// strangers hold connections open.
func TestHostilePeers(t *testing.T) {
	c := startKernel(t, worker.Options{})
	c.execute(`kept := 42`, 60*time.Second)
	ports := [5]int{c.conn.ShellPort, c.conn.ControlPort, c.conn.StdinPort, c.conn.IOPubPort, c.conn.HBPort}
	names := [5]string{"shell", "control", "stdin", "iopub", "heartbeat"}

	dial := func(port int) net.Conn {
		t.Helper()
		conn, err := net.Dial("tcp", net.JoinHostPort(c.conn.IP, strconv.Itoa(port)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	for i, port := range ports {
		// A stranger that connects and never says anything, held open for
		// the rest of the test.
		dial(port)
		attacks := []struct {
			name  string
			bytes []byte
		}{
			{"greeting then a 2^40-byte frame", append(zmtpGreeting(), longFrame(1<<40)...)},
			{"greeting then a 2^62-byte frame", append(zmtpGreeting(), longFrame(1<<62)...)},
			{"handshake then a 2^40-byte frame", append(append(zmtpGreeting(), zmtpReady(peerType[i])...), longFrame(1<<40)...)},
			{"handshake then a 2^62-byte frame", append(append(zmtpGreeting(), zmtpReady(peerType[i])...), longFrame(1<<62)...)},
			// Under the size limit, but the body never comes: nothing may be
			// allocated for it.
			{"handshake then a 200 MiB frame header", append(append(zmtpGreeting(), zmtpReady(peerType[i])...), longFrame(200<<20)...)},
			{"handshake then a 2^40-byte command", append(append(zmtpGreeting(), zmtpReady(peerType[i])...), 0x06, 0, 0, 1, 0, 0, 0, 0, 0)},
			{"garbage", garbage(4096)},
			{"a greeting of another mechanism", append(zmtpGreeting()[:12], make([]byte, 52)...)},
		}
		for _, a := range attacks {
			conn := dial(port)
			if _, err := conn.Write(a.bytes); err != nil {
				t.Logf("%s, %s: write: %v", names[i], a.name, err)
			}
		}
	}

	// The front end that was there keeps working, state and all.
	run := c.execute(`kept + 1`, 60*time.Second)
	if got := resultText(run); got != "43" {
		t.Fatalf("after the strangers: result %q, reply %v", got, run.reply)
	}
	// A new front end connects while the silent strangers still hold their
	// connections on every port.
	c2 := connect(t, c.conn, c.signer, "second-")
	run = c2.execute(`kept + 2`, 60*time.Second)
	if got := resultText(run); got != "44" {
		t.Fatalf("new front end: result %q, reply %v", got, run.reply)
	}
	c2.hbPing()
	c.hbPing()
	select {
	case err := <-c.done:
		t.Fatalf("kernel stopped: %v", err)
	default:
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("the strangers made the kernel allocate %d MiB", grew>>20)
	}
}

// garbage is n bytes that start like nothing ZMTP knows.
func garbage(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	b[0] = 'G'
	return b
}

// A connection file may name IPv6 loopback.
func TestIPv6(t *testing.T) {
	l, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback on this machine: %v", err)
	}
	l.Close()
	c := startKernelOn(t, &wire.ConnectionInfo{Transport: "tcp", IP: "::1", Key: "k6", SignatureScheme: "hmac-sha256"}, worker.Options{})
	run := c.execute(`fmt.Println("over IPv6")`, 60*time.Second)
	if run.stream("stdout") != "over IPv6\n" {
		t.Fatalf("stdout %q, reply %v", run.stream("stdout"), run.reply)
	}
}

// Ports given as 0 are chosen by the kernel and written back to the
// connection file, where the front end reads them.
func TestPortsChosenByTheKernel(t *testing.T) {
	c := startKernelOn(t, &wire.ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: "k0", SignatureScheme: "hmac-sha256"}, worker.Options{})
	run := c.execute(`1 + 1`, 60*time.Second)
	if got := resultText(run); got != "2" {
		t.Fatalf("result %q, reply %v", got, run.reply)
	}
}

// hbPing checks that the heartbeat echoes a ping.
func (c *client) hbPing() {
	c.t.Helper()
	if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
		c.t.Fatal(err)
	}
	ch := make(chan string, 1)
	go func() {
		if m, err := c.hb.Recv(); err == nil {
			ch <- string(m.Frames[0])
		}
	}()
	select {
	case got := <-ch:
		if got != "ping" {
			c.t.Errorf("heartbeat echoed %q", got)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("no heartbeat echo within 10 s")
	}
}

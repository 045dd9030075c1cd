package gate

import (
	"bytes"
	"encoding/binary"
	"net"
	"testing"
	"time"
)

// recorder is a net.Conn that records each write it is given.
type recorder struct {
	net.Conn
	writes [][]byte
}

func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, bytes.Clone(p))
	return len(p), nil
}

func (r *recorder) SetWriteDeadline(time.Time) error { return nil }

// frame is a ZMTP frame as zmq4 writes it: its header, then its body.
func frame(flags byte, body []byte) [][]byte {
	if len(body) > 255 {
		h := make([]byte, 9)
		h[0] = flags | flagLong
		binary.BigEndian.PutUint64(h[1:], uint64(len(body)))
		return [][]byte{h, body}
	}
	return [][]byte{{flags, byte(len(body))}, body}
}

func TestWritesBatchedByMessage(t *testing.T) {
	short := []byte("<IDS|MSG>")
	long := bytes.Repeat([]byte("x"), 300)
	huge := bytes.Repeat([]byte("y"), bigFrame+1)
	join := func(parts ...[][]byte) [][]byte {
		var out [][]byte
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	split := func(ws [][]byte) [][]byte { // every write cut in two
		var out [][]byte
		for _, w := range ws {
			out = append(out, w[:len(w)/2], w[len(w)/2:])
		}
		return out
	}
	msg := join(frame(flagMore, short), frame(flagMore, long), frame(flagMore, nil), frame(0, short))
	tests := []struct {
		name   string
		writes [][]byte
		want   int // writes reaching the connection
	}{
		{"one frame", frame(0, short), 1},
		{"a message of four frames", msg, 1},
		{"a command", frame(flagCommand, []byte("\x05READY")), 1},
		{"a command then a message", join(frame(flagCommand, []byte("\x05READY")), msg), 2},
		{"two messages", join(msg, msg), 2},
		{"an empty last frame", join(frame(flagMore, short), frame(0, nil)), 1},
		{"headers and bodies cut across writes", split(msg), 1},
		// The pending frames, then the large body as it is; then the rest.
		{"a frame over bigFrame", join(frame(flagMore, short), frame(flagMore, huge), frame(0, short)), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			c := &conn{Conn: r, lim: DefaultLimits}
			var sent []byte
			for _, w := range tt.writes {
				n, err := c.Write(w)
				if err != nil || n != len(w) {
					t.Fatalf("Write(%d bytes) = %d, %v", len(w), n, err)
				}
				sent = append(sent, w...)
			}
			if len(r.writes) != tt.want {
				t.Errorf("%d writes reached the connection, want %d", len(r.writes), tt.want)
			}
			if got := bytes.Join(r.writes, nil); !bytes.Equal(got, sent) {
				t.Errorf("the connection received %d bytes, not the %d written", len(got), len(sent))
			}
			if len(c.pend) != 0 {
				t.Errorf("%d bytes still pending after a whole message", len(c.pend))
			}
		})
	}
}

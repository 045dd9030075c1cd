package kernel

import (
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/worker"
)

// BenchmarkTrivialCell measures a trivial cell's round trip,
// execute_request → execute_reply, over real sockets and the worker hop.
func BenchmarkTrivialCell(b *testing.B) {
	c := startKernel(b, worker.Options{})
	c.execute("x := 1", 60*time.Second)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.send(c.shell, "execute_request", map[string]any{"code": "x := 1", "silent": false, "store_history": true})
		c.recv(c.shell, 10*time.Second)
	}
}

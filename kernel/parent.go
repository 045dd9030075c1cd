package kernel

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"time"
)

// watchParent calls stop when the process that started the kernel goes,
// so a Jupyter server killed with -9 leaves no kernel (nor worker) behind.
// Once a second it checks that its parent is the one it started with and
// that JPY_PARENT_PID (set by jupyter_client) is alive, as ipykernel does.
// (Linux's parent-death signal would be sooner, but it fires when the
// parent's launching thread ends, and jupyter_client may launch kernels
// from a thread that ends while the server lives.)
func watchParent(ctx context.Context, stop context.CancelFunc, logf func(string, ...any)) {
	ppid := os.Getppid()
	jpy, _ := strconv.Atoi(os.Getenv("JPY_PARENT_PID"))
	gone := func() bool {
		return os.Getppid() != ppid || jpy > 0 && syscall.Kill(jpy, 0) == syscall.ESRCH
	}
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for !gone() {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
		logf("the process that started the kernel is gone: shutting down (parent %d, was %d; JPY_PARENT_PID %d)", os.Getppid(), ppid, jpy)
		stop()
	}()
}

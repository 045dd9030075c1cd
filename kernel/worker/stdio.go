package worker

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// stdio keeps the worker's output channel out of a cell's reach.
//
// The supervisor reads fds 1 and 2 as one ordered stream cut by sync
// markers. yaegi binds a cell's os.Stdout and os.Stderr to the files the
// session is given, so a cell can close them. Were those fds 1 and 2, all
// later output would be lost and the next file the cell opened would get
// fd 1 and the markers. So the session and os.Stdout/os.Stderr get
// duplicates of fds 1 and 2, the markers go to other duplicates no cell
// sees, and a worker whose cell closed its output is retired after the
// cell (see Outcome.Retire).
type stdio struct {
	// stdout and stderr are the cells' os.Stdout and os.Stderr.
	stdout, stderr *os.File
	// markers are the fds the sync markers are written to.
	markers [2]int
}

// protectStdio sets os.Stdout and os.Stderr to duplicates of fds 1 and 2.
func protectStdio() (*stdio, error) {
	var fds [4]int
	for i := range fds {
		fd, err := dupCloexec(1 + i%2)
		if err != nil {
			for _, f := range fds[:i] {
				syscall.Close(f)
			}
			return nil, err
		}
		fds[i] = fd
	}
	s := &stdio{
		stdout:  os.NewFile(uintptr(fds[0]), "/dev/stdout"),
		stderr:  os.NewFile(uintptr(fds[1]), "/dev/stderr"),
		markers: [2]int{fds[2], fds[3]},
	}
	os.Stdout, os.Stderr = s.stdout, s.stderr
	return s, nil
}

// closedByCell reports whether a cell closed os.Stdout or os.Stderr.
func (s *stdio) closedByCell() bool { return closed(s.stdout) || closed(s.stderr) }

func closed(f *os.File) bool {
	_, err := f.Write(nil)
	return errors.Is(err, os.ErrClosed)
}

func dupCloexec(fd int) (int, error) {
	nfd, err := syscall.Dup(fd)
	if err != nil {
		return -1, fmt.Errorf("duplicating fd %d: %w", fd, err)
	}
	syscall.CloseOnExec(nfd)
	return nfd, nil
}

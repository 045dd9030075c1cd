package session

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// panicFilter passes the interpreter's stderr on, keeping back the
// "L:C: panic: ..." lines yaegi prints for a runtime panic and remembering
// the outermost line.
type panicFilter struct {
	w      io.Writer
	mu     sync.Mutex
	frames []frame
	buf    []byte
}

// frame is one "L:C: panic: main.f(...)" line yaegi prints, innermost first.
type frame struct {
	line int
	fn   string
}

var panicLine = regexp.MustCompile(`^(\d+):(\d+): panic: ([^\s(]*)`)

func (f *panicFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, p...)
	for {
		i := strings.IndexByte(string(f.buf), '\n')
		if i < 0 {
			break
		}
		line := string(f.buf[:i+1])
		f.buf = f.buf[i+1:]
		if m := panicLine.FindStringSubmatch(line); m != nil {
			l, _ := strconv.Atoi(m[1])
			f.frames = append(f.frames, frame{l, strings.TrimPrefix(m[3], "main.")})
			continue
		}
		if _, err := io.WriteString(f.w, line); err != nil {
			return len(p), err
		}
	}
	if len(f.buf) > 0 && !panicLine.Match(f.buf) && !isDigits(f.buf) {
		_, err := f.w.Write(f.buf)
		f.buf = f.buf[:0]
		return len(p), err
	}
	return len(p), nil
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if (c < '0' || c > '9') && c != ':' {
			return false
		}
	}
	return true
}

func (f *panicFilter) reset() {
	f.mu.Lock()
	f.frames = nil
	f.mu.Unlock()
}

func (f *panicFilter) stack() []frame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]frame(nil), f.frames...)
}

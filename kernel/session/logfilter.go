package session

import (
	"bytes"
	"io"
	"log"
	"sync"
)

// yaegi's compiler reports some internal failures with log.Panic and
// recovers from them (it then retries the declaration); the standard
// logger would print them into the cell's stderr. These are the messages.
var yaegiLogPanics = [][]byte{[]byte(" nil type\n"), []byte(" nil reflect type\n"), []byte("compositeGenerator not implemented")}

// quietYaegiLog installs, once per process, a filter on the standard
// logger that drops yaegi's internal log.Panic lines and passes every
// other line (a cell's log.Println) through unchanged.
var quietYaegiLog = sync.OnceFunc(func() {
	log.SetOutput(logFilter{log.Writer()})
})

type logFilter struct{ w io.Writer }

func (f logFilter) Write(p []byte) (int, error) {
	for _, m := range yaegiLogPanics {
		if bytes.HasSuffix(p, m) || bytes.Contains(p, m) && m[0] != ' ' {
			return len(p), nil
		}
	}
	return f.w.Write(p)
}

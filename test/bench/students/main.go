// Command students runs the compiled-Go versions of the student programs
// that test/bench/students.py times as gocurve cells and as CPython. Each
// program prints its own elapsed time in milliseconds and a checksum, so the
// three languages are timed the same way: from inside the program, after
// its data is built.
//
//	go run ./test/bench/students loop|gd|gradient|run|method|func|words
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/optim"
)

type counter struct{ n float64 }

func (c *counter) add(k float64) { c.n += k }

func addTo(c *counter, k float64) { c.n += k }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: students loop|gd|gradient|run|method|func|words")
		os.Exit(2)
	}
	var words []string
	if os.Args[1] == "words" {
		words = make([]string, 1000000)
		for i := range words {
			words[i] = "w" + strconv.Itoa(i*7919%1000)
		}
	}
	t0 := time.Now()
	var check float64
	switch os.Args[1] {
	case "loop":
		s := 0.0
		for i := 0; i < 10000000; i++ {
			s += float64(i) * 0.5
		}
		check = s
	case "gd":
		x, y := 1.0, 1.0
		for k := 0; k < 100000; k++ {
			gx, gy := 2*x, 20*y
			x -= 0.01 * gx
			y -= 0.01 * gy
		}
		check = x + y
	case "gradient":
		f := func(p []float64) float64 { return p[0]*p[0] + 10*p[1]*p[1] }
		p, g := []float64{1, 2}, make([]float64, 2)
		for k := 0; k < 10000; k++ {
			hessian.Gradient(g, f, p, nil)
		}
		check = g[0] + g[1]
	case "run":
		obj := hessian.Funcs{
			F: func(p []float64) float64 { return p[0]*p[0] + 10*p[1]*p[1] },
			G: func(g, p []float64) { g[0], g[1] = 2*p[0], 20*p[1] },
		}
		tr, err := optim.Run(&optim.GD{LR: 0.01}, obj, []float64{1, 1}, &optim.Settings{MaxSteps: 10000})
		if err != nil {
			panic(err)
		}
		check = tr.Theta[0] + tr.Theta[1]
	case "method":
		c := &counter{}
		for i := 0; i < 1000000; i++ {
			c.add(1)
		}
		check = c.n
	case "func":
		c := &counter{}
		for i := 0; i < 1000000; i++ {
			addTo(c, 1)
		}
		check = c.n
	case "words":
		counts := map[string]int{}
		for _, w := range words {
			counts[w]++
		}
		check = float64(len(counts) + counts["w0"])
	default:
		fmt.Fprintln(os.Stderr, "students: unknown program", os.Args[1])
		os.Exit(2)
	}
	fmt.Printf("%.3f %g\n", float64(time.Since(t0).Microseconds())/1000, check)
}

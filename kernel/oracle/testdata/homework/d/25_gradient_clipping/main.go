package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

type ClipMode int

const (
	NoClip ClipMode = iota
	ClipNorm
	ClipValue
)

func (m ClipMode) String() string {
	switch m {
	case NoClip:
		return "none"
	case ClipNorm:
		return "by-norm"
	case ClipValue:
		return "by-value"
	}
	return fmt.Sprintf("ClipMode(%d)", int(m))
}

// clip modifies g in place and reports whether it changed anything.
func clip(g []float64, mode ClipMode, threshold float64) bool {
	switch mode {
	case ClipNorm:
		n := floats.Norm(g, 2)
		if n > threshold {
			floats.Scale(threshold/n, g)
			return true
		}
	case ClipValue:
		changed := false
		for i, v := range g {
			if v > threshold {
				g[i], changed = threshold, true
			} else if v < -threshold {
				g[i], changed = -threshold, true
			}
		}
		return changed
	}
	return false
}

// f(x, y) = x^4/4 + 5 y^2 : gradients explode far from the origin
func loss(p []float64) float64 { return math.Pow(p[0], 4)/4 + 5*p[1]*p[1] }
func grad(p []float64) []float64 {
	return []float64{p[0] * p[0] * p[0], 10 * p[1]}
}

type stats struct {
	Mode      ClipMode
	Clipped   int
	MaxNorm   float64
	FinalLoss float64
	Final     []float64
}

func run(mode ClipMode, thr float64) stats {
	p := []float64{7, 1}
	s := stats{Mode: mode}
	for k := 0; k < 300; k++ {
		g := grad(p)
		s.MaxNorm = math.Max(s.MaxNorm, floats.Norm(g, 2))
		if clip(g, mode, thr) {
			s.Clipped++
		}
		floats.AddScaled(p, -0.05, g)
		if l := loss(p); math.IsInf(l, 0) || math.IsNaN(l) || l > 1e100 {
			s.FinalLoss = math.Inf(1)
			s.Final = p
			return s
		}
	}
	s.FinalLoss = loss(p)
	s.Final = p
	return s
}

func main() {
	g := []float64{3, -4, 12}
	fmt.Printf("g=%v |g|=%.1f\n", g, floats.Norm(g, 2))
	a := append([]float64(nil), g...)
	clip(a, ClipNorm, 6.5)
	b := append([]float64(nil), g...)
	clip(b, ClipValue, 5)
	fmt.Printf("clip by norm 6.5:  %.4f (norm %.4f)\n", a, floats.Norm(a, 2))
	fmt.Printf("clip by value 5:   %.4f (direction changed: cos=%.4f)\n", b,
		floats.Dot(b, g)/(floats.Norm(b, 2)*floats.Norm(g, 2)))

	fmt.Println()
	for _, mode := range []ClipMode{NoClip, ClipNorm, ClipValue} {
		s := run(mode, 5)
		fmt.Printf("%-9v clipped=%3d maxnorm=%.4e final loss=%.6e at %.4f\n",
			s.Mode, s.Clipped, s.MaxNorm, s.FinalLoss, s.Final)
	}
	fmt.Printf("%v\n", run(ClipNorm, 1))
	fmt.Println(ClipMode(7))
}

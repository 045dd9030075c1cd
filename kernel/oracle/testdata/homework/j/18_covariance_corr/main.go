package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

type Column []float64

func (c Column) Mean() float64 {
	s := 0.0
	for _, v := range c {
		s += v
	}
	return s / float64(len(c))
}

func (c Column) Ranks() Column {
	idx := make([]int, len(c))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return c[idx[a]] < c[idx[b]] })
	r := make(Column, len(c))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && c[idx[j+1]] == c[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1 // ties get the average rank
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

type Feature struct {
	Column
	Name string
	Unit string
}

func (f Feature) String() string {
	return fmt.Sprintf("%s [%s] mean=%.2f", f.Name, f.Unit, f.Mean())
}

func cov(a, b Column) float64 {
	ma, mb := a.Mean(), b.Mean()
	s := 0.0
	for i := range a {
		s += (a[i] - ma) * (b[i] - mb)
	}
	return s / float64(len(a)-1)
}

func pearson(a, b Column) float64 {
	return cov(a, b) / math.Sqrt(cov(a, a)*cov(b, b))
}

func spearman(a, b Column) float64 {
	return pearson(a.Ranks(), b.Ranks())
}

var features = []Feature{
	{Column{160, 172, 181, 158, 175, 169, 190, 165, 178, 184}, "height", "cm"},
	{Column{55, 70, 82, 52, 74, 63, 95, 60, 77, 88}, "weight", "kg"},
	{Column{23, 31, 27, 45, 22, 38, 29, 51, 34, 26}, "age", "yr"},
	{Column{7.5, 6.0, 6.5, 8.0, 7.0, 6.0, 5.5, 8.5, 6.5, 7.0}, "sleep", "h"},
}

func main() {
	for _, f := range features {
		fmt.Println(f)
	}
	n, p := len(features[0].Column), len(features)
	X := mat.NewDense(n, p, nil)
	for j, f := range features {
		X.SetCol(j, f.Column)
	}

	mine := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			mine.SetSym(i, j, cov(features[i].Column, features[j].Column))
		}
	}
	var ref mat.SymDense
	stat.CovarianceMatrix(&ref, X, nil)
	fmt.Printf("\ncovariance matrix (mine):\n%.3f\n", mat.Formatted(mine, mat.Squeeze()))
	fmt.Printf("matches stat.CovarianceMatrix: %v\n", mat.EqualApprox(mine, &ref, 1e-9))

	var corr mat.SymDense
	stat.CorrelationMatrix(&corr, X, nil)
	fmt.Println("\ncorrelation matrix (stat.CorrelationMatrix):")
	header := []string{"      "}
	for _, f := range features {
		header = append(header, fmt.Sprintf("%8s", f.Name))
	}
	fmt.Println(strings.Join(header, ""))
	for i, f := range features {
		fmt.Printf("%-6s", f.Name)
		for j := 0; j < p; j++ {
			fmt.Printf("%8.3f", corr.At(i, j))
		}
		fmt.Println()
	}

	fmt.Println("\npairwise: pearson (mine / gonum) and spearman")
	for i := 0; i < p; i++ {
		for j := i + 1; j < p; j++ {
			a, b := features[i], features[j]
			pm := pearson(a.Column, b.Column)
			pg := stat.Correlation(a.Column, b.Column, nil)
			fmt.Printf("  %-6s ~ %-6s  r=%+.4f / %+.4f  rho=%+.4f  %s\n",
				a.Name, b.Name, pm, pg, spearman(a.Column, b.Column), strength(pm))
		}
	}

	alpha, beta := stat.LinearRegression(features[0].Column, features[1].Column, nil, false)
	r2 := stat.RSquared(features[0].Column, features[1].Column, nil, alpha, beta)
	fmt.Printf("\nweight = %.3f + %.4f * height   (R^2 = %.4f)\n", alpha, beta, r2)
	fmt.Printf("slope check: cov/var = %.4f\n", cov(features[0].Column, features[1].Column)/cov(features[0].Column, features[0].Column))
	fmt.Printf("ranks of sleep (ties averaged): %v\n", features[3].Ranks())
}

func strength(r float64) string {
	switch a := math.Abs(r); {
	case a > 0.8:
		return "strong"
	case a > 0.5:
		return "moderate"
	case a > 0.2:
		return "weak"
	default:
		return "none"
	}
}

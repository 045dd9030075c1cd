package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
)

const (
	rows = 10
	cols = 8
)

type Approx struct {
	Rank    int
	FroErr  float64
	SpecErr float64
	Energy  float64
}

type ApproxTable []Approx

func (t ApproxTable) Write(sigma []float64) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "k\t||A-A_k||_F\tsqrt(sum s_i^2, i>k)\t||A-A_k||_2\ts_{k+1}\tenergy\t")
	for _, a := range t {
		tail := 0.0
		for _, s := range sigma[a.Rank:] {
			tail += s * s
		}
		next := 0.0
		if a.Rank < len(sigma) {
			next = sigma[a.Rank]
		}
		fmt.Fprintf(tw, "%d\t%.6f\t%.6f\t%.6f\t%.6f\t%.2f%%\t\n",
			a.Rank, a.FroErr, math.Sqrt(tail), a.SpecErr, next, 100*a.Energy)
	}
	tw.Flush()
}

// buildMatrix makes a smooth ridge "image" plus a small checkerboard pattern.
func buildMatrix() *mat.Dense {
	A := mat.NewDense(rows, cols, nil)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			x := float64(i) / (rows - 1)
			y := float64(j) / (cols - 1)
			v := 1 / (1 + 4*(x-y)*(x-y))
			v += 0.5 * x * y
			if (i+j)%2 == 0 {
				v += 0.02
			}
			A.Set(i, j, v)
		}
	}
	return A
}

func lowRank(svd *mat.SVD, k int) *mat.Dense {
	var U, V mat.Dense
	svd.UTo(&U)
	svd.VTo(&V)
	s := svd.Values(nil)
	Ak := mat.NewDense(rows, cols, nil)
	for r := 0; r < k; r++ {
		var outer mat.Dense
		outer.Outer(s[r], U.ColView(r), V.ColView(r))
		Ak.Add(Ak, &outer)
	}
	return Ak
}

func spectralNorm(m mat.Matrix) float64 {
	var s mat.SVD
	if !s.Factorize(m, mat.SVDNone) {
		return math.NaN()
	}
	return s.Values(nil)[0]
}

func main() {
	A := buildMatrix()
	var svd mat.SVD
	if ok := svd.Factorize(A, mat.SVDThin); !ok {
		fmt.Println("SVD failed")
		return
	}
	sigma := svd.Values(nil)
	fmt.Println("singular values:")
	for i, s := range sigma {
		fmt.Printf("  s_%d = %.4e\n", i+1, s)
	}
	total := 0.0
	for _, s := range sigma {
		total += s * s
	}
	fmt.Printf("||A||_F = %.6f, sqrt(sum s^2) = %.6f\n", mat.Norm(A, 2), math.Sqrt(total))
	fmt.Printf("numerical rank (tol 1e-10): %d\n\n", svd.Rank(1e-10))

	var table ApproxTable
	captured := 0.0
	for k := 1; k <= 5; k++ {
		captured += sigma[k-1] * sigma[k-1]
		Ak := lowRank(&svd, k)
		var E mat.Dense
		E.Sub(A, Ak)
		table = append(table, Approx{
			Rank:    k,
			FroErr:  mat.Norm(&E, 2),
			SpecErr: spectralNorm(&E),
			Energy:  captured / total,
		})
	}
	table.Write(sigma)

	k := 2
	A2 := lowRank(&svd, k)
	fmt.Printf("\nrank-%d reconstruction of the top-left 4x4 block:\n", k)
	fmt.Printf("%.4f\n", mat.Formatted(A2.Slice(0, 4, 0, 4)))
	fmt.Printf("original block:\n%.4f\n", mat.Formatted(A.Slice(0, 4, 0, 4)))

	storeFull := rows * cols
	storeK := k * (rows + cols + 1)
	fmt.Printf("\nstorage: full %d numbers, rank-%d %d numbers (%.1f%%)\n",
		storeFull, k, storeK, 100*float64(storeK)/float64(storeFull))
}

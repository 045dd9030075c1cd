package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
)

type NormKind int

const (
	One NormKind = iota
	Inf
	Frobenius
	Spectral
)

var eps = math.Nextafter(1, 2) - 1

var normNames = map[NormKind]string{One: "1-norm", Inf: "inf-norm", Frobenius: "Frobenius", Spectral: "2-norm"}

func (k NormKind) String() string { return normNames[k] }

// gonumOrd maps our kind onto the ord argument of mat.Norm / mat.Cond.
func (k NormKind) gonumOrd() float64 {
	switch k {
	case One:
		return 1
	case Inf:
		return math.Inf(1)
	case Spectral:
		return 2 // for mat.Cond; mat.Norm uses 2 for Frobenius
	}
	return 2
}

func myNorm(A mat.Matrix, k NormKind) float64 {
	r, c := A.Dims()
	switch k {
	case One:
		best := 0.0
		for j := 0; j < c; j++ {
			s := 0.0
			for i := 0; i < r; i++ {
				s += math.Abs(A.At(i, j))
			}
			best = math.Max(best, s)
		}
		return best
	case Inf:
		return myNorm(A.T(), One)
	case Frobenius:
		s := 0.0
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				s += A.At(i, j) * A.At(i, j)
			}
		}
		return math.Sqrt(s)
	default:
		return spectralByPower(A)
	}
}

// spectralByPower runs power iteration on A^T A.
func spectralByPower(A mat.Matrix) float64 {
	_, c := A.Dims()
	var ata mat.Dense
	ata.Mul(A.T(), A)
	v := mat.NewVecDense(c, nil)
	for i := 0; i < c; i++ {
		v.SetVec(i, 1/math.Sqrt(float64(c)))
	}
	lambda := 0.0
	for it := 0; it < 500; it++ {
		var w mat.VecDense
		w.MulVec(&ata, v)
		nl := mat.Norm(&w, 2)
		w.ScaleVec(1/nl, &w)
		v = &w
		if math.Abs(nl-lambda) < 1e-13*nl {
			lambda = nl
			break
		}
		lambda = nl
	}
	return math.Sqrt(lambda)
}

func hilbert(n int) *mat.Dense {
	H := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			H.Set(i, j, 1/float64(i+j+1))
		}
	}
	return H
}

func main() {
	A := mat.NewDense(3, 3, []float64{
		4, -2, 1,
		3, 6, -4,
		2, 1, 8,
	})
	fmt.Printf("A =\n%v\n\n", mat.Formatted(A))
	fmt.Printf("%-10s %12s %12s\n", "norm", "mine", "gonum")
	for _, k := range []NormKind{One, Inf, Frobenius} {
		fmt.Printf("%-10v %12.6f %12.6f\n", k, myNorm(A, k), mat.Norm(A, k.gonumOrd()))
	}
	var svd mat.SVD
	svd.Factorize(A, mat.SVDNone)
	fmt.Printf("%-10v %12.6f %12.6f  (largest singular value)\n", Spectral, myNorm(A, Spectral), svd.Values(nil)[0])

	var inv mat.Dense
	if err := inv.Inverse(A); err != nil {
		fmt.Println("inverse failed:", err)
		return
	}
	fmt.Println("\ncondition numbers ||A|| * ||A^-1|| (gonum uses an LU-based estimate for 1 and inf):")
	for _, k := range []NormKind{One, Inf, Spectral} {
		mine := myNorm(A, k) * myNorm(&inv, k)
		fmt.Printf("  %-8v exact=%.6f  mat.Cond=%.6f\n", k, mine, mat.Cond(A, k.gonumOrd()))
	}

	fmt.Println("\nHilbert matrices:")
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "n\tcond_2\tlog10\tdigits lost\terr <= 10*cond*eps\terr >= 1e-12\t")
	for n := 2; n <= 10; n += 2 {
		H := hilbert(n)
		c := mat.Cond(H, 2)
		ones := make([]float64, n)
		for i := range ones {
			ones[i] = 1
		}
		var b, x mat.VecDense
		b.MulVec(H, mat.NewVecDense(n, ones))
		_ = x.SolveVec(H, &b) // the Condition warning is expected for large n
		var d mat.VecDense
		d.SubVec(&x, mat.NewVecDense(n, ones))
		relErr := mat.Norm(&d, 2) / math.Sqrt(float64(n))
		fmt.Fprintf(tw, "%d\t%.2e\t%.1f\t~%d\t%v\t%v\t\n", n, c, math.Log10(c), int(math.Round(math.Log10(c))),
			relErr <= 10*c*eps, relErr >= 1e-12)
	}
	tw.Flush()

	fmt.Println("\nperturbation test on A: relative change in x vs bound cond*rel change in b")
	b := mat.NewVecDense(3, []float64{1, 2, 3})
	var x0 mat.VecDense
	_ = x0.SolveVec(A, b)
	for _, eps := range []float64{1e-2, 1e-4, 1e-6} {
		db := mat.NewVecDense(3, []float64{eps, -eps, eps})
		var bp, xp, dx mat.VecDense
		bp.AddVec(b, db)
		_ = xp.SolveVec(A, &bp)
		dx.SubVec(&xp, &x0)
		relX := mat.Norm(&dx, 2) / mat.Norm(&x0, 2)
		relB := mat.Norm(db, 2) / mat.Norm(b, 2)
		bound := mat.Cond(A, 2) * relB
		fmt.Printf("  eps=%.0e  rel dx=%.3e  bound=%.3e  within bound: %v\n", eps, relX, bound, relX <= bound)
	}
}

package hessian_test

import (
	"fmt"

	"github.com/gocurve/gocurve/lib/hessian"
	"gonum.org/v1/gonum/mat"
)

// Only the eigenvalues: Factorize(h, false) skips the eigenvectors, which
// cost several times more than the values.
func ExampleEigenSym() {
	h := mat.NewSymDense(2, []float64{
		2, 1,
		1, 2,
	})
	var es hessian.EigenSym
	if !es.Factorize(h, false) {
		fmt.Println("did not converge")
		return
	}
	fmt.Printf("%.4f\n", es.Values(nil))
	// Output:
	// [1.0000 3.0000]
}

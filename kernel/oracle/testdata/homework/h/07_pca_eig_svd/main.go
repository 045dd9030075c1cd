// Homework 7: PCA two ways - eigen-decomposition of the covariance matrix
// and SVD of the centered data matrix. Report explained variance ratios.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

const (
	nObs = 200
	dim  = 4
)

type PCAResult struct {
	Method    string
	Variances []float64
	Comps     *mat.Dense // columns are components
}

func (r PCAResult) Explained() []float64 {
	tot := floats.Sum(r.Variances)
	out := make([]float64, len(r.Variances))
	floats.ScaleTo(out, 1/tot, r.Variances)
	return out
}

func genData() *mat.Dense {
	rng := rand.New(rand.NewPCG(1, 2))
	// latent 2-D signal mixed into 4-D plus small noise
	mix := mat.NewDense(2, dim, []float64{
		3, 1, 0.5, 0,
		0, 1, -1, 0.8,
	})
	data := mat.NewDense(nObs, dim, nil)
	for i := 0; i < nObs; i++ {
		z := mat.NewDense(1, 2, []float64{rng.NormFloat64(), 0.6 * rng.NormFloat64()})
		var row mat.Dense
		row.Mul(z, mix)
		for j := 0; j < dim; j++ {
			data.Set(i, j, row.At(0, j)+0.1*rng.NormFloat64()+float64(j))
		}
	}
	return data
}

func center(m *mat.Dense) *mat.Dense {
	r, c := m.Dims()
	out := mat.NewDense(r, c, nil)
	for j := 0; j < c; j++ {
		col := mat.Col(nil, j, m)
		mu := stat.Mean(col, nil)
		for i := range col {
			out.Set(i, j, col[i]-mu)
		}
	}
	return out
}

// fixSigns flips each column so that its largest-magnitude entry is positive.
func fixSigns(m *mat.Dense) {
	r, c := m.Dims()
	for j := 0; j < c; j++ {
		best := 0
		for i := 1; i < r; i++ {
			if math.Abs(m.At(i, j)) > math.Abs(m.At(best, j)) {
				best = i
			}
		}
		if m.At(best, j) < 0 {
			for i := 0; i < r; i++ {
				m.Set(i, j, -m.At(i, j))
			}
		}
	}
}

func pcaEigen(data *mat.Dense) PCAResult {
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, data, nil)
	var es mat.EigenSym
	es.Factorize(&cov, true)
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	// EigenSym gives ascending order; reverse to descending
	idx := make([]int, dim)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return vals[idx[a]] > vals[idx[b]] })
	comps := mat.NewDense(dim, dim, nil)
	sorted := make([]float64, dim)
	for k, i := range idx {
		sorted[k] = vals[i]
		comps.SetCol(k, mat.Col(nil, i, &vecs))
	}
	fixSigns(comps)
	return PCAResult{"EigenSym", sorted, comps}
}

func pcaSVD(data *mat.Dense) PCAResult {
	xc := center(data)
	var svd mat.SVD
	if !svd.Factorize(xc, mat.SVDThin) {
		panic("svd failed")
	}
	s := svd.Values(nil)
	vars := make([]float64, len(s))
	for i, v := range s {
		vars[i] = v * v / float64(nObs-1)
	}
	var v mat.Dense
	svd.VTo(&v)
	fixSigns(&v)
	return PCAResult{"SVD", vars, &v}
}

func main() {
	data := genData()
	means := make([]float64, dim)
	for j := range means {
		means[j] = stat.Mean(mat.Col(nil, j, data), nil)
	}
	fmt.Printf("column means: %.3f\n", means)

	results := []PCAResult{pcaEigen(data), pcaSVD(data)}
	for _, r := range results {
		fmt.Printf("[%s]\n", r.Method)
		fmt.Printf("  variances: %.4f\n", r.Variances)
		fmt.Printf("  explained: %.4f\n", r.Explained())
		cum := 0.0
		for k, e := range r.Explained() {
			cum += e
			if cum >= 0.95 {
				fmt.Printf("  components for 95%%: %d\n", k+1)
				break
			}
		}
		fmt.Printf("  first two components:\n  %.4f\n", mat.Formatted(r.Comps.Slice(0, dim, 0, 2), mat.Prefix("  ")))
	}
	var diff mat.Dense
	diff.Sub(results[0].Comps, results[1].Comps)
	fmt.Printf("components agree: %v\n", mat.Norm(&diff, math.Inf(1)) < 1e-8)
	fmt.Printf("variances agree:  %v\n", floats.EqualApprox(results[0].Variances, results[1].Variances, 1e-9))

	// project first 3 points onto the top 2 PCs
	xc := center(data)
	var proj mat.Dense
	proj.Mul(xc.Slice(0, 3, 0, dim), results[1].Comps.Slice(0, dim, 0, 2))
	fmt.Printf("projections of first 3 rows:\n  %.4f\n", mat.Formatted(&proj, mat.Prefix("  ")))
}

// Homework 22: early stopping. A high-degree polynomial model is trained
// with gradient descent; we monitor validation loss and stop when it has
// not improved for `patience` checks, keeping the best weights.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

const (
	degree   = 9
	nTrain   = 14
	nVal     = 30
	checkInt = 200
	patience = 5
	maxEpoch = 200000
)

type Split struct {
	X *mat.Dense
	Y *mat.VecDense
}

var featMean, featStd []float64

func truth(x float64) float64 { return math.Sin(math.Pi*x) + 0.3*x }

func features(xs []float64) *mat.Dense {
	F := mat.NewDense(len(xs), degree+1, nil)
	for i, x := range xs {
		for p := 0; p <= degree; p++ {
			F.Set(i, p, math.Pow(x, float64(p)))
		}
	}
	return F
}

// standardize columns 1..degree using statistics from the training set.
func standardize(F *mat.Dense, fit bool) {
	r, c := F.Dims()
	if fit {
		featMean = make([]float64, c)
		featStd = make([]float64, c)
		for j := 1; j < c; j++ {
			col := mat.Col(nil, j, F)
			featMean[j], featStd[j] = stat.MeanStdDev(col, nil)
		}
	}
	for j := 1; j < c; j++ {
		for i := 0; i < r; i++ {
			F.Set(i, j, (F.At(i, j)-featMean[j])/featStd[j])
		}
	}
}

func makeSplit(rng *rand.Rand, n int, fit bool) Split {
	xs := make([]float64, n)
	ys := make([]float64, n)
	for i := range xs {
		xs[i] = -1 + 2*rng.Float64()
		ys[i] = truth(xs[i]) + 0.25*rng.NormFloat64()
	}
	F := features(xs)
	standardize(F, fit)
	return Split{F, mat.NewVecDense(n, ys)}
}

func (s Split) MSE(w *mat.VecDense) float64 {
	var r mat.VecDense
	r.MulVec(s.X, w)
	r.SubVec(&r, s.Y)
	n, _ := s.X.Dims()
	return mat.Dot(&r, &r) / float64(n)
}

func (s Split) Grad(w *mat.VecDense) *mat.VecDense {
	var r mat.VecDense
	r.MulVec(s.X, w)
	r.SubVec(&r, s.Y)
	g := mat.NewVecDense(degree+1, nil)
	g.MulVec(s.X.T(), &r)
	n, _ := s.X.Dims()
	g.ScaleVec(2/float64(n), g)
	return g
}

var ErrDiverged = errors.New("training diverged")

type History struct {
	BestEpoch   int
	BestVal     float64
	StoppedAt   int
	BestWeights *mat.VecDense
}

func fit(train, val Split, step float64) (History, error) {
	w := mat.NewVecDense(degree+1, nil)
	h := History{BestVal: math.Inf(1)}
	bad := 0
	for ep := 1; ep <= maxEpoch; ep++ {
		w.AddScaledVec(w, -step, train.Grad(w))
		if ep%checkInt != 0 {
			continue
		}
		tr, va := train.MSE(w), val.MSE(w)
		if math.IsNaN(tr) || tr > 1e6 {
			return h, fmt.Errorf("epoch %d: %w", ep, ErrDiverged)
		}
		if ep%(checkInt*5) == 0 || ep <= checkInt*2 {
			fmt.Printf("  epoch %6d  train %.5f  val %.5f\n", ep, tr, va)
		}
		if va < h.BestVal-1e-6 {
			h.BestVal, h.BestEpoch, bad = va, ep, 0
			h.BestWeights = mat.VecDenseCopyOf(w)
		} else if bad++; bad >= patience {
			h.StoppedAt = ep
			return h, nil
		}
	}
	h.StoppedAt = maxEpoch
	return h, nil
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	train := makeSplit(rng, nTrain, true)
	val := makeSplit(rng, nVal, false)
	fmt.Printf("degree %d polynomial, %d train / %d val points\n", degree, nTrain, nVal)

	L := smoothness(train)
	fmt.Printf("smoothness constant L = %.4f, so 2/L = %.4f\n", L, 2/L)
	if _, err := fit(train, val, 2.2/L); err != nil {
		fmt.Println("lr=2.2/L:", err, "| is ErrDiverged:", errors.Is(err, ErrDiverged))
	}
	lr := 1 / L
	fmt.Printf("training with lr=1/L=%.4f:\n", lr)
	h, err := fit(train, val, lr)
	if err != nil {
		fmt.Println("unexpected:", err)
		return
	}
	fmt.Printf("stopped at epoch %d, best epoch %d, best val MSE %.5f\n", h.StoppedAt, h.BestEpoch, h.BestVal)
	fmt.Printf("train MSE at best weights: %.5f\n", train.MSE(h.BestWeights))

	// compare with the least squares solution (the "train forever" limit)
	var ls mat.VecDense
	if err := ls.SolveVec(train.X, train.Y); err != nil {
		fmt.Println("least squares:", err)
		return
	}
	fmt.Printf("least squares: train MSE %.5f, val MSE %.4g\n", train.MSE(&ls), val.MSE(&ls))
	fmt.Printf("|w| early-stopped %.3f vs least squares %.1f\n", mat.Norm(h.BestWeights, 2), mat.Norm(&ls, 2))
}

// smoothness returns the largest eigenvalue of the MSE Hessian 2/n X^T X.
func smoothness(s Split) float64 {
	n, _ := s.X.Dims()
	var H mat.SymDense
	H.SymOuterK(2/float64(n), s.X.T())
	var es mat.EigenSym
	if !es.Factorize(&H, false) {
		panic("eigen decomposition failed")
	}
	v := es.Values(nil)
	return v[len(v)-1]
}

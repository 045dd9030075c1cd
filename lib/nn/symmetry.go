package nn

import (
	"fmt"
	"math/big"
)

// PermuteHidden returns the parameters of the same function with the units of
// hidden layer l (1 ≤ l ≤ L−1) reordered: new unit i is old unit perm[i].
// Row i of W_l and entry i of b_l become old row and entry perm[i], and
// column i of W_{l+1} becomes old column perm[i]. Since
// W_{l+1} σ(P(W_l h + b_l)) = (W_{l+1}Pᵀ) σ(P W_l h + P b_l) for a permutation
// matrix P, the network output and the loss are unchanged: every minimum has
// HiddenPermutations() copies. dst is allocated if nil and may be params. It
// panics if l is not a hidden layer or perm is not a permutation of 0…d_l−1.
func (m MLP) PermuteHidden(dst, params []float64, l int, perm []int) []float64 {
	m.checkParams(params, "PermuteHidden")
	m.checkHidden(l, "PermuteHidden")
	d := m.Sizes[l]
	if len(perm) != d {
		panic(fmt.Sprintf("nn: PermuteHidden: len(perm) = %d, want d_%d = %d", len(perm), l, d))
	}
	seen := make([]bool, d)
	for _, p := range perm {
		if p < 0 || p >= d || seen[p] {
			panic(fmt.Sprintf("nn: PermuteHidden: %v is not a permutation of 0…%d", perm, d-1))
		}
		seen[p] = true
	}
	src := append([]float64(nil), params...) // dst may be params
	dst = m.dstParams(dst, "PermuteHidden")
	copy(dst, src)
	win, wout := m.Weights(src, l), m.Weights(src, l+1)
	nin, nout := m.Weights(dst, l), m.Weights(dst, l+1)
	bin, nb := m.Bias(src, l), m.Bias(dst, l)
	for i, p := range perm {
		nin.SetRow(i, win.RawRowView(p))
		nb[i] = bin[p]
		for r := range m.Sizes[l+1] {
			nout.Set(r, i, wout.At(r, p))
		}
	}
	return dst
}

// RescaleUnit returns the parameters with unit i of hidden layer l rescaled:
// row i of W_l and b_l[i] multiplied by c > 0, column i of W_{l+1} by 1/c.
// For a positively homogeneous activation (ReLU, Linear: σ(c a) = c σ(a) for
// c > 0) the function is unchanged, so minima of ReLU networks come in
// continuous families. dst is allocated if nil and may be params. It panics
// if c ≤ 0, if l is not a hidden layer, or if σ_l is not ReLU or Linear.
func (m MLP) RescaleUnit(dst, params []float64, l, i int, c float64) []float64 {
	m.checkParams(params, "RescaleUnit")
	m.checkHidden(l, "RescaleUnit")
	if a := m.Activations[l-1]; a != ReLU && a != Linear {
		panic(fmt.Sprintf("nn: RescaleUnit: layer %d is %v, not positively homogeneous", l, a))
	}
	if !(c > 0) {
		panic(fmt.Sprintf("nn: RescaleUnit: c = %v, want c > 0", c))
	}
	if i < 0 || i >= m.Sizes[l] {
		panic(fmt.Sprintf("nn: RescaleUnit: unit %d out of range [0, %d)", i, m.Sizes[l]))
	}
	dst = m.dstParams(dst, "RescaleUnit")
	copy(dst, params)
	win, wout := m.Weights(dst, l), m.Weights(dst, l+1)
	for j := range m.Sizes[l-1] {
		win.Set(i, j, c*win.At(i, j))
	}
	m.Bias(dst, l)[i] *= c
	for r := range m.Sizes[l+1] {
		wout.Set(r, i, wout.At(r, i)/c)
	}
	return dst
}

// HiddenPermutations returns Π_{l=1}^{L−1} d_l!, the number of hidden-unit
// permutations, each of which maps a minimum to an equivalent one (n!^(L−1)
// for L−1 hidden layers of n units). They are distinct points unless units
// coincide.
func (m MLP) HiddenPermutations() *big.Int {
	m.check()
	n := big.NewInt(1)
	for _, d := range m.Sizes[1 : len(m.Sizes)-1] {
		n.Mul(n, new(big.Int).MulRange(1, int64(d)))
	}
	return n
}

func (m MLP) checkHidden(l int, fn string) {
	if l < 1 || l >= len(m.Sizes)-1 {
		panic(fmt.Sprintf("nn: %s: layer %d is not hidden (hidden layers are 1…%d)", fn, l, len(m.Sizes)-2))
	}
}

func (m MLP) dstParams(dst []float64, fn string) []float64 {
	n := m.NumParams()
	if dst == nil {
		return make([]float64, n)
	}
	if len(dst) != n {
		panic(fmt.Sprintf("nn: %s: len(dst) = %d, want %d", fn, len(dst), n))
	}
	return dst
}

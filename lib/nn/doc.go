// Package nn provides multilayer perceptrons with exact derivatives of their
// training loss: gradients by backpropagation, Hessian-vector products by
// Pearlmutter's R-operator, generalized Gauss-Newton (true Fisher) and
// empirical Fisher products, and dense Hessians assembled from them;
// together with the symmetries of their parameter space (hidden-unit
// permutations, ReLU rescaling), filter-normalised directions for loss
// surfaces (with viz.Plane), initialization schemes, and small synthetic
// data sets for experiments.
//
// # Network and loss
//
// An MLP with layer widths d_0, …, d_L maps an input x = h_0 to the output
// y = h_L through
//
//	a_l = W_l h_{l−1} + b_l,   h_l = σ_l(a_l),   l = 1, …, L,
//
// with per-layer activations σ_l in {Linear, Tanh, Logistic, ReLU}. On data
// X (N×d_0, one example per row) with targets T (N×d_L) the training loss is
// the mean over examples:
//
//	MSE:                  J(θ) = (1/N) Σ_n ½‖y_n − t_n‖²
//	SoftmaxCrossEntropy:  J(θ) = (1/N) Σ_n −Σ_k t_nk log softmax(y_n)_k
//
// The cross-entropy is evaluated with a shifted log-sum-exp so that large
// outputs neither overflow nor lose the loss to cancellation.
//
// # Flat parameter layout
//
// All functions take the parameters θ as one []float64. Layers are stored in
// order l = 1, …, L; each layer stores W_l row-major (d_l rows of d_{l−1}
// entries: W_l[i][j] is the weight from unit j of layer l−1 to unit i of layer
// l), followed by b_l (d_l entries):
//
//	θ = [ W_1 (d_1×d_0) | b_1 | W_2 (d_2×d_1) | b_2 | … | W_L | b_L ]
//
// so len(θ) = Σ_l d_l (d_{l−1} + 1). MLP.Weights and MLP.Bias return views
// of one layer that share memory with θ. In Go code layers are numbered as in
// the formulas, from 1 to L.
//
// # Derivatives
//
// An Objective binds a network to a data set and owns the workspaces, so
// that after the first call Func, Grad, HessVec and GGNVec allocate nothing
// but the goroutines of the parallel matrix products. Products of the form
// A·Bᵀ, which carry almost all the work, use an AVX-512 or AVX2 kernel on
// amd64 CPUs that have one, on both cores, and gonum's Dgemm elsewhere. It keeps
// the forward and backward pass of the last parameters it saw, so repeated
// Hessian-vector products at the same θ (as in Lanczos) cost two batched
// matrix products per layer instead of a full forward-backward pass.
// Its method set is hessian.Objective with exact derivatives (Func, Grad,
// Hess, HessVec), so every tool of package hessian and optim.Run takes it
// as it is. Hessian and GGN return matrix-free operators (Dim, Apply) for
// the eigensolvers of package hessian; Objective.Func is a
// func([]float64) float64 for its finite-difference tools.
package nn

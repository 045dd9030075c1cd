// Package hessian computes and analyses curvature: gradients and Hessians of
// objectives (exact or by finite differences), spectra, critical-point
// classification, one-step analysis of gradient descent, quadratic models in
// closed form, and matrix-free estimates (Lanczos, Hutchinson, stochastic
// Lanczos quadrature) for operators known only through Hessian-vector
// products.
package hessian

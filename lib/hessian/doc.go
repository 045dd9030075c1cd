// Package hessian computes and analyses curvature: gradients and Hessians of
// objectives (exact or by finite differences), spectra, critical-point
// classification, one-step analysis of gradient descent, quadratic models in
// closed form, and matrix-free estimates (Lanczos, Hutchinson, stochastic
// Lanczos quadrature) for operators known only through Hessian-vector
// products.
//
// One name per idea across gocurve: one Quadratic (with +bᵀθ), one Kind of
// critical point, one Objective interface that optim.Run, nn.Objective and
// the landscapes of optim/objective share, and HessVec for every
// Hessian-vector product.
//
// A map from ideas to calls:
//
//	slopes and curvature       Derivative, SecondDerivative, Gradient, Hessian
//	exact derivatives          Objective (Func, Grad), Hessianer, HessVecer;
//	                           Funcs{F, G, H, HV} and Func adapt functions (and a cell's types);
//	                           GradientOf, HessianOf, HessVecOf, SourceOf, HessianEstimate
//	symmetry of ∇²J            SymmetryError, IsSymmetric, Symmetrize
//	Taylor model               NewTaylor, Taylor.At, Taylor.Line, Taylor.AlongLine
//	H = QΛQᵀ                   Eigen, Eigenvalues, Spectrum.Reconstruct, Spectrum.Axes
//	conditioning               Cond, CondAbs, CondOf, Spectrum.Cond
//	definiteness, vᵀHv         DefinitenessOf, DefinitenessOfMatrix, Curvature, RayleighQuotient
//	critical points            Classify, ClassifyAt, Classify1D, SecondDerivativeTest
//	convexity on a box         CheckConvexity
//	one gradient step          GHG, Spectrum.GHG, PredictedChange, BestStep, MaxStableStep,
//	                           Decreases, StepAnalysis
//	quadratics and GD          Quadratic (½θᵀAθ + bᵀθ + c), NewQuadratic, RandomRotation,
//	                           Quadratic.Minimizer, Quadratic.CriticalPoints, Critical,
//	                           Quadratic.GDIterate, Factors, RegimeOf, Regimes,
//	                           GDRate, OptimalStep, HeavyBallRate, HeavyBallParams
//	products of matrices       SymPow, MatPow, SpectralRadius
//	matrix-free curvature      Operator, Dense, FuncOperator, HessianOperator;
//	                           Lanczos, PowerIteration, Hutchinson, HutchPP, SLQ,
//	                           HutchinsonDiag (diag H), CG (H⁻¹v)
//
// Conventions follow gonum: a nil or zero *Settings means sensible
// defaults, a nil dst is allocated, dimension mismatches panic with a
// "hessian:" message, and conditions a caller must handle are errors.
// Randomised methods take a *rand.Rand (math/rand/v2) and default to a fixed
// seed, so results repeat. Long loops stop with an error wrapping
// interrupt.ErrInterrupted when the kernel's interrupt button is pressed.
package hessian

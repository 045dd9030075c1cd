package nn_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/gocurve/gocurve/lib/hessian"
	"github.com/gocurve/gocurve/lib/nn"
	"github.com/gocurve/gocurve/lib/viz"
)

// Train a small tanh network on XOR with full-batch gradient descent and
// look at the curvature where it ends.
func Example() {
	rng := rand.New(rand.NewPCG(1, 2))
	data := nn.XOR(rng, 200, 0.2)
	net := nn.MLP{
		Sizes:       []int{2, 8, 2},
		Activations: []nn.Activation{nn.Tanh, nn.Linear},
		Loss:        nn.SoftmaxCrossEntropy,
	}
	theta := net.InitGlorot(rng)
	obj := nn.NewObjective(net, data)
	fmt.Printf("parameters: %d, initial loss %.3f\n", obj.Dim(), obj.Func(theta))

	g := make([]float64, obj.Dim())
	for range 300 {
		obj.Grad(g, theta)
		floats.AddScaled(theta, -0.5, g) // θ ← θ − α∇J
	}
	fmt.Printf("final loss %.3f, accuracy %.2f\n", obj.Func(theta), nn.Accuracy(obj.Outputs(theta), data.T))

	top, err := hessian.Lanczos(obj.HessianAt(theta), 1, hessian.Largest, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("λmax = %.3f: gradient descent is stable for α < 2/λmax = %.2f\n", top.Values[0], 2/top.Values[0])
	// Output:
	// parameters: 42, initial loss 0.745
	// final loss 0.008, accuracy 1.00
	// λmax = 0.076: gradient descent is stable for α < 2/λmax = 26.45
}

// The flat layout: W_1 row-major, b_1, W_2, b_2. Weights and Bias are views.
func ExampleMLP_Weights() {
	net := nn.MLP{Sizes: []int{2, 3, 1}, Activations: []nn.Activation{nn.ReLU, nn.Linear}}
	theta := make([]float64, net.NumParams())
	for i := range theta {
		theta[i] = float64(i)
	}
	fmt.Println("W_1 =", mat.Formatted(net.Weights(theta, 1), mat.Prefix("      ")))
	fmt.Println("b_1 =", net.Bias(theta, 1))
	fmt.Println("W_2 =", mat.Formatted(net.Weights(theta, 2)))
	fmt.Println("b_2 =", net.Bias(theta, 2), "at offset", net.Offset(2)+3)
	// Output:
	// W_1 = ⎡0  1⎤
	//       ⎢2  3⎥
	//       ⎣4  5⎦
	// b_1 = [6 7 8]
	// W_2 = [ 9  10  11]
	// b_2 = [12] at offset 12
}

// Permuting hidden units gives a different point with the same loss: every
// minimum of a 784-128-10 network has 128! ≈ 3.9·10²¹⁵ copies.
func ExampleMLP_PermuteHidden() {
	rng := rand.New(rand.NewPCG(3, 4))
	data := nn.Moons(rng, 100, 0.1)
	net := nn.MLP{Sizes: []int{2, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	theta := net.InitGlorot(rng)
	swapped := net.PermuteHidden(nil, theta, 1, []int{3, 2, 1, 0})

	obj := nn.NewObjective(net, data)
	fmt.Printf("distance %.2f, loss %.12f vs %.12f\n", floats.Distance(theta, swapped, 2), obj.Func(theta), obj.Func(swapped))

	mnist := nn.MLP{Sizes: []int{784, 128, 10}, Activations: []nn.Activation{nn.Tanh, nn.Linear}}
	f, _ := new(big.Float).SetInt(mnist.HiddenPermutations()).Float64()
	fmt.Printf("784-128-10: %.2g equivalent minima\n", f)
	// Output:
	// distance 3.22, loss 0.844820405482 vs 0.844820405482
	// 784-128-10: 3.9e+215 equivalent minima
}

// Standardize with statistics of the training set only, and apply the same
// map to the validation set.
func ExampleFitStandardizer() {
	rng := rand.New(rand.NewPCG(5, 6))
	data := nn.Regression(rng, 1000, []float64{2, -1}, 50, 0.1)
	train, val := nn.Split(rng, data, 0.2)
	s := nn.FitStandardizer(train.X)
	fmt.Printf("mean ≈ (%.1f, %.1f), scale ≈ (%.1f, %.1f)\n", s.Mean[0], s.Mean[1], s.Scale[0], s.Scale[1])
	v := s.Apply(val)
	fmt.Printf("validation: %d examples, first input (%.2f, %.2f)\n", v.Len(), v.X.At(0, 0), v.X.At(0, 1))
	// Output:
	// mean ≈ (50.0, 49.9), scale ≈ (1.0, 1.0)
	// validation: 200 examples, first input (0.76, 0.20)
}

// The Gauss-Newton matrix is positive semidefinite even where the Hessian
// is indefinite.
func ExampleGGN() {
	rng := rand.New(rand.NewPCG(7, 8))
	data := nn.Blobs(rng, 30, [][]float64{{-1, 0}, {1, 0}, {0, 1.5}}, 0.6)
	net := nn.MLP{Sizes: []int{2, 5, 3}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	theta := net.InitGlorot(rng)
	for _, c := range []struct {
		name string
		op   *nn.Curvature
	}{{"Hessian", nn.Hessian(net, theta, data)}, {"GGN", nn.GGN(net, theta, data)}} {
		lo, err := hessian.Lanczos(c.op, 1, hessian.Smallest, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		hi, _ := hessian.Lanczos(c.op, 1, hessian.Largest, nil)
		fmt.Printf("%-7s λmax = %.4f, λmin ≥ −1e-12: %v\n", c.name, hi.Values[0], lo.Values[0] >= -1e-12)
	}
	// Output:
	// Hessian λmax = 0.7912, λmin ≥ −1e-12: false
	// GGN     λmax = 0.7955, λmin ≥ −1e-12: true
}

// Minibatch gradients scatter around the full gradient with variance ∝ 1/S.
func ExampleGradientVariance() {
	rng := rand.New(rand.NewPCG(9, 10))
	data := nn.Moons(rng, 2000, 0.2)
	net := nn.MLP{Sizes: []int{2, 10, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	theta := net.InitGlorot(rng)
	for _, s := range []int{1, 10, 100} {
		v, err := nn.GradientVariance(rng, net, theta, data, s, 500)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("S = %3d: E‖g_B − g‖² ≈ %.2g\n", s, v)
	}
	// Output:
	// S =   1: E‖g_B − g‖² ≈ 3.1
	// S =  10: E‖g_B − g‖² ≈ 0.34
	// S = 100: E‖g_B − g‖² ≈ 0.03
}

// Minibatch SGD: one shuffled pass over the training set per epoch, then
// the 0–1 error on held-out data.
func ExampleMinibatches() {
	rng := rand.New(rand.NewPCG(11, 12))
	train, val := nn.Split(rng, nn.Moons(rng, 500, 0.15), 0.2)
	net := nn.MLP{Sizes: []int{2, 16, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	theta := net.InitGlorot(rng)
	g := make([]float64, len(theta))
	for epoch := 1; epoch <= 30; epoch++ {
		for _, batch := range nn.Minibatches(rng, train.Len(), 20) {
			nn.NewObjective(net, train.Subset(batch)).Grad(g, theta)
			floats.AddScaled(theta, -0.3, g)
		}
		if epoch%10 == 0 {
			out := net.Predict(nil, theta, val.X)
			fmt.Printf("epoch %d: validation 0–1 error %.3f\n", epoch, nn.ZeroOneError(out, val.T))
		}
	}
	// Output:
	// epoch 10: validation 0–1 error 0.120
	// epoch 20: validation 0–1 error 0.070
	// epoch 30: validation 0–1 error 0.010
}

// A 2-D loss surface through a trained network's weights along two random
// filter-normalised directions (Li et al. 2018), ready for viz.Heatmap.
func ExampleMLP_RandomDirection() {
	rng := rand.New(rand.NewPCG(1, 1))
	net := nn.MLP{Sizes: []int{2, 8, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	data := nn.XOR(rng, 64, 0.1)
	obj := nn.NewObjective(net, data)
	theta := net.InitGlorot(rng)
	g := make([]float64, len(theta))
	for range 2000 {
		obj.Grad(g, theta)
		floats.AddScaled(theta, -0.5, g)
	}
	d1, d2 := net.RandomDirection(rng, theta), net.RandomDirection(rng, theta)
	surface := viz.Plane(obj.Func, theta, d1, d2)
	grid := viz.NewGrid(surface, viz.Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, 21)
	// viz.Heatmap(surface, viz.Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, nil) draws it.
	fmt.Printf("J at the trained θ %.2g, lowest on the plane %.2g, highest %.3g\n", surface([]float64{0, 0}), grid.Min(), grid.Max())

	// Output:
	// J at the trained θ 0.0005, lowest on the plane 0.0005, highest 8.44
}

// The empirical Fisher uses the targets, the Gauss-Newton matrix (the true
// Fisher for these losses) does not.
func ExampleObjective_EmpiricalFisherVec() {
	rng := rand.New(rand.NewPCG(2, 2))
	net := nn.MLP{Sizes: []int{2, 4, 2}, Activations: []nn.Activation{nn.Tanh, nn.Linear}, Loss: nn.SoftmaxCrossEntropy}
	obj := nn.NewObjective(net, nn.XOR(rng, 32, 0.1))
	theta := net.InitGlorot(rng)
	v := net.RandomDirection(rng, theta)
	fv, gv := make([]float64, len(v)), make([]float64, len(v))
	obj.EmpiricalFisherVec(fv, theta, v)
	obj.GGNVec(gv, theta, v)
	fmt.Printf("vᵀF̂v = %.4f, vᵀGv = %.4f\n", floats.Dot(v, fv), floats.Dot(v, gv))
	// Output:
	// vᵀF̂v = 1.3052, vᵀGv = 1.0610
}

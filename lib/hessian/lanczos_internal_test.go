package hessian

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// illConditioned returns a diagonal operator with eigenvalues spread
// geometrically over [1e-8, 1e4] (condition number 1e12) plus a cluster
// of ten eigenvalues near 1e4: its extreme Ritz values converge within a
// few steps, after which plain Lanczos vectors lose orthogonality fast.
func illConditioned(n int) Operator {
	d := make([]float64, n)
	for i := range d {
		d[i] = 1e-8 * math.Pow(1e12, float64(i)/float64(n-1))
	}
	for i := 0; i < 10; i++ {
		d[i] = 1e4 * (1 - 1e-9*float64(i))
	}
	return FuncOperator(n, func(dst, v []float64) {
		for i := range v {
			dst[i] = d[i] * v[i]
		}
	})
}

// fewDistinct returns a diagonal operator with the seven distinct
// eigenvalues 5, 3, 2, 1, 0.5, −1, −2, each of multiplicity about n/7.
func fewDistinct(n int) Operator {
	vals := []float64{5, 3, 2, 1, 0.5, -1, -2}
	return FuncOperator(n, func(dst, v []float64) {
		for i := range v {
			dst[i] = vals[i%len(vals)] * v[i]
		}
	})
}

// runKrylov takes steps Lanczos steps with kr from a seeded random start,
// restarting from a random orthogonal vector after a breakdown.
func runKrylov(kr *krylov, steps int) {
	rng := rand.New(rand.NewPCG(3, 4))
	q := startVector(nil, kr.n, rng, "test")
	for {
		b := kr.step(q)
		if kr.m() == steps {
			return
		}
		if b <= 1e-12*kr.normT() {
			copy(q, kr.randomOrthogonal(rng))
			b = 0
		} else {
			floats.ScaleTo(q, 1/b, kr.w)
		}
		kr.beta = append(kr.beta, b)
	}
}

// orthogonalityError returns ‖VᵀV − I‖_F of the m basis vectors.
func orthogonalityError(m int, row func(j int) []float64) float64 {
	var s float64
	for i := 0; i < m; i++ {
		for j := 0; j <= i; j++ {
			e := floats.Dot(row(i), row(j))
			if i == j {
				e--
			} else {
				e *= math.Sqrt2 // (i, j) and (j, i)
			}
			s += e * e
		}
	}
	return math.Sqrt(s)
}

// The reorthogonalised basis stays orthonormal to rounding error over 200
// steps on an operator with condition number 1e12, serially and with the
// projections split into 2 and 3 column parts, while the same recurrence
// without reorthogonalisation loses orthogonality completely.
func TestKrylovOrthogonality(t *testing.T) {
	const steps = 200
	for _, tc := range []struct {
		name     string
		op       Operator
		parts    int
		restarts bool
	}{
		{"n=1000/parts=1", illConditioned(1000), 1, false},
		{"n=1000/parts=2", illConditioned(1000), 2, false},
		{"n=20011/parts=3", illConditioned(20011), 3, false},
		// Seven distinct eigenvalues: the recurrence breaks down (β at
		// rounding level) every seven steps and restarts.
		{"7-distinct/parts=1", fewDistinct(1000), 1, true},
		{"7-distinct/parts=2", fewDistinct(1000), 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kr := newKrylov(tc.op, steps)
			kr.maxParts = tc.parts
			runKrylov(kr, steps)
			if got := kr.parts(); got != tc.parts {
				t.Fatalf("parts() = %d, want %d", got, tc.parts)
			}
			e := orthogonalityError(kr.m(), kr.row)
			t.Logf("‖VᵀV − I‖_F = %.3g after %d steps, %d Gram–Schmidt passes", e, kr.m(), kr.passes)
			if e > 1e-12 {
				t.Errorf("‖VᵀV − I‖_F = %.3g > 1e-12 after %d steps", e, kr.m())
			}
			if kr.passes < steps {
				t.Errorf("%d Gram–Schmidt passes in %d steps, want at least one per step", kr.passes, steps)
			}
			restarts := 0
			for _, b := range kr.beta {
				if b == 0 {
					restarts++
				}
			}
			if tc.restarts != (restarts > 0) {
				t.Errorf("%d restarts after breakdown", restarts)
			}
		})
	}

	// Control: plain Lanczos (three-term recurrence only) on the same operator.
	const n = 1000
	op := illConditioned(n)
	v := [][]float64{startVector(nil, n, rand.New(rand.NewPCG(3, 4)), "test")}
	w := make([]float64, n)
	var beta float64
	for j := 0; j < steps-1; j++ {
		op.Apply(w, v[j])
		if j > 0 {
			floats.AddScaled(w, -beta, v[j-1])
		}
		floats.AddScaled(w, -floats.Dot(w, v[j]), v[j])
		beta = floats.Norm(w, 2)
		v = append(v, make([]float64, n))
		floats.ScaleTo(v[j+1], 1/beta, w)
	}
	if e := orthogonalityError(len(v), func(j int) []float64 { return v[j] }); e < 1e-2 {
		t.Errorf("without reorthogonalisation ‖VᵀV − I‖_F = %.3g: the operator does not stress orthogonality", e)
	}
}

// The projections give the same result serially and split over goroutines.
func TestProjectParts(t *testing.T) {
	const n, m = 9001, 70
	rng := rand.New(rand.NewPCG(5, 6))
	kr := newKrylov(FuncOperator(n, func(dst, v []float64) {}), m)
	x := make([]float64, n)
	for range m {
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		kr.appendRow(x)
	}
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	var want []float64
	var wantNorm float64
	for _, parts := range []int{1, 2, 3, 4} {
		kr.maxParts = parts
		got := append([]float64(nil), x...)
		norm := kr.project(got)
		if parts == 1 {
			want, wantNorm = got, norm
			// Check against the definition x − V(Vᵀx) with gonum's mat.
			v := mat.NewDense(m, n, nil)
			for j := 0; j < m; j++ {
				v.SetRow(j, kr.row(j))
			}
			var c, vc mat.VecDense
			c.MulVec(v, mat.NewVecDense(n, x))
			vc.MulVec(v.T(), &c)
			def := make([]float64, n)
			floats.SubTo(def, x, vc.RawVector().Data)
			if d := floats.Distance(got, def, math.Inf(1)); d > 1e-12*floats.Norm(x, math.Inf(1)) {
				t.Errorf("project differs from x − V(Vᵀx) by %.3g", d)
			}
			continue
		}
		if d := floats.Distance(got, want, math.Inf(1)); d > 1e-13*floats.Norm(want, math.Inf(1)) {
			t.Errorf("parts=%d: result differs from serial by %.3g", parts, d)
		}
		if math.Abs(norm-wantNorm) > 1e-13*wantNorm {
			t.Errorf("parts=%d: norm %.17g, serial %.17g", parts, norm, wantNorm)
		}
	}
}

// reorthogonalize makes a second pass exactly when the first cancels most
// of the vector: for x = V c + 1e-10·r one classical Gram–Schmidt pass
// leaves rounding errors of relative size 1e-16/1e-10 along V, the second
// removes them.
func TestReorthogonalizeTwice(t *testing.T) {
	const n, m = 2000, 40
	rng := rand.New(rand.NewPCG(7, 8))
	kr := newKrylov(FuncOperator(n, func(dst, v []float64) {}), m)
	x := make([]float64, n)
	for range m {
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		kr.reorthogonalize(x)
		floats.Scale(1/floats.Norm(x, 2), x)
		kr.appendRow(x)
	}
	for _, tc := range []struct {
		name   string
		scale  float64 // size of the part of x outside span V
		passes int
	}{
		{"far from span V", 1, 1},
		{"nearly in span V", 1e-10, 2},
	} {
		for i := range x {
			x[i] = tc.scale * rng.NormFloat64()
		}
		for j := 0; j < m; j++ {
			floats.AddScaled(x, rng.NormFloat64(), kr.row(j))
		}
		before := kr.passes
		norm := kr.reorthogonalize(x)
		if got := kr.passes - before; got != tc.passes {
			t.Errorf("%s: %d passes, want %d", tc.name, got, tc.passes)
		}
		var worst float64
		for j := 0; j < m; j++ {
			worst = math.Max(worst, math.Abs(floats.Dot(kr.row(j), x))/norm)
		}
		if worst > 1e-14 {
			t.Errorf("%s: max |v_jᵀx|/‖x‖ = %.3g after reorthogonalisation, want ≤ 1e-14", tc.name, worst)
		}
	}
}

// A Lanczos step on a small problem allocates nothing once its basis block exists.
func TestKrylovStepAllocs(t *testing.T) {
	const n = 300
	kr := newKrylov(illConditioned(n), 40)
	if kr.parts() != 1 {
		t.Fatalf("n = %d uses %d goroutines, want 1", n, kr.parts())
	}
	q := startVector(nil, n, rand.New(rand.NewPCG(1, 2)), "test")
	allocs := testing.AllocsPerRun(20, func() { // 21 steps, all in the first block
		b := kr.step(q)
		kr.beta = append(kr.beta, b)
		floats.ScaleTo(q, 1/b, kr.w)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per step, want 0", allocs)
	}
}

// BenchmarkReorthogonalize times one Gram–Schmidt pass x ← x − V(Vᵀx)
// against m basis vectors of length n, serially and split over 2 goroutines.
func BenchmarkReorthogonalize(b *testing.B) {
	for _, n := range []int{2000, 10000, 101770} {
		for _, m := range []int{8, 32, 150} {
			rng := rand.New(rand.NewPCG(1, 1))
			kr := newKrylov(FuncOperator(n, func(dst, v []float64) {}), m)
			x := make([]float64, n)
			for range m {
				for i := range x {
					x[i] = rng.NormFloat64()
				}
				kr.appendRow(x)
			}
			for _, parts := range []int{1, 2} {
				b.Run(fmt.Sprintf("n=%d/m=%d/parts=%d", n, m, parts), func(b *testing.B) {
					kr.maxParts = parts
					for b.Loop() {
						kr.project(x)
					}
				})
			}
		}
	}
}

// A basis may grow past the capacity it was created with.
func TestKrylovBeyondCapacity(t *testing.T) {
	const n = 50
	kr := newKrylov(illConditioned(n), 3)
	kr.maxParts = 2
	runKrylov(kr, 40)
	if e := orthogonalityError(kr.m(), kr.row); e > 1e-12 {
		t.Errorf("‖VᵀV − I‖_F = %.3g after %d steps with capacity 3", e, kr.m())
	}
}

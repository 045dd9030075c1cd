package main

import (
	"fmt"
	"math/rand"
)

type point struct {
	x1, x2, y float64
}

func makeData(rng *rand.Rand, n int) []point {
	pts := make([]point, n)
	for i := range pts {
		x1 := rng.Float64()*4 - 2
		x2 := rng.Float64()*4 - 2
		noise := 0.1 * rng.NormFloat64()
		pts[i] = point{x1, x2, 3*x1 - 2*x2 + 1 + noise}
	}
	return pts
}

type params struct{ w1, w2, b float64 }

func (p params) predict(q point) float64 { return p.w1*q.x1 + p.w2*q.x2 + p.b }

func meanSquaredError(p params, data []point) float64 {
	s := 0.0
	for _, q := range data {
		d := p.predict(q) - q.y
		s += d * d
	}
	return s / float64(len(data))
}

func sgd(data []point, batchSize, epochs int, lr float64, seed int64) ([]float64, params) {
	rng := rand.New(rand.NewSource(seed))
	idx := make([]int, len(data))
	for i := range idx {
		idx[i] = i
	}
	var p params
	losses := []float64{meanSquaredError(p, data)}
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for start := 0; start < len(idx); start += batchSize {
			end := min(start+batchSize, len(idx))
			var g params
			for _, k := range idx[start:end] {
				d := p.predict(data[k]) - data[k].y
				g.w1 += 2 * d * data[k].x1
				g.w2 += 2 * d * data[k].x2
				g.b += 2 * d
			}
			m := float64(end - start)
			p.w1 -= lr * g.w1 / m
			p.w2 -= lr * g.w2 / m
			p.b -= lr * g.b / m
		}
		losses = append(losses, meanSquaredError(p, data))
	}
	return losses, p
}

func main() {
	rng := rand.New(rand.NewSource(2024))
	data := makeData(rng, 64)
	fmt.Printf("first samples: (%.4f, %.4f) -> %.4f, (%.4f, %.4f) -> %.4f\n",
		data[0].x1, data[0].x2, data[0].y, data[1].x1, data[1].x2, data[1].y)

	batches := []int{1, 4, 16, 64}
	const epochs = 10
	curves := make([][]float64, len(batches))
	finals := make([]params, len(batches))
	for i, bs := range batches {
		curves[i], finals[i] = sgd(data, bs, epochs, 0.02, 7)
	}

	fmt.Printf("\n%6s", "epoch")
	for _, bs := range batches {
		fmt.Printf("   batch=%-4d", bs)
	}
	fmt.Println()
	for e := 0; e <= epochs; e++ {
		fmt.Printf("%6d", e)
		for i := range batches {
			fmt.Printf("  %11.6f", curves[i][e])
		}
		fmt.Println()
	}
	fmt.Println()
	for i, bs := range batches {
		p := finals[i]
		updates := epochs * ((len(data) + bs - 1) / bs)
		fmt.Printf("batch=%-3d updates=%4d w1=%.4f w2=%.4f b=%.4f\n", bs, updates, p.w1, p.w2, p.b)
	}

	// Same seed gives the same run; a different seed gives a different one.
	a, _ := sgd(data, 4, 3, 0.02, 7)
	b, _ := sgd(data, 4, 3, 0.02, 7)
	c, _ := sgd(data, 4, 3, 0.02, 8)
	fmt.Printf("\nseed 7 twice equal: %v, seed 8 loss after 3 epochs: %.6f vs %.6f\n", a[3] == b[3], c[3], a[3])
}

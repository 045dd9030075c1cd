package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

type Point struct{ X, Y float64 }

func (p Point) Dist2(q Point) float64 {
	dx, dy := p.X-q.X, p.Y-q.Y
	return dx*dx + dy*dy
}

func (p Point) String() string { return fmt.Sprintf("(%.3f, %.3f)", p.X, p.Y) }

type KMeans struct {
	Centers []Point
	Labels  []int
	Iter    int
	MaxIter int
	history []float64
}

var ErrEmptyCluster = errors.New("kmeans: empty cluster")

func NewKMeans(init []Point) *KMeans {
	c := make([]Point, len(init))
	copy(c, init)
	return &KMeans{Centers: c, MaxIter: 50}
}

func (km *KMeans) assign(data []Point) (changed int) {
	if km.Labels == nil {
		km.Labels = make([]int, len(data))
		for i := range km.Labels {
			km.Labels[i] = -1
		}
	}
	for i, p := range data {
		best, bestD := 0, math.Inf(1)
		for k, c := range km.Centers {
			if d := p.Dist2(c); d < bestD {
				best, bestD = k, d
			}
		}
		if km.Labels[i] != best {
			km.Labels[i] = best
			changed++
		}
	}
	return changed
}

func (km *KMeans) update(data []Point) error {
	sums := make([]Point, len(km.Centers))
	counts := make([]int, len(km.Centers))
	for i, p := range data {
		k := km.Labels[i]
		sums[k].X += p.X
		sums[k].Y += p.Y
		counts[k]++
	}
	for k := range km.Centers {
		if counts[k] == 0 {
			return fmt.Errorf("center %d: %w", k, ErrEmptyCluster)
		}
		km.Centers[k] = Point{sums[k].X / float64(counts[k]), sums[k].Y / float64(counts[k])}
	}
	return nil
}

func (km *KMeans) Inertia(data []Point) float64 {
	s := 0.0
	for i, p := range data {
		s += p.Dist2(km.Centers[km.Labels[i]])
	}
	return s
}

func (km *KMeans) Fit(data []Point) error {
	for km.Iter = 1; km.Iter <= km.MaxIter; km.Iter++ {
		changed := km.assign(data)
		if err := km.update(data); err != nil {
			return err
		}
		km.history = append(km.history, km.Inertia(data))
		if changed == 0 {
			return nil
		}
	}
	return nil
}

var data = []Point{
	{1.0, 1.2}, {1.5, 1.8}, {0.8, 0.9}, {1.2, 0.7}, {1.7, 1.3}, {0.9, 1.6},
	{5.0, 5.5}, {5.6, 4.9}, {4.8, 5.2}, {6.1, 5.8}, {5.3, 6.0}, {5.9, 5.1},
	{1.2, 5.0}, {0.7, 5.6}, {1.6, 5.3}, {1.0, 6.1}, {1.9, 5.8},
	{3.2, 3.0}, {3.5, 3.4},
}

func main() {
	init := []Point{{0, 0}, {3, 3}, {0, 6}}
	km := NewKMeans(init)
	if err := km.Fit(data); err != nil {
		fmt.Println("fit failed:", err)
		return
	}
	fmt.Printf("k=3 converged after %d iterations\n", km.Iter)
	for i, h := range km.history {
		fmt.Printf("  iter %d  inertia %.4f\n", i+1, h)
	}
	for k, c := range km.Centers {
		members := []string{}
		for i, l := range km.Labels {
			if l == k {
				members = append(members, fmt.Sprint(i))
			}
		}
		fmt.Printf("  cluster %d center %v size %d: %s\n", k, c, len(members), strings.Join(members, ","))
	}

	fmt.Println("\nElbow table (first k points of the data used as initial centers):")
	starts := []Point{{1.0, 1.2}, {5.0, 5.5}, {1.2, 5.0}, {3.2, 3.0}, {6.1, 5.8}, {0.8, 0.9}}
	prev := 0.0
	for k := 1; k <= len(starts); k++ {
		m := NewKMeans(starts[:k])
		if err := m.Fit(data); err != nil {
			fmt.Printf("  k=%d  error: %v\n", k, err)
			continue
		}
		in := m.Inertia(data)
		drop := ""
		if k > 1 {
			drop = fmt.Sprintf("drop %.1f%%", 100*(prev-in)/prev)
		}
		fmt.Printf("  k=%d  inertia %8.4f  iters %d  %s\n", k, in, m.Iter, drop)
		prev = in
	}

	fmt.Println("\nBad initialisation with a far-away center:")
	bad := NewKMeans([]Point{{1, 1}, {5, 5}, {20, 20}})
	err := bad.Fit(data)
	if errors.Is(err, ErrEmptyCluster) {
		fmt.Println("  ", err)
	}

	p := Point{2.5, 2.5}
	km.Labels = nil
	km.assign([]Point{p})
	fmt.Printf("\nnew point %v goes to cluster %d\n", p, km.Labels[0])
}

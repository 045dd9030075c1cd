package main

import (
	"fmt"
	"os"
	"sort"
	"text/tabwriter"
)

type DSU struct {
	parent []int
	rank   []int
	sets   int
}

func NewDSU(n int) *DSU {
	d := &DSU{parent: make([]int, n), rank: make([]int, n), sets: n}
	for i := range d.parent {
		d.parent[i] = i
	}
	return d
}

func (d *DSU) Find(x int) int {
	if d.parent[x] != x {
		d.parent[x] = d.Find(d.parent[x])
	}
	return d.parent[x]
}

func (d *DSU) Union(a, b int) bool {
	ra, rb := d.Find(a), d.Find(b)
	if ra == rb {
		return false
	}
	switch {
	case d.rank[ra] < d.rank[rb]:
		ra, rb = rb, ra
	case d.rank[ra] == d.rank[rb]:
		d.rank[ra]++
	}
	d.parent[rb] = ra
	d.sets--
	return true
}

type Edge struct {
	U, V   int
	Weight int
}

type byWeight []Edge

func (b byWeight) Len() int      { return len(b) }
func (b byWeight) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byWeight) Less(i, j int) bool {
	if b[i].Weight == b[j].Weight {
		if b[i].U == b[j].U {
			return b[i].V < b[j].V
		}
		return b[i].U < b[j].U
	}
	return b[i].Weight < b[j].Weight
}

func kruskal(n int, edges []Edge) (mst []Edge, total int) {
	sorted := make(byWeight, len(edges))
	copy(sorted, edges)
	sort.Sort(sorted)
	d := NewDSU(n)
	for _, e := range sorted {
		if d.Union(e.U, e.V) {
			mst = append(mst, e)
			total += e.Weight
			if len(mst) == n-1 {
				break
			}
		}
	}
	return
}

var grid = []string{
	"11000110",
	"11000100",
	"00100000",
	"00011011",
	"10000011",
}

func countIslands(g []string) int {
	rows, cols := len(g), len(g[0])
	d := NewDSU(rows * cols)
	water := 0
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if g[r][c] == '0' {
				water++
				continue
			}
			if r+1 < rows && g[r+1][c] == '1' {
				d.Union(r*cols+c, (r+1)*cols+c)
			}
			if c+1 < cols && g[r][c+1] == '1' {
				d.Union(r*cols+c, r*cols+c+1)
			}
		}
	}
	return d.sets - water
}

func main() {
	d := NewDSU(10)
	pairs := [][2]int{{0, 1}, {2, 3}, {1, 3}, {4, 5}, {6, 7}, {5, 7}, {0, 3}, {8, 9}, {9, 8}}
	for _, p := range pairs {
		merged := d.Union(p[0], p[1])
		fmt.Printf("union%v merged=%-5t sets=%d\n", p, merged, d.sets)
	}
	groups := map[int][]int{}
	for i := 0; i < 10; i++ {
		r := d.Find(i)
		groups[r] = append(groups[r], i)
	}
	fmt.Println("groups by root:", groups)
	fmt.Println("connected(2,0):", d.Find(2) == d.Find(0), "connected(4,8):", d.Find(4) == d.Find(8))

	fmt.Println("islands:", countIslands(grid))

	edges := []Edge{
		{0, 1, 7}, {0, 3, 5}, {1, 2, 8}, {1, 3, 9}, {1, 4, 7},
		{2, 4, 5}, {3, 4, 15}, {3, 5, 6}, {4, 5, 8}, {4, 6, 9}, {5, 6, 11},
	}
	mst, total := kruskal(7, edges)
	w := tabwriter.NewWriter(os.Stdout, 4, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "u\tv\tweight\t")
	for _, e := range mst {
		fmt.Fprintf(w, "%c\t%c\t%d\t\n", 'A'+e.U, 'A'+e.V, e.Weight)
	}
	w.Flush()
	fmt.Printf("total=%d edges=%d\n%+v\n", total, len(mst), mst[:2])
}

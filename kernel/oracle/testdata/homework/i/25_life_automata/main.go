package main

import (
	"fmt"
	"strings"
)

const (
	rows = 8
	cols = 10
)

type Grid [rows][cols]bool

type Life struct {
	cur  Grid
	gen  int
	wrap bool
}

func (l *Life) Set(cells ...[2]int) {
	for _, c := range cells {
		l.cur[c[0]][c[1]] = true
	}
}

func (l *Life) neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := r+dr, c+dc
			if l.wrap {
				rr, cc = (rr+rows)%rows, (cc+cols)%cols
			} else if rr < 0 || rr >= rows || cc < 0 || cc >= cols {
				continue
			}
			if l.cur[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (l *Life) Step() (births, deaths int) {
	var next Grid
	for r := range rows {
		for c := range cols {
			n := l.neighbors(r, c)
			alive := l.cur[r][c]
			next[r][c] = n == 3 || (alive && n == 2)
			if next[r][c] && !alive {
				births++
			} else if !next[r][c] && alive {
				deaths++
			}
		}
	}
	l.cur = next
	l.gen++
	return
}

func (l *Life) Population() (p int) {
	for _, row := range l.cur {
		for _, v := range row {
			if v {
				p++
			}
		}
	}
	return
}

func (l Life) String() string {
	var sb strings.Builder
	for _, row := range l.cur {
		for _, v := range row {
			if v {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func elementary(rule uint8, width, steps int) []string {
	cells := make([]bool, width)
	cells[width/2] = true
	var out []string
	for s := 0; s < steps; s++ {
		var sb strings.Builder
		for _, v := range cells {
			if v {
				sb.WriteRune('█')
			} else {
				sb.WriteRune(' ')
			}
		}
		out = append(out, sb.String())
		next := make([]bool, width)
		for i := range cells {
			var pattern uint8
			if i > 0 && cells[i-1] {
				pattern |= 4
			}
			if cells[i] {
				pattern |= 2
			}
			if i < width-1 && cells[i+1] {
				pattern |= 1
			}
			next[i] = rule>>pattern&1 == 1
		}
		cells = next
	}
	return out
}

func main() {
	glider := &Life{wrap: true}
	glider.Set([2]int{0, 1}, [2]int{1, 2}, [2]int{2, 0}, [2]int{2, 1}, [2]int{2, 2})
	blinker := &Life{}
	blinker.Set([2]int{4, 4}, [2]int{4, 5}, [2]int{4, 6})
	blinker.Set([2]int{0, 0}, [2]int{0, 1}, [2]int{1, 0}, [2]int{1, 1}) // block

	fmt.Printf("gen %d pop %d\n%v", glider.gen, glider.Population(), glider)
	for range 4 {
		b, d := glider.Step()
		fmt.Printf("gen %d: +%d -%d pop=%d\n", glider.gen, b, d, glider.Population())
	}
	fmt.Print(glider)
	for glider.gen < 40 {
		glider.Step()
	}
	fmt.Printf("after %d gens (wrapped) pop=%d\n%s", glider.gen, glider.Population(), glider)

	states := map[Grid]int{}
	for i := 0; i < 6; i++ {
		if prev, seen := states[blinker.cur]; seen {
			fmt.Printf("blinker repeats: gen %d == gen %d (period %d)\n", blinker.gen, prev, blinker.gen-prev)
			break
		}
		states[blinker.cur] = blinker.gen
		blinker.Step()
	}

	for _, rule := range []uint8{30, 90, 110} {
		fmt.Printf("rule %d (%08b):\n", rule, rule)
		for _, line := range elementary(rule, 31, 8) {
			fmt.Printf("|%s|\n", line)
		}
	}
}

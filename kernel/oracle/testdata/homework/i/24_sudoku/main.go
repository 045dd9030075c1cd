package main

import (
	"errors"
	"fmt"
	"strings"
)

type Board [9][9]uint8

var puzzle = []string{
	"53..7....",
	"6..195...",
	".98....6.",
	"8...6...3",
	"4..8.3..1",
	"7...2...6",
	".6....28.",
	"...419..5",
	"....8..79",
}

var ErrInvalid = errors.New("invalid board")

type ConflictError struct {
	Row, Col int
	Digit    uint8
	Where    string
}

func (c ConflictError) Error() string {
	return fmt.Sprintf("digit %d at r%dc%d repeats in %s", c.Digit, c.Row+1, c.Col+1, c.Where)
}

func (c ConflictError) Is(target error) bool { return target == ErrInvalid }

func parse(lines []string) (b Board) {
	for r, line := range lines {
		for c, ch := range line {
			if ch >= '1' && ch <= '9' {
				b[r][c] = uint8(ch - '0')
			}
		}
	}
	return
}

func (b *Board) canPlace(r, c int, d uint8) bool {
	br, bc := r/3*3, c/3*3
	for i := 0; i < 9; i++ {
		if b[r][i] == d || b[i][c] == d || b[br+i/3][bc+i%3] == d {
			return false
		}
	}
	return true
}

func (b *Board) Validate() error {
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			d := b[r][c]
			if d == 0 {
				continue
			}
			b[r][c] = 0
			ok := b.canPlace(r, c, d)
			b[r][c] = d
			if !ok {
				return ConflictError{r, c, d, "row/col/box"}
			}
		}
	}
	return nil
}

type Solver struct {
	board *Board
	calls int
}

func (s *Solver) Solve() bool {
	s.calls++
	bestR, bestC, bestCount := -1, -1, 10
	// choose the empty cell with the fewest candidates
outer:
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			if s.board[r][c] != 0 {
				continue
			}
			n := 0
			for d := uint8(1); d <= 9; d++ {
				if s.board.canPlace(r, c, d) {
					n++
				}
			}
			if n < bestCount {
				bestR, bestC, bestCount = r, c, n
				if n <= 1 {
					break outer
				}
			}
		}
	}
	if bestR < 0 {
		return true
	}
	for d := uint8(1); d <= 9; d++ {
		if s.board.canPlace(bestR, bestC, d) {
			s.board[bestR][bestC] = d
			if s.Solve() {
				return true
			}
		}
	}
	s.board[bestR][bestC] = 0
	return false
}

func (b Board) String() string {
	var sb strings.Builder
	for r, row := range b {
		if r%3 == 0 && r > 0 {
			sb.WriteString("------+-------+------\n")
		}
		for c, v := range row {
			if c%3 == 0 && c > 0 {
				sb.WriteString("| ")
			}
			if v == 0 {
				sb.WriteString(". ")
			} else {
				fmt.Fprintf(&sb, "%d ", v)
			}
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func main() {
	b := parse(puzzle)
	fmt.Print(b)
	fmt.Println("valid:", b.Validate())
	orig := b // arrays copy by value
	s := &Solver{board: &b}
	ok := s.Solve()
	fmt.Println("solved:", ok, "calls:", s.calls)
	fmt.Print(b)
	fmt.Println("original untouched:", orig[0][2] == 0, "filled:", b[0][2])
	sum := 0
	for _, row := range b {
		for _, v := range row {
			sum += int(v)
		}
	}
	fmt.Println("sum of all cells:", sum, "valid after:", b.Validate() == nil)

	bad := parse(puzzle)
	bad[0][2] = 5
	err := bad.Validate()
	var ce ConflictError
	fmt.Println(err, errors.Is(err, ErrInvalid), errors.As(err, &ce), ce.Digit)

	impossible := parse(puzzle)
	impossible[0][2] = 1
	impossible[0][3] = 2
	s2 := Solver{board: &impossible}
	fmt.Println("impossible solvable:", s2.Solve(), "calls:", s2.calls)
}

package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

type Op byte

const (
	Keep Op = iota
	Sub
	Ins
	Del
)

func (o Op) String() string {
	return [...]string{"keep", "sub", "ins", "del"}[o]
}

type Step struct {
	Op   Op
	A, B byte
}

func lcs(a, b string) (length int, seq string) {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			if a[i-1] == b[j-1] {
				dp[i][j] = dp[i-1][j-1] + 1
			} else {
				dp[i][j] = max(dp[i-1][j], dp[i][j-1])
			}
		}
	}
	var sb []byte
	i, j := n, m
	for i > 0 && j > 0 {
		switch {
		case a[i-1] == b[j-1]:
			sb = append(sb, a[i-1])
			i--
			j--
		case dp[i-1][j] >= dp[i][j-1]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(sb)-1; l < r; l, r = l+1, r-1 {
		sb[l], sb[r] = sb[r], sb[l]
	}
	return dp[n][m], string(sb)
}

func editDistance(a, b string) (int, []Step) {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
		dp[i][0] = i
	}
	for j := 0; j <= m; j++ {
		dp[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			dp[i][j] = min(dp[i-1][j]+1, dp[i][j-1]+1, dp[i-1][j-1]+cost)
		}
	}
	var steps []Step
	i, j := n, m
	for i > 0 || j > 0 {
		if i > 0 && j > 0 && a[i-1] == b[j-1] && dp[i][j] == dp[i-1][j-1] {
			steps = append(steps, Step{Keep, a[i-1], b[j-1]})
			i, j = i-1, j-1
		} else if i > 0 && j > 0 && dp[i][j] == dp[i-1][j-1]+1 {
			steps = append(steps, Step{Sub, a[i-1], b[j-1]})
			i, j = i-1, j-1
		} else if i > 0 && dp[i][j] == dp[i-1][j]+1 {
			steps = append(steps, Step{Del, a[i-1], '-'})
			i--
		} else {
			steps = append(steps, Step{Ins, '-', b[j-1]})
			j--
		}
	}
	for l, r := 0, len(steps)-1; l < r; l, r = l+1, r-1 {
		steps[l], steps[r] = steps[r], steps[l]
	}
	return dp[n][m], steps
}

func longestPalSubseq(s string) int {
	rev := []byte(s)
	for l, r := 0, len(rev)-1; l < r; l, r = l+1, r-1 {
		rev[l], rev[r] = rev[r], rev[l]
	}
	n, _ := lcs(s, string(rev))
	return n
}

func main() {
	pairs := [][2]string{
		{"ABCBDAB", "BDCABA"},
		{"kitten", "sitting"},
		{"intention", "execution"},
		{"golang", "gopher"},
		{"", "abc"},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "a\tb\tlcs\tseq\tedit\t")
	for _, p := range pairs {
		l, s := lcs(p[0], p[1])
		d, _ := editDistance(p[0], p[1])
		fmt.Fprintf(tw, "%q\t%q\t%d\t%q\t%d\t\n", p[0], p[1], l, s, d)
	}
	tw.Flush()

	d, steps := editDistance("intention", "execution")
	fmt.Println("alignment for intention -> execution, distance", d)
	var top, mid, bot strings.Builder
	for _, st := range steps {
		top.WriteByte(st.A)
		bot.WriteByte(st.B)
		switch st.Op {
		case Keep:
			mid.WriteByte('|')
		case Sub:
			mid.WriteByte('x')
		default:
			mid.WriteByte(' ')
		}
	}
	fmt.Println(top.String())
	fmt.Println(mid.String())
	fmt.Println(bot.String())
	counts := map[Op]int{}
	for _, st := range steps {
		counts[st.Op]++
	}
	fmt.Println(counts)
	fmt.Printf("%v %d %s\n", steps[0], steps[0].Op, Del)

	for _, s := range []string{"bbbab", "character", "agbdba"} {
		fmt.Printf("LPS(%s) = %d\n", s, longestPalSubseq(s))
	}
}

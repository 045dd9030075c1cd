// Homework 10: Text statistics using bufio.Scanner.
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair.`

type Stats struct {
	Lines, Words, Letters, Sentences int
	Freq                             map[string]int
	Longest                          string
}

func Analyze(s string) Stats {
	st := Stats{Freq: map[string]int{}}
	lines := bufio.NewScanner(strings.NewReader(s))
	for lines.Scan() {
		st.Lines++
		line := lines.Text()
		st.Sentences += strings.Count(line, ".")
		words := bufio.NewScanner(strings.NewReader(line))
		words.Split(bufio.ScanWords)
		for words.Scan() {
			w := strings.ToLower(strings.TrimFunc(words.Text(), func(r rune) bool {
				return !unicode.IsLetter(r)
			}))
			if w == "" {
				continue
			}
			st.Words++
			st.Freq[w]++
			if len(w) > len(st.Longest) {
				st.Longest = w
			}
			for _, r := range w {
				if unicode.IsLetter(r) {
					st.Letters++
				}
			}
		}
	}
	return st
}

type wordCount struct {
	Word  string
	Count int
}

func (s Stats) Top(n int) []wordCount {
	var wc []wordCount
	for w, c := range s.Freq {
		wc = append(wc, wordCount{w, c})
	}
	slices.SortFunc(wc, func(a, b wordCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Word, b.Word))
	})
	if len(wc) > n {
		wc = wc[:n]
	}
	return wc
}

func histogram(wc []wordCount) string {
	var sb strings.Builder
	for _, x := range wc {
		fmt.Fprintf(&sb, "%-8s %2d %s\n", x.Word, x.Count, strings.Repeat("#", x.Count))
	}
	return sb.String()
}

func main() {
	st := Analyze(text)
	fmt.Printf("lines=%d words=%d letters=%d sentences=%d\n", st.Lines, st.Words, st.Letters, st.Sentences)
	fmt.Printf("unique words: %d, longest: %q\n", len(st.Freq), st.Longest)
	fmt.Printf("average word length: %.2f\n", float64(st.Letters)/float64(st.Words))
	fmt.Print(histogram(st.Top(6)))
	var once []string
	for w, c := range st.Freq {
		if c == 1 {
			once = append(once, w)
		}
	}
	slices.Sort(once)
	fmt.Println("hapax legomena:", once)
}

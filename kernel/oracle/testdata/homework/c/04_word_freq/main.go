package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness...
Don't panic! The answer is 42; the question is unknown.`

type WordCount struct {
	Word  string
	Count int
}

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	fmt.Println("total words:", len(words))

	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	fmt.Println("unique words:", len(counts))

	var list []WordCount
	for w, c := range counts {
		list = append(list, WordCount{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Word < list[j].Word
	})

	fmt.Println("top 8:")
	for i, wc := range list[:8] {
		bar := strings.Repeat("#", wc.Count)
		fmt.Printf("%2d. %-8s %2d %s\n", i+1, wc.Word, wc.Count, bar)
	}

	// group words by length
	byLen := make(map[int][]string)
	for w := range counts {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	lens := make([]int, 0, len(byLen))
	for l := range byLen {
		lens = append(lens, l)
	}
	sort.Ints(lens)
	for _, l := range lens {
		ws := byLen[l]
		sort.Strings(ws)
		fmt.Printf("len %2d: %s\n", l, strings.Join(ws, ","))
	}

	// letter frequency
	var letters [26]int
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' {
			letters[r-'a']++
		}
	}
	maxI := 0
	for i, n := range letters {
		if n > letters[maxI] {
			maxI = i
		}
	}
	fmt.Printf("most common letter: %c (%d)\n", 'a'+maxI, letters[maxI])
	fmt.Println(counts) // fmt sorts map keys
	lines := strings.Split(text, "\n")
	for i, ln := range lines {
		fmt.Printf("line %d has %d fields, first=%q\n", i, len(strings.Fields(ln)), strings.Fields(ln)[0])
	}
}

// Assignment 2: word frequency counter (like collections.Counter in python)
package main

import (
	"bufio"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair.`

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the of it a an and was") {
		stopWords[w] = true
	}
}

type WordCount struct {
	Word  string
	Count int
}

func main() {
	freq := countWords(text)
	fmt.Println("distinct words:", len(freq))

	// alphabetical order using slices.Sorted(maps.Keys())
	keys := slices.Sorted(maps.Keys(freq))
	fmt.Println("first 8 alphabetically:")
	for _, k := range keys[:8] {
		fmt.Printf("  %-12s %d\n", k, freq[k])
	}

	// top N by count, ties broken alphabetically
	top := topN(freq, 6)
	fmt.Println("top 6:")
	for i, wc := range top {
		fmt.Printf("%2d. %-10s %s\n", i+1, wc.Word, strings.Repeat("*", wc.Count))
	}

	// without stop words
	filtered := make(map[string]int)
	for w, c := range freq {
		if !stopWords[w] {
			filtered[w] = c
		}
	}
	fmt.Println("top 5 w/o stop words:", topN(filtered, 5))

	// line stats with scanner
	sc := bufio.NewScanner(strings.NewReader(text))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		fmt.Printf("line %d: %2d words, %2d chars, last=%q\n", lineNo, len(strings.Fields(line)), len(line), lastWord(line))
	}

	// words grouped by length (map of slices)
	byLen := map[int][]string{}
	for _, w := range keys {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	lens := make([]int, 0, len(byLen))
	for l := range byLen {
		lens = append(lens, l)
	}
	sort.Ints(lens)
	for _, l := range lens {
		fmt.Printf("len %2d: %v\n", l, byLen[l])
	}

	// scanning words directly
	ws := bufio.NewScanner(strings.NewReader("alpha beta\ngamma   delta\n\nepsilon"))
	ws.Split(bufio.ScanWords)
	n := 0
	for ws.Scan() {
		n++
	}
	fmt.Println("ScanWords count:", n)

	// letter histogram
	letters := map[rune]int{}
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) {
			letters[r]++
		}
	}
	runes := slices.Sorted(maps.Keys(letters))
	var sb strings.Builder
	for _, r := range runes {
		fmt.Fprintf(&sb, "%c%d ", r, letters[r])
	}
	fmt.Println(strings.TrimSpace(sb.String()))
}

func lastWord(line string) string {
	f := strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func topN(freq map[string]int, n int) []WordCount {
	list := make([]WordCount, 0, len(freq))
	for w, c := range freq {
		list = append(list, WordCount{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Word < list[j].Word
	})
	if len(list) > n {
		list = list[:n]
	}
	return list
}

func countWords(s string) map[string]int {
	counts := make(map[string]int)
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		w := strings.ToLower(strings.Trim(sc.Text(), ".,;:!?"))
		if w == "" {
			continue
		}
		counts[w]++
	}
	return counts
}

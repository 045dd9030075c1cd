// Text processing: word frequencies with strings.Fields, strings.Map and unicode.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness, it was the
epoch of belief; it was the epoch of incredulity -- it was the season
of Light, it was the season of Darkness. Naïve readers: 1859!`

// normalize lowercases letters and turns anything that is not a letter or
// an apostrophe into a space; digits are dropped entirely.
func normalize(r rune) rune {
	switch {
	case unicode.IsLetter(r):
		return unicode.ToLower(r)
	case r == '\'':
		return r
	case unicode.IsDigit(r):
		return -1 // drop
	default:
		return ' '
	}
}

type wordCount struct {
	word  string
	count int
}

func main() {
	cleaned := strings.Map(normalize, text)
	words := strings.Fields(cleaned)
	fmt.Println("total words:", len(words))

	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	fmt.Println("distinct words:", len(counts))

	list := make([]wordCount, 0, len(counts))
	for w, c := range counts {
		list = append(list, wordCount{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	fmt.Println("top 8:")
	for _, wc := range list[:8] {
		fmt.Printf("  %-8s %2d %s\n", wc.word, wc.count, strings.Repeat("*", wc.count))
	}

	// Character classes in the original text.
	var letters, upper, spaces, punct, digits, nonASCII int
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsUpper(r) {
			upper++
		}
		if unicode.IsSpace(r) {
			spaces++
		}
		if unicode.IsPunct(r) {
			punct++
		}
		if unicode.IsDigit(r) {
			digits++
		}
		if r > unicode.MaxASCII {
			nonASCII++
		}
	}
	fmt.Printf("letters=%d upper=%d spaces=%d punct=%d digits=%d nonASCII=%d\n",
		letters, upper, spaces, punct, digits, nonASCII)
	fmt.Printf("bytes=%d runes=%d\n", len(text), len([]rune(text)))

	// Title-case each word of the first line by hand.
	first, _, _ := strings.Cut(text, "\n")
	fs := strings.Fields(first)
	for i, w := range fs {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		fs[i] = string(r)
	}
	fmt.Println(strings.Join(fs, " "))

	// Words longer than 6 letters, deduplicated and sorted.
	var long []string
	for w := range counts {
		if len([]rune(w)) > 6 {
			long = append(long, w)
		}
	}
	sort.Strings(long)
	fmt.Println("long words:", strings.Join(long, ", "))
}

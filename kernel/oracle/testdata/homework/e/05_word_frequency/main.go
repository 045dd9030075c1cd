package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away!
A quick end to a quick story -- or is it?

"Lazy" dogs and quick foxes: the end.`

type wordCount struct {
	word  string
	count int
}

func main() {
	scanner := bufio.NewScanner(strings.NewReader(text))
	counts := make(map[string]int)
	lines, words, letters := 0, 0, 0
	longest := ""

	for scanner.Scan() {
		line := scanner.Text()
		lines++
		if strings.TrimSpace(line) == "" {
			fmt.Printf("line %d is blank\n", lines)
			continue
		}
		fields := strings.FieldsFunc(line, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '\''
		})
		for _, f := range fields {
			w := strings.ToLower(f)
			counts[w]++
			words++
			for _, r := range w {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			if len(w) > len(longest) || (len(w) == len(longest) && w < longest) {
				longest = w
			}
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Println("scan error:", err)
		return
	}

	fmt.Printf("lines=%d words=%d unique=%d letters=%d\n", lines, words, len(counts), letters)
	fmt.Println("longest word:", longest)

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

	fmt.Println("top 6:")
	for i, wc := range list {
		if i == 6 {
			break
		}
		bar := strings.Repeat("#", wc.count)
		fmt.Printf("%2d. %-6s %d %s\n", i+1, wc.word, wc.count, bar)
	}

	// words that appear once, alphabetically
	var once []string
	for w, c := range counts {
		if c == 1 {
			once = append(once, w)
		}
	}
	sort.Strings(once)
	fmt.Println("hapax:", strings.Join(once, ","))

	// letter histogram by first letter
	byFirst := map[byte][]string{}
	for w := range counts {
		byFirst[w[0]] = append(byFirst[w[0]], w)
	}
	keys := make([]int, 0)
	for k := range byFirst {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	for _, k := range keys {
		group := byFirst[byte(k)]
		sort.Strings(group)
		fmt.Printf("%c: %v\n", k, group)
	}

	// word scanner mode
	ws := bufio.NewScanner(strings.NewReader("one two  three\nfour\tfive"))
	ws.Split(bufio.ScanWords)
	n := 0
	for ws.Scan() {
		n++
		fmt.Printf("[%s]", ws.Text())
	}
	fmt.Println(" ->", n, "tokens")
}

// Homework 28: A concurrent pipeline (generator -> fan-out mappers -> merge -> reduce).
package main

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

const corpus = `Go is an open source programming language that makes it simple to build
secure, scalable systems. Go was designed at Google. Go is expressive,
concise, clean, and efficient. Its concurrency mechanisms make it easy to
write programs that get the most out of multicore and networked machines.
Go compiles quickly to machine code yet has the convenience of garbage
collection and the power of run-time reflection.`

type chunk struct {
	line int
	text string
}

type partial struct {
	line   int
	counts map[string]int
}

func generate(text string) <-chan chunk {
	out := make(chan chunk)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(strings.NewReader(text))
		n := 0
		for sc.Scan() {
			n++
			out <- chunk{n, sc.Text()}
		}
	}()
	return out
}

func mapper(in <-chan chunk) <-chan partial {
	out := make(chan partial)
	go func() {
		defer close(out)
		for c := range in {
			counts := map[string]int{}
			words := strings.FieldsFunc(c.text, func(r rune) bool {
				return !unicode.IsLetter(r) && r != '-'
			})
			for _, w := range words {
				counts[strings.ToLower(w)]++
			}
			out <- partial{c.line, counts}
		}
	}()
	return out
}

func merge(chans ...<-chan partial) <-chan partial {
	out := make(chan partial)
	var wg sync.WaitGroup
	for _, ch := range chans {
		wg.Go(func() {
			for p := range ch {
				out <- p
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	src := generate(corpus)
	workers := make([]<-chan partial, 3)
	for i := range workers {
		workers[i] = mapper(src)
	}

	total := map[string]int{}
	perLine := map[int]int{}
	for p := range merge(workers...) {
		for w, c := range p.counts {
			total[w] += c
			perLine[p.line] += c
		}
	}

	lines := make([]int, 0, len(perLine))
	for l := range perLine {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	for _, l := range lines {
		fmt.Printf("line %d: %2d words\n", l, perLine[l])
	}

	type kv struct {
		word  string
		count int
	}
	var list []kv
	for w, c := range total {
		list = append(list, kv{w, c})
	}
	slices.SortFunc(list, func(a, b kv) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.word, b.word)
	})
	fmt.Printf("%d distinct words; top 5:\n", len(list))
	for _, e := range list[:5] {
		fmt.Printf("  %-6s %d\n", e.word, e.count)
	}
}

package main

import (
	"fmt"
	"slices"
	"strings"
)

type Matcher interface {
	Find(text, pat string) []int
	Comparisons() int
}

type counter struct{ cmps int }

func (c *counter) Comparisons() int { return c.cmps }

type Naive struct{ counter }
type KMP struct{ counter }
type RabinKarp struct {
	counter
	base, mod uint64
	spurious  int
}

func (n *Naive) Find(text, pat string) []int {
	n.cmps = 0
	var res []int
	for i := 0; i+len(pat) <= len(text); i++ {
		j := 0
		for j < len(pat) {
			n.cmps++
			if text[i+j] != pat[j] {
				break
			}
			j++
		}
		if j == len(pat) {
			res = append(res, i)
		}
	}
	return res
}

func prefixFunction(p string) []int {
	pi := make([]int, len(p))
	k := 0
	for i := 1; i < len(p); i++ {
		for k > 0 && p[i] != p[k] {
			k = pi[k-1]
		}
		if p[i] == p[k] {
			k++
		}
		pi[i] = k
	}
	return pi
}

func (m *KMP) Find(text, pat string) (res []int) {
	m.cmps = 0
	if pat == "" {
		return nil
	}
	pi := prefixFunction(pat)
	q := 0
	for i := 0; i < len(text); i++ {
		for q > 0 && text[i] != pat[q] {
			m.cmps++
			q = pi[q-1]
		}
		m.cmps++
		if text[i] == pat[q] {
			q++
		}
		if q == len(pat) {
			res = append(res, i-len(pat)+1)
			q = pi[q-1]
		}
	}
	return
}

func (r *RabinKarp) Find(text, pat string) []int {
	r.cmps, r.spurious = 0, 0
	m := len(pat)
	if m == 0 || m > len(text) {
		return nil
	}
	var hp, ht, pow uint64 = 0, 0, 1
	for i := 0; i < m; i++ {
		hp = (hp*r.base + uint64(pat[i])) % r.mod
		ht = (ht*r.base + uint64(text[i])) % r.mod
		if i > 0 {
			pow = pow * r.base % r.mod
		}
	}
	var res []int
	for i := 0; ; i++ {
		if hp == ht {
			r.cmps += m
			if text[i:i+m] == pat {
				res = append(res, i)
			} else {
				r.spurious++
			}
		}
		if i+m >= len(text) {
			break
		}
		ht = (ht + r.mod - uint64(text[i])*pow%r.mod) % r.mod
		ht = (ht*r.base + uint64(text[i+m])) % r.mod
	}
	return res
}

func main() {
	for _, p := range []string{"ababaca", "aabaaab", "abcabcabd", "aaaa"} {
		fmt.Printf("pi(%s) = %v\n", p, prefixFunction(p))
	}
	matchers := map[string]Matcher{
		"naive":  &Naive{},
		"kmp":    &KMP{},
		"rk":     &RabinKarp{base: 256, mod: 101},
		"rk-big": &RabinKarp{base: 131, mod: 1_000_000_007},
	}
	names := make([]string, 0)
	for k := range matchers {
		names = append(names, k)
	}
	slices.Sort(names)

	cases := []struct{ text, pat string }{
		{"abababacaba ababaca ababacab", "ababaca"},
		{strings.Repeat("a", 40) + "b", "aaaab"},
		{"the quick brown fox jumps over the lazy dog", "the"},
		{"mississippi", "issi"},
		{"short", "longer pattern"},
	}
	for _, c := range cases {
		fmt.Printf("text=%.20q pat=%q\n", c.text, c.pat)
		for _, name := range names {
			m := matchers[name]
			pos := m.Find(c.text, c.pat)
			extra := ""
			if rk, ok := m.(*RabinKarp); ok {
				extra = fmt.Sprintf(" spurious=%d", rk.spurious)
			}
			fmt.Printf("  %-7s %-12v cmps=%3d%s\n", name, fmt.Sprint(pos), m.Comparisons(), extra)
		}
		fmt.Println("  strings.Index:", strings.Index(c.text, c.pat), "count:", strings.Count(c.text, c.pat))
	}
}

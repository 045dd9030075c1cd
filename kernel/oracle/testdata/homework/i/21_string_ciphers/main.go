package main

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

var ErrMalformed = errors.New("malformed RLE input")

type DecodeError struct {
	Pos int
	Err error
}

func (e *DecodeError) Error() string { return fmt.Sprintf("at byte %d: %v", e.Pos, e.Err) }
func (e *DecodeError) Unwrap() error { return e.Err }

func rleEncode(s string) string {
	var sb strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		sb.WriteString(strconv.Itoa(j - i))
		sb.WriteRune(rs[i])
		i = j
	}
	return sb.String()
}

func rleDecode(s string) (string, error) {
	var sb strings.Builder
	n := 0
	haveDigits := false
	for i, r := range s {
		if unicode.IsDigit(r) {
			n = n*10 + int(r-'0')
			haveDigits = true
			continue
		}
		if !haveDigits {
			return "", &DecodeError{i, ErrMalformed}
		}
		sb.WriteString(strings.Repeat(string(r), n))
		n, haveDigits = 0, false
	}
	if haveDigits {
		return "", &DecodeError{len(s), fmt.Errorf("trailing count: %w", ErrMalformed)}
	}
	return sb.String(), nil
}

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26)%26
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k%26) }, s)
}

func vigenere(s, key string, decrypt bool) string {
	out := make([]rune, 0, len(s))
	ki := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			out = append(out, r)
			continue
		}
		k := int(unicode.ToLower(rune(key[ki%len(key)])) - 'a')
		if decrypt {
			k = -k
		}
		out = append(out, shift(r, k))
		ki++
	}
	return string(out)
}

func longestPalindrome(s string) string {
	best := ""
	expand := func(l, r int) {
		for l >= 0 && r < len(s) && s[l] == s[r] {
			l--
			r++
		}
		if r-l-1 > len(best) {
			best = s[l+1 : r]
		}
	}
	for i := range s {
		expand(i, i)
		expand(i, i+1)
	}
	return best
}

func anagramGroups(words []string) [][]string {
	groups := map[string][]string{}
	for _, w := range words {
		b := []byte(strings.ToLower(w))
		slices.Sort(b)
		groups[string(b)] = append(groups[string(b)], w)
	}
	var out [][]string
	for _, g := range groups {
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

func main() {
	for _, s := range []string{"aaabccddddde", "abc", "", "zzzzzzzzzzzz", "ééé!!"} {
		enc := rleEncode(s)
		dec, err := rleDecode(enc)
		fmt.Printf("%-14q -> %-16q roundtrip=%t err=%v\n", s, enc, dec == s, err)
	}
	for _, bad := range []string{"3a2", "a3", "12x0y"} {
		out, err := rleDecode(bad)
		var de *DecodeError
		if errors.As(err, &de) {
			fmt.Printf("decode %q: %v (pos=%d malformed=%t)\n", bad, err, de.Pos, errors.Is(err, ErrMalformed))
		} else {
			fmt.Printf("decode %q: %q\n", bad, out)
		}
	}

	msg := "Attack at Dawn, Zebra!"
	for _, k := range []int{3, 13, -1, 52} {
		c := caesar(msg, k)
		fmt.Printf("caesar %3d: %s | back: %s\n", k, c, caesar(c, -k))
	}
	v := vigenere(msg, "LEMON", false)
	fmt.Println("vigenere:", v, "->", vigenere(v, "LEMON", true))

	for _, s := range []string{"babad", "cbbd", "forgeeksskeegfor", "x", "abacdfgdcaba"} {
		fmt.Printf("longest palindrome in %s: %q\n", s, longestPalindrome(s))
	}
	words := strings.Fields("listen silent enlist google inlets banana tinsel elgoog stone tones notes onset Seton apple")
	for i, g := range anagramGroups(words) {
		fmt.Printf("%2d: %v\n", i+1, g)
	}
}

package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var letters []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters = append(letters, r)
		}
	}
	for i := 0; i < len(letters)/2; i++ {
		if letters[i] != letters[len(letters)-1-i] {
			return false
		}
	}
	return true
}

func main() {
	words := []string{"Go", "café", "naïve", "日本語", "∇f(x)", "🙂ok"}
	fmt.Printf("%-8s %5s %5s  %-14s %s\n", "word", "bytes", "runes", "reversed", "hex")
	for _, w := range words {
		fmt.Printf("%-8s %5d %5d  %-14q % x\n", w, len(w), utf8.RuneCountInString(w), reverse(w), w)
	}

	s := "η=0.1, β₁=0.9"
	fmt.Println("\nranging over", s)
	for i, r := range s {
		if r > unicode.MaxASCII {
			fmt.Printf("  byte %2d: %c U+%04X %q size=%d\n", i, r, r, r, utf8.RuneLen(r))
		}
	}
	// indexing a string gives bytes, not runes
	fmt.Printf("s[0]=%d (%x)  []rune(s)[0]=%c\n", s[0], s[0], []rune(s)[0])

	// decoding by hand
	b := []byte("ß∑")
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		fmt.Printf("decoded %c with %d bytes\n", r, size)
		b = b[size:]
	}
	bad := string([]byte{0x61, 0xff, 0x62})
	fmt.Println("valid?", utf8.ValidString(bad), "runes:", []rune(bad))

	for _, p := range []string{"A man, a plan, a canal: Panama", "Ésope reste ici et se repose", "gradient"} {
		fmt.Printf("%-32q palindrome=%v\n", p, isPalindrome(p))
	}
	counts := [4]int{}
	for _, r := range "Adam: lr=3e-4, β=(0.9, 0.999)!" {
		switch {
		case unicode.IsUpper(r):
			counts[0]++
		case unicode.IsLetter(r):
			counts[1]++
		case unicode.IsDigit(r):
			counts[2]++
		default:
			counts[3]++
		}
	}
	fmt.Printf("upper=%d lower=%d digit=%d other=%d\n", counts[0], counts[1], counts[2], counts[3])
}

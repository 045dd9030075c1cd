package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func shiftRune(r rune, shift int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + rune((int(r-'a')+shift%26+26)%26)
	case r >= 'A' && r <= 'Z':
		return 'A' + rune((int(r-'A')+shift%26+26)%26)
	}
	return r
}

func Encrypt(s string, shift int) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(shiftRune(r, shift))
	}
	return b.String()
}

func Decrypt(s string, shift int) string {
	return Encrypt(s, -shift)
}

func rot13(s string) string {
	return strings.Map(func(r rune) rune { return shiftRune(r, 13) }, s)
}

// crack guesses the shift by assuming 'e' is the most common letter.
func crack(cipher string) int {
	var freq [26]int
	for _, r := range strings.ToLower(cipher) {
		if r >= 'a' && r <= 'z' {
			freq[r-'a']++
		}
	}
	best := 0
	for i, f := range freq {
		if f > freq[best] {
			best = i
		}
	}
	return (best - ('e' - 'a') + 26) % 26
}

func reverse(s string) string {
	runes := []rune(s)
	for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
		runes[i], runes[j] = runes[j], runes[i]
	}
	return string(runes)
}

func main() {
	msg := "Meet me at the secret entrance at seven, Steve!"
	for _, k := range []int{3, 13, 25, -1, 52} {
		enc := Encrypt(msg, k)
		fmt.Printf("shift %3d: %s\n", k, enc)
		if Decrypt(enc, k) != msg {
			fmt.Println("round trip FAILED")
		}
	}

	fmt.Println(rot13("Hello, World"), "|", rot13(rot13("Hello, World")))

	secret := Encrypt(msg, 11)
	guess := crack(secret)
	fmt.Printf("cracked shift=%d -> %q\n", guess, Decrypt(secret, guess))

	words := []string{"héllo", "日本語", "Go!", "naïve café"}
	for _, w := range words {
		fmt.Printf("%-12q bytes=%2d runes=%d reversed=%q\n", w, len(w), utf8.RuneCountInString(w), reverse(w))
	}

	s := "añb€"
	for i, r := range s {
		fmt.Printf("  index %d: %c U+%04X size=%d\n", i, r, r, utf8.RuneLen(r))
	}
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Printf("decode at 1: %c (%d bytes), valid=%v\n", r, size, utf8.ValidString(s[:2]))
	fmt.Printf("bytes: % x\n", []byte(s))

	var upper, lower, other int
	for _, r := range "Hello, Wörld 123" {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		default:
			other++
		}
	}
	fmt.Println("upper:", upper, "lower:", lower, "other:", other)
}

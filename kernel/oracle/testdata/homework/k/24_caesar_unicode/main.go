// Homework 24: Caesar and Vigenère ciphers plus a frequency attack, Unicode-aware.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func shiftRune(r rune, k int) rune {
	switch {
	case unicode.IsUpper(r) && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26*10)%26
	case unicode.IsLower(r) && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26*10)%26
	}
	return r // leave punctuation, digits and non-ASCII letters alone
}

func Caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shiftRune(r, k) }, s)
}

func Vigenere(s, key string, decrypt bool) string {
	var sb strings.Builder
	i := 0
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			sb.WriteRune(r)
			continue
		}
		k := int(unicode.ToLower(rune(key[i%len(key)])) - 'a')
		if decrypt {
			k = -k
		}
		sb.WriteRune(shiftRune(r, k))
		i++
	}
	return sb.String()
}

// english letter frequencies (percent) for chi-squared scoring
var freq = [26]float64{8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4,
	6.7, 7.5, 1.9, 0.095, 6.0, 6.3, 9.1, 2.8, 0.98, 2.4, 0.15, 2.0, 0.074}

func chiSquared(s string) float64 {
	var counts [26]int
	n := 0
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			counts[r-'a']++
			n++
		}
	}
	score := 0.0
	for i, c := range counts {
		exp := freq[i] / 100 * float64(n)
		score += (float64(c) - exp) * (float64(c) - exp) / exp
	}
	return score
}

func Crack(cipher string) (int, string) {
	bestK, bestScore := 0, -1.0
	for k := 0; k < 26; k++ {
		sc := chiSquared(Caesar(cipher, -k))
		if bestScore < 0 || sc < bestScore {
			bestK, bestScore = k, sc
		}
	}
	return bestK, Caesar(cipher, -bestK)
}

func main() {
	msg := "Meet me at the café near the old library, at 7 o'clock!"
	enc := Caesar(msg, 13)
	fmt.Printf("plain : %s\nrot13 : %s\nback  : %s\n", msg, enc, Caesar(enc, 13))

	v := Vigenere(msg, "GOPHER", false)
	fmt.Printf("vigenère: %s\ndecrypted: %s\n", v, Vigenere(v, "GOPHER", true))

	secret := Caesar("The quick brown fox jumps over the lazy dog while the programmers test their code", 7)
	k, plain := Crack(secret)
	fmt.Printf("cracked key %d: %q\n", k, plain)

	stats := map[string]int{}
	for _, r := range msg {
		switch {
		case unicode.IsUpper(r):
			stats["upper"]++
		case unicode.IsLetter(r):
			stats["lower"]++
		case unicode.IsDigit(r):
			stats["digit"]++
		case unicode.IsSpace(r):
			stats["space"]++
		case unicode.IsPunct(r):
			stats["punct"]++
		}
	}
	for _, k := range []string{"upper", "lower", "digit", "space", "punct"} {
		fmt.Printf("%-6s %2d\n", k, stats[k])
	}
	fmt.Printf("bytes=%d runes=%d  é=%U % x\n", len(msg), len([]rune(msg)), 'é', "é")
}

// Week 2: strings are not what you think (bytes vs runes)
package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

var samples = []string{
	"hello",
	"héllo wörld",
	"日本語",
	"Go🐹!",
	"ÀÉÎõü",
}

func main() {
	for _, s := range samples {
		fmt.Printf("%-14q bytes=%2d runes=%d valid=%t\n", s, len(s), utf8.RuneCountInString(s), utf8.ValidString(s))
	}

	s := "Go🐹!"
	fmt.Println("-- byte loop --")
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%02x ", i, s[i])
	}
	fmt.Println()
	fmt.Println("-- rune loop --")
	for i, r := range s {
		fmt.Printf("%d:%c(%U,%d bytes) ", i, r, r, utf8.RuneLen(r))
	}
	fmt.Println()

	fmt.Println("reverse bytes-naive:", fmt.Sprintf("%q", reverseBytes("héllo")))
	fmt.Println("reverse runes:", reverseRunes("héllo wörld"), reverseRunes("日本語"))

	title := titleCase("the quick brown fox   jumps over the lazy dog")
	fmt.Println("title:", title)
	fmt.Println("rot13:", strings.Map(rot13, "Hello, Gopher!"))
	fmt.Println("rot13 twice:", strings.Map(rot13, strings.Map(rot13, "Hello, Gopher!")))

	noVowels := strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiouAEIOU", r) {
			return -1
		}
		return r
	}, "Programming in Go is fun")
	fmt.Println("no vowels:", noVowels)

	fmt.Println("palindromes:")
	for _, p := range []string{"A man, a plan, a canal: Panama", "racecar", "gopher", "Was it a car or a cat I saw?", "été"} {
		fmt.Printf("  %-32q %v\n", p, isPalindrome(p))
	}

	// decoding by hand
	b := []byte("añb")
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		fmt.Printf("%c=%d ", r, size)
		b = b[size:]
	}
	fmt.Println()

	counts := letterStats("Hello World 123 ÄÖÜ!!")
	fmt.Printf("%+v\n", counts)

	// strings package grab bag
	fmt.Println(strings.ToUpper("gopher"), strings.Repeat("ab", 3), strings.Index("chicken", "ken"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Count("cheese", "e"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Fields("  lots   of   space  "))
	fmt.Printf("%q\n", strings.TrimSpace("\t trimmed \n"))
	fmt.Printf("%q\n", strings.Trim("xxhixx", "x"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Printf("%x % x %X\n", "hi!", "hi!", []byte("Go"))
	fmt.Printf("%c%c%c %U\n", 71, 111, 0x1F439, 'é')
}

type stats struct {
	Letters, Upper, Digits, Spaces, Other int
}

func letterStats(s string) stats {
	var st stats
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			st.Letters++
			if unicode.IsUpper(r) {
				st.Upper++
			}
		case unicode.IsDigit(r):
			st.Digits++
		case unicode.IsSpace(r):
			st.Spaces++
		default:
			st.Other++
		}
	}
	return st
}

func reverseBytes(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// no strings.Title allowed (deprecated) so doing it by hand
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			clean = append(clean, r)
		}
	}
	for i := 0; i < len(clean)/2; i++ {
		if clean[i] != clean[len(clean)-1-i] {
			return false
		}
	}
	return true
}

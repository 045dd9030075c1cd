package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
	}
	return strings.Join(words, " ")
}

func reverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
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

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func caesar(shift int) func(rune) rune {
	return func(r rune) rune {
		if unicode.IsLower(r) {
			return 'a' + (r-'a'+rune(shift)+26)%26
		}
		return r
	}
}

func main() {
	s := "héllo wörld, 你好!"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)), len([]byte(s)))
	fmt.Println(titleCase("the QUICK brown éclair"), "|", reverse(s))
	for _, p := range []string{"A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?"} {
		fmt.Printf("%-32q %v\n", p, isPalindrome(p))
	}
	enc := strings.Map(rot13, "Hello, Gopher!")
	fmt.Println(enc, strings.Map(rot13, enc))
	fmt.Println(strings.Map(caesar(3), "xyz abc"), strings.Map(caesar(-3), "abc"), strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace("<b>"))
	dropVowels := strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiou", r) {
			return -1
		}
		return r
	}, "programming language")
	fmt.Println(dropVowels)

	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Printf("%q\n", strings.SplitN("k=v=w", "=", 2))
	fmt.Printf("%q\n", strings.Fields("  lots   of\tspace\n"))
	fmt.Println(strings.TrimSpace("  x  "), strings.Trim("--x--", "-"), strings.TrimLeft("aabc", "a"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexRune("chicken", 'k'), strings.IndexByte("abc", 'z'))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Contains("seafood", "foo"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Repeat("ab", 3))
	before, after, found := strings.Cut("user@example.com", "@")
	fmt.Println(before, after, found)

	var sb strings.Builder
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "%d", i*i)
	}
	sb.WriteRune('→')
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())

	counts := map[string]int{}
	for _, r := range "Hello, World 123 ÄÖ ß!" {
		switch {
		case unicode.IsUpper(r):
			counts["upper"]++
		case unicode.IsLower(r):
			counts["lower"]++
		case unicode.IsDigit(r):
			counts["digit"]++
		case unicode.IsSpace(r):
			counts["space"]++
		case unicode.IsPunct(r):
			counts["punct"]++
		}
	}
	fmt.Println(counts)
	b := []byte("héllo")
	fmt.Println(b[1], string(b[1:3]), utf8.Valid(b[1:2]), utf8.RuneLen('世'))
	fmt.Println(string(rune(65)), strings.ToUpper("straße"), strings.ToLower("ÀÉÎ"))
}

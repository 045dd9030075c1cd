package main

import (
	"errors"
	"fmt"
	"strings"
)

var numerals = []struct {
	value  int
	symbol string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
	{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
	{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

var symbolValue = map[byte]int{
	'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000,
}

func ToRoman(n int) (string, error) {
	if n <= 0 || n >= 4000 {
		return "", fmt.Errorf("ToRoman(%d): out of range", n)
	}
	var sb strings.Builder
	for _, num := range numerals {
		for n >= num.value {
			sb.WriteString(num.symbol)
			n -= num.value
		}
	}
	return sb.String(), nil
}

func FromRoman(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty numeral")
	}
	s = strings.ToUpper(s)
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := symbolValue[s[i]]
		if !ok {
			return 0, fmt.Errorf("invalid character %q at position %d", s[i], i)
		}
		if i+1 < len(s) && symbolValue[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	// reject non-canonical forms like IIII or VX
	if canon, _ := ToRoman(total); canon != s {
		return 0, fmt.Errorf("%s is not canonical (did you mean %s?)", s, canon)
	}
	return total, nil
}

func main() {
	tests := []int{1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000}
	for _, n := range tests {
		r, err := ToRoman(n)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		back, _ := FromRoman(r)
		fmt.Printf("%4d -> %-12s -> %d\n", n, r, back)
	}

	fmt.Println()
	for _, s := range []string{"xlii", "MCMXC", "IIII", "VX", "ABC", "", "MMMCMXCIX"} {
		n, err := FromRoman(s)
		if err != nil {
			fmt.Printf("%-10q error: %v\n", s, err)
		} else {
			fmt.Printf("%-10q = %d\n", s, n)
		}
	}

	// check round trip for every number
	bad := 0
	longest, longestN := "", 0
	for i := 1; i < 4000; i++ {
		r, _ := ToRoman(i)
		if n, err := FromRoman(r); err != nil || n != i {
			bad++
		}
		if len(r) > len(longest) {
			longest, longestN = r, i
		}
	}
	fmt.Printf("round trip failures: %d; longest numeral is %d = %s (%d chars)\n",
		bad, longestN, longest, len(longest))
}

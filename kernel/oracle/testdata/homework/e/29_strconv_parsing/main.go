package main

import (
	"bufio"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const data = `# name, age, height, member, balance
alice, 34, 1.68, true, 1200.50
bob, abc, 1.80, false, 30
carol, 29, tall, yes, -15.25
dave, 300, 1.75, 1, 0x1F
erin, 41, 1.59, F, 99999999999999999999
`

type Record struct {
	Name    string
	Age     uint8
	Height  float64
	Member  bool
	Balance float64
}

func parseLine(line string) (Record, []error) {
	var r Record
	var errs []error
	fields := strings.Split(line, ",")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	if len(fields) != 5 {
		return r, []error{fmt.Errorf("want 5 fields, got %d", len(fields))}
	}
	r.Name = fields[0]
	if age, err := strconv.ParseUint(fields[1], 10, 8); err != nil {
		errs = append(errs, fmt.Errorf("age: %w", err))
	} else {
		r.Age = uint8(age)
	}
	var err error
	if r.Height, err = strconv.ParseFloat(fields[2], 64); err != nil {
		errs = append(errs, fmt.Errorf("height: %w", err))
	}
	if r.Member, err = strconv.ParseBool(fields[3]); err != nil {
		errs = append(errs, fmt.Errorf("member: %w", err))
	}
	if strings.HasPrefix(fields[4], "0x") {
		var n int64
		n, err = strconv.ParseInt(fields[4][2:], 16, 64)
		r.Balance = float64(n)
	} else {
		r.Balance, err = strconv.ParseFloat(fields[4], 64)
	}
	if err != nil {
		errs = append(errs, fmt.Errorf("balance: %w", err))
	}
	return r, errs
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(data))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		rec, errs := parseLine(line)
		fmt.Printf("line %d: %+v\n", lineNo, rec)
		for _, e := range errs {
			fmt.Println("   !", e)
			var numErr *strconv.NumError
			if errors.As(e, &numErr) {
				kind := "syntax"
				if errors.Is(numErr.Err, strconv.ErrRange) {
					kind = "range"
				}
				fmt.Printf("     (%s error in %s, input %q)\n", kind, numErr.Func, numErr.Num)
			}
		}
	}

	n, err := strconv.Atoi("-4096")
	fmt.Println(n, err, strconv.Itoa(n*2))
	_, err = strconv.Atoi("12a")
	fmt.Println(err)

	for _, base := range []int{2, 8, 16, 36} {
		fmt.Printf("255 in base %2d: %s\n", base, strconv.FormatInt(255, base))
	}
	v, _ := strconv.ParseInt("-zz", 36, 64)
	fmt.Println("-zz base 36 =", v)

	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1.5e10, 'e', 3, 64),
		strconv.FormatFloat(0.000123, 'g', -1, 64), strconv.FormatBool(false))

	q := strconv.Quote("tab\there \"quoted\" é")
	fmt.Println(q, strconv.QuoteToASCII("é☺"))
	uq, err := strconv.Unquote(q)
	fmt.Printf("%s %v\n", uq, err)
	_, err = strconv.Unquote("not quoted")
	fmt.Println("unquote error:", err)

	buf := []byte("values:")
	buf = strconv.AppendInt(buf, 42, 10)
	buf = append(buf, ',')
	buf = strconv.AppendQuote(buf, "hi")
	fmt.Println(string(buf))

	fmt.Printf("%q %v %x %X % x\n", "go", []string{"a", "b"}, "hi", []byte("hi"), "abc")
	fmt.Printf("%08.3f|%-8.2f|%+.1e|%6.2f%%\n", 3.14159, 2.5, 12345.678, 99.5)
}

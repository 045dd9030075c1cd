package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

type Record struct {
	Name  string
	Age   int
	Score float64
	OK    bool
}

func parseLine(line string) (Record, error) {
	parts := strings.Split(line, ";")
	if len(parts) != 4 {
		return Record{}, fmt.Errorf("want 4 fields, got %d", len(parts))
	}
	age, err := strconv.Atoi(strings.TrimSpace(parts[1]))
	if err != nil {
		return Record{}, fmt.Errorf("age: %w", err)
	}
	score, err := strconv.ParseFloat(strings.TrimSpace(parts[2]), 64)
	if err != nil {
		return Record{}, fmt.Errorf("score: %w", err)
	}
	ok, err := strconv.ParseBool(strings.TrimSpace(parts[3]))
	if err != nil {
		return Record{}, fmt.Errorf("ok: %w", err)
	}
	return Record{strings.TrimSpace(parts[0]), age, score, ok}, nil
}

const data = `alice; 30; 88.5; true
bob; x; 70; false
carol; 25; 91.25; T
dave; 41; 1e2; 0
eve; 19; abc; true
frank; 22
gina; 99999999999999999999; 1; true`

func main() {
	var good []Record
	for i, line := range strings.Split(data, "\n") {
		r, err := parseLine(line)
		if err != nil {
			fmt.Printf("line %d: %v\n", i+1, err)
			continue
		}
		good = append(good, r)
	}
	for _, r := range good {
		fmt.Printf("%+v\n", r)
	}

	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.FormatInt(-255, 36))
	n, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(n, err)
	n8, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(n8, err)
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	b, _ := strconv.ParseInt("0b1010", 0, 64)
	h, _ := strconv.ParseInt("0x1F", 0, 64)
	fmt.Println(b, h)
	fmt.Println(strconv.Quote("hi \"there\"\n\ttab"), strconv.QuoteRune('☺'), strconv.QuoteToASCII("日本"))
	uq, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", uq, err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1234.5678, 'e', 3, 64), strconv.FormatFloat(0.000012, 'g', -1, 64))
	fmt.Println(strconv.FormatBool(false), strconv.AppendInt([]byte("n="), 42, 10))
	fmt.Println(string(strconv.AppendQuote(nil, "x")))

	var buf bytes.Buffer
	buf.WriteString("header\n")
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&buf, "row %d: %s\n", i, strings.Repeat("=", i))
	}
	buf.WriteByte('!')
	buf.WriteRune('é')
	fmt.Println(buf.Len())
	fmt.Print(buf.String())
	fmt.Println()
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v remaining=%d\n", line, err, buf.Len())
	next := buf.Next(5)
	fmt.Printf("%q\n", next)

	bs := []byte("Hello, Bytes World")
	fmt.Println(bytes.Contains(bs, []byte("Bytes")), bytes.Index(bs, []byte("World")), bytes.Count(bs, []byte("l")))
	fmt.Printf("%s\n", bytes.ToUpper(bs))
	fmt.Printf("%q\n", bytes.Fields([]byte(" a  b c ")))
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Printf("%s|\n", bytes.TrimSpace([]byte("  pad  ")))
	joined := bytes.Join([][]byte{[]byte("a"), []byte("b"), []byte("c")}, []byte("-"))
	fmt.Println(string(joined), joined)
	var b2 bytes.Buffer
	b2.Write([]byte{72, 105})
	fmt.Println(b2.String(), b2.Bytes())
}

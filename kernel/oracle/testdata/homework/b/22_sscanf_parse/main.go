// Parsing text with fmt.Sscanf / fmt.Sscan and reporting malformed input.
package main

import (
	"fmt"
	"strings"
)

type Move struct {
	Piece    string
	From, To string
}

type Reading struct {
	Sensor string
	Temp   float64
	Hum    int
}

func main() {
	// Fixed-format records.
	records := []string{
		"sensor=A1 temp=21.5 hum=40",
		"sensor=B7 temp=-3.25 hum=88",
		"sensor=C2 temp=hot hum=10",
		"sensor=D4 temp=19.0",
	}
	var ok []Reading
	for _, r := range records {
		var rd Reading
		n, err := fmt.Sscanf(r, "sensor=%s temp=%f hum=%d", &rd.Sensor, &rd.Temp, &rd.Hum)
		if err != nil {
			fmt.Printf("bad record %q: parsed %d fields: %v\n", r, n, err)
			continue
		}
		ok = append(ok, rd)
	}
	for _, rd := range ok {
		fmt.Printf("%-3s %6.2f°C %3d%%\n", rd.Sensor, rd.Temp, rd.Hum)
	}

	// Dates and times with literal separators.
	var y, mo, d, h, mi int
	n, err := fmt.Sscanf("2024-03-15 09:45", "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi)
	fmt.Printf("date parsed %d fields (err=%v): year=%d month=%d day=%d %02d:%02d\n", n, err, y, mo, d, h, mi)

	// Hex, octal, binary and character verbs.
	var hx, oc, bn int
	var ch rune
	fmt.Sscanf("ff 755 1011 Z", "%x %o %b %c", &hx, &oc, &bn, &ch)
	fmt.Println("hex ff =", hx, " octal 755 =", oc, " binary 1011 =", bn, " char =", string(ch))

	// Sscan treats newlines as space and fills values in order.
	var a, b, c int
	var name string
	n, _ = fmt.Sscan("10 20\n30 gopher", &a, &b, &c, &name)
	fmt.Println("Sscan read", n, "values:", a+b+c, name)

	// Parse a list of chess-like moves "N g1-f3".
	var moves []Move
	for _, line := range strings.Split("N g1-f3\nP e2-e4\nB f1-c4\nQ ??", "\n") {
		var m Move
		var from, to string
		if _, err := fmt.Sscanf(line, "%s %2s-%2s", &m.Piece, &from, &to); err != nil {
			fmt.Printf("skip %q: %v\n", line, err)
			continue
		}
		m.From, m.To = from, to
		moves = append(moves, m)
	}
	for i, m := range moves {
		fmt.Printf("move %d: %s from %s to %s\n", i+1, m.Piece, m.From, m.To)
	}

	// Sum numbers from a line using Sscan in a loop over fields.
	total := 0.0
	for _, f := range strings.Fields("1.5 2.25 x 3 4e1") {
		var v float64
		if _, err := fmt.Sscan(f, &v); err != nil {
			fmt.Printf("not a number: %q\n", f)
			continue
		}
		total += v
	}
	fmt.Println("total:", total)
}

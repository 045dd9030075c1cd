// bufio.Scanner over strings.NewReader: lines, words, and a custom split function.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

const config = `# server configuration
name = demo-server
port = 8080

# comments and blank lines are skipped
debug=true
  timeout =  30s
invalid line here
path = /var/lib/demo = data
`

const csvish = "alice;30;paris\nbob;25;berlin\ncarol;41;lisbon"

// splitSemicolons is a bufio.SplitFunc that splits tokens on ';' and newlines.
func splitSemicolons(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, ";\n"); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(config))
	settings := map[string]string{}
	var keys []string
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			fmt.Printf("line %d: cannot parse %q\n", lineNo, line)
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		settings[k] = v
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		fmt.Println("scan error:", err)
	}
	fmt.Println("lines read:", lineNo)
	for _, k := range keys {
		fmt.Printf("  %-8s => %q\n", k, settings[k])
	}

	// Word scanning.
	ws := bufio.NewScanner(strings.NewReader("the quick  brown\tfox\njumps over\n\nthe lazy dog"))
	ws.Split(bufio.ScanWords)
	n, longest := 0, ""
	for ws.Scan() {
		n++
		if w := ws.Text(); len(w) > len(longest) {
			longest = w
		}
	}
	fmt.Println("words:", n, "longest:", longest)

	// Rune scanning counts characters, not bytes.
	rs := bufio.NewScanner(strings.NewReader("héllo, 世界"))
	rs.Split(bufio.ScanRunes)
	var runes []string
	for rs.Scan() {
		runes = append(runes, rs.Text())
	}
	fmt.Printf("runes: %d %q\n", len(runes), runes)

	// Custom split function.
	cs := bufio.NewScanner(strings.NewReader(csvish))
	cs.Split(splitSemicolons)
	var fields []string
	for cs.Scan() {
		fields = append(fields, cs.Text())
	}
	for i := 0; i+2 < len(fields); i += 3 {
		fmt.Printf("record: name=%-6s age=%s city=%s\n", fields[i], fields[i+1], fields[i+2])
	}

	// A tiny buffer makes the scanner fail on long tokens.
	small := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\n"))
	small.Buffer(make([]byte, 16), 32)
	for small.Scan() {
	}
	fmt.Println("small buffer error:", small.Err())
}

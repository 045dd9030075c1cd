package worker

import (
	"strings"
	"testing"
)

// feed pushes chunks through splitMarkers and returns the stream as text
// with markers shown as <N>, plus how text items broke.
func feed(chunks []string) (string, []string) {
	// Room for every item the chunks can make: a text and a marker per
	// byte at most, so splitMarkers never blocks with no one reading.
	room := 4
	for _, c := range chunks {
		room += 2*len(c) + 2
	}
	p := &process{items: make(chan item, room)}
	var pending []byte
	for _, c := range chunks {
		pending = append(pending, c...)
		pending = p.splitMarkers(0, pending, false)
	}
	p.splitMarkers(0, pending, true)
	close(p.items)
	var b strings.Builder
	var texts []string
	for it := range p.items {
		switch it.kind {
		case itemText:
			b.WriteString(it.text)
			texts = append(texts, it.text)
		case itemMarker:
			b.WriteString("<" + itoa(it.seq) + ">")
		}
	}
	return b.String(), texts
}

func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

func TestSplitMarkers(t *testing.T) {
	m := func(n uint64) string { return string(marker(n)) }
	tests := []struct {
		name   string
		chunks []string
		want   string
	}{
		{"plain", []string{"hello\n"}, "hello\n"},
		{"marker alone", []string{m(7)}, "<7>"},
		{"text around", []string{"a" + m(1) + "b" + m(2) + "c"}, "a<1>b<2>c"},
		{"marker split everywhere", splitEvery("x"+m(12)+"y", 1), "x<12>y"},
		{"marker split in prefix", []string{"x\x00GOC", "URVE-SYNC-3\x00y"}, "x<3>y"},
		{"stray NUL", []string{"a\x00b"}, "a\x00b"},
		{"NUL then not a marker", []string{"a\x00GOCURVE-X", "b"}, "a\x00GOCURVE-Xb"},
		{"unterminated marker at end", []string{"a\x00GOCURVE-SYNC-5"}, "a\x00GOCURVE-SYNC-5"},
		{"bad number", []string{"\x00GOCURVE-SYNC-zz\x00!"}, "\x00GOCURVE-SYNC-zz\x00!"},
		{"utf8 split", []string{"θ=1 λ", "\xce", "\xbb=2"}, "θ=1 λλ=2"},
	}
	for _, tt := range tests {
		got, _ := feed(tt.chunks)
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A multi-byte character split across reads must never be emitted in halves.
func TestSplitMarkersKeepsRunesWhole(t *testing.T) {
	text := strings.Repeat("θλ∇²€😀", 50)
	_, texts := feed(splitEvery(text, 1))
	for _, s := range texts {
		if !isValidUTF8(s) {
			t.Fatalf("emitted a broken rune: %q", s)
		}
	}
}

func splitEvery(s string, n int) []string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return append(out, s)
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func FuzzSplitMarkers(f *testing.F) {
	f.Add("hello"+string(marker(1))+"world", 3)
	f.Add("\x00\x00GOCURVE-SYNC-\x00", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 64 {
			return
		}
		got, _ := feed(splitEvery(s, n))
		whole, _ := feed([]string{s})
		if got != whole {
			t.Fatalf("chunking changed the result: %q vs %q", got, whole)
		}
	})
}

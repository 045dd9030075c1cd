package cell_test

import (
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// TestInterpreterRefusals: encoding/json of cell structs with unexported
// fields and generic cell types instantiated with generic instances are
// refused before the cell runs; their workarounds are not.
func TestInterpreterRefusals(t *testing.T) {
	tests := []struct {
		name, src string
		refused   string // a part of the message; "" when kept
	}{
		{"json of unexported", "import \"encoding/json\"\ntype C struct{ A int; b int }\njson.Marshal(C{})", "unexported field b"},
		{"json through a slice pointer", "import \"encoding/json\"\ntype C struct{ A int; b int }\nvar cs []C\njson.Unmarshal(nil, &cs)", "json.Unmarshal of &cs"},
		{"json encoder", "import (\n\t\"encoding/json\"\n\t\"os\"\n)\ntype C struct{ b int }\njson.NewEncoder(os.Stderr).Encode(C{})", "Encode of C{}"},
		{"json tagged -", "import \"encoding/json\"\ntype C struct{ A int; b int `json:\"-\"` }\njson.Marshal(C{})", ""},
		{"json of exported", "import \"encoding/json\"\ntype C struct{ A int }\njson.Marshal(&C{})", ""},
		{"generic of generic", "type Box[T any] struct{ V T }\ntype Pair[K, V any] struct{ K K; V V }\nvar b Box[Pair[int, int]]\n_ = b", "Box instantiated with Pair[int, int]"},
		{"generic of plain", "type Box[T any] struct{ V T }\ntype E struct{ K, V int }\nvar b Box[E]\n_ = b", ""},
		{"generic map type in a generic func", "type Set[T comparable] map[T]bool\nfunc New[T comparable]() Set[T] { return Set[T]{} }", "Set with the type parameters of New"},
		{"generic map type's method", "type Set[T comparable] map[T]bool\nfunc (s Set[T]) Add(v T) { s[v] = true }", ""},
		{"generic interface in a generic func", "type Lesser[T any] interface{ Less(T) bool }\nfunc Min[T Lesser[T]](a, b T) T { if a.Less(b) { return a }; return b }", ""},
		{"generic struct type in a generic func", "type Box[T any] struct{ V T }\nfunc Wrap[T any](v T) Box[T] { return Box[T]{v} }", ""},
		{"generic of a slice of generic", "type Box[T any] struct{ V T }\ntype Pair[K, V any] struct{ K K; V V }\nvar b Box[[]Pair[int, int]]\n_ = b", ""},
	}
	for _, tt := range tests {
		_, err := cell.Parse(tt.src, preloadedOptions())
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.refused)
		}
	}
}

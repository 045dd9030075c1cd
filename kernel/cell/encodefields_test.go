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
		// unexported fields are tagged so that json skips them (fieldtags.go)
		{"json of unexported", "import \"encoding/json\"\ntype C struct{ A int; b int }\njson.Marshal(C{})", ""},
		{"json through a slice pointer", "import \"encoding/json\"\ntype C struct{ A int; b int }\nvar cs []C\njson.Unmarshal(nil, &cs)", ""},
		{"json encoder", "import (\n\t\"encoding/json\"\n\t\"os\"\n)\ntype C struct{ b int }\njson.NewEncoder(os.Stderr).Encode(C{})", ""},
		{"json of unexported, tag not key:value", "import \"encoding/json\"\ntype C struct{ A int; b int `json` }\njson.Marshal(C{})", "unexported field b"},
		{"json of an embedded struct beside fields", "import \"encoding/json\"\ntype B struct{ X int }\ntype C struct{ B; A int }\njson.Marshal(C{})", "embeds B beside other fields"},
		{"xml of a cell struct", "import \"encoding/xml\"\ntype P struct{ X int }\nxml.Marshal([]*P{})", "names the element after the type, P"},
		{"xml with XMLName", "import \"encoding/xml\"\ntype P struct{ XMLName xml.Name; X int }\nxml.Marshal(P{})", ""},
		{"json tagged -", "import \"encoding/json\"\ntype C struct{ A int; b int `json:\"-\"` }\njson.Marshal(C{})", ""},
		{"json of exported", "import \"encoding/json\"\ntype C struct{ A int }\njson.Marshal(&C{})", ""},
		{"generic of generic", "type Box[T any] struct{ V T }\ntype Pair[K, V any] struct{ K K; V V }\nvar b Box[Pair[int, int]]\n_ = b", ""},
		{"generic of generic of a type parameter", "type Box[T any] struct{ V T }\ntype Pair[K, V any] struct{ K K; V V }\nfunc F[T any]() { var b Box[Pair[T, int]]; _ = b }", "Box instantiated with Pair[T, int]"},
		{"generic of generic of a local type", "type Box[T any] struct{ V T }\ntype Pair[K, V any] struct{ K K; V V }\nfunc F() { type E struct{}; var b Box[Pair[E, int]]; _ = b }", "Box instantiated with Pair[E, int]"},
		{"generic call as an element", "type Pair[K, V any] struct{ K K; V V }\nfunc Mk[K, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }\n_ = []any{Mk[int, string](1, \"a\")}", "Mk[int, string] as an element of a composite literal"},
		{"generic of two parameters referring to itself", "type entry[K comparable, V any] struct{ key K; next *entry[K, V] }", ""},
		{"generic of two parameters referring to itself, instantiated", "type entry[K comparable, V any] struct{ key K; next *entry[K, V] }\nvar e entry[string, int]\n_ = e", "entry has 2 type parameters and its fields refer to entry itself"},
		{"generic holding one referring to itself, made by a func", "type entry[K comparable, V any] struct{ key K; next *entry[K, V] }\ntype LRU[K comparable, V any] struct{ m map[K]*entry[K, V] }\nfunc New[K comparable, V any]() *LRU[K, V] { return &LRU[K, V]{} }\nc := New[string, int]()\n_ = c", "entry has 2 type parameters and its fields refer to entry itself"},
		{"generic of one parameter referring to itself", "type node[T any] struct{ val T; next *node[T] }\nvar n node[int]\n_ = n", ""},
		{"atomic.Pointer printed", "import \"sync/atomic\"\nvar p atomic.Pointer[int]\nfmt.Println(&p)", "printing &p, which is or holds an atomic.Pointer"},
		{"atomic.Pointer's pointee printed", "import \"sync/atomic\"\nvar p atomic.Pointer[int]\nx := 1\np.Store(&x)\nfmt.Println(*p.Load())", ""},
		{"generic call printed straight", "type Box[T any] struct{ V T }\nfunc (b Box[T]) String() string { return \"box\" }\nfunc Mk[T any](v T) Box[T] { return Box[T]{v} }\nfmt.Println(Mk[int](1))", "Mk[int] printed straight from the call"},
		{"generic of plain", "type Box[T any] struct{ V T }\ntype E struct{ K, V int }\nvar b Box[E]\n_ = b", ""},
		{"generic map type in a generic func", "type Set[T comparable] map[T]bool\nfunc New[T comparable]() Set[T] { return Set[T]{} }", ""},
		{"generic map type with a method in a generic func", "type Set[T comparable] map[T]bool\nfunc (s Set[T]) Add(v T) { s[v] = true }\nfunc New[T comparable]() Set[T] { return Set[T]{} }", "Set with the type parameters of New"},
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

// TestFieldTags: the unexported fields of a cell's struct types are tagged
// so that encoding/json and encoding/xml skip them, with the tag as written
// kept for reflect (cell.WrittenTag).
func TestFieldTags(t *testing.T) {
	tests := []struct {
		name, field, want string
	}{
		{"no tag", "a int", "a int `json:\"-\" xml:\"-\" gocurve:\"\"`"},
		{"a tag", "a int `db:\"a\" json:\"x,omitempty\"`", "a int `db:\"a\" json:\"-\" xml:\"-\" gocurve:\"db:\\\"a\\\" json:\\\"x,omitempty\\\"\"`"},
		{"exported", "A int `json:\"a\"`", "A int `json:\"a\"`"},
		{"embedded", "fmt.Stringer", "fmt.Stringer"},
		{"a name of each", "a, B int `json:\"k\"`", "a int `json:\"-\" xml:\"-\" gocurve:\"json:\\\"k\\\"\"`; B int `json:\"k\"`"},
		{"not key:value", "a int `json`", "a int `json`"},
	}
	for _, tt := range tests {
		c, err := cell.Parse("type T struct {\n\t"+tt.field+"\n}", preloadedOptions())
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := c.Items[0].Src; !strings.Contains(got, "\t"+tt.want+"\n") {
			t.Errorf("%s: rewritten as\n%s\nwant the field %s", tt.name, got, tt.want)
		}
	}
	for tag, want := range map[string]string{
		`json:"-" xml:"-" gocurve:""`:                "",
		`db:"a" json:"-" xml:"-" gocurve:"db:\"a\""`: `db:"a"`,
		`json:"a"`: `json:"a"`,
	} {
		if got := cell.WrittenTag(tag); got != want {
			t.Errorf("WrittenTag(%s) = %s, want %s", tag, got, want)
		}
	}
}

package session

import (
	"encoding/json"
	"errors"
	"image"
	"reflect"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// The JSONType of *Config for the tests: what the type model writes for
//
//	type Rate float64
//	type Layer struct{ W []float64 `json:"w"` }
//	type Config struct {
//		LR     Rate    `json:"lr"`
//		Layers []Layer `json:"layers"`
//		Next   *Config `json:"next"`
//	}
//
// The tests decode into compiled types of the same shapes, whose names
// json writes as the interpreter's would be written (none for the
// structs), and check that the helper writes Go's.
var testConfigType = cell.JSONType{
	{Kind: cell.JSONPointer, Name: "*main.Config", Elem: 1, Reflect: reflect.Pointer.String()},
	{Kind: cell.JSONStruct, Name: "main.Config", Short: "Config", Reflect: reflect.Struct.String(), Fields: []cell.JSONField{{Key: "lr", Type: 2}, {Key: "layers", Type: 3}, {Key: "next", Type: 0}}},
	{Kind: cell.JSONLeaf, Name: "main.Rate", Short: "Rate", Reflect: reflect.Float64.String()},
	{Kind: cell.JSONContainer, Name: "[]main.Layer", Elem: 4, Depth: 1, Reflect: reflect.Slice.String()},
	{Kind: cell.JSONStruct, Name: "main.Layer", Short: "Layer", Reflect: reflect.Struct.String(), Fields: []cell.JSONField{{Key: "w", Type: 5}}},
	{Kind: cell.JSONContainer, Name: "[]float64", Elem: 6, Depth: 1, Reflect: reflect.Slice.String()},
	{Kind: cell.JSONLeaf, Name: "float64", Reflect: reflect.Float64.String()},
}

// interpConfig has the shape the interpreter gives Config: unnamed
// structs, Rate as float64.
type interpConfig = struct {
	LR     float64 `json:"lr"`
	Layers []struct {
		W []float64 `json:"w"`
	} `json:"layers"`
	Next *interpNext `json:"next"`
}

type interpNext struct {
	LR float64 `json:"lr"`
}

func TestJSONError(t *testing.T) {
	desc, err := json.Marshal(testConfigType)
	if err != nil {
		t.Fatal(err)
	}
	rt := &runtime{}
	tests := []struct {
		in, want string
	}{
		{`{"lr":"x"}`, "json: cannot unmarshal string into Go struct field Config.lr of type main.Rate"},
		{`{"layers":[{"w":[true]}]}`, "json: cannot unmarshal bool into Go struct field Layer.layers.w of type float64"},
		{`{"layers":[{"w":"x"}]}`, "json: cannot unmarshal string into Go struct field Layer.layers.w of type []float64"},
		{`{"layers":{}}`, "json: cannot unmarshal object into Go struct field Config.layers of type []main.Layer"},
		{`{"next":{"lr":"x"}}`, "json: cannot unmarshal string into Go struct field Config.next.lr of type main.Rate"},
		{`"x"`, "json: cannot unmarshal string into Go value of type main.Config"},
		{`{"lr":1}`, "<nil>"},
	}
	for _, tt := range tests {
		var v interpConfig
		got := rt.jsonError(json.Unmarshal([]byte(tt.in), &v), string(desc), nil)
		if s := errorText(got); s != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, s, tt.want)
		}
		var ute *json.UnmarshalTypeError
		if got != nil && !errors.As(got, &ute) {
			t.Errorf("%s: %T is no longer a *json.UnmarshalTypeError", tt.in, got)
		}
	}
	// a non-pointer: a mistake whose error the helper names, as Go does
	got := rt.jsonError(decodeInto([]byte(`{}`), interpConfig{}), string(desc[:0]), nil)
	if s := errorText(got); s != "json: Unmarshal(non-pointer struct { LR float64 \"json:\\\"lr\\\"\"; Layers []struct { W []float64 \"json:\\\"w\\\"\" } \"json:\\\"layers\\\"\"; Next *session.interpNext \"json:\\\"next\\\"\" })" {
		t.Errorf("without a description or a target the error is json's own: got %q", s)
	}
	rootOnly, _ := json.Marshal(testConfigType[1:2])
	got = rt.jsonError(decodeInto([]byte(`{}`), interpConfig{}), string(rootOnly), nil)
	if s := errorText(got); s != "json: Unmarshal(non-pointer main.Config)" {
		t.Errorf("non-pointer: got %q", s)
	}
}

// Through an interface, the helper reads the target's runtime type: a
// compiled struct type inside keeps the name json gives it.
func TestJSONErrorThroughInterface(t *testing.T) {
	rt := &runtime{}
	var v struct {
		P image.Point `json:"p"`
	}
	got := rt.jsonError(decodeInto([]byte(`{"p":{"X":"a"}}`), &v), "", &v)
	if s, want := errorText(got), "json: cannot unmarshal string into Go struct field Point.p.X of type int"; s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}

// decodeInto is json.Unmarshal, for a target the checkers need not see.
func decodeInto(b []byte, v any) error { return json.Unmarshal(b, v) }

func errorText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

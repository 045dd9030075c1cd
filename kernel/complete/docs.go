package complete

import (
	"compress/gzip"
	"encoding/json"
	"strings"
	"sync"
)

//go:generate go run ./internal/gendoc -o zdocs.go fmt math strings strconv sort errors time math/rand math/rand/v2 slices maps os bufio bytes sync unicode unicode/utf8 math/cmplx math/bits context io cmp encoding/json regexp gonum.org/v1/gonum/mat gonum.org/v1/gonum/floats gonum.org/v1/gonum/stat gonum.org/v1/plot gonum.org/v1/plot/plotter gonum.org/v1/plot/vg gonum.org/v1/plot/vg/draw gonum.org/v1/plot/vg/vgimg gonum.org/v1/plot/palette gonum.org/v1/plot/palette/moreland gonum.org/v1/plot/palette/brewer github.com/gocurve/gocurve/lib/hessian github.com/gocurve/gocurve/lib/nn github.com/gocurve/gocurve/lib/optim github.com/gocurve/gocurve/lib/optim/objective github.com/gocurve/gocurve/lib/viz github.com/gocurve/gocurve/lib/check github.com/gocurve/gocurve/lib/interrupt github.com/gocurve/gocurve/kernel/display github.com/gocurve/gocurve/kernel/widget

// docEntry is a declaration as written in its source, with parameter names,
// and its doc comment. Keys of the table are "path" for a package,
// "path.Name" for a package-level name and "path.Type.Name" for a method or
// field.
type docEntry struct {
	Sig string `json:"s,omitempty"`
	Doc string `json:"d,omitempty"`
}

// generatedDocs decodes the generated table on first use.
var generatedDocs = sync.OnceValue(decodeDocs)

// decodeDocs decodes the generated table; on a corrupt table it returns an
// empty one, and signatures fall back to reflect.
func decodeDocs() map[string]docEntry {
	table := map[string]docEntry{}
	zr, err := gzip.NewReader(strings.NewReader(docsGz))
	if err != nil {
		return table
	}
	if err := json.NewDecoder(zr).Decode(&table); err != nil {
		return map[string]docEntry{}
	}
	return table
}

package symbols

// Import is a package bound to a name in every cell, with no import line.
type Import struct {
	Name, Path string
}

// Preloaded lists the packages cells use without an import line, under the
// names cells use. The session imports them into every interpreter and
// completion offers them; this list is the one place that says which.
// slices and maps are the session's interpreted versions, not tables here.
var Preloaded = []Import{
	{"fmt", "fmt"}, {"math", "math"}, {"strings", "strings"}, {"strconv", "strconv"},
	{"sort", "sort"}, {"errors", "errors"}, {"time", "time"}, {"rand", "math/rand"},
	{"os", "os"},
	{"mat", "gonum.org/v1/gonum/mat"}, {"floats", "gonum.org/v1/gonum/floats"},
	{"stat", "gonum.org/v1/gonum/stat"},
	{"plot", "gonum.org/v1/plot"}, {"plotter", "gonum.org/v1/plot/plotter"},
	{"vg", "gonum.org/v1/plot/vg"}, {"draw", "gonum.org/v1/plot/vg/draw"},
	{"palette", "gonum.org/v1/plot/palette"}, {"moreland", "gonum.org/v1/plot/palette/moreland"},
	{"brewer", "gonum.org/v1/plot/palette/brewer"},
	{"hessian", "github.com/gocurve/gocurve/lib/hessian"}, {"nn", "github.com/gocurve/gocurve/lib/nn"},
	{"optim", "github.com/gocurve/gocurve/lib/optim"}, {"objective", "github.com/gocurve/gocurve/lib/optim/objective"},
	{"viz", "github.com/gocurve/gocurve/lib/viz"}, {"check", "github.com/gocurve/gocurve/lib/check"},
	{"interrupt", "github.com/gocurve/gocurve/lib/interrupt"},
	{"display", "github.com/gocurve/gocurve/kernel/display"}, {"widget", "github.com/gocurve/gocurve/kernel/widget"},
}

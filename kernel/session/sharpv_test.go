package session

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestSharpVLikeGo compares %#v of values of types declared in cells with
// what go run prints for the same program (addresses masked).
func TestSharpVLikeGo(t *testing.T) {
	tests := []struct {
		name, imports, decls, body string
	}{
		{"struct", "", "type point struct{ x, y int }",
			"p := point{1, 2}\nfmt.Printf(\"%#v\\n\", p)\nfmt.Printf(\"%#v|%v|%#v\\n\", &p, p, []point{p, {3, 4}})"},
		{"nil slice map pointer", "", "type point struct{ X, Y int }",
			"var s []point\nvar m map[string]point\nvar q *point\nfmt.Printf(\"%#v %#v %#v\\n\", s, m, q)\nfmt.Printf(\"%#v %#v\\n\", []point{}, map[string]point{})"},
		{"embedded", "", "type Point struct{ X, Y int }\ntype Circle struct {\n\tPoint\n\tRadius int\n}\ntype Wheel struct {\n\tCircle\n\tSpokes int\n}",
			"w := Wheel{Circle{Point{8, 8}, 5}, 20}\nw.X = 42\nfmt.Printf(\"%#v\\n\", w)"},
		{"embedded pointer", "", "type Point struct{ X, Y int }\ntype Named struct {\n\t*Point\n\tName string\n}",
			"fmt.Printf(\"%#v\\n\", Named{nil, \"a\"})"},
		{"named basic and array", "", "type Celsius float64\ntype bookcase [5]int\ntype Temps []Celsius\ntype Day uint8",
			"fmt.Printf(\"%#v %#v %#v\\n\", Celsius(3.5), Celsius(1), bookcase{6, 9, 3})\nfmt.Printf(\"%#v %#v %#v\\n\", Temps{1.5, 2}, Temps(nil), []Day{1, 200})"},
		{"strings floats bytes", "", "type rec struct {\n\tname  string\n\tscore float64\n\tdata  []byte\n\tok    bool\n\tr     rune\n\tc     complex128\n\tu     uint\n\tarr   [2]byte\n}",
			"fmt.Printf(\"%#v\\n\", rec{\"a\\\"b\\n\", 2, []byte{1, 255}, true, 'x', 1 + 2i, 7, [2]byte{3, 4}})\nfmt.Printf(\"%#v\\n\", rec{})"},
		{"maps sorted", "", "type K struct{ A, B int }\ntype V struct{ S string }",
			"m := map[K]V{{2, 1}: {\"x\"}, {1, 2}: {\"y\"}, {1, 1}: {\"z\"}}\nfmt.Printf(\"%#v\\n\", m)\nfmt.Printf(\"%#v\\n\", map[int][]V{3: {{\"c\"}}, -1: nil, 2: {}})"},
		{"compiled leaves", "\"time\"", "type Job struct {\n\tName string\n\tWait time.Duration\n\tAt   time.Month\n\tErr  error\n\tTags map[string]int\n\tPtr  *int\n}",
			"fmt.Printf(\"%#v\\n\", Job{Name: \"j\", Wait: 2 * time.Second, At: time.March, Tags: map[string]int{\"b\": 2, \"a\": 1}})\nfmt.Printf(\"%#v\\n\", []*Job{nil})"},
		{"error field", "\"errors\"", "type Res struct {\n\tN   int\n\tErr error\n}",
			"fmt.Printf(\"%#v\\n\", Res{1, nil})\nfmt.Printf(\"%#v\\n\", Res{2, errors.New(\"boom\")})"},
		{"funcs and chans", "", "type Op struct {\n\tName string\n\tF    func(int) (int, error)\n\tC    chan int\n\tR    <-chan string\n}",
			"fmt.Printf(\"%#v\\n\", Op{Name: \"op\"})"},
		{"nested pointer masked", "", "type Node struct {\n\tV    int\n\tNext *Node\n}",
			"n := &Node{1, &Node{2, nil}}\nfmt.Printf(\"%#v\\n\", n)\nfmt.Printf(\"%#v\\n\", *n.Next)"},
		{"anonymous struct of a cell type", "", "type P struct{ X int }",
			"v := struct {\n\tP   P\n\tTag string `json:\"tag\"`\n}{P{1}, \"t\"}\nfmt.Printf(\"%#v\\n\", v)\nfmt.Printf(\"%#v\\n\", []struct{ Q P }{{P{2}}})"},
		{"sprintf and flags", "", "type P struct{ X int }",
			"s := fmt.Sprintf(\"[%#v] %d %s %#v\", P{1}, 2, \"x\", []P{{3}})\nfmt.Println(s)\nfmt.Println(fmt.Errorf(\"bad %#v\", P{4}))"},
		{"beside %T and %+v", "", "type point struct{ x, y int }",
			"p := point{1, 2}\nfmt.Printf(\"%+v\\n\", p)\nfmt.Printf(\"%#v\\n\", p)\nfmt.Printf(\"%T\\n\", p)\nfmt.Printf(\"%T %#v %+v %T\\n\", p, p, p, &p)"},
		{"interfaces", "\"errors\"", "type Shape interface{ Area() float64 }\ntype Sq struct{ s float64 }\nfunc (q Sq) Area() float64 { return q.s * q.s }\ntype Circle struct{ R float64 }\nfunc (c *Circle) Area() float64 { return 3 * c.R * c.R }\ntype Holder struct {\n\tName string\n\tS    Shape\n\tAll  []Shape\n\tErr  error\n}\ntype MyErr struct{ Code int }\nfunc (e *MyErr) Error() string { return \"my\" }",
			"var s Shape = Sq{2}\nfmt.Printf(\"%#v\\n\", s)\ns = nil\nfmt.Printf(\"%#v\\n\", s)\nh := Holder{Name: \"h\", S: Sq{1}, All: []Shape{Sq{3}, nil}}\nfmt.Printf(\"%#v\\n\", h)\nh.Err = &MyErr{7}\nh.S = &Circle{1}\nfmt.Printf(\"%#v\\n\", h)\nh.Err = errors.New(\"x\")\nfmt.Printf(\"%#v\\n\", h)\nvar err error = &MyErr{8}\nfmt.Printf(\"%#v\\n\", err)\nfmt.Printf(\"%#v\\n\", map[string]Shape{\"a\": Sq{4}})\nfmt.Printf(\"%#v\\n\", []error{&MyErr{1}, nil, errors.New(\"e\")})\nfmt.Printf(\"%#v\\n\", struct{ S []Shape }{[]Shape{Sq{5}}})"},
		{"expression tree", "", "type Expr interface{ Eval() float64 }\ntype Num float64\nfunc (n Num) Eval() float64 { return float64(n) }\ntype Add struct{ L, R Expr }\nfunc (a Add) Eval() float64 { return a.L.Eval() + a.R.Eval() }",
			"var e Expr = Add{Num(1), Add{Num(2), Num(3)}}\nfmt.Printf(\"%#v\\n\", e)\nfmt.Printf(\"%#v\\n\", Add{L: Num(4)})"},
		{"in funcs and goroutines", "\"strings\"", "type P struct{ X int }\nfunc show(ps ...P) string { return fmt.Sprintf(\"%#v\", ps) }\ntype Grid [2][2]*P",
			"fmt.Println(show(P{1}, P{2}), strings.TrimSpace(fmt.Sprintf(\"%#v\", &[]P{{3}})))\ndone := make(chan string)\ngo func() { done <- fmt.Sprintf(\"%#v\", map[P]bool{{2}: true, {1}: false}) }()\nfmt.Println(<-done)\nfmt.Printf(\"%#v\\n\", Grid{})"},
		{"embedded in a func body", "", "type Shape interface{ Area() float64 }\ntype Sq struct{ S float64 }\nfunc (q Sq) Area() float64 { return q.S }",
			"type big struct{ Sq }\nfmt.Printf(\"%#v\\n\", big{Sq{2}})\nfmt.Printf(\"%#v\\n\", []big{{Sq{3}}})"},
		{"methods not called", "", "type P struct{ X int }\nfunc (p P) String() string { return \"P!\" }\ntype W int\nfunc (w W) String() string { return \"W!\" }",
			"fmt.Printf(\"%#v %#v %#v\\n\", P{1}, W(2), []P{{3}})"},
		{"unexported and blank", "", "type person struct {\n\tname string\n\tage  int\n\t_    int\n}",
			"fmt.Printf(\"%#v\\n\", person{name: \"Ana\", age: 30})\nfmt.Printf(\"%#v\\n\", map[string]*person{\"x\": nil})"},
	}
	var cases []*corpusCase
	for _, tt := range tests {
		imports := "\"fmt\""
		cellImports := ""
		if tt.imports != "" {
			imports += "\n" + tt.imports
			cellImports = "import " + tt.imports + "\n"
		}
		src := fmt.Sprintf("-- cell --\n%s%s\n-- cell --\n%s\n-- program --\npackage main\n\nimport (\n%s\n)\n\n%s\n\nfunc main() {\n%s\n}\n",
			cellImports, tt.decls, tt.body, imports, tt.decls, tt.body)
		c, err := parseCorpusFile("sharpv_"+strings.ReplaceAll(tt.name, " ", "_"), src)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		cases = append(cases, c)
	}
	progs := runPrograms(t, cases)
	addr := regexp.MustCompile(`0x[0-9a-f]{6,}`)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			prog := progs[c.name]
			if prog.failed {
				t.Fatalf("go run failed: %s", prog.stderr)
			}
			out, failed, err := runCells(c)
			if err != nil {
				t.Fatalf("cell %d: %s", failed, describeErr(err))
			}
			got, want := addr.ReplaceAllString(out, "0xADDR"), addr.ReplaceAllString(prog.stdout, "0xADDR")
			if got != want {
				t.Errorf("cells print:\n%s\ngo run prints:\n%s", indent(got), indent(want))
			}
		})
	}
}

// TestSharpVUnnamed shows that a value behind an interface whose type the
// model does not list (declared in a func's body) stops the cell with a
// message rather than print the interpreter's structure.
func TestSharpVUnnamed(t *testing.T) {
	runSteps(t, []step{
		{code: "type Shape interface{ Area() float64 }\ntype Sq struct{ S float64 }\nfunc (q Sq) Area() float64 { return q.S }"},
		{code: "func f() {\n\ttype big struct{ Sq }\n\tvar s Shape = big{Sq{2}}\n\tfmt.Printf(\"%#v\\n\", s)\n}\nf()", errName: "Panic", errHas: "a type the kernel cannot name"},
		{code: "var s Shape = Sq{2}\nfmt.Printf(\"%#v\\n\", s)", out: "main.Sq{S:2}\n"},
	})
}

// TestSharpVLog shows that log's formatting funcs, which format with
// compiled fmt, are refused for the verbs that name cell types, and that
// the workaround the message gives prints as Go does.
func TestSharpVLog(t *testing.T) {
	runSteps(t, []step{
		{code: "import (\n\t\"log\"\n\t\"strings\"\n)\ntype P struct{ x int }\nvar sb strings.Builder\nl := log.New(&sb, \"\", 0)"},
		{code: "log.Printf(\"%+v\", P{1})", errName: "CompileError", errHas: "log.Printf with %+v of a P"},
		{code: "log.Panicf(\"%#v\", []P{{1}})", errName: "CompileError", errHas: "log.Panicf with %#v of a []P"},
		{code: "l.Print(fmt.Sprintf(\"%#v %+v %T\", P{1}, P{2}, P{3}))\nfmt.Print(sb.String())", out: "main.P{x:1} {x:2} main.P\n"},
	})
}

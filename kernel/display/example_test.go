package display_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/display"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// printer is a Publisher that prints what a notebook would receive.
type printer struct{}

func (printer) Publish(b display.Bundle, id string, update bool) {
	var mimes []string
	for k := range b.Data {
		mimes = append(mimes, k)
	}
	slices.Sort(mimes)
	kind := "display_data"
	if update {
		kind = "update_display_data"
	}
	fmt.Printf("%s %v: %s\n", kind, mimes, b.Data[display.MIMEText])
}

func (printer) ClearOutput(wait bool) { fmt.Println("clear_output", wait) }

func ExampleRender() {
	h := mat.NewSymDense(2, []float64{2, -1, -1, 2})
	b := display.Render(h)
	fmt.Println(b.Data[display.MIMEText])
	fmt.Println(b.Data[display.MIMELaTeX])
	// Output:
	// mat.SymDense 2×2
	// ⎡ 2  -1⎤
	// ⎣-1   2⎦
	// $$\begin{bmatrix}2 & -1 \\ -1 & 2\end{bmatrix}$$
}

func ExampleRender_plot() {
	p := plot.New()
	p.Title.Text = "loss"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 1}, {X: 1, Y: 0.5}, {X: 2, Y: 0.3}})
	if err != nil {
		panic(err)
	}
	p.Add(l)
	b := display.Render(p)
	// A plot of a few lines is smaller as SVG than as PNG, so it comes as SVG.
	fmt.Println(b.Data[display.MIMEText], b.Metadata[display.MIMESVG])
	// Output:
	// <plot 600×400 "loss"> map[height:400 width:600]
}

func ExampleShow() {
	// Without a kernel, the text/plain form goes to standard output.
	type step struct {
		K    int
		Loss float64
	}
	display.Show(step{K: 3, Loss: 0.25})
	// Output:
	// {K:3 Loss:0.25}
}

func ExampleNew() {
	display.SetPublisher(printer{})
	defer display.SetPublisher(nil)

	h := display.New("epoch 1")
	h.Update("epoch 2")
	// Output:
	// display_data [text/plain]: epoch 1
	// update_display_data [text/plain]: epoch 2
}

func ExampleHTML() {
	display.SetPublisher(printer{})
	defer display.SetPublisher(nil)

	display.HTML("<b>κ = 100</b>")
	display.Markdown("**κ = 100**")
	display.LaTeX(`$\kappa = \lambda_{\max}/\lambda_{\min}$`)
	// Output:
	// display_data [text/html text/plain]: <b>κ = 100</b>
	// display_data [text/markdown text/plain]: **κ = 100**
	// display_data [text/latex text/plain]: $\kappa = \lambda_{\max}/\lambda_{\min}$
}

func ExampleProgress() {
	// How many updates a tight loop sends depends on how fast it runs (at most
	// one per 100 ms), so this publisher keeps the first and the last, and
	// drops the elapsed time, the last word of the text.
	var rec recorder
	display.SetPublisher(&rec)
	defer display.SetPublisher(nil)

	pb := display.NewProgress(1000, "training")
	for i := 1; i <= 1000; i++ {
		pb.Set(i)
	}
	pb.Done()
	fmt.Println(rec.msgs[0])
	fmt.Println(rec.msgs[len(rec.msgs)-1])
	// Output:
	// display_data: training [....................] 0% 0/1000
	// update_display_data: training [####################] 100% 1000/1000
}

// recorder keeps each message's kind and text/plain without its last word.
type recorder struct{ msgs []string }

func (r *recorder) Publish(b display.Bundle, id string, update bool) {
	kind := "display_data"
	if update {
		kind = "update_display_data"
	}
	text, _ := b.Data[display.MIMEText].(string)
	if i := strings.LastIndexByte(text, ' '); i >= 0 {
		text = text[:i]
	}
	r.msgs = append(r.msgs, kind+": "+text)
}

func (r *recorder) ClearOutput(bool) {}

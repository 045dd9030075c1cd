package display_test

import (
	"fmt"
	"slices"

	"github.com/gocurve/gocurve/kernel/display"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
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
	b := display.Render(p)
	fmt.Println(b.Data[display.MIMEText], b.Metadata[display.MIMEPNG])
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
	display.SetPublisher(printer{})
	defer display.SetPublisher(nil)

	pb := display.NewProgress(1000, "training")
	for i := 1; i <= 1000; i++ {
		pb.Set(i) // a tight loop: only the final state is sent
	}
	pb.Done()
	// Output:
	// display_data [text/html text/plain]: training [....................] 0% 0/1000 0s
	// update_display_data [text/html text/plain]: training [####################] 100% 1000/1000 0s
}

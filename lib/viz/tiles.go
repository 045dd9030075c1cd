package viz

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Tile sizes: two tiles side by side fill the Width of one plot.
const (
	TileWidth  = Width / 2
	TileHeight = 260 * vg.Inch / 96
)

// Tiles is a grid of plots drawn as one figure, row by row. It has the
// methods Draw and Size, by which the kernel's display shows it like a plot.
type Tiles struct {
	Rows [][]*plot.Plot // a nil plot leaves its cell blank
}

// Tile lays plots out in rows of cols. It panics if cols < 1.
func Tile(cols int, plots ...*plot.Plot) *Tiles {
	if cols < 1 {
		panic(fmt.Sprintf("viz: %d columns", cols))
	}
	t := &Tiles{}
	for i := 0; i < len(plots); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, plots[i:min(i+cols, len(plots))])
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Size returns the figure's size: TileWidth × TileHeight per cell.
func (t *Tiles) Size() (w, h vg.Length) {
	cols := 0
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	return vg.Length(cols) * TileWidth, vg.Length(len(t.Rows)) * TileHeight
}

// Draw draws the plots on c, aligned with plot.Align so that their data
// areas line up.
func (t *Tiles) Draw(c draw.Canvas) {
	grid, canvases := t.layout(c)
	for i := range grid {
		for j, p := range grid[i] {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

// layout returns the plots as a full grid and the canvas of each, with
// each legend fitted to its canvas.
func (t *Tiles) layout(c draw.Canvas) ([][]*plot.Plot, [][]draw.Canvas) {
	rows, cols := len(t.Rows), 0
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if rows == 0 || cols == 0 {
		return nil, nil
	}
	grid := make([][]*plot.Plot, rows)
	for i, r := range t.Rows {
		grid[i] = make([]*plot.Plot, cols)
		copy(grid[i], r)
	}
	tl := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(4), PadY: vg.Points(4)}
	// Legends are fitted at each cell's size, smaller than a plot's, then
	// again at the size alignment gives each plot.
	cw := (c.Size().X - vg.Length(cols-1)*tl.PadX) / vg.Length(cols)
	ch := (c.Size().Y - vg.Length(rows-1)*tl.PadY) / vg.Length(rows)
	for _, r := range grid {
		for _, p := range r {
			if p != nil {
				fitLegend(p, cw, ch)
			}
		}
	}
	canvases := plot.Align(grid, tl, c)
	for i, r := range grid {
		for j, p := range r {
			if p != nil {
				fitLegend(p, canvases[i][j].Size().X, canvases[i][j].Size().Y)
			}
		}
	}
	// Alignment moves each data area with its neighbours' margins: a legend
	// whose corner is no longer free goes beside its plot, until none moves.
	for range rows*cols + 1 {
		canvases = plot.Align(grid, tl, c)
		moved := false
		for i, r := range grid {
			for j, p := range r {
				if p != nil && !legendFits(p, canvases[i][j]) {
					moved = true
				}
			}
		}
		if !moved {
			break
		}
	}
	return grid, canvases
}

package viz

import (
	"fmt"

	"codeberg.org/go-fonts/dejavu/dejavusans"
	"codeberg.org/go-fonts/dejavu/dejavusansbold"
	"codeberg.org/go-fonts/dejavu/dejavusansboldoblique"
	"codeberg.org/go-fonts/dejavu/dejavusansoblique"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
)

// Font is the one typeface of every plot: DejaVu Sans (from the Go module
// codeberg.org/go-fonts/dejavu, under the DejaVu font licence), whose
// glyphs cover the course's notation — ∇, ‖·‖, ᵀ, ⁻¹, sub- and
// superscripts, Greek letters, combining hats — where gonum/plot's default
// Liberation fonts drop ⁻ and ∇.
//
// Importing viz registers the DejaVu Sans faces (regular, bold, oblique,
// bold oblique) with gonum/plot's font cache and makes Font the default of
// plot.New and of plotter's labels, so plots built by hand share the face
// of viz's plots.
var Font = font.Font{Typeface: "DejaVu", Variant: "Sans"}

// sans is Font at its default weight, the face of every text in viz.
var sans = Font

func init() {
	font.DefaultCache.Add(dejavuSans())
	plot.DefaultFont = Font
	plotter.DefaultFont = Font
}

// dejavuSans returns the four DejaVu Sans faces as a collection.
func dejavuSans() font.Collection {
	faces := []struct {
		style  xfont.Style
		weight xfont.Weight
		ttf    []byte
	}{
		{xfont.StyleNormal, xfont.WeightNormal, dejavusans.TTF},
		{xfont.StyleNormal, xfont.WeightBold, dejavusansbold.TTF},
		{xfont.StyleItalic, xfont.WeightNormal, dejavusansoblique.TTF},
		{xfont.StyleItalic, xfont.WeightBold, dejavusansboldoblique.TTF},
	}
	coll := make(font.Collection, len(faces))
	for i, f := range faces {
		face, err := opentype.Parse(f.ttf)
		if err != nil {
			panic(fmt.Sprintf("viz: parsing DejaVu Sans: %v", err))
		}
		fnt := Font
		fnt.Style, fnt.Weight = f.style, f.weight
		coll[i] = font.Face{Font: fnt, Face: face}
	}
	return coll
}

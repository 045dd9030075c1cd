package display

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"math"
)

// encodePNG writes img as a small PNG (planPNG, then write at the best
// level).
func encodePNG(w io.Writer, img image.Image) error { return planPNG(img).write(w, true) }

// pngPlan is how a picture is written as a PNG: the picture and, for an
// opaque *image.RGBA of few enough colours, its palette and each colour's
// index (planPNG).
type pngPlan struct {
	img     image.Image
	m       *image.RGBA // img, opaque, or nil
	palette []byte
	index   map[uint32]byte
	few     bool // a palette of a picture of at most smallPaletteColours colours (a line plot)
}

// planPNG chooses how to write img as a small PNG, quickly. An opaque *image.RGBA with
// at most 256 colours — a line plot's antialiased strokes on white often
// have fewer — is written exactly as an 8-bit palette image; one with more
// (heat maps, contours) as a palette image of 256 colours chosen to fit it
// where the picture stays the same to the eye (quantize), else — a smooth
// shading of tens of thousands of colours — as 8-bit RGB whose samples may
// each move by nearRGBTolerance where that keeps the same bounds
// (encodeNearRGB). Palette rows are left unfiltered, which compresses them
// a quarter better (indices are not magnitudes). Hand-written because
// image/png tries all five filters on every row at every compression
// level, which was 40% of the time to show a plot (see bench/display.md),
// never writes a palette for an RGBA image and has no lossy mode. Anything
// else goes through image/png.
func planPNG(img image.Image) pngPlan {
	m, ok := img.(*image.RGBA)
	if !ok || !m.Opaque() {
		return pngPlan{img: img}
	}
	palette, index, few := paletteFor(m)
	return pngPlan{img: img, m: m, palette: palette, index: index, few: few}
}

// write writes the PNG. A line plot's palette image is deflated at zlib's
// best level if best is set (a median 13 % and up to 24 % fewer bytes than
// the default level on the course's line plots, at 3–4 times its time),
// else at the default level; a map's palette image at the default level
// (already a fifth of its RGB bytes; the best level gains 5 %).
func (e pngPlan) write(w io.Writer, best bool) error {
	m := e.m
	if m == nil {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, e.img)
	}
	if e.palette != nil {
		level := zlib.DefaultCompression
		if best && e.few {
			level = zlib.BestCompression
		}
		return encodePaletted(w, m, e.palette, e.index, level)
	}
	for _, tol := range []int{nearRGBTolerance, 1} {
		var buf bytes.Buffer
		if err := encodeNearRGB(&buf, m, tol); err == nil {
			_, err := buf.WriteTo(w)
			return err
		} else if !errors.Is(err, errBeyondBounds) {
			return err
		}
	}
	return encodeNearRGB(w, m, 0)
}

// nearRGBTolerance is how far encodeNearRGB may move each of a pixel's red,
// green and blue: a redmean distance of at most 6.3, well within one just
// noticeable difference (about 15); the mean over the picture is checked.
const nearRGBTolerance = 2

// errBeyondBounds reports an encoding whose pixels moved further than the
// error bounds of quantize allow.
var errBeyondBounds = errors.New("display: the picture would move beyond the error bounds")

// encodePaletted writes opaque m as a palette image of the given colours
// (PLTE data and each colour's index), rows unfiltered, at the given zlib
// level.
func encodePaletted(w io.Writer, m *image.RGBA, palette []byte, index map[uint32]byte, level int) error {
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, level)
	if err != nil {
		return err
	}
	out := make([]byte, 1+width)                 // filter type None, then the indices
	lastKey, lastIndex := uint32(1<<24), byte(0) // no colour has this key
	for y := range height {
		src := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			if k := rgbKey(src[4*x : 4*x+3]); k != lastKey {
				lastKey, lastIndex = k, index[k]
			}
			out[1+x] = lastIndex
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writePNG(w, width, height, 3, palette, idat.Bytes())
}

// encodeNearRGB writes opaque m as 8-bit RGB in which each sample may move
// by at most tol (0: exactly), or returns errBeyondBounds if the mean
// redmean distance of the pixels would pass quantMeanError. Rows are
// filtered with Paeth, the predictor that does best on smooth shading (the
// others and image/png's choice per row gave 2 % more bytes); with
// tol > 0 each residual is rounded to a multiple of 2·tol+1 where that keeps
// the sample within tol (predicted from the samples as decoded, so errors
// do not add up), which leaves a smooth shading a fifth of the distinct
// residuals. zlib's default level: a fifth smaller than BestSpeed here.
func encodeNearRGB(w io.Writer, m *image.RGBA, tol int) error {
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.DefaultCompression)
	if err != nil {
		return err
	}
	rowLen := 3 * width
	cur := make([]byte, rowLen)
	prev := make([]byte, rowLen) // the row above as decoded
	rec := make([]byte, rowLen)  // this row as decoded
	out := make([]byte, 1+rowLen)
	out[0] = 4 // filter type Paeth, then the residuals
	var total float64
	for y := range height {
		src := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			copy(cur[3*x:3*x+3], src[4*x:4*x+3])
		}
		nearPaeth(out[1:], rec, cur, prev, tol)
		if tol > 0 {
			for x := 0; x < rowLen; x += 3 {
				total += math.Sqrt(redmean2(channels(rgbKey(cur[x:x+3])), rec[x:x+3]))
			}
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, rec = rec, prev
	}
	if total > quantMeanError*float64(width*height) {
		return errBeyondBounds
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writePNG(w, width, height, 2, nil, idat.Bytes())
}

// nearPaeth filters row cur (RGB) with the Paeth predictor from the
// samples as decoded (rec for this row, prev for the row above), each
// residual rounded to a multiple of 2·tol+1 where the decoded sample stays
// in 0–255 and within tol of cur's. It writes the residuals to res and the
// row as decoded to rec.
func nearPaeth(res, rec, cur, prev []byte, tol int) {
	q := 2*tol + 1
	for i, x := range cur {
		var a, c int // the sample to the left, and the one above it
		if i >= 3 {
			a, c = int(rec[i-3]), int(prev[i-3])
		}
		p := paeth(a, int(prev[i]), c)
		d := int(x) - p
		if tol > 0 {
			k := (d+tol+255*q)/q - 255 // ⌊(d+tol)/q⌋, the numerator kept positive
			if v := p + k*q; v >= 0 && v <= 255 {
				d = k * q
			}
		}
		rec[i] = byte(p + d)
		res[i] = byte(d)
	}
}

// paeth is the PNG Paeth predictor: of a (left), b (above) and c (above
// left), the one nearest a + b − c.
func paeth(a, b, c int) int {
	pa, pb, pc := abs(b-c), abs(a-c), abs(a+b-2*c)
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// writePNG writes the PNG signature and chunks of a width × height image of
// 8-bit samples of the given colour type (2 RGB, 3 palette, with palette
// its PLTE data) whose compressed rows are idat.
func writePNG(w io.Writer, width, height int, colourType byte, palette, idat []byte) error {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colourType // compression, filter, interlace 0
	chunks := []chunk{{"IHDR", ihdr[:]}}
	if palette != nil {
		chunks = append(chunks, chunk{"PLTE", palette})
	}
	chunks = append(chunks, chunk{"IDAT", idat}, chunk{"IEND", nil})
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	for _, c := range chunks {
		if err := writeChunk(w, c.typ, c.data); err != nil {
			return err
		}
	}
	return nil
}

// chunk is a PNG chunk: its four-letter type and its data.
type chunk struct {
	typ  string
	data []byte
}

func rgbKey(p []byte) uint32 { return uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2]) }

// writeChunk writes one PNG chunk: length, type, data, CRC of type and data.
func writeChunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, p := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

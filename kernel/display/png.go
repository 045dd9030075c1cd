package display

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// encodePNG writes img as a small PNG, quickly. An opaque *image.RGBA with
// at most 256 colours — a line plot's antialiased strokes on white often
// have fewer — is written exactly as an 8-bit palette image; one with more
// (heat maps, contours) as a palette image of 256 colours chosen to fit it
// where the picture stays the same to the eye (quantize), else as 8-bit
// RGB. RGB rows are filtered with Up (the row above subtracted), which
// zeroes the flat areas that make most of a plot; palette rows are left
// unfiltered, which compresses them a quarter better (indices are not
// magnitudes); both are compressed with zlib. Hand-written because image/png
// tries all five filters on every row at every compression level, which
// was 40% of the time to show a plot (see bench/display.md), and never
// writes a palette for an RGBA image. Anything else goes through image/png.
func encodePNG(w io.Writer, img image.Image) error {
	m, ok := img.(*image.RGBA)
	if !ok || !m.Opaque() {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	palette, index := paletteFor(m)
	return encodeRGBA(w, m, palette, index)
}

// encodeRGBA writes opaque m as a palette image of the given colours (PLTE
// data and each colour's index), or as RGB if palette is nil.
func encodeRGBA(w io.Writer, m *image.RGBA, palette []byte, index map[uint32]byte) error {
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()

	var idat bytes.Buffer
	// A palette image is a third of the bytes and worth the default level;
	// for RGB it saves 3% at twice the time of BestSpeed.
	level := zlib.BestSpeed
	if palette != nil {
		level = zlib.DefaultCompression
	}
	zw, err := zlib.NewWriterLevel(&idat, level)
	if err != nil {
		return err
	}
	px := 3 // bytes per pixel
	if palette != nil {
		px = 1
	}
	rowLen := 1 + px*width
	prev := make([]byte, rowLen) // the filtered row's unfiltered predecessor
	cur := make([]byte, rowLen)
	out := make([]byte, rowLen)
	if palette == nil {
		out[0] = 2 // filter type Up
	}

	lastKey, lastIndex := uint32(1<<24), byte(0) // no colour has this key
	for y := range height {
		src := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			p := src[4*x : 4*x+3 : 4*x+3]
			if palette == nil {
				copy(cur[1+3*x:4+3*x], p)
				continue
			}
			if k := rgbKey(p); k != lastKey {
				lastKey, lastIndex = k, index[k]
			}
			cur[1+x] = lastIndex
		}
		if palette == nil {
			for i := 1; i < rowLen; i++ {
				out[i] = cur[i] - prev[i]
			}
		} else {
			copy(out[1:], cur[1:])
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // bit depth 8, color type RGB; compression, filter, interlace 0
	chunks := []chunk{{"IHDR", ihdr[:]}}
	if palette != nil {
		ihdr[9] = 3 // color type palette
		chunks = append(chunks, chunk{"PLTE", palette})
	}
	chunks = append(chunks, chunk{"IDAT", idat.Bytes()}, chunk{"IEND", nil})
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

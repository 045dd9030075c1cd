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

// encodePNG writes img as a PNG quickly: rows filtered with Up (the row
// above subtracted), which zeroes the flat areas that make most of a plot,
// and zlib at BestSpeed. Hand-written because image/png tries all five
// filters on every row at every compression level, which was 40% of the
// time to show a plot (see bench/display.md). An opaque *image.RGBA is
// written as 8-bit RGB; anything else goes through image/png.
func encodePNG(w io.Writer, img image.Image) error {
	m, ok := img.(*image.RGBA)
	if !ok || !m.Opaque() {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()

	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	rowLen := 1 + 3*width
	prev := make([]byte, rowLen) // the filtered row's unfiltered predecessor, RGB
	cur := make([]byte, rowLen)
	out := make([]byte, rowLen)
	out[0] = 2 // filter type Up
	for y := range height {
		src := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range width {
			copy(cur[1+3*x:4+3*x], src[4*x:4*x+3])
		}
		for i := 1; i < rowLen; i++ {
			out[i] = cur[i] - prev[i]
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
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	for _, c := range []struct {
		typ  string
		data []byte
	}{{"IHDR", ihdr[:]}, {"IDAT", idat.Bytes()}, {"IEND", nil}} {
		if err := writeChunk(w, c.typ, c.data); err != nil {
			return err
		}
	}
	return nil
}

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

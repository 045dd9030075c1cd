package debug

import (
	"encoding/binary"
	"strconv"
)

// HashSeed is the seed of the cell hash, as ipykernel's (the front end
// hashes cells with the seed debugInfo reports).
const HashSeed = 0xC70F6907

// Murmur2 is the 32-bit MurmurHash2 of s's UTF-8 bytes with seed, the
// "Murmur2" hash method JupyterLab computes for a cell's source path.
func Murmur2(s string, seed uint32) uint32 {
	const m = 0x5BD1E995
	b := []byte(s)
	h := seed ^ uint32(len(b))
	for ; len(b) >= 4; b = b[4:] {
		k := binary.LittleEndian.Uint32(b)
		k *= m
		k ^= k >> 24
		k *= m
		h = h*m ^ k
	}
	switch len(b) {
	case 3:
		h ^= uint32(b[2]) << 16
		fallthrough
	case 2:
		h ^= uint32(b[1]) << 8
		fallthrough
	case 1:
		h ^= uint32(b[0])
		h *= m
	}
	h ^= h >> 13
	h *= m
	h ^= h >> 15
	return h
}

// cellName is the file name of a cell's code: its hash and the suffix.
func cellName(code string) string {
	return strconv.FormatUint(uint64(Murmur2(code, HashSeed)), 10) + Suffix
}

// Suffix ends every cell's source path.
const Suffix = ".go"

//go:build !amd64

// Package cpufeat reports the x86 vector instructions that the CPU and the
// operating system support, for the hand-written kernels of gocurve's
// libraries (the standard library keeps its own detection internal).
package cpufeat

// AVX2FMA and AVX512 are false off amd64.
const AVX2FMA, AVX512 = false, false

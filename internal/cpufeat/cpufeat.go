// Package cpufeat names the x86 vector instructions that gocurve's
// hand-written kernels need, as golang.org/x/sys/cpu detects them (CPU and
// operating-system support both). Off amd64 both are false.
package cpufeat

import "golang.org/x/sys/cpu"

// AVX2FMA reports whether the CPU and the OS support AVX2 and FMA.
var AVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// AVX512 reports whether the CPU and the OS support AVX-512F and AVX-512VL.
var AVX512 = AVX2FMA && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL

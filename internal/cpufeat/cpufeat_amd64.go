// Package cpufeat reports the x86 vector instructions that the CPU and the
// operating system support, for the hand-written kernels of gocurve's
// libraries (the standard library keeps its own detection internal).
package cpufeat

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

// AVX2FMA reports whether the CPU and the OS support AVX2 and FMA.
var AVX2FMA = func() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const fma, osxsave, avx = 1 << 12, 1 << 27, 1 << 28
	if ecx1&(fma|osxsave|avx) != fma|osxsave|avx {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // XMM and YMM state enabled by the OS
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0 // AVX2
}()

// AVX512 reports whether the CPU and the OS support AVX-512F and AVX-512VL.
var AVX512 = func() bool {
	if !AVX2FMA {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&0xe6 != 0xe6 { // XMM, YMM, opmask and ZMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const avx512f, avx512vl = 1 << 16, 1 << 31
	return ebx7&(avx512f|avx512vl) == avx512f|avx512vl
}()

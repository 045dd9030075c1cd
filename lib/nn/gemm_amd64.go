package nn

// dot4x3 sets c[i·ldc+j] += Σ_{t<k} a[i·lda+t]·b[j·ldb+t] for i < 4, j < 3
// (AVX2 and FMA); k must be a positive multiple of 4.
//
//go:noescape
func dot4x3(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)

// dot4x4z sets c[i·ldc+j] += Σ_{t<k} a[i·lda+t]·b[j·ldb+t] for i, j < 4
// (AVX-512F and VL); k must be a positive multiple of 8.
//
//go:noescape
func dot4x4z(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

// hasAVX2FMA reports whether the CPU and the OS support AVX2 and FMA.
var hasAVX2FMA = func() bool {
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

// hasAVX512 reports whether the CPU and the OS support AVX-512F and AVX-512VL.
var hasAVX512 = func() bool {
	if !hasAVX2FMA {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&0xe6 != 0xe6 { // XMM, YMM, opmask and ZMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const avx512f, avx512vl = 1 << 16, 1 << 31
	return ebx7&(avx512f|avx512vl) == avx512f|avx512vl
}()

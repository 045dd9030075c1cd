//go:build !amd64

package gemm

const hasAVX2FMA, hasAVX512 = false, false

func dot4x3(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int) {
	panic("gemm: dot4x3 needs amd64")
}

func dot4x4z(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int) {
	panic("gemm: dot4x4z needs amd64")
}

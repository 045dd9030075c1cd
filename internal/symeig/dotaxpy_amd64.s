#include "textflag.h"

// func dotAxpyAVX2(a, x, y []float64, alpha float64) float64
// Returns Σ a[j]·x[j] and adds alpha·a[j] to y[j], for j < len(a), in one
// pass (AVX2 and FMA); x and y are at least as long as a.
TEXT ·dotAxpyAVX2(SB), NOSPLIT, $0-88
	MOVQ a_base+0(FP), SI
	MOVQ a_len+8(FP), CX
	MOVQ x_base+24(FP), DI
	MOVQ y_base+48(FP), DX
	VBROADCASTSD alpha+72(FP), Y15
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	XORQ AX, AX
	MOVQ CX, BX
	ANDQ $-8, BX

loop8:
	CMPQ AX, BX
	JGE  reduce
	VMOVUPD (SI)(AX*8), Y2
	VMOVUPD 32(SI)(AX*8), Y3
	VFMADD231PD (DI)(AX*8), Y2, Y0
	VFMADD231PD 32(DI)(AX*8), Y3, Y1
	VMOVUPD (DX)(AX*8), Y4
	VMOVUPD 32(DX)(AX*8), Y5
	VFMADD231PD Y2, Y15, Y4
	VFMADD231PD Y3, Y15, Y5
	VMOVUPD Y4, (DX)(AX*8)
	VMOVUPD Y5, 32(DX)(AX*8)
	ADDQ $8, AX
	JMP  loop8

reduce:
	VADDPD       Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD       X1, X0, X0
	VHADDPD      X0, X0, X0

tail:
	CMPQ AX, CX
	JGE  done
	VMOVSD      (SI)(AX*8), X2
	VMOVSD      (DI)(AX*8), X3
	VFMADD231SD X3, X2, X0
	VMOVSD      (DX)(AX*8), X4
	VFMADD231SD X2, X15, X4
	VMOVSD      X4, (DX)(AX*8)
	INCQ AX
	JMP  tail

done:
	VZEROUPPER
	MOVSD X0, ret+80(FP)
	RET

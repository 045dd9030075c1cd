package cell

import (
	"go/ast"
	"go/token"
	"go/types"
)

// checkShift records the conversion of the constant left operand of a
// shift by a non-constant count to the shift's type, as Go converts it
// (the spec: it takes the type it would have if the shift were replaced
// by it alone). yaegi v0.16.1 shifts an int and uses the result as the
// context's type: l&(1<<i) with l of a type of uint8 panicked with
// "reflect: call of reflect.Value.Uint on int Value", and inside a String
// method fmt printed that panic in place of the value.
func (p *parse) checkShift(m *model, b *ast.BinaryExpr) {
	if b.Op != token.SHL && b.Op != token.SHR {
		return
	}
	tv := m.info.Types[b]
	if tv.Value != nil || m.info.Types[b.X].Value == nil || m.info.Types[b.Y].Value != nil {
		return // a constant shift, or a left operand that is not a constant
	}
	t := tv.Type
	if invalid(t) || mentionsTypeParam(t) || types.Identical(t, types.Typ[types.Int]) {
		return
	}
	if basic, ok := t.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		return
	}
	s, ok := m.typeString(t)
	if !ok {
		return
	}
	if p.shiftConvs == nil {
		p.shiftConvs = map[*ast.BinaryExpr]string{}
	}
	p.shiftConvs[b] = "(" + s + ")"
}

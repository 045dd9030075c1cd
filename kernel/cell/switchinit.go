package cell

import (
	"go/ast"
	"strings"
)

// switchInitEdits rewrites switch init; tag { ... } as { init; switch tag
// { ... } }, where tag is not a plain name: yaegi v0.16.1 evaluates such
// a tag before the init statement (switch v := reflect.ValueOf(x);
// v.Kind() switched on the zero Value's kind, silently taking the
// default case). The block gives init's names the switch's scope. A
// label moves inside the block, onto the switch, so break L still names
// the switch. No newline is added or removed. It returns nil for a switch that needs no rewrite.
func (p *parse) switchInitEdits(s *ast.SwitchStmt, label *ast.LabeledStmt) []edit {
	if s.Init == nil || s.Tag == nil {
		return nil
	}
	if _, ok := s.Tag.(*ast.Ident); ok {
		return nil // read when the cases compare: yaegi gets these right
	}
	sw, is := p.cellOffset(s.Switch), p.cellOffset(s.Init.Pos())
	ie, ts := p.cellOffset(s.Init.End()), p.cellOffset(s.Tag.Pos())
	rb := p.cellOffset(s.Body.Rbrace)
	head := "switch "
	var eds []edit
	if label != nil {
		ls, colon := p.cellOffset(label.Pos()), p.cellOffset(label.Colon)+1 // the text between keeps its newlines
		head = label.Label.Name + ": " + head
		eds = append(eds, edit{ls, colon, ""})
	}
	keepLines := func(s, e int, text string) edit {
		return edit{s, e, text + strings.Repeat("\n", strings.Count(p.src[s:e], "\n"))}
	}
	return append(eds, keepLines(sw, is, "{ "), keepLines(ie, ts, "; "+head), edit{rb, rb + 1, "} }"})
}

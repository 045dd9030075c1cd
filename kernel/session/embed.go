package session

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
)

// forwarders makes up the methods a struct type promotes from an embedded
// compiled type. yaegi does not see promoted compiled methods (a struct
// embedding *mat.Dense is no mat.Matrix to compiled code, and w.At is "method
// not found"); written out, they are ordinary interpreted methods.
// Methods the cell or session declares for the type are left alone.
func (x *execution) forwarders(t cell.Item, declared map[string]bool) []cell.Item {
	var out []cell.Item
	name := t.Names[0]
	for _, emb := range t.Embeds {
		ptr := strings.HasPrefix(emb, "*")
		expr := strings.TrimPrefix(emb, "*")
		dot := strings.IndexByte(expr, '.')
		if dot < 0 {
			continue // an interpreted type: yaegi promotes its methods itself
		}
		i := bindingIndex(x.imports, expr[:dot])
		if i < 0 {
			continue
		}
		b := x.imports[i]
		sym, ok := exports[b.path+"/"+importer.DefaultName(b.path)][expr[dot+1:]]
		if !ok || sym.Kind() != reflect.Ptr || !sym.IsNil() {
			continue
		}
		elem := sym.Type().Elem()
		if elem.Kind() == reflect.Interface {
			continue // an embedded interface is a field of interface type: yaegi handles it
		}
		field := expr[dot+1:]
		pt := reflect.PointerTo(elem)
		for m := range pt.NumMethod() {
			meth := pt.Method(m)
			if declared[meth.Name] || declared["*"+meth.Name] {
				continue
			}
			_, valueMethod := elem.MethodByName(meth.Name)
			recv := name
			if !ptr && !valueMethod {
				recv = "*" + name // promoted to *T only
			}
			src, ok := forwarder(recv, field, meth.Type, meth.Name, x.imports)
			if !ok {
				continue
			}
			out = append(out, cell.Item{Kind: cell.Method, Names: []string{name + "." + meth.Name}, Recv: name,
				Line: t.Line, Col: 1, Src: src, Orig: src, Signature: strings.TrimSuffix(src[:strings.Index(src, "{")], " "),
				Synthetic: true, Uses: []string{name}})
		}
	}
	return out
}

// forwarder writes func (r recv) M(a0 T0, ...) (R...) { return r.field.M(a0, ...) }.
func forwarder(recv, field string, mt reflect.Type, name string, imports []binding) (string, bool) {
	var params, args []string
	for i := 1; i < mt.NumIn(); i++ { // In(0) is the receiver
		te, ok := typeExpr(mt.In(i), nil, imports)
		if !ok {
			return "", false
		}
		a := fmt.Sprintf("a%d", i)
		if mt.IsVariadic() && i == mt.NumIn()-1 {
			te = "..." + strings.TrimPrefix(te, "[]")
			args = append(args, a+"...")
		} else {
			args = append(args, a)
		}
		params = append(params, a+" "+te)
	}
	var results []string
	for i := 0; i < mt.NumOut(); i++ {
		te, ok := typeExpr(mt.Out(i), nil, imports)
		if !ok {
			return "", false
		}
		results = append(results, te)
	}
	res, ret := "", ""
	switch len(results) {
	case 0:
	case 1:
		res, ret = " "+results[0], "return "
	default:
		res, ret = " ("+strings.Join(results, ", ")+")", "return "
	}
	return fmt.Sprintf("func (r %s) %s(%s)%s { %sr.%s.%s(%s) }", recv, name, strings.Join(params, ", "), res, ret, field, name, strings.Join(args, ", ")), true
}

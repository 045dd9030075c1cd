package session

import (
	"io"
	"reflect"
	"strconv"
)

// goPrint writes args as the builtins print (ln false) and println (ln
// true) of the go toolchain do: to standard error, in the runtime's
// formats (floats in the shortest 'g' form, pointers, maps, chans and funcs
// as hex addresses, slices as [len/cap]address). yaegi's own builtins
// write fmt's formats to standard output.
//
// The arguments arrive as interface values, so a nil interface argument
// prints as (0x0,0x0) like Go's, but a non-nil one prints its dynamic
// value rather than Go's (type,data) address pair.
func goPrint(w io.Writer, ln bool, args []any) {
	var b []byte
	for i, a := range args {
		if ln && i > 0 {
			b = append(b, ' ')
		}
		b = appendPrint(b, a)
	}
	if ln {
		b = append(b, '\n')
	}
	w.Write(b) //nolint:errcheck // as the runtime, which cannot report it either
}

func appendPrint(b []byte, a any) []byte {
	v := reflect.ValueOf(a)
	if !v.IsValid() {
		return append(b, "(0x0,0x0)"...)
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10)
	case reflect.Float32:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, 64)
	case reflect.Complex64:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 64)...)
	case reflect.Complex128:
		return append(b, strconv.FormatComplex(v.Complex(), 'g', -1, 128)...)
	case reflect.String:
		return append(b, v.String()...)
	case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer:
		return appendHex(b, uint64(v.Pointer()))
	case reflect.Slice:
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(v.Len()), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(v.Cap()), 10)
		b = append(b, ']')
		return appendHex(b, uint64(v.Pointer()))
	}
	// Go refuses other types at compile time; the interpreter let it through.
	return append(b, "(?"+v.Type().String()+")"...)
}

func appendHex(b []byte, u uint64) []byte {
	b = append(b, "0x"...)
	return strconv.AppendUint(b, u, 16)
}

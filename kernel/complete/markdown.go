package complete

import (
	"go/doc/comment"
	"strings"
)

// markdown renders a description: the declaration as a Go code block, then
// the doc comment, with doc links such as [Sqrt] or [mat.Dense] pointing at
// pkg.go.dev.
func (c *Completer) markdown(d description) string {
	var b strings.Builder
	b.WriteString("```go\n" + strings.TrimSpace(d.sig) + "\n```\n")
	if strings.TrimSpace(d.doc) == "" {
		return b.String()
	}
	docs := c.docs()
	p := comment.Parser{
		LookupPackage: func(name string) (string, bool) {
			if p, ok := c.preloaded[name]; ok {
				return p, true
			}
			return "", false
		},
		LookupSym: func(recv, name string) bool {
			key := d.pkg + "." + name
			if recv != "" {
				key = d.pkg + "." + recv + "." + name
			}
			_, ok := docs[key]
			return ok
		},
	}
	pr := comment.Printer{
		DocLinkURL: func(l *comment.DocLink) string {
			path := l.ImportPath
			if path == "" {
				path = d.pkg
			}
			if path == "" {
				return ""
			}
			name := l.Name
			if l.Recv != "" {
				name = l.Recv + "." + l.Name
			}
			if name == "" {
				return "https://pkg.go.dev/" + path
			}
			return "https://pkg.go.dev/" + path + "#" + name
		},
	}
	b.WriteByte('\n')
	b.Write(pr.Markdown(p.Parse(d.doc)))
	return b.String()
}

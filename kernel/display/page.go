package display

// Pager is implemented by publishers that can show a bundle in the front
// end's pager (JupyterLab's inspector pane, the classic notebook's bottom
// pane) instead of in the cell's output.
type Pager interface {
	Page(b Bundle)
}

// Page shows v in the pager when the front end has one, and as ordinary
// output otherwise. Long reference text (a function's documentation, a
// large table) reads better there than in the notebook.
func Page(v any) {
	b := Render(v)
	if b.Metadata == nil {
		b.Metadata = map[string]any{}
	}
	if p, ok := publisher().(Pager); ok {
		p.Page(b)
		return
	}
	publish(b, "", false)
}

//go:build !amd64

package symeig

// dotAxpy returns a·x and adds alpha·a to y (the row of a symmetric
// matrix-vector product).
func dotAxpy(a, x, y []float64, alpha float64) float64 {
	return dotAxpyGo(a, x, y, alpha)
}

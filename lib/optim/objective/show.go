package objective

import "fmt"

// Each landscape shows itself as its formula.

// String returns "Rosenbrock: J(x, y) = (a − x)² + b(y − x²)², a = 1, b = 100".
func (r Rosenbrock) String() string {
	a, b := r.ab()
	return fmt.Sprintf("Rosenbrock: J(x, y) = (a − x)² + b(y − x²)², a = %g, b = %g", a, b)
}

// String returns Beale's formula.
func (Beale) String() string {
	return "Beale: J(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
}

// String returns Himmelblau's formula.
func (Himmelblau) String() string {
	return "Himmelblau: J(x, y) = (x² + y − 11)² + (x + y² − 7)²"
}

// String returns the saddle's formula.
func (Saddle) String() string { return "Saddle: J(x, y) = x² − y²" }

// String returns the monkey saddle's formula.
func (MonkeySaddle) String() string { return "MonkeySaddle: J(x, y) = x³ − 3xy²" }

// String returns the plateau's formula.
func (Plateau) String() string { return "Plateau: J(w, b) = ½(σ(w + b) − 1)² + ½σ(b − w)²" }

// String returns the cliff's formula with its h and k.
func (c Cliff) String() string {
	h, k := c.hk()
	return fmt.Sprintf("Cliff: J(x, y) = h·σ(−kx) + ½((x − 1)² + y²), h = %g, k = %g", h, k)
}

// String returns the mountain's formula.
func (Mountain) String() string {
	return "Mountain: J(x, y) = e^{−x²/2} − 2e^{−(x+3)²/2} − ½e^{−(x−4)²/8} + ½y²"
}

// String shows the noise added to the wrapped objective's gradient.
func (n *Noisy) String() string {
	return fmt.Sprintf("Noisy: ∇J + σξ with σ = %g, seed %d, on %v", n.Sigma, n.Seed, n.Obj)
}

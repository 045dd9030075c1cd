package main

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/mat"
)

// house size (100 m^2), rooms, price (100k)
var data = [][3]float64{
	{0.8, 2, 1.9}, {1.0, 3, 2.4}, {1.2, 3, 2.7}, {1.5, 4, 3.3},
	{0.6, 1, 1.3}, {2.0, 5, 4.2}, {1.1, 2, 2.3}, {1.7, 4, 3.6},
	{0.9, 2, 2.0}, {1.4, 3, 3.0}, {2.2, 5, 4.7}, {1.3, 4, 2.9},
}

func designMatrix() (*mat.Dense, *mat.VecDense) {
	n := len(data)
	X := mat.NewDense(n, 3, nil)
	y := mat.NewVecDense(n, nil)
	for i, row := range data {
		X.Set(i, 0, 1) // intercept
		X.Set(i, 1, row[0])
		X.Set(i, 2, row[1])
		y.SetVec(i, row[2])
	}
	return X, y
}

func mse(X *mat.Dense, w, y *mat.VecDense) float64 {
	var r mat.VecDense
	r.MulVec(X, w)
	r.SubVec(&r, y)
	return mat.Dot(&r, &r) / float64(y.Len())
}

func main() {
	X, y := designMatrix()
	n := float64(y.Len())

	// 1) Normal equations: (X'X) w = X'y
	var XtX mat.SymDense
	XtX.SymOuterK(1, X.T())
	var Xty mat.VecDense
	Xty.MulVec(X.T(), y)
	var wNormal mat.VecDense
	if err := wNormal.SolveVec(&XtX, &Xty); err != nil {
		log.Fatal(err)
	}

	// 2) QR least squares
	var qr mat.QR
	qr.Factorize(X)
	var wQR mat.VecDense
	if err := qr.SolveVecTo(&wQR, false, y); err != nil {
		log.Fatal(err)
	}

	// 3) Batch gradient descent on MSE: grad = 2/n X'(Xw - y)
	w := mat.NewVecDense(3, nil)
	lr := 0.02
	var r, g mat.VecDense
	fmt.Printf("%6s %14s\n", "epoch", "mse")
	for epoch := 0; epoch <= 20000; epoch++ {
		if epoch%4000 == 0 {
			fmt.Printf("%6d %14.8f\n", epoch, mse(X, w, y))
		}
		r.MulVec(X, w)
		r.SubVec(&r, y)
		g.MulVec(X.T(), &r)
		w.AddScaledVec(w, -2*lr/n, &g)
	}

	fmt.Println()
	fmt.Printf("%-16s %10s %10s %10s %12s\n", "method", "bias", "w_size", "w_rooms", "mse")
	for _, row := range []struct {
		name string
		w    *mat.VecDense
	}{{"normal eqns", &wNormal}, {"QR", &wQR}, {"gradient desc", w}} {
		fmt.Printf("%-16s %10.6f %10.6f %10.6f %12.8f\n", row.name, row.w.AtVec(0), row.w.AtVec(1), row.w.AtVec(2), mse(X, row.w, y))
	}

	var eig mat.EigenSym
	eig.Factorize(&XtX, false)
	ev := eig.Values(nil)
	fmt.Printf("\neigenvalues of X'X: %.4f %.4f %.4f  (cond %.1f)\n", ev[0], ev[1], ev[2], ev[2]/ev[0])
	fmt.Printf("QR condition number of X: %.4f\n", qr.Cond())
	fmt.Printf("max stable lr for MSE: n/lambda_max = %.5f\n", n/ev[2])

	pred := mat.NewVecDense(3, []float64{1, 1.6, 3})
	fmt.Printf("prediction for 160 m^2, 3 rooms: %.4f\n", mat.Dot(pred, &wQR))
}

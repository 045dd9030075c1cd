package main

import (
	"errors"
	"fmt"
)

func deferOrder() {
	for i := 0; i < 4; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("loop done")
}

func double(x int) (result int) {
	defer func() {
		result *= 2
	}()
	result = x + 1
	return result
}

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func mustPositive(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative: %d", n))
	}
	return n
}

type myErr struct{ code int }

func (m myErr) Error() string { return fmt.Sprintf("code %d", m.code) }

func panicWithError() (err error) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			err = e
		}
	}()
	panic(myErr{42})
}

func argsEvaluatedEarly() {
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 100
	defer func() { fmt.Println("closure x =", x) }()
	x = 200
}

func nested() {
	defer func() {
		r := recover()
		fmt.Println("outer recovered:", r)
	}()
	func() {
		defer func() {
			r := recover()
			fmt.Println("inner recovered:", r)
			panic("second panic")
		}()
		panic("first panic")
	}()
	fmt.Println("not reached")
}

func main() {
	deferOrder()
	fmt.Println("double(4) =", double(4))

	for _, b := range []int{2, 0, -3} {
		q, err := safeDivide(10, b)
		fmt.Printf("10/%d = %d, err=%v\n", b, q, err)
	}

	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("caught:", r)
			}
		}()
		fmt.Println(mustPositive(5))
		fmt.Println(mustPositive(-2))
	}()

	err := panicWithError()
	var me myErr
	fmt.Println(err, errors.As(err, &me), me.code)

	argsEvaluatedEarly()
	nested()

	func() {
		defer func() {
			r := recover()
			fmt.Printf("index panic: %v\n", r)
		}()
		s := []int{1, 2, 3}
		i := 5
		_ = s[i]
	}()
	fmt.Println("end of main")
}

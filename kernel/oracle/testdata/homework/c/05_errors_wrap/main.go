package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")
var ErrPermission = errors.New("permission denied")

// value receiver error type
type ValidationError struct {
	Field string
	Value string
}

func (v ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %q", v.Field, v.Value)
}

// pointer receiver error type
type QueryError struct {
	Query string
	Err   error
}

func (q *QueryError) Error() string { return "query " + q.Query + ": " + q.Err.Error() }
func (q *QueryError) Unwrap() error { return q.Err }

var db = map[int]string{1: "ann", 2: "bob", 7: "root"}

func lookup(idStr string) (string, error) {
	id, err := strconv.Atoi(idStr)
	if err != nil {
		return "", ValidationError{"id", idStr}
	}
	name, ok := db[id]
	if !ok {
		return "", &QueryError{Query: "id=" + idStr, Err: ErrNotFound}
	}
	if name == "root" {
		return "", fmt.Errorf("lookup %d: %w", id, &QueryError{"id=" + idStr, ErrPermission})
	}
	return name, nil
}

func main() {
	inputs := []string{"1", "x9", "3", "7", "2"}
	var all []error
	for _, in := range inputs {
		name, err := lookup(in)
		if err != nil {
			all = append(all, err)
			fmt.Printf("%-3s error: %v\n", in, err)
			var ve ValidationError
			var qe *QueryError
			if errors.As(err, &ve) {
				fmt.Println("    validation on field", ve.Field)
			}
			if errors.As(err, &qe) {
				fmt.Println("    query error for", qe.Query)
			}
			fmt.Println("    is NotFound:", errors.Is(err, ErrNotFound), "is Permission:", errors.Is(err, ErrPermission))
			continue
		}
		fmt.Printf("%-3s -> %s\n", in, name)
	}

	joined := errors.Join(all...)
	fmt.Println("joined:")
	fmt.Println(joined)
	fmt.Println("joined is NotFound:", errors.Is(joined, ErrNotFound))
	var ve ValidationError
	fmt.Println("joined as Validation:", errors.As(joined, &ve), ve.Value)

	wrapped := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", ErrNotFound))
	fmt.Println(wrapped)
	fmt.Println(errors.Unwrap(wrapped))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)

	two := fmt.Errorf("both %w and %w", ErrNotFound, ErrPermission)
	fmt.Println(two, errors.Is(two, ErrPermission), errors.Unwrap(two) == nil)

	var nilQE *QueryError
	var e error = nilQE
	fmt.Println("typed nil != nil:", e != nil)
	fmt.Printf("%T %v\n", ve, errors.Join(nil, nil) == nil)

	_, err := strconv.Atoi("12a")
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Println(numErr.Func, numErr.Num, numErr.Err, errors.Is(err, strconv.ErrSyntax))
	}
}

// Error wrapping chains, errors.Is / errors.As, custom error types with fields, errors.Join.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var ErrNotFound = errors.New("not found")

// ValidationError carries structured details about a bad field.
type ValidationError struct {
	Field string
	Value any
	Rule  string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("field %q with value %v violates %s", e.Field, e.Value, e.Rule)
}

// QueryError wraps an underlying error with the query that caused it.
type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + strconv.Quote(e.Query) + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

var users = map[int]string{1: "alice", 2: "bob"}

func findUser(id int) (string, error) {
	if id <= 0 {
		return "", &ValidationError{Field: "id", Value: id, Rule: "must be positive"}
	}
	name, ok := users[id]
	if !ok {
		return "", &QueryError{Query: "SELECT name FROM users WHERE id=" + strconv.Itoa(id), Err: ErrNotFound}
	}
	return name, nil
}

func loadProfile(id int) (string, error) {
	name, err := findUser(id)
	if err != nil {
		return "", fmt.Errorf("loadProfile(%d): %w", id, err)
	}
	return "profile:" + name, nil
}

func handle(id int) {
	p, err := loadProfile(id)
	var ve *ValidationError
	var qe *QueryError
	switch {
	case err == nil:
		fmt.Printf("id=%d ok %s\n", id, p)
	case errors.As(err, &ve):
		fmt.Printf("id=%d validation: field=%s rule=%q\n", id, ve.Field, ve.Rule)
	case errors.Is(err, ErrNotFound):
		errors.As(err, &qe)
		fmt.Printf("id=%d missing (query was %q)\n", id, qe.Query)
	}
	if err != nil {
		fmt.Println("   full message:", err)
		depth := 0
		for e := err; e != nil; e = errors.Unwrap(e) {
			fmt.Printf("   %*s%T\n", depth*2, "", e)
			depth++
		}
	}
}

func main() {
	for _, id := range []int{1, 3, -4} {
		handle(id)
	}

	// errors.Join combines several errors; Is/As see all of them.
	joined := errors.Join(
		&ValidationError{"email", "", "required"},
		fmt.Errorf("config: %w", fs.ErrPermission),
	)
	fmt.Println("joined error:")
	fmt.Println(joined)
	fmt.Println("is ErrPermission:", errors.Is(joined, fs.ErrPermission))
	fmt.Println("is ErrNotFound:  ", errors.Is(joined, ErrNotFound))
	var ve *ValidationError
	if errors.As(joined, &ve) {
		fmt.Println("found validation error for field", ve.Field)
	}

	// %v instead of %w breaks the chain.
	flat := fmt.Errorf("flattened: %v", ErrNotFound)
	fmt.Println("flattened is ErrNotFound:", errors.Is(flat, ErrNotFound))
}

package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

var (
	ErrNotFound     = errors.New("book not found")
	ErrAlreadyOut   = errors.New("book already checked out")
	ErrLimitReached = errors.New("borrow limit reached")
)

type BookError struct {
	ISBN string
	Err  error
}

func (e *BookError) Error() string { return "book " + e.ISBN + ": " + e.Err.Error() }
func (e *BookError) Unwrap() error { return e.Err }

type Book struct {
	ISBN     string
	Title    string
	Author   string
	Year     int
	Borrower string
}

func (b Book) String() string {
	status := "available"
	if b.Borrower != "" {
		status = "out (" + b.Borrower + ")"
	}
	return fmt.Sprintf("%-28s %-18s %d  %s", b.Title, b.Author, b.Year, status)
}

type Library struct {
	books   map[string]*Book
	loans   map[string][]string
	maxLoan int
}

func NewLibrary(maxLoan int) *Library {
	return &Library{books: map[string]*Book{}, loans: map[string][]string{}, maxLoan: maxLoan}
}

func (l *Library) Add(books ...Book) {
	for i := range books {
		b := books[i]
		l.books[b.ISBN] = &b
	}
}

func (l *Library) Checkout(member, isbn string) error {
	b, ok := l.books[isbn]
	if !ok {
		return &BookError{isbn, ErrNotFound}
	}
	if b.Borrower != "" {
		return &BookError{isbn, ErrAlreadyOut}
	}
	if len(l.loans[member]) >= l.maxLoan {
		return fmt.Errorf("%s cannot borrow %q: %w", member, b.Title, ErrLimitReached)
	}
	b.Borrower = member
	l.loans[member] = append(l.loans[member], isbn)
	return nil
}

// CheckoutAll tries every book and joins all failures together.
func (l *Library) CheckoutAll(member string, isbns ...string) error {
	var errs []error
	for _, isbn := range isbns {
		if err := l.Checkout(member, isbn); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ByYear implements sort.Interface, newest first, then by title.
type ByYear []*Book

func (b ByYear) Len() int      { return len(b) }
func (b ByYear) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b ByYear) Less(i, j int) bool {
	if b[i].Year != b[j].Year {
		return b[i].Year > b[j].Year
	}
	return b[i].Title < b[j].Title
}

func (l *Library) Catalog() []*Book {
	list := make([]*Book, 0, len(l.books))
	for _, b := range l.books {
		list = append(list, b)
	}
	sort.Sort(ByYear(list))
	return list
}

func main() {
	lib := NewLibrary(2)
	lib.Add(
		Book{ISBN: "111", Title: "The Go Programming Language", Author: "Donovan/Kernighan", Year: 2015},
		Book{ISBN: "222", Title: "Learning Go", Author: "Bodner", Year: 2021},
		Book{ISBN: "333", Title: "Concurrency in Go", Author: "Cox-Buday", Year: 2017},
		Book{ISBN: "444", Title: "Go in Action", Author: "Kennedy et al.", Year: 2015},
	)

	if err := lib.Checkout("sam", "222"); err != nil {
		fmt.Println("unexpected:", err)
	}
	err := lib.CheckoutAll("kim", "222", "999", "333", "444", "111")
	fmt.Println("CheckoutAll errors:")
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Println("  -", line)
	}
	fmt.Println("is not found:", errors.Is(err, ErrNotFound))
	fmt.Println("is limit:", errors.Is(err, ErrLimitReached))
	var be *BookError
	if errors.As(err, &be) {
		fmt.Printf("first BookError: isbn=%s err=%v\n", be.ISBN, be.Err)
	}
	fmt.Println("nil join:", errors.Join() == nil, errors.Join(nil, nil) == nil)

	fmt.Println()
	for _, b := range lib.Catalog() {
		fmt.Println(b)
	}

	members := make([]string, 0, len(lib.loans))
	for m := range lib.loans {
		members = append(members, m)
	}
	sort.Strings(members)
	for _, m := range members {
		fmt.Printf("%s has %v\n", m, lib.loans[m])
	}

	wrapped := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", &BookError{"555", ErrNotFound}))
	fmt.Println(wrapped, "| unwrap once:", errors.Unwrap(wrapped))
}

// Homework 13: Library checkout system with due dates as durations.
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"text/tabwriter"
	"time"
)

var (
	ErrNotAvailable = errors.New("book not available")
	ErrLimitReached = errors.New("borrow limit reached")
	ErrUnknown      = errors.New("unknown book or member")
)

type Book struct {
	ISBN, Title, Author string
	borrower            string
	dueDay              int
}

type Member struct {
	Name  string
	Limit int
	Fines int // cents
	books map[string]bool
}

type Library struct {
	books   map[string]*Book
	members map[string]*Member
	today   int // day number since opening
	loan    time.Duration
}

const finePerDay = 25

func (l *Library) Checkout(member, isbn string) error {
	m, b := l.members[member], l.books[isbn]
	if m == nil || b == nil {
		return fmt.Errorf("checkout %s/%s: %w", member, isbn, ErrUnknown)
	}
	if b.borrower != "" {
		return fmt.Errorf("checkout %q by %s: %w (held by %s)", b.Title, member, ErrNotAvailable, b.borrower)
	}
	if len(m.books) >= m.Limit {
		return fmt.Errorf("checkout %q by %s: %w", b.Title, member, ErrLimitReached)
	}
	b.borrower = member
	b.dueDay = l.today + int(l.loan/(24*time.Hour))
	m.books[isbn] = true
	return nil
}

func (l *Library) Return(isbn string) (fine int, err error) {
	b := l.books[isbn]
	if b == nil || b.borrower == "" {
		return 0, fmt.Errorf("return %s: %w", isbn, ErrUnknown)
	}
	m := l.members[b.borrower]
	if late := l.today - b.dueDay; late > 0 {
		fine = late * finePerDay
		m.Fines += fine
	}
	delete(m.books, isbn)
	b.borrower = ""
	return fine, nil
}

func (l *Library) Advance(d time.Duration) { l.today += int(d.Hours() / 24) }

func main() {
	lib := &Library{books: map[string]*Book{}, members: map[string]*Member{}, loan: 14 * 24 * time.Hour}
	for _, b := range []Book{
		{ISBN: "978-0134190440", Title: "The Go Programming Language", Author: "Donovan & Kernighan"},
		{ISBN: "978-0262033848", Title: "Introduction to Algorithms", Author: "CLRS"},
		{ISBN: "978-0201633610", Title: "Design Patterns", Author: "Gamma et al."},
	} {
		lib.books[b.ISBN] = &b
	}
	for _, m := range []*Member{{Name: "ana", Limit: 2}, {Name: "raj", Limit: 1}} {
		m.books = map[string]bool{}
		lib.members[m.Name] = m
	}

	try := func(label string, err error) {
		switch {
		case err == nil:
			fmt.Printf("day %2d %-28s ok\n", lib.today, label)
		case errors.Is(err, ErrNotAvailable), errors.Is(err, ErrLimitReached):
			fmt.Printf("day %2d %-28s refused: %v\n", lib.today, label, err)
		default:
			fmt.Printf("day %2d %-28s error: %v\n", lib.today, label, err)
		}
	}
	try("ana borrows Go book", lib.Checkout("ana", "978-0134190440"))
	try("raj borrows Go book", lib.Checkout("raj", "978-0134190440"))
	try("raj borrows CLRS", lib.Checkout("raj", "978-0262033848"))
	try("raj borrows Design Patterns", lib.Checkout("raj", "978-0201633610"))
	try("zoe borrows CLRS", lib.Checkout("zoe", "978-0262033848"))
	lib.Advance(10 * 24 * time.Hour)
	fine, err := lib.Return("978-0134190440")
	try(fmt.Sprintf("ana returns Go (fine %d)", fine), err)
	lib.Advance(9 * 24 * time.Hour)
	fine, err = lib.Return("978-0262033848")
	try(fmt.Sprintf("raj returns CLRS (fine %d)", fine), err)
	_, err = lib.Return("978-0262033848")
	try("raj returns CLRS again", err)

	isbns := make([]string, 0, len(lib.books))
	for k := range lib.books {
		isbns = append(isbns, k)
	}
	sort.Strings(isbns)
	tw := tabwriter.NewWriter(os.Stdout, 4, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ISBN\tTitle\tAuthor\tStatus")
	for _, k := range isbns {
		b := lib.books[k]
		status := "on shelf"
		if b.borrower != "" {
			status = "lent to " + b.borrower
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.ISBN, b.Title, b.Author, status)
	}
	tw.Flush()
	for _, name := range []string{"ana", "raj"} {
		fmt.Printf("%s owes $%.2f\n", name, float64(lib.members[name].Fines)/100)
	}
}

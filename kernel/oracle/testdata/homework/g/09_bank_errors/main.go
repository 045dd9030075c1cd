// Week 4 project: bank with proper error handling
// no exceptions in go, errors are values
package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

var (
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrAccountFrozen     = errors.New("account frozen")
	ErrInvalidAmount     = errors.New("invalid amount")
)

type Cents int64

func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

type AccountNotFoundError struct {
	ID string
}

func (e *AccountNotFoundError) Error() string {
	return "account " + e.ID + " not found"
}

type LimitError struct {
	Limit, Attempted Cents
}

func (e LimitError) Error() string {
	return fmt.Sprintf("daily limit %v exceeded (attempted %v)", e.Limit, e.Attempted)
}

type Account struct {
	ID      string
	Owner   string
	Balance Cents
	Frozen  bool
	history []string
	spent   Cents
}

type Bank struct {
	accounts   map[string]*Account
	dailyLimit Cents
}

func NewBank(limit Cents) *Bank {
	return &Bank{accounts: make(map[string]*Account), dailyLimit: limit}
}

func (b *Bank) Open(id, owner string, initial Cents) *Account {
	a := &Account{ID: id, Owner: owner, Balance: initial}
	a.log("open %v", initial)
	b.accounts[id] = a
	return a
}

func (a *Account) log(format string, args ...any) {
	a.history = append(a.history, fmt.Sprintf(format, args...))
}

func (b *Bank) get(id string) (*Account, error) {
	a, ok := b.accounts[id]
	if !ok {
		return nil, &AccountNotFoundError{ID: id}
	}
	return a, nil
}

func (b *Bank) Withdraw(id string, amt Cents) error {
	a, err := b.get(id)
	if err != nil {
		return fmt.Errorf("withdraw: %w", err)
	}
	if amt <= 0 {
		return fmt.Errorf("withdraw %v: %w", amt, ErrInvalidAmount)
	}
	if a.Frozen {
		return fmt.Errorf("withdraw from %s: %w", id, ErrAccountFrozen)
	}
	if a.spent+amt > b.dailyLimit {
		return fmt.Errorf("withdraw from %s: %w", id, LimitError{b.dailyLimit, a.spent + amt})
	}
	if a.Balance < amt {
		return fmt.Errorf("withdraw %v from %s (balance %v): %w", amt, id, a.Balance, ErrInsufficientFunds)
	}
	a.Balance -= amt
	a.spent += amt
	a.log("withdraw %v", amt)
	return nil
}

func (b *Bank) Deposit(id string, amt Cents) error {
	if amt <= 0 {
		return ErrInvalidAmount
	}
	a, err := b.get(id)
	if err != nil {
		return fmt.Errorf("deposit: %w", err)
	}
	a.Balance += amt
	a.log("deposit %v", amt)
	return nil
}

func (b *Bank) Transfer(from, to string, amt Cents) error {
	if _, err := b.get(to); err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	if err := b.Withdraw(from, amt); err != nil {
		return fmt.Errorf("transfer %s->%s failed: %w", from, to, err)
	}
	return b.Deposit(to, amt)
}

func describe(err error) string {
	var nf *AccountNotFoundError
	var le LimitError
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrInsufficientFunds):
		return "NSF"
	case errors.Is(err, ErrAccountFrozen):
		return "FROZEN"
	case errors.As(err, &nf):
		return "MISSING(" + nf.ID + ")"
	case errors.As(err, &le):
		return fmt.Sprintf("LIMIT(over by %v)", le.Attempted-le.Limit)
	case errors.Is(err, ErrInvalidAmount):
		return "BAD-AMOUNT"
	}
	return "unknown"
}

func main() {
	bank := NewBank(50000)
	bank.Open("A1", "alice", 120000)
	bank.Open("B2", "bob", 2550)
	bank.Open("C3", "carol", 0).Frozen = true

	ops := []struct {
		kind     string
		from, to string
		amt      Cents
	}{
		{"w", "A1", "", 20000},
		{"w", "B2", "", 5000},
		{"d", "B2", "", 1234},
		{"t", "A1", "B2", 25000},
		{"t", "A1", "B2", 10000},
		{"w", "C3", "", 100},
		{"w", "Z9", "", 100},
		{"t", "B2", "Q7", 100},
		{"d", "A1", "", -5},
		{"w", "B2", "", 0},
		{"t", "B2", "A1", 28784},
	}
	for i, op := range ops {
		var err error
		switch op.kind {
		case "w":
			err = bank.Withdraw(op.from, op.amt)
		case "d":
			err = bank.Deposit(op.from, op.amt)
		case "t":
			err = bank.Transfer(op.from, op.to, op.amt)
		}
		fmt.Printf("op%-2d %s %-3s %-3s %10v -> %s\n", i, op.kind, op.from, op.to, op.amt, describe(err))
		if err != nil {
			fmt.Println("      error:", err)
		}
	}

	for _, id := range slices.Sorted(maps.Keys(bank.accounts)) {
		a := bank.accounts[id]
		fmt.Printf("%s %-6s %10v frozen=%-5t history=[%s]\n", a.ID, a.Owner, a.Balance, a.Frozen, strings.Join(a.history, "; "))
	}

	wrapped := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", ErrInsufficientFunds))
	fmt.Println(wrapped)
	fmt.Println(errors.Unwrap(wrapped))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == ErrInsufficientFunds)
	joined := errors.Join(ErrAccountFrozen, &AccountNotFoundError{"X"})
	fmt.Println(strings.ReplaceAll(joined.Error(), "\n", " | "), errors.Is(joined, ErrAccountFrozen), Cents(-1505))
}

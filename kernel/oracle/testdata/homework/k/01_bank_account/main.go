// Homework 1: Bank account simulator.
// Practices pointer receivers, custom errors, errors.Is / errors.As.
package main

import (
	"errors"
	"fmt"
	"sort"
)

var ErrAccountNotFound = errors.New("account not found")

// InsufficientFundsError is returned when a withdrawal is too large.
type InsufficientFundsError struct {
	ID        string
	Balance   int64
	Requested int64
}

func (e *InsufficientFundsError) Error() string {
	return fmt.Sprintf("account %s: insufficient funds (balance %d, requested %d)",
		e.ID, e.Balance, e.Requested)
}

type Account struct {
	ID      string
	Owner   string
	Balance int64 // cents
	History []string
}

func (a *Account) Deposit(amount int64) error {
	if amount <= 0 {
		return fmt.Errorf("deposit %d: amount must be positive", amount)
	}
	a.Balance += amount
	a.History = append(a.History, fmt.Sprintf("+%d", amount))
	return nil
}

func (a *Account) Withdraw(amount int64) error {
	if amount <= 0 {
		return fmt.Errorf("withdraw %d: amount must be positive", amount)
	}
	if amount > a.Balance {
		return &InsufficientFundsError{ID: a.ID, Balance: a.Balance, Requested: amount}
	}
	a.Balance -= amount
	a.History = append(a.History, fmt.Sprintf("-%d", amount))
	return nil
}

func (a Account) String() string {
	return fmt.Sprintf("%s (%s): $%d.%02d", a.ID, a.Owner, a.Balance/100, a.Balance%100)
}

type Bank struct {
	accounts map[string]*Account
}

func NewBank() *Bank {
	return &Bank{accounts: make(map[string]*Account)}
}

func (b *Bank) Open(id, owner string, initial int64) *Account {
	acc := &Account{ID: id, Owner: owner, Balance: initial}
	b.accounts[id] = acc
	return acc
}

func (b *Bank) Transfer(from, to string, amount int64) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("transfer from %q: %w", from, ErrAccountNotFound)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("transfer to %q: %w", to, ErrAccountNotFound)
	}
	if err := src.Withdraw(amount); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	return dst.Deposit(amount)
}

func (b *Bank) Report() {
	ids := make([]string, 0, len(b.accounts))
	for id := range b.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Println(" ", b.accounts[id], b.accounts[id].History)
	}
}

func main() {
	bank := NewBank()
	bank.Open("A100", "Alice", 50000)
	bank.Open("B200", "Bob", 1250)
	bank.Open("C300", "Carol", 0)

	transfers := []struct {
		from, to string
		amount   int64
	}{
		{"A100", "B200", 10000},
		{"B200", "C300", 20000},
		{"A100", "Z999", 100},
		{"C300", "A100", 0},
		{"B200", "C300", 11250},
	}

	for i, t := range transfers {
		err := bank.Transfer(t.from, t.to, t.amount)
		var insuf *InsufficientFundsError
		switch {
		case err == nil:
			fmt.Printf("#%d ok: %s -> %s %d\n", i+1, t.from, t.to, t.amount)
		case errors.Is(err, ErrAccountNotFound):
			fmt.Printf("#%d missing account: %v\n", i+1, err)
		case errors.As(err, &insuf):
			fmt.Printf("#%d short by %d cents: %v\n", i+1, insuf.Requested-insuf.Balance, err)
		default:
			fmt.Printf("#%d other error: %v\n", i+1, err)
		}
	}
	fmt.Println("Final balances:")
	bank.Report()
}

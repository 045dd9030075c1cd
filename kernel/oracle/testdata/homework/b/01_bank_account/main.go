// Bank account example: methods with pointer receivers and sentinel errors.
package main

import (
	"errors"
	"fmt"
)

var (
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrInvalidAmount     = errors.New("amount must be positive")
	ErrAccountFrozen     = errors.New("account is frozen")
)

type Account struct {
	Owner   string
	balance int64 // cents
	frozen  bool
	history []string
}

func NewAccount(owner string, initial int64) *Account {
	a := &Account{Owner: owner}
	if initial > 0 {
		a.balance = initial
		a.history = append(a.history, fmt.Sprintf("open %s", cents(initial)))
	}
	return a
}

func cents(c int64) string {
	return fmt.Sprintf("$%d.%02d", c/100, c%100)
}

func (a *Account) Balance() int64 { return a.balance }

func (a *Account) Deposit(amount int64) error {
	if a.frozen {
		return ErrAccountFrozen
	}
	if amount <= 0 {
		return ErrInvalidAmount
	}
	a.balance += amount
	a.history = append(a.history, "deposit "+cents(amount))
	return nil
}

func (a *Account) Withdraw(amount int64) error {
	if a.frozen {
		return ErrAccountFrozen
	}
	if amount <= 0 {
		return ErrInvalidAmount
	}
	if amount > a.balance {
		return fmt.Errorf("withdraw %s from %s: %w", cents(amount), a.Owner, ErrInsufficientFunds)
	}
	a.balance -= amount
	a.history = append(a.history, "withdraw "+cents(amount))
	return nil
}

func Transfer(from, to *Account, amount int64) error {
	if err := from.Withdraw(amount); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	if err := to.Deposit(amount); err != nil {
		// roll back
		from.balance += amount
		return fmt.Errorf("transfer failed, rolled back: %w", err)
	}
	return nil
}

func main() {
	alice := NewAccount("alice", 10000)
	bob := NewAccount("bob", 2500)

	steps := []struct {
		desc string
		op   func() error
	}{
		{"alice deposits 50.25", func() error { return alice.Deposit(5025) }},
		{"bob withdraws 30.00", func() error { return bob.Withdraw(3000) }},
		{"bob deposits -5", func() error { return bob.Deposit(-500) }},
		{"alice -> bob 75.00", func() error { return Transfer(alice, bob, 7500) }},
		{"freeze bob, alice -> bob 10", func() error { bob.frozen = true; return Transfer(alice, bob, 1000) }},
	}
	for _, s := range steps {
		err := s.op()
		switch {
		case err == nil:
			fmt.Printf("%-30s ok\n", s.desc)
		case errors.Is(err, ErrInsufficientFunds):
			fmt.Printf("%-30s NSF: %v\n", s.desc, err)
		default:
			fmt.Printf("%-30s error: %v\n", s.desc, err)
		}
	}
	for _, a := range []*Account{alice, bob} {
		fmt.Printf("%s balance %s history %v\n", a.Owner, cents(a.Balance()), a.history)
	}
}

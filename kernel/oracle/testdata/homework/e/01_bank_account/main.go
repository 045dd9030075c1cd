package main

import (
	"errors"
	"fmt"
)

// ErrInsufficientFunds is returned when a withdrawal is bigger than the balance.
var ErrInsufficientFunds = errors.New("insufficient funds")

var ErrAccountClosed = errors.New("account closed")

type InvalidAmountError struct {
	Amount float64
	Op     string
}

func (e *InvalidAmountError) Error() string {
	return fmt.Sprintf("invalid amount %.2f for %s", e.Amount, e.Op)
}

type Account struct {
	Owner   string
	Balance float64
	closed  bool
	history []string
}

func NewAccount(owner string, initial float64) *Account {
	return &Account{Owner: owner, Balance: initial}
}

func (a *Account) Deposit(amount float64) error {
	if a.closed {
		return ErrAccountClosed
	}
	if amount <= 0 {
		return &InvalidAmountError{Amount: amount, Op: "deposit"}
	}
	a.Balance += amount
	a.history = append(a.history, fmt.Sprintf("deposit %.2f", amount))
	return nil
}

func (a *Account) Withdraw(amount float64) error {
	if a.closed {
		return ErrAccountClosed
	}
	if amount <= 0 {
		return &InvalidAmountError{amount, "withdraw"}
	}
	if amount > a.Balance {
		return fmt.Errorf("withdraw %.2f from %s: %w", amount, a.Owner, ErrInsufficientFunds)
	}
	a.Balance -= amount
	a.history = append(a.history, fmt.Sprintf("withdraw %.2f", amount))
	return nil
}

func Transfer(from, to *Account, amount float64) error {
	if err := from.Withdraw(amount); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	if err := to.Deposit(amount); err != nil {
		// put the money back
		from.Balance += amount
		return fmt.Errorf("transfer failed: %w", err)
	}
	return nil
}

func (a *Account) Close() { a.closed = true }

func report(err error) {
	if err == nil {
		fmt.Println("  ok")
		return
	}
	fmt.Println("  error:", err)
	var inv *InvalidAmountError
	switch {
	case errors.Is(err, ErrInsufficientFunds):
		fmt.Println("  -> not enough money")
	case errors.Is(err, ErrAccountClosed):
		fmt.Println("  -> account is closed")
	case errors.As(err, &inv):
		fmt.Printf("  -> bad amount in %q: %v\n", inv.Op, inv.Amount)
	}
}

func main() {
	alice := NewAccount("Alice", 100)
	bob := NewAccount("Bob", 20)

	fmt.Println("deposit 50 to alice")
	report(alice.Deposit(50))
	fmt.Println("withdraw -5 from bob")
	report(bob.Withdraw(-5))
	fmt.Println("transfer 200 alice->bob")
	report(Transfer(alice, bob, 200))
	fmt.Println("transfer 75.5 alice->bob")
	report(Transfer(alice, bob, 75.5))

	bob.Close()
	fmt.Println("transfer 10 alice->bob (bob closed)")
	report(Transfer(alice, bob, 10))

	for _, acc := range []*Account{alice, bob} {
		fmt.Printf("%-6s balance=%8.2f closed=%t\n", acc.Owner, acc.Balance, acc.closed)
		for i, h := range acc.history {
			fmt.Printf("   %d. %s\n", i+1, h)
		}
	}
}

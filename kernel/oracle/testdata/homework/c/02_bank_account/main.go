package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")
var ErrNegative = errors.New("amount must be positive")

type Account struct {
	Owner   string
	Balance int // cents
	History []string
}

func NewAccount(owner string, initial int) *Account {
	a := &Account{Owner: owner}
	a.Balance = initial
	a.log("open", initial)
	return a
}

func (a *Account) log(kind string, amt int) {
	a.History = append(a.History, fmt.Sprintf("%-8s %7s -> %s", kind, money(amt), money(a.Balance)))
}

func (a *Account) Deposit(amt int) error {
	if amt <= 0 {
		return ErrNegative
	}
	a.Balance += amt
	a.log("deposit", amt)
	return nil
}

func (a *Account) Withdraw(amt int) error {
	if amt <= 0 {
		return ErrNegative
	}
	if amt > a.Balance {
		return fmt.Errorf("withdraw %s from %s: %w", money(amt), a.Owner, ErrInsufficient)
	}
	a.Balance -= amt
	a.log("withdraw", amt)
	return nil
}

func Transfer(from, to *Account, amt int) error {
	if err := from.Withdraw(amt); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	to.Deposit(amt)
	return nil
}

func money(c int) string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

func main() {
	alice := NewAccount("alice", 10000)
	bob := NewAccount("bob", 2550)

	ops := []struct {
		name string
		f    func() error
	}{
		{"alice deposits 12.34", func() error { return alice.Deposit(1234) }},
		{"bob withdraws 30", func() error { return bob.Withdraw(3000) }},
		{"bob deposits -5", func() error { return bob.Deposit(-500) }},
		{"alice->bob 50", func() error { return Transfer(alice, bob, 5000) }},
		{"bob->alice 100", func() error { return Transfer(bob, alice, 10000) }},
		{"bob withdraws 75.50", func() error { return bob.Withdraw(7550) }},
	}

	for _, op := range ops {
		err := op.f()
		switch {
		case err == nil:
			fmt.Printf("%-22s ok\n", op.name)
		case errors.Is(err, ErrInsufficient):
			fmt.Printf("%-22s INSUFFICIENT: %v\n", op.name, err)
		case errors.Is(err, ErrNegative):
			fmt.Printf("%-22s BAD AMOUNT: %v\n", op.name, err)
		default:
			fmt.Printf("%-22s ??? %v\n", op.name, err)
		}
	}

	for _, acct := range []*Account{alice, bob} {
		fmt.Printf("== %s (%s) ==\n", acct.Owner, money(acct.Balance))
		for i, h := range acct.History {
			fmt.Printf("%2d. %s\n", i+1, h)
		}
	}
	fmt.Println(money(-1234), money(5), money(0))
}

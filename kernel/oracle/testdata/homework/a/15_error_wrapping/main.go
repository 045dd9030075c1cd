package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var (
	ErrEmpty    = errors.New("empty value")
	ErrNegative = errors.New("must be positive")
)

type ParseError struct {
	Key  string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: key %q: %v", e.Line, e.Key, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

type Config struct {
	LR     float64
	Epochs int
	Batch  int
	Name   string
}

func parseConfig(text string) (Config, error) {
	cfg := Config{LR: 0.1, Epochs: 10, Batch: 32, Name: "default"}
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, found := strings.Cut(line, "=")
		if !found {
			return cfg, fmt.Errorf("line %d: missing '=' in %q", i+1, line)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if val == "" {
			return cfg, &ParseError{key, i + 1, ErrEmpty}
		}
		var err error
		switch key {
		case "lr":
			cfg.LR, err = strconv.ParseFloat(val, 64)
			if err == nil && cfg.LR <= 0 {
				err = ErrNegative
			}
		case "epochs":
			cfg.Epochs, err = strconv.Atoi(val)
		case "batch":
			cfg.Batch, err = strconv.Atoi(val)
			if err == nil && cfg.Batch <= 0 {
				err = fmt.Errorf("batch %d: %w", cfg.Batch, ErrNegative)
			}
		case "name":
			cfg.Name = val
		default:
			err = fmt.Errorf("unknown key")
		}
		if err != nil {
			return cfg, fmt.Errorf("parse config: %w", &ParseError{key, i + 1, err})
		}
	}
	return cfg, nil
}

func main() {
	inputs := []string{
		"lr = 0.05\nepochs = 20\n# comment\nname = run-A",
		"lr = -1",
		"epochs = ten",
		"batch = 0",
		"lr 0.1",
		"name =",
		"momentum = 0.9",
	}
	for n, in := range inputs {
		cfg, err := parseConfig(in)
		fmt.Printf("input %d: ", n)
		if err == nil {
			fmt.Printf("ok %+v\n", cfg)
			continue
		}
		fmt.Println("error:", err)
		var pe *ParseError
		var ne *strconv.NumError
		switch {
		case errors.Is(err, ErrNegative):
			fmt.Println("   -> a value was not positive")
		case errors.Is(err, ErrEmpty):
			fmt.Println("   -> empty value")
		case errors.As(err, &ne):
			fmt.Printf("   -> bad number %q (func %s, %v)\n", ne.Num, ne.Func, ne.Err == strconv.ErrSyntax)
		case errors.As(err, &pe):
			fmt.Printf("   -> ParseError on key %s\n", pe.Key)
		default:
			fmt.Println("   -> some other error")
		}
	}
}

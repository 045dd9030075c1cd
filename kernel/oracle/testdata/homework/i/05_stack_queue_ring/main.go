package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var (
	ErrEmpty = errors.New("container is empty")
	ErrFull  = errors.New("container is full")
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}
func (s *Stack[T]) Len() int { return len(s.items) }

// Ring is a fixed capacity FIFO queue.
type Ring struct {
	buf        []int
	head, tail int
	count      int
}

func NewRing(capacity int) *Ring { return &Ring{buf: make([]int, capacity)} }

func (r *Ring) Enqueue(v int) error {
	if r.count == len(r.buf) {
		return fmt.Errorf("enqueue %d: %w", v, ErrFull)
	}
	r.buf[r.tail] = v
	r.tail = (r.tail + 1) % len(r.buf)
	r.count++
	return nil
}

func (r *Ring) Dequeue() (int, error) {
	if r.count == 0 {
		return 0, ErrEmpty
	}
	v := r.buf[r.head]
	r.head = (r.head + 1) % len(r.buf)
	r.count--
	return v, nil
}

func (r Ring) String() string {
	parts := make([]string, 0, r.count)
	for i := 0; i < r.count; i++ {
		parts = append(parts, strconv.Itoa(r.buf[(r.head+i)%len(r.buf)]))
	}
	return fmt.Sprintf("Ring<%s> h=%d t=%d", strings.Join(parts, ","), r.head, r.tail)
}

var pairs = map[rune]rune{')': '(', ']': '[', '}': '{'}

func balanced(s string) bool {
	var st Stack[rune]
	for _, c := range s {
		switch c {
		case '(', '[', '{':
			st.Push(c)
		case ')', ']', '}':
			top, err := st.Pop()
			if err != nil || top != pairs[c] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func evalRPN(expr string) (result int, err error) {
	var st Stack[int]
	for _, tok := range strings.Fields(expr) {
		if n, convErr := strconv.Atoi(tok); convErr == nil {
			st.Push(n)
			continue
		}
		b, err1 := st.Pop()
		a, err2 := st.Pop()
		if err := errors.Join(err1, err2); err != nil {
			return 0, fmt.Errorf("token %q: %w", tok, err)
		}
		switch tok {
		case "+":
			st.Push(a + b)
		case "-":
			st.Push(a - b)
		case "*":
			st.Push(a * b)
		case "/":
			if b == 0 {
				return 0, errors.New("division by zero")
			}
			st.Push(a / b)
		default:
			return 0, fmt.Errorf("unknown operator %q", tok)
		}
	}
	result, err = st.Pop()
	if st.Len() > 0 {
		err = fmt.Errorf("%d values left over", st.Len())
	}
	return
}

func main() {
	for _, s := range []string{"([]{})", "([)]", "((", "", "{[()()]}x"} {
		fmt.Printf("%-12q balanced=%t\n", s, balanced(s))
	}
	for _, e := range []string{"3 4 + 2 *", "5 1 2 + 4 * + 3 -", "1 +", "4 0 /", "2 3 ^", "1 2 3"} {
		v, err := evalRPN(e)
		if err != nil {
			fmt.Printf("%-20s error: %v (empty=%t)\n", e, err, errors.Is(err, ErrEmpty))
			continue
		}
		fmt.Printf("%-20s = %d\n", e, v)
	}

	r := NewRing(4)
	for i := 1; i <= 5; i++ {
		if err := r.Enqueue(i * 11); err != nil {
			fmt.Println("error:", err, errors.Is(err, ErrFull))
		}
	}
	fmt.Println(r)
	for range 2 {
		v, _ := r.Dequeue()
		fmt.Print("deq ", v, "; ")
	}
	fmt.Println()
	r.Enqueue(66)
	r.Enqueue(77)
	fmt.Println(*r)
	for {
		v, err := r.Dequeue()
		if err != nil {
			fmt.Println("stop:", err)
			break
		}
		fmt.Printf("%d ", v)
	}
	var s Stack[string]
	_, ok := s.Peek()
	s.Push("x")
	top, ok2 := s.Peek()
	fmt.Printf("%t %q %t %+v\n", ok, top, ok2, s)
}

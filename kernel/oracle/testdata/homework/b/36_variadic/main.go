// Variadic functions: sums, joining, functional options, and forwarding with "...".
package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func stats(first float64, rest ...float64) (min, max, mean float64) {
	min, max, mean = first, first, first
	for _, v := range rest {
		if v < min {
			min = v
		}
		if v > max {
			max = v
		}
		mean += v
	}
	mean /= float64(len(rest) + 1)
	return
}

func joinWith(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

// logf forwards its variadic arguments to fmt.Sprintf.
func logf(level string, format string, args ...any) {
	fmt.Printf("[%-5s] %s\n", level, fmt.Sprintf(format, args...))
}

// Functional options pattern.
type Server struct {
	host    string
	port    int
	tls     bool
	tags    []string
	maxConn int
}

type Option func(*Server)

func WithPort(p int) Option          { return func(s *Server) { s.port = p } }
func WithTLS() Option                { return func(s *Server) { s.tls = true } }
func WithTags(tags ...string) Option { return func(s *Server) { s.tags = append(s.tags, tags...) } }
func WithMaxConn(n int) Option       { return func(s *Server) { s.maxConn = n } }

func NewServer(host string, opts ...Option) *Server {
	s := &Server{host: host, port: 80, maxConn: 100}
	for _, opt := range opts {
		opt(s)
	}
	return s
}

func countArgs(args ...any) string {
	if args == nil {
		return "nil slice"
	}
	return fmt.Sprintf("%d arg(s)", len(args))
}

func main() {
	fmt.Println("sum():", sum())
	fmt.Println("sum(1,2,3):", sum(1, 2, 3))
	nums := []int{10, 20, 30, 40}
	fmt.Println("sum(nums...):", sum(nums...))
	fmt.Println("sum(nums[1:]...):", sum(nums[1:]...))

	lo, hi, avg := stats(4, 8, 15, 16, 23, 42)
	fmt.Printf("stats: min=%g max=%g mean=%g\n", lo, hi, avg)
	lo, hi, avg = stats(7)
	fmt.Printf("stats single: min=%g max=%g mean=%g\n", lo, hi, avg)

	fmt.Println(joinWith(", ", "red", "green", "blue"))
	fmt.Println(joinWith("/", append([]string{"usr"}, "local", "bin")...))

	logf("info", "server %s started on port %d", "alpha", 8080)
	logf("warn", "disk at %.1f%%", 91.25)
	logf("debug", "no args")

	// The variadic parameter aliases the caller's slice when passed with "...".
	double := func(xs ...int) {
		for i := range xs {
			xs[i] *= 2
		}
	}
	double(nums...)
	fmt.Println("nums after double(nums...):", nums)
	double(1, 2, 3) // a fresh slice; nothing visible changes
	fmt.Println(countArgs(), countArgs(nil), countArgs(1, "a", 2.5), countArgs([]any{}...))

	s1 := NewServer("localhost")
	s2 := NewServer("example.com", WithPort(443), WithTLS(), WithTags("prod", "eu"), WithTags("web"), WithMaxConn(5000))
	for _, s := range []*Server{s1, s2} {
		fmt.Printf("%+v\n", *s)
	}
}

// sync.Once for lazy initialization, plus OnceValue / OnceFunc helpers.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Config struct {
	Values map[string]string
}

var (
	cfg       *Config
	cfgOnce   sync.Once
	loadCount int
)

func loadConfig() {
	loadCount++
	cfg = &Config{Values: map[string]string{"env": "test", "region": "eu-west", "debug": "false"}}
}

func GetConfig() *Config {
	cfgOnce.Do(loadConfig)
	return cfg
}

// Singleton-style registry built on first use.
type Registry struct {
	once  sync.Once
	names []string
	inits int
}

func (r *Registry) Names() []string {
	r.once.Do(func() {
		r.inits++
		r.names = strings.Fields("zeta alpha mu beta")
		sort.Strings(r.names)
	})
	return r.names
}

func main() {
	var wg sync.WaitGroup
	ptrs := make([]*Config, 20)
	for i := range ptrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ptrs[i] = GetConfig()
		}()
	}
	wg.Wait()
	same := true
	for _, p := range ptrs {
		same = same && p == ptrs[0]
	}
	fmt.Println("loadConfig called", loadCount, "time(s); all goroutines saw same pointer:", same)
	fmt.Println("region:", GetConfig().Values["region"])

	var reg Registry
	for range 3 {
		_ = reg.Names()
	}
	fmt.Println("registry:", reg.Names(), "initialized", reg.inits, "time(s)")

	// OnceValue caches a computed value (and OnceValues a value plus error).
	calls := 0
	expensive := sync.OnceValue(func() int {
		calls++
		sum := 0
		for i := 1; i <= 1000; i++ {
			sum += i * i
		}
		return sum
	})
	fmt.Println("sum of squares:", expensive(), expensive(), "computed", calls, "time(s)")

	attempts := 0
	connect := sync.OnceValues(func() (string, error) {
		attempts++
		return "", errors.New("connection refused")
	})
	for range 3 {
		_, err := connect()
		fmt.Println("connect:", err)
	}
	fmt.Println("connect attempts:", attempts, "(errors are cached too)")

	// OnceFunc wraps a side effect.
	cleanup := sync.OnceFunc(func() { fmt.Println("cleanup ran") })
	cleanup()
	cleanup()

	// A panic inside Once.Do still marks it as done.
	var o sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o.Do(func() { panic("init failed") })
	}()
	ran := false
	o.Do(func() { ran = true })
	fmt.Println("second Do ran:", ran)
}

package symbols

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestTablesAreFresh regenerates every table with the go:generate lines of
// symbols.go and compares: a package that changed its API without `go
// generate` would otherwise leave cells calling yesterday's functions.
func TestTablesAreFresh(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command to run yaegi extract")
	}
	pkgs := generatedPackages(t)
	// Inside the module (so imports resolve); testdata keeps it out of builds.
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("testdata", "fresh-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir); os.Remove("testdata") })
	extract(t, dir, pkgs)
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(fresh) != len(pkgs) {
		t.Fatalf("extract wrote %d files for %d packages", len(fresh), len(pkgs))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Base(f))
		if err != nil {
			t.Errorf("%s is missing: run go generate ./kernel/symbols", filepath.Base(f))
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./kernel/symbols", filepath.Base(f))
		}
	}
}

// extract runs yaegi extract for each of pkgs in dir, as go generate does.
// yaegi type-checks each package from source on one core, so the packages
// are extracted in parallel, one process per core; each writes its own file,
// the same as one process for all would.
func extract(t *testing.T, dir string, pkgs []string) {
	if err := exec.Command("go", "build", "-o", os.DevNull, "github.com/traefik/yaegi/cmd/yaegi").Run(); err != nil {
		t.Fatalf("building yaegi: %v", err) // once, before the parallel go runs share it
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	errs := make([]error, len(pkgs))
	var wg sync.WaitGroup
	for i, pkg := range pkgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cmd := exec.Command("go", "run", "github.com/traefik/yaegi/cmd/yaegi", "extract", "-name", "symbols", pkg)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("yaegi extract %s: %w\n%s", pkg, err, out)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
}

func generatedPackages(t *testing.T) []string {
	f, err := os.Open("symbols.go")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const prefix = "//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract "
	var pkgs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			pkgs = append(pkgs, strings.Fields(rest)...)
		}
	}
	if len(pkgs) == 0 {
		t.Fatal("no go:generate extract lines in symbols.go")
	}
	return pkgs
}

// Every preloaded package that is not the standard library has a table.
func TestPreloadedHaveTables(t *testing.T) {
	for _, p := range Preloaded {
		if !strings.Contains(p.Path, ".") {
			continue // the standard library's tables come with yaegi
		}
		key := p.Path + "/" + p.Name
		if _, ok := Symbols[key]; !ok {
			t.Errorf("preloaded %s has no table %q", p.Path, key)
		}
	}
}

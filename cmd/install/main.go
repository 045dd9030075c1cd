// Command install installs gocurve, the Go kernel for Jupyter, and is the
// kernel itself.
//
//	go run ./cmd/install                 install for this user (honours JUPYTER_DATA_DIR)
//	go run ./cmd/install --sys-prefix    install into the active venv or Python prefix
//	go run ./cmd/install --prefix DIR    install into DIR/share/jupyter/kernels
//	go run ./cmd/install --uninstall     remove the kernelspec (same location flags)
//
// Installing copies this binary into the kernelspec folder and writes
// kernel.json and the logos there, so the kernel keeps working when the
// checkout or the Go build cache moves. Jupyter then runs the copy as
//
//	gocurve kernel -f CONNECTION_FILE
//
// and the kernel starts the same binary again as its worker process.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gocurve/gocurve/kernel"
	"github.com/gocurve/gocurve/kernel/worker"
)

const (
	kernelName  = "gocurve"
	displayName = "Go (gocurve)"
	binaryName  = "gocurve"
)

func main() {
	if worker.IsWorker() {
		if err := worker.Serve(); err != nil {
			fmt.Fprintln(os.Stderr, "gocurve worker:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "kernel" {
		os.Exit(runKernel(os.Args[2:]))
	}
	os.Exit(runInstall(os.Args[1:]))
}

func runKernel(args []string) int {
	fs := flag.NewFlagSet("kernel", flag.ContinueOnError)
	connFile := fs.String("f", "", "Jupyter connection file")
	histEntries := fs.Int("history-entries", kernel.DefaultHistoryEntries, "cells kept for history requests (-1: no bound)")
	histBytes := fs.Int("history-bytes", kernel.DefaultHistoryBytes, "bytes of cell inputs and outputs kept for history requests (-1: no bound)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *connFile == "" && fs.NArg() > 0 {
		*connFile = fs.Arg(0)
	}
	if *connFile == "" {
		fmt.Fprintln(os.Stderr, "usage: gocurve kernel -f CONNECTION_FILE")
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gocurve:", err)
		return 1
	}
	opts := kernel.Options{
		Worker:  worker.Options{Command: []string{self}},
		History: kernel.HistoryLimits{Entries: *histEntries, Bytes: *histBytes},
	}
	if err := kernel.Run(context.Background(), *connFile, opts); err != nil {
		fmt.Fprintln(os.Stderr, "gocurve:", err)
		return 1
	}
	return 0
}

func runInstall(args []string) int {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	prefix := fs.String("prefix", "", "install into `DIR`/share/jupyter/kernels")
	sysPrefix := fs.Bool("sys-prefix", false, "install into the active venv (VIRTUAL_ENV) or the prefix of python3 on PATH")
	fs.Bool("user", true, "install for the current user (the default, as jupyter kernelspec install --user)")
	uninstall := fs.Bool("uninstall", false, "remove the kernelspec instead")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./cmd/install [--user | --prefix DIR | --sys-prefix] [--uninstall]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "gocurve install: unexpected argument %q (flags only; --help lists them)\n", fs.Arg(0))
		return 2
	}
	dir, err := kernelsDir(*prefix, *sysPrefix)
	if err == nil {
		// kernel.json names the binary by this path, and Jupyter starts the
		// kernel from another directory: it must be absolute.
		dir, err = filepath.Abs(dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gocurve install:", err)
		return 1
	}
	dest := filepath.Join(dir, kernelName)
	if *uninstall {
		if _, err := os.Stat(dest); errors.Is(err, os.ErrNotExist) {
			fmt.Println("nothing to remove: no kernelspec at", dest)
			return 0
		}
		if err := os.RemoveAll(dest); err != nil {
			fmt.Fprintln(os.Stderr, "gocurve install:", err)
			return 1
		}
		fmt.Println("removed", dest)
		return 0
	}
	if err := install(dest); err != nil {
		fmt.Fprintln(os.Stderr, "gocurve install:", err)
		return 1
	}
	fmt.Printf("installed kernelspec %q (%s) in %s\n", kernelName, displayName, dest)
	return 0
}

// kernelsDir returns the kernels folder the flags choose.
func kernelsDir(prefix string, sysPrefix bool) (string, error) {
	switch {
	case prefix != "" && sysPrefix:
		return "", errors.New("--prefix and --sys-prefix exclude each other")
	case prefix != "":
		return filepath.Join(prefix, "share", "jupyter", "kernels"), nil
	case sysPrefix:
		p := os.Getenv("VIRTUAL_ENV")
		if p == "" {
			out, err := exec.Command("python3", "-c", "import sys; print(sys.prefix)").Output()
			if err != nil {
				return "", fmt.Errorf("--sys-prefix: no VIRTUAL_ENV and no python3 to ask: %w", err)
			}
			p = strings.TrimSpace(string(out))
		}
		return filepath.Join(p, "share", "jupyter", "kernels"), nil
	}
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
	case "windows":
		return filepath.Join(os.Getenv("APPDATA"), "jupyter", "kernels"), nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "jupyter", "kernels"), nil
}

// install writes the kernelspec into dest: a copy of this binary,
// kernel.json and the logos.
func install(dest string) error {
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bin := filepath.Join(dest, binaryName)
	if err := copyExecutable(self, bin); err != nil {
		return fmt.Errorf("copying the kernel binary: %w", err)
	}
	spec := map[string]any{
		"argv":           []string{bin, "kernel", "-f", "{connection_file}"},
		"display_name":   displayName,
		"language":       "go",
		"interrupt_mode": "message",
		"env":            map[string]string{},
		"metadata":       map[string]any{"debugger": true}, // JupyterLab shows its debugger for kernelspecs that say so
	}
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dest, "kernel.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	return writeLogos(dest)
}

// copyExecutable copies src to dst through a temporary file and a rename,
// so a running kernel's binary is never overwritten in place.
func copyExecutable(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".gocurve-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestKernelsDir(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/data/jupyter")
	t.Setenv("VIRTUAL_ENV", "/venvs/course")
	tests := []struct {
		prefix    string
		sysPrefix bool
		want      string
		wantErr   bool
	}{
		{"", false, "/data/jupyter/kernels", false},
		{"/opt/x", false, "/opt/x/share/jupyter/kernels", false},
		{"", true, "/venvs/course/share/jupyter/kernels", false},
		{"/opt/x", true, "", true},
	}
	for _, tt := range tests {
		got, err := kernelsDir(tt.prefix, tt.sysPrefix)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("kernelsDir(%q, %v) = %q, %v; want %q", tt.prefix, tt.sysPrefix, got, err, tt.want)
		}
	}
	if runtime.GOOS == "linux" {
		t.Setenv("JUPYTER_DATA_DIR", "")
		t.Setenv("XDG_DATA_HOME", "/xdg")
		if got, _ := kernelsDir("", false); got != "/xdg/jupyter/kernels" {
			t.Errorf("with XDG_DATA_HOME: %q", got)
		}
	}
}

// Installing writes a kernelspec Jupyter accepts, with a copy of the
// binary that runs on its own; uninstalling removes it.
func TestInstallAndUninstall(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "gocurve-install")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	prefix := t.TempDir()
	if out, err := exec.Command(bin, "--prefix", prefix).CombinedOutput(); err != nil {
		t.Fatalf("install: %v\n%s", err, out)
	}
	dir := filepath.Join(prefix, "share", "jupyter", "kernels", "gocurve")

	var spec struct {
		Argv          []string `json:"argv"`
		DisplayName   string   `json:"display_name"`
		Language      string   `json:"language"`
		InterruptMode string   `json:"interrupt_mode"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	if spec.DisplayName != "Go (gocurve)" || spec.Language != "go" || spec.InterruptMode != "message" {
		t.Errorf("kernel.json: %+v", spec)
	}
	if len(spec.Argv) != 4 || spec.Argv[0] != filepath.Join(dir, "gocurve") || spec.Argv[3] != "{connection_file}" {
		t.Errorf("argv %q must start the copied binary with the connection file", spec.Argv)
	}
	// The copy is the kernel even when the built binary is gone.
	os.Remove(bin)
	out, _ := exec.Command(spec.Argv[0], "kernel").CombinedOutput()
	if !strings.Contains(string(out), "usage: gocurve kernel") {
		t.Errorf("the copied binary does not run as the kernel: %s", out)
	}
	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		f, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(f))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r := img.Bounds(); r.Dx() != size || r.Dy() != size {
			t.Errorf("%s is %v, want %d×%d", name, r, size, size)
		}
	}
	if svg, err := os.ReadFile(filepath.Join(dir, "logo-svg.svg")); err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("logo-svg.svg: %v", err)
	}

	if out, err := exec.Command(spec.Argv[0], "--prefix", prefix, "--uninstall").CombinedOutput(); err != nil {
		t.Fatalf("uninstall: %v\n%s", err, out)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("kernelspec still there after --uninstall: %v", err)
	}
}

// The installer's command line as Jupyter users expect it.
func TestInstallerFlags(t *testing.T) {
	tmp := t.TempDir()
	t.Chdir(tmp)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"help", []string{"--help"}, 0},
		{"extra argument", []string{"uninstall"}, 2},
		{"unknown flag", []string{"--bogus"}, 2},
		{"nothing to remove", []string{"--prefix", "rel", "--uninstall"}, 0},
		{"relative prefix", []string{"--prefix", "rel"}, 0},
		{"user", []string{"--user", "--uninstall"}, 0},
	}
	t.Setenv("JUPYTER_DATA_DIR", "data")
	for _, tt := range tests {
		if got := runInstall(tt.args); got != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.name, got, tt.code)
		}
	}
	b, err := os.ReadFile(filepath.Join(tmp, "rel", "share", "jupyter", "kernels", "gocurve", "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct{ Argv []string }
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(spec.Argv[0]) {
		t.Errorf("kernel.json names the binary by a relative path %q", spec.Argv[0])
	}
}

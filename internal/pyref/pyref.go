// Package pyref runs independent reference computations in Python (numpy,
// scipy, JAX on CPU) from Go tests, so numbers are checked against code that
// shares nothing with ours.
//
// The interpreter is the test venv's python, named by the GOCURVE_PYTHON
// environment variable (the Makefile's test target sets it). When it is not
// set, Run skips the test and says so: the checks need the venv from
// test/requirements.txt, which `make venv` builds.
package pyref

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// EnvVar names the environment variable that holds the venv's python.
const EnvVar = "GOCURVE_PYTHON"

// Python returns the reference interpreter, or skips t when none is configured.
func Python(t testing.TB) string {
	t.Helper()
	py := os.Getenv(EnvVar)
	if py == "" {
		t.Skipf("%s is not set: reference checks need the test venv's python with numpy, scipy and JAX (run `make venv`, or `make test`)", EnvVar)
	}
	return py
}

// Run executes script with the reference python, writes input to its stdin
// as JSON and decodes its stdout as JSON into output. JAX is forced onto the
// CPU in float64. A script failure fails the test with the script's stderr.
func Run(t testing.TB, script string, input, output any) {
	t.Helper()
	py := Python(t)
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatalf("pyref: encoding input: %v", err)
	}
	cmd := exec.Command(py, "-c", script)
	cmd.Env = append(os.Environ(), "JAX_PLATFORMS=cpu", "JAX_ENABLE_X64=1", "PYTHONHASHSEED=0")
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pyref: reference script failed: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), output); err != nil {
		t.Fatalf("pyref: decoding output: %v\n%s", err, truncate(stdout.String(), 2000))
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:n], len(s))
}

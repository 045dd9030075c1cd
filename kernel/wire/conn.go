package wire

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
)

// ConnectionInfo is the content of a Jupyter connection file.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and checks a connection file.
func ReadConnectionFile(path string) (*ConnectionInfo, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wire: reading connection file: %w", err)
	}
	var c ConnectionInfo
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("wire: connection file %s: %w", path, err)
	}
	if c.Transport == "" {
		c.Transport = "tcp"
	}
	if c.Transport != "tcp" && c.Transport != "ipc" {
		return nil, fmt.Errorf("wire: connection file %s: unsupported transport %q", path, c.Transport)
	}
	if c.IP == "" {
		c.IP = "127.0.0.1"
	}
	return &c, nil
}

// Endpoint returns the ZeroMQ address of port: tcp://ip:port, or for ipc
// the path ip-port, as jupyter_client names its sockets.
func (c *ConnectionInfo) Endpoint(port int) string {
	if c.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", c.IP, port)
	}
	return "tcp://" + net.JoinHostPort(c.IP, strconv.Itoa(port))
}

// Ports returns pointers to the five port fields, in the order shell,
// control, stdin, iopub, heartbeat.
func (c *ConnectionInfo) Ports() [5]*int {
	return [5]*int{&c.ShellPort, &c.ControlPort, &c.StdinPort, &c.IOPubPort, &c.HBPort}
}

// WritePorts rewrites the port fields of the connection file at path with
// c's, keeping every other field as it was. A kernel asked to pick its own
// ports (a port of 0) tells its front end which it chose this way.
func WritePorts(path string, c *ConnectionInfo) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("wire: rewriting connection file: %w", err)
	}
	var fields map[string]any
	if err := json.Unmarshal(b, &fields); err != nil {
		return fmt.Errorf("wire: rewriting connection file %s: %w", path, err)
	}
	for name, port := range map[string]int{"shell_port": c.ShellPort, "control_port": c.ControlPort, "stdin_port": c.StdinPort, "iopub_port": c.IOPubPort, "hb_port": c.HBPort} {
		fields[name] = port
	}
	if b, err = json.MarshalIndent(fields, "", "  "); err != nil {
		return fmt.Errorf("wire: rewriting connection file %s: %w", path, err)
	}
	// Write beside it and rename, so a reader never sees half a file.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".conn-*.json")
	if err != nil {
		return fmt.Errorf("wire: rewriting connection file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("wire: rewriting connection file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("wire: rewriting connection file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("wire: rewriting connection file: %w", err)
	}
	return nil
}

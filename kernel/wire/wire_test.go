package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/gocurve/gocurve/internal/pyref"
)

func mustSigner(t testing.TB, scheme, key string) *Signer {
	t.Helper()
	s, err := NewSigner(scheme, key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sample() *Message {
	h := NewHeader("execute_request", "sess")
	return &Message{
		Identities: [][]byte{[]byte("client-1")},
		Header:     h,
		Metadata:   json.RawMessage(`{}`),
		Content:    json.RawMessage(`{"code":"1+1","silent":false}`),
		Buffers:    [][]byte{[]byte("buf")},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, scheme := range []string{"hmac-sha256", "hmac-sha512", "hmac-sha1", ""} {
		s := mustSigner(t, scheme, "secret")
		m := sample()
		frames, err := Encode(m, s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(frames, s)
		if err != nil {
			t.Fatalf("%s: Decode: %v", scheme, err)
		}
		if got.Header != m.Header || string(got.Content) != string(m.Content) ||
			len(got.Identities) != 1 || !bytes.Equal(got.Buffers[0], []byte("buf")) || got.Parent != nil {
			t.Errorf("%s: round trip changed the message: %+v", scheme, got)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	s := mustSigner(t, "hmac-sha256", "secret")
	good, err := Encode(sample(), s)
	if err != nil {
		t.Fatal(err)
	}
	d := 1 // index of the delimiter in good
	edit := func(i int, b string) [][]byte {
		f := append([][]byte(nil), good...)
		f[i] = []byte(b)
		return f
	}
	other := mustSigner(t, "hmac-sha256", "other")
	wrongKey, _ := Encode(sample(), other)
	tests := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, ErrNoDelimiter},
		{"empty", nil, ErrNoDelimiter},
		{"short", good[:d+4], ErrShort},
		{"tampered content", edit(d+5, `{"code":"rm -rf"}`), ErrBadSignature},
		{"tampered signature", edit(d+1, "00"), ErrBadSignature},
		{"missing signature", edit(d+1, ""), ErrBadSignature},
		{"wrong key", wrongKey, ErrBadSignature},
	}
	for _, tt := range tests {
		_, err := Decode(tt.frames, s)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	// Invalid JSON, correctly signed: an error, not a panic.
	nosign := mustSigner(t, "hmac-sha256", "")
	for _, part := range []int{2, 3, 4, 5} {
		f := edit(d+part, "{not json")
		f[d+1] = []byte{}
		if _, err := Decode(f, nosign); err == nil {
			t.Errorf("invalid JSON in part %d accepted", part)
		}
	}
}

func TestUnsignedAcceptsAnySignature(t *testing.T) {
	frames, _ := Encode(sample(), nil)
	if len(frames[2]) != 0 {
		t.Fatalf("unsigned encode wrote signature %q", frames[2])
	}
	if _, err := Decode(frames, mustSigner(t, "hmac-sha256", "")); err != nil {
		t.Fatal(err)
	}
}

func TestUnknownScheme(t *testing.T) {
	if _, err := NewSigner("hmac-md5", "k"); err == nil {
		t.Fatal("hmac-md5 accepted")
	}
}

func TestReplayGuard(t *testing.T) {
	g := NewReplayGuard(3)
	for _, sig := range []string{"a", "b", "c"} {
		if !g.Accept(sig) {
			t.Fatalf("first %q refused", sig)
		}
	}
	if g.Accept("a") || g.Accept("c") {
		t.Fatal("replayed signature accepted")
	}
	g.Accept("d") // evicts "a", the oldest
	if !g.Accept("a") {
		t.Fatal("signature older than the window still refused")
	}
	for range 2 {
		if !g.Accept("") {
			t.Fatal("empty signatures must always pass, every time")
		}
	}
}

// The signature must be exactly what jupyter_client computes, or no real
// front end will talk to us.
func TestSignatureMatchesJupyterClient(t *testing.T) {
	const script = `
import json, sys
from jupyter_client.session import Session
inp = json.load(sys.stdin)
out = {}
for scheme in ["hmac-sha256", "hmac-sha512"]:
    s = Session(key=inp["key"].encode(), signature_scheme=scheme)
    out[scheme] = s.sign([p.encode() for p in inp["parts"]]).decode()
print(json.dumps(out))
`
	parts := []string{`{"msg_id":"1","msg_type":"kernel_info_request"}`, `{}`, `{}`, `{"θ":"λ"}`}
	var want map[string]string
	pyref.Run(t, script, map[string]any{"key": "5e3d-key", "parts": parts}, &want)
	for scheme, sig := range want {
		s := mustSigner(t, scheme, "5e3d-key")
		var bs [][]byte
		for _, p := range parts {
			bs = append(bs, []byte(p))
		}
		if got := string(s.Sign(bs...)); got != sig {
			t.Errorf("%s: got %s, jupyter_client %s", scheme, got, sig)
		}
	}
}

func FuzzDecode(f *testing.F) {
	s := mustSigner(f, "hmac-sha256", "k")
	good, _ := Encode(sample(), s)
	f.Add(bytes.Join(good, []byte{0}))
	f.Add([]byte("<IDS|MSG>\x00\x00{}\x00{}\x00{}\x00{}"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		frames := bytes.Split(data, []byte{0})
		for _, signer := range []*Signer{s, nil} {
			m, err := Decode(frames, signer)
			if err != nil {
				continue
			}
			// Whatever decodes must encode and decode again to the same header.
			out, err := Encode(m, signer)
			if err != nil {
				t.Fatalf("decoded message does not encode: %v", err)
			}
			m2, err := Decode(out, signer)
			if err != nil {
				t.Fatalf("re-encoded message does not decode: %v", err)
			}
			if m2.Header.MsgType != m.Header.MsgType || m2.Header.MsgID != m.Header.MsgID {
				t.Fatalf("header changed: %+v vs %+v", m.Header, m2.Header)
			}
		}
	})
}

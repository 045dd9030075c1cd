package wire

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"
)

// Signer signs and verifies messages with the HMAC scheme and key of a
// connection file. A nil *Signer, or one made with an empty key, signs
// nothing: Jupyter's convention for an unauthenticated session.
type Signer struct {
	newHash func() hash.Hash
	key     []byte
}

// NewSigner returns a signer for scheme ("hmac-sha256", "hmac-sha512",
// "hmac-sha1"; "" means hmac-sha256) and key.
func NewSigner(scheme, key string) (*Signer, error) {
	var h func() hash.Hash
	switch strings.ToLower(scheme) {
	case "", "hmac-sha256":
		h = sha256.New
	case "hmac-sha512":
		h = sha512.New
	case "hmac-sha1":
		h = sha1.New
	default:
		return nil, fmt.Errorf("wire: unsupported signature scheme %q", scheme)
	}
	return &Signer{newHash: h, key: []byte(key)}, nil
}

// Enabled reports whether messages are signed.
func (s *Signer) Enabled() bool { return s != nil && len(s.key) > 0 }

// Sign returns the hex HMAC of parts, or an empty signature when signing is off.
func (s *Signer) Sign(parts ...[]byte) []byte {
	if !s.Enabled() {
		return []byte{}
	}
	mac := hmac.New(s.newHash, s.key)
	for _, p := range parts {
		mac.Write(p)
	}
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// Verify reports whether sig is the signature of parts, comparing in
// constant time. With signing off every message verifies.
func (s *Signer) Verify(sig []byte, parts ...[]byte) bool {
	if !s.Enabled() {
		return true
	}
	return hmac.Equal(sig, s.Sign(parts...))
}

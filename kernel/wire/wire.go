// Package wire implements the Jupyter messaging wire format: connection
// files, message frames, HMAC signatures and replay protection.
//
// A message on a ROUTER socket travels as
//
//	[identities…] "<IDS|MSG>" signature header parent_header metadata content [buffers…]
//
// where signature is the hex HMAC of the four JSON parts, keyed and hashed
// as the connection file says. The package never touches a socket, so the
// protocol core can be tested and fuzzed without ZeroMQ.
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Delimiter separates routing identities from the signed message parts.
const Delimiter = "<IDS|MSG>"

// ProtocolVersion is the messaging protocol version every header carries.
const ProtocolVersion = "5.3"

// Header is a message header (and the shape of parent_header).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
	// SubshellID is sent by newer front ends; kept so replies can echo it.
	SubshellID *string `json:"subshell_id,omitempty"`
}

// Message is one decoded Jupyter message. Content and Metadata are kept as
// raw JSON so handlers decode only what they need.
type Message struct {
	Identities [][]byte
	Header     Header
	// Parent is nil for messages without a parent (an empty JSON object on the wire).
	Parent   *Header
	Metadata json.RawMessage
	Content  json.RawMessage
	Buffers  [][]byte
	// Signature is the hex signature as received (empty for unsigned sessions).
	Signature string
}

// Errors returned by Decode. Malformed input never panics.
var (
	ErrNoDelimiter  = errors.New("wire: no <IDS|MSG> delimiter")
	ErrShort        = errors.New("wire: fewer than five frames after the delimiter")
	ErrBadSignature = errors.New("wire: signature does not match")
)

// Decode parses the frames of one message and verifies its signature with
// s (a nil s, or one with an empty key, accepts unsigned messages only as
// Jupyter does: any signature is ignored).
func Decode(frames [][]byte, s *Signer) (*Message, error) {
	d := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			d = i
			break
		}
	}
	if d < 0 {
		return nil, ErrNoDelimiter
	}
	if len(frames)-d-1 < 5 {
		return nil, ErrShort
	}
	sig, parts := frames[d+1], frames[d+2:d+6]
	if !s.Verify(sig, parts...) {
		return nil, ErrBadSignature
	}
	m := &Message{
		Identities: frames[:d],
		Signature:  string(sig),
		Metadata:   json.RawMessage(parts[2]),
		Content:    json.RawMessage(parts[3]),
		Buffers:    frames[d+6:],
	}
	if err := json.Unmarshal(parts[0], &m.Header); err != nil {
		return nil, fmt.Errorf("wire: header: %w", err)
	}
	if m.Header.MsgType == "" {
		return nil, errors.New("wire: header has no msg_type")
	}
	var parent Header
	if err := json.Unmarshal(parts[1], &parent); err != nil {
		return nil, fmt.Errorf("wire: parent_header: %w", err)
	}
	if parent.MsgID != "" {
		m.Parent = &parent
	}
	if !json.Valid(parts[2]) {
		return nil, errors.New("wire: metadata is not valid JSON")
	}
	if !json.Valid(parts[3]) {
		return nil, errors.New("wire: content is not valid JSON")
	}
	return m, nil
}

// Encode returns the frames of m, signed with s.
func Encode(m *Message, s *Signer) ([][]byte, error) {
	header, err := json.Marshal(m.Header)
	if err != nil {
		return nil, fmt.Errorf("wire: header: %w", err)
	}
	parent := []byte("{}")
	if m.Parent != nil {
		if parent, err = json.Marshal(m.Parent); err != nil {
			return nil, fmt.Errorf("wire: parent_header: %w", err)
		}
	}
	meta := orEmpty(m.Metadata)
	content := orEmpty(m.Content)
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter), s.Sign(header, parent, meta, content), header, parent, meta, content)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

func orEmpty(b json.RawMessage) []byte {
	if len(bytes.TrimSpace(b)) == 0 || string(b) == "null" {
		return []byte("{}")
	}
	return b
}

// NewHeader returns a header for a new message of type msgType in session.
func NewHeader(msgType, session string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: "gocurve",
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

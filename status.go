package httpref

import (
	"bytes"
	"encoding/json"
	"iter"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Code is an HTTP status code. Any int converts to a Code; methods on codes
// that are not in the catalog return empty results. Each package-level
// function that takes a code as an int has a Code method that gives the
// same answer.
type Code int

// Status returns the catalog entry for c, or the zero Status when the
// catalog does not have c (see Lookup).
func (c Code) Status() Status {
	s, _ := Lookup(int(c))
	return s
}

// Walk is Walk(int(c), depth).
func (c Code) Walk(depth int) iter.Seq2[Status, int] { return Walk(int(c), depth) }

// Path is Path(int(c), int(to)).
func (c Code) Path(to Code) []Code { return Path(int(c), int(to)) }

// Advise is Advise(int(c)).
func (c Code) Advise() Advice { return Advise(int(c)) }

// Err is ErrorFor(int(c)).
func (c Code) Err() error { return ErrorFor(int(c)) }

// Class returns the class of c by its first digit (see ClassOf).
func (c Code) Class() Class { return ClassOf(int(c)) }

// Phrase returns the reason phrase of c, such as "Not Found", or "" when
// the catalog does not have c.
func (c Code) Phrase() string { return c.Status().Phrase() }

// String returns the code and its phrase, such as "404 Not Found". A code
// that is not in the catalog prints as its number alone.
func (c Code) String() string {
	if s, ok := Lookup(int(c)); ok {
		return s.e.text
	}
	return strconv.Itoa(int(c))
}

// MarshalJSON implements json.Marshaler: a code is a JSON number, such as
// 404.
func (c Code) MarshalJSON() ([]byte, error) { return strconv.AppendInt(nil, int64(c), 10), nil }

// UnmarshalJSON implements json.Unmarshaler. It accepts an integer number
// (any value, so that invalid codes can be reported), and a string that
// ParseCode accepts, such as "404" or "404 Not Found". JSON null leaves c
// unchanged.
func (c *Code) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return &ParseError{Input: "", Reason: "empty JSON value"}
	case string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		return c.UnmarshalText([]byte(s))
	}
	n, err := strconv.ParseInt(string(b), 10, strconv.IntSize)
	if err != nil {
		return &ParseError{Input: clipInput(string(b)), Reason: "a code in JSON is an integer or a string"}
	}
	*c = Code(n)
	return nil
}

// AppendText implements encoding.TextAppender. It appends the code's
// decimal number.
func (c Code) AppendText(b []byte) ([]byte, error) { return strconv.AppendInt(b, int64(c), 10), nil }

// MarshalText implements encoding.TextMarshaler. It returns the code's
// decimal number, such as "404".
func (c Code) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what
// ParseCode accepts.
func (c *Code) UnmarshalText(text []byte) error {
	v, err := ParseCode(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// LogValue implements slog.LogValuer: a code logs as a group of its number,
// phrase and class.
func (c Code) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Int("code", int(c)),
		slog.String("phrase", c.Phrase()),
		slog.String("class", c.Class().String()),
	)
}

// ParseError reports input that ParseCode cannot read as a status code.
type ParseError struct {
	Input  string // the input, cut to at most 64 bytes
	Reason string // why it was rejected
}

// Error returns the message: the quoted input and the reason.
func (e *ParseError) Error() string {
	return "httpref: cannot parse " + strconv.Quote(e.Input) + " as a status code: " + e.Reason
}

// ParseCode reads a status code from text as it appears in logs and
// protocol traces. It accepts a bare three-digit code ("404"), a code
// followed by a reason phrase ("404 Not Found"), and a status line
// ("HTTP/1.1 404 Not Found", "HTTP/2 404"), with surrounding white space.
// Full-width forms ("４２９", as East Asian input methods type them) read
// as their ASCII counterparts, as they do in Search. The code must be in
// 100-599 (RFC 9110, Section 15); it need not be in the catalog. Anything
// else is an error that quotes the input and says why.
func ParseCode(s string) (Code, error) {
	fail := func(reason string) (Code, error) {
		return 0, &ParseError{Input: clipInput(s), Reason: reason}
	}
	t := strings.TrimSpace(foldWidth(s))
	if t == "" {
		return fail("empty input")
	}
	if rest, ok := strings.CutPrefix(t, "HTTP/"); ok {
		version, after, found := strings.Cut(rest, " ")
		if !validVersion(version) {
			return fail("bad HTTP version after \"HTTP/\"")
		}
		if !found {
			return fail("status line has no status code")
		}
		t = strings.TrimLeft(after, " ")
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	switch {
	case n == 0:
		return fail("no status code digits")
	case n != 3:
		return fail("a status code has exactly three digits")
	case len(t) > 3 && t[3] != ' ' && t[3] != '\t':
		return fail("unexpected character after the code")
	}
	for i := 3; i < len(t); i++ {
		if c := t[i]; c < ' ' && c != '\t' || c == 0x7f {
			return fail("control character in the reason phrase")
		}
	}
	code := int(t[0]-'0')*100 + int(t[1]-'0')*10 + int(t[2]-'0')
	if code < 100 || code > 599 {
		return fail("code is outside 100-599")
	}
	return Code(code), nil
}

// foldWidth maps the full-width forms of ASCII characters (U+FF01 to
// U+FF5E) and the ideographic space to ASCII, as the search tokenizer's
// width folding does; ASCII input is returned as it is. The result is at
// most as long as s.
func foldWidth(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b = append(b, byte(r-0xFEE0))
		case r == 0x3000:
			b = append(b, ' ')
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// validVersion reports whether v is an HTTP version as written after
// "HTTP/": "1.0", "1.1", "2", "2.0" or "3" style.
func validVersion(v string) bool {
	switch len(v) {
	case 1:
		return v[0] >= '0' && v[0] <= '9'
	case 3:
		return v[0] >= '0' && v[0] <= '9' && v[1] == '.' && v[2] >= '0' && v[2] <= '9'
	}
	return false
}

// clipInput shortens input quoted in error messages to 64 bytes, keeping
// whole UTF-8 sequences.
func clipInput(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "..."
}

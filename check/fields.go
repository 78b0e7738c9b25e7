package check

import (
	"net/http"
	"strings"
	"time"
)

// This file holds small parsers for the header field values the rules
// read, each following the field's grammar in its specification. They
// allocate nothing, so that checking a clean response stays cheap.

// isTchar reports whether c is a token character (RFC 9110, Section 5.6.2).
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// isToken reports whether s is a non-empty token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTchar(s[i]) {
			return false
		}
	}
	return true
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trimOWS removes optional white space (SP and HTAB) around s.
func trimOWS(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// digitsValue returns the value of a run of digits, saturating at a
// large value instead of overflowing.
func digitsValue(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		if n > 1<<50 {
			return 1 << 50
		}
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// values returns the lines of a field. key must be in canonical form
// (textproto.CanonicalMIMEHeaderKey), as the header maps of net/http hold
// them: looking it up directly spares canonicalizing it on every call.
func values(h http.Header, key string) []string { return h[key] }

// hasField reports whether h has the field, even with an empty value; key
// is canonical.
func hasField(h http.Header, key string) bool { return len(h[key]) > 0 }

// fieldValue returns the first line of a field and whether it is there;
// key is canonical.
func fieldValue(h http.Header, key string) (string, bool) {
	if vs := h[key]; len(vs) > 0 {
		return vs[0], true
	}
	return "", false
}

// listElements calls f for each element of a comma-separated list (the
// #rule of RFC 9110, Section 5.6.1), trimmed, skipping empty elements,
// over every line of the field (key is canonical), until f returns false.
func listElements(h http.Header, key string, f func(elem string) bool) {
	for _, line := range h[key] {
		if !splitList(line, f) {
			return
		}
	}
}

// splitList calls f for each element of one comma-separated line,
// trimmed, skipping empty elements; commas inside quoted strings do not
// split. It reports false when f stopped it.
func splitList(line string, f func(elem string) bool) bool {
	for line != "" {
		i, inQuote := 0, false
		for ; i < len(line); i++ {
			c := line[i]
			if inQuote {
				if c == '\\' {
					i++
				} else if c == '"' {
					inQuote = false
				}
				continue
			}
			if c == '"' {
				inQuote = true
			} else if c == ',' {
				break
			}
		}
		elem := trimOWS(line[:min(i, len(line))])
		if i < len(line) {
			line = line[i+1:]
		} else {
			line = ""
		}
		if elem != "" && !f(elem) {
			return false
		}
	}
	return true
}

// contentRangeOK reports whether v matches the Content-Range grammar of
// RFC 9110, Section 14.4:
//
//	Content-Range       = range-unit SP ( range-resp / unsatisfied-range )
//	range-resp          = incl-range "/" ( complete-length / "*" )
//	incl-range          = first-pos "-" last-pos
//	unsatisfied-range   = "*/" complete-length
//
// and, for byte ranges, whether first-pos <= last-pos < complete-length.
// It also says whether the value is of the unsatisfied form.
func contentRangeOK(v string) (ok, unsatisfied bool) {
	unit, rest, found := strings.Cut(v, " ")
	if !found || !isToken(unit) {
		return false, false
	}
	if length, ok := strings.CutPrefix(rest, "*/"); ok {
		return isDigits(length), true
	}
	incl, length, found := strings.Cut(rest, "/")
	if !found {
		return false, false
	}
	first, last, found := strings.Cut(incl, "-")
	if !found || !isDigits(first) || !isDigits(last) || (length != "*" && !isDigits(length)) {
		return false, false
	}
	f, l := digitsValue(first), digitsValue(last)
	if f > l {
		return false, false
	}
	if length != "*" && l >= digitsValue(length) {
		return false, false
	}
	return true, false
}

// httpDateOK reports whether v is an HTTP-date in the IMF-fixdate format
// that senders must generate (RFC 9110, Section 5.6.7), such as "Sun, 06
// Nov 1994 08:49:37 GMT".
func httpDateOK(v string) bool {
	if len(v) != len(http.TimeFormat) {
		return false
	}
	_, err := time.Parse(http.TimeFormat, v)
	return err == nil
}

// retryAfterOK reports whether v is a Retry-After value (RFC 9110,
// Section 10.2.3): HTTP-date / delay-seconds.
func retryAfterOK(v string) bool { return isDigits(v) || httpDateOK(v) }

// sfDateOK reports whether v is a Structured Field Date (RFC 9651,
// Section 3.3.7): "@" followed by an sf-integer (an optional minus and 1
// to 15 digits), the value of the Deprecation field (RFC 9745, Section
// 2.1).
func sfDateOK(v string) bool {
	rest, ok := strings.CutPrefix(v, "@")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "-")
	return isDigits(rest) && len(rest) <= 15
}

// uriReferenceOK reports whether v can be a URI-reference (RFC 3986,
// Section 4.1), as Location carries (RFC 9110, Section 10.2.2): only the
// characters the URI grammar allows, and percent signs that start a
// percent-encoded octet. It checks the character level, not every
// production.
func uriReferenceOK(v string) bool {
	if v == "" {
		return true // the empty reference: the target URI itself
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		case c == '%':
			if i+2 >= len(v) || !isHex(v[i+1]) || !isHex(v[i+2]) {
				return false
			}
			i += 2
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// challengesOK reports whether v is a list of one or more authentication
// challenges (RFC 9110, Section 11.6.1 and 11.3):
//
//	challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//	auth-param = token BWS "=" BWS ( token / quoted-string )
//	token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//
// Commas separate both challenges and the parameters of one, so the
// value is read as a sequence of list elements: an element that starts
// with a scheme starts a challenge; one that is an auth-param continues
// it.
func challengesOK(v string) bool {
	n, ok := 0, true
	inChallenge := false
	splitList(v, func(elem string) bool {
		if isAuthParam(elem) {
			if !inChallenge {
				ok = false
				return false
			}
			return true
		}
		scheme, rest, _ := strings.Cut(elem, " ")
		if !isToken(scheme) {
			ok = false
			return false
		}
		rest = strings.TrimLeft(rest, " ")
		if rest != "" && !isToken68(rest) && !isAuthParam(rest) {
			ok = false
			return false
		}
		n++
		inChallenge = true
		return true
	})
	return ok && n > 0
}

// isAuthParam reports whether s is token BWS "=" BWS ( token / quoted-string ).
func isAuthParam(s string) bool {
	name, value, found := strings.Cut(s, "=")
	if !found || !isToken(trimOWS(name)) {
		return false
	}
	value = trimOWS(value)
	if isToken(value) {
		return true
	}
	return isQuotedString(value)
}

// isQuotedString reports whether s is a quoted-string (RFC 9110, Section
// 5.6.4).
func isQuotedString(s string) bool {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
			if i >= len(s)-1 {
				return false
			}
		case c == '"':
			return false
		case c < ' ' && c != '\t' || c == 0x7f:
			return false
		}
	}
	return true
}

// isToken68 reports whether s is a token68.
func isToken68(s string) bool {
	i := 0
	for i < len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~+/", c) >= 0 {
			i++
			continue
		}
		break
	}
	if i == 0 {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] != '=' {
			return false
		}
	}
	return true
}

// mediaTypeOf returns the media type of a Content-Type value without
// parameters or surrounding white space, in the case it was sent.
func mediaTypeOf(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return trimOWS(mt)
}

// isJSONType reports whether a media type is JSON: application/json or
// any +json structured syntax suffix (RFC 6839), in any case.
func isJSONType(mt string) bool {
	return strings.EqualFold(mt, "application/json") ||
		len(mt) > 5 && strings.EqualFold(mt[len(mt)-5:], "+json")
}

// streamingTypes are media types whose body is a stream that may never
// end: reading it to the body limit waits for events.
var streamingTypes = [...]string{
	"text/event-stream", "application/x-ndjson", "application/stream+json",
	"application/jsonl", "multipart/x-mixed-replace", "application/grpc",
	"application/grpc+proto", "application/connect+proto", "application/json-seq",
}

// isStreamingType reports whether a media type is a stream.
func isStreamingType(mt string) bool {
	for _, s := range streamingTypes {
		if strings.EqualFold(mt, s) {
			return true
		}
	}
	return false
}

package check

import (
	"fmt"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"sync"

	"github.com/httpref/httpref"
)

// hit is what a rule's check reports when it finds something; a check
// returns nil otherwise, so that a clean response costs no allocation. An
// empty ref means the finding cites the rule's reference.
type hit struct {
	msg      string
	ref, url string
	prefer   []httpref.Code
}

// found returns a hit with a message.
func found(format string, args ...any) *hit { return &hit{msg: fmt.Sprintf(format, args...)} }

// foundAt returns a hit that cites its own section of an RFC.
func foundAt(rfc int, section string, format string, args ...any) *hit {
	h := found(format, args...)
	h.ref, h.url = rfcRef(rfc, section)
	return h
}

// preferring returns h suggesting codes to use instead.
func (h *hit) preferring(codes []httpref.Code) *hit {
	h.prefer = codes
	return h
}

// rfcRef returns the reference text and rfc-editor link of a section.
func rfcRef(rfc int, section string) (string, string) {
	return fmt.Sprintf("RFC %d, Section %s", rfc, section),
		fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d#section-%s", rfc, section)
}

// severityOf maps a BCP 14 keyword to the severity of its findings.
func severityOf(keyword string) Severity {
	switch keyword {
	case "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT":
		return SeverityError
	case "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED":
		return SeverityWarning
	}
	return SeverityInfo // MAY, OPTIONAL, heuristic
}

// statusSet is a set of status codes 0-639, as bits.
type statusSet [10]uint64

func (s *statusSet) add(code int) {
	if code >= 0 && code < 640 {
		s[code/64] |= 1 << (code % 64)
	}
}

func (s *statusSet) has(code int) bool {
	return code >= 0 && code < 640 && s[code/64]&(1<<(code%64)) != 0
}

// on returns r applied only to responses with the given codes.
func (r Rule) on(codes ...int) Rule {
	r.codes = new(statusSet)
	for _, c := range codes {
		r.codes.add(c)
	}
	return r
}

// onRange returns r applied only to responses with codes lo to hi.
func (r Rule) onRange(lo, hi int) Rule {
	r.codes = new(statusSet)
	for c := lo; c <= hi; c++ {
		r.codes.add(c)
	}
	return r
}

// gatedFields are the response fields whose presence gates rules, each
// with its bit in a fieldSet.
var gatedFields = [...]string{
	"Allow", "Content-Length", "Content-Range", "Deprecation", "Location",
	"Retry-After", "Sunset", "Www-Authenticate",
}

// fieldSet is a set of gatedFields, as bits.
type fieldSet uint16

// fieldBit returns the bit of a gated field, or 0 for other keys.
func fieldBit(key string) fieldSet {
	for i, f := range gatedFields {
		if key == f {
			return 1 << i
		}
	}
	return 0
}

// headerScan is what Run reads from a response header in one pass.
type headerScan struct {
	fields      fieldSet // the gated fields present
	contentType string   // the first Content-Type line
	typeKey     bool     // whether h has the Content-Type key, even with no value
	encoding    []string // the Content-Encoding lines
}

// scanHeader reads the fields Run needs from h: one lookup, and one pass
// over the keys only when h holds more than Content-Type.
func scanHeader(h http.Header) headerScan {
	var hs headerScan
	known := 0
	if v, ok := h["Content-Type"]; ok {
		known++
		hs.typeKey = true
		if len(v) > 0 {
			hs.contentType = v[0]
		}
	}
	if len(h) == known {
		return hs
	}
	for k, v := range h {
		switch {
		case len(v) == 0:
		case k == "Content-Encoding":
			hs.encoding = v
		case len(k) >= 5 && len(k) <= 16:
			hs.fields |= fieldBit(k)
		}
	}
	return hs
}

// outsideRange returns r applied only to codes outside 100-599.
func (r Rule) outsideRange() Rule {
	r.codes = new(statusSet)
	for c := range 640 {
		if c < 100 || c > 599 {
			r.codes.add(c)
		}
	}
	r.outside = true
	return r
}

// ifMedia returns r applied only to responses whose media type is of one
// of the given kinds.
func (r Rule) ifMedia(kinds ...mediaKind) Rule {
	for _, k := range kinds {
		r.media |= 1 << k
	}
	return r
}

// ifField returns r applied only to responses that carry the field key,
// one of gatedFields.
func (r Rule) ifField(key string) Rule {
	r.field = fieldBit(key)
	if r.field == 0 {
		panic("check: rule " + r.ID + " gated on field " + key + ", which is not in gatedFields")
	}
	return r
}

// forStatus returns the indexes of the rules that apply to a status, and
// to a header with the given gated fields.
func (t *ruleTable) forStatus(status int, fields fieldSet) []uint8 {
	switch {
	case status < 0 || status >= len(t.byStatus):
		return t.other
	case fields == 0:
		return t.plain[status]
	}
	return t.byStatus[status]
}

// newRule builds a rule that stands on a BCP 14 keyword of a section of
// an RFC.
func newRule(id, keyword, title string, rfc int, section string, check func(ex *Exchange) *hit) Rule {
	ref, url := rfcRef(rfc, section)
	return Rule{ID: id, Severity: severityOf(keyword), Keyword: keyword, Title: title,
		Reference: ref, SpecURL: url, check: check}
}

// missingHeader builds a rule that fires when a response with one of the
// given codes lacks the header field key.
func missingHeader(id, keyword, key string, rfc int, section, why string, codes ...int) Rule {
	canon := textproto.CanonicalMIMEHeaderKey(key)
	return newRule(id, keyword, codesText(codes)+" without "+key, rfc, section,
		func(ex *Exchange) *hit {
			if hasField(ex.Header, canon) {
				return nil
			}
			return found("%s with no %s header field: %s", httpref.Code(ex.Status), key, why)
		}).on(codes...)
}

func codesText(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, "/")
}

// ruleTable is the rules with an index from status code to the rules
// that apply to it, so that Run looks at a handful of rules per response.
type ruleTable struct {
	rules    []Rule
	byStatus [600][]uint8 // rule indexes, in rule order, for statuses 0-599
	plain    [600][]uint8 // the same without the rules gated on a field
	other    []uint8      // rule indexes for any other status
}

var (
	rulesOnce sync.Once
	table     ruleTable
)

// rulesFor returns the rule table, built on first use so that package
// initialization allocates nothing.
func rulesFor() *ruleTable {
	rulesOnce.Do(func() {
		table.rules = buildRules()
		if len(table.rules) > 255 {
			panic("check: more rules than a uint8 index holds")
		}
		for i := range table.rules {
			r := &table.rules[i]
			for c := range table.byStatus {
				if r.codes == nil || r.codes.has(c) {
					table.byStatus[c] = append(table.byStatus[c], uint8(i))
					if r.field == 0 {
						table.plain[c] = append(table.plain[c], uint8(i))
					}
				}
			}
			if r.codes == nil || r.outside {
				table.other = append(table.other, uint8(i))
			}
		}
	})
	return &table
}

// allRules returns the rules in order.
func allRules() []Rule { return rulesFor().rules }

// lifecycleHit reports a catalog code with the given lifecycle, citing the
// code's own reference and the codes to prefer.
func lifecycleHit(ex *Exchange, l httpref.Lifecycle, what string) *hit {
	s, ok := httpref.Lookup(ex.Status)
	if !ok || s.Lifecycle() != l {
		return nil
	}
	return &hit{msg: s.String() + " " + what + preferText(s.Prefer()), prefer: s.Prefer(),
		ref: s.Reference(), url: s.SpecURL()}
}

// preferText returns "; prefer 400 Bad Request or 501 Not Implemented", or
// "" when there is nothing to prefer.
func preferText(cs []httpref.Code) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return "; prefer " + strings.Join(parts, " or ")
}

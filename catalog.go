package httpref

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"log/slog"
)

//go:generate go run ./gen

// entry is one catalog record. The generated table entries holds them; list
// fields are spans into the generated arrays texts, codeLists and
// variantList.
type entry struct {
	code           Code
	class          Class
	lifecycle      Lifecycle
	recommendation Recommendation
	vendor         Vendor
	text           string // "404 Not Found": the code, a space, the phrase
	summary        string
	details        string
	source         string
	reference      string
	specURL        string
	goConstant     string
	producers      Producer
	aliases        span
	situations     span
	checks         span
	avoidWhen      span
	related        span
	referencedBy   span
	prefer         span
	variants       span
}

// span addresses n consecutive elements of a generated array from off.
type span struct{ off, n uint16 }

func (s span) texts() []string {
	if s.n == 0 {
		return nil
	}
	return append([]string(nil), texts[s.off:s.off+s.n]...)
}

func (s span) codes() []Code {
	if s.n == 0 {
		return nil
	}
	return append([]Code(nil), codeLists[s.off:s.off+s.n]...)
}

// Variant is another meaning that a vendor or platform gives to a code,
// such as 499 "Token Required" in Esri ArcGIS.
type Variant struct {
	Vendor string // the vendor or platform, such as "Esri ArcGIS"
	Phrase string // what the code means there
}

// Status is one entry of the catalog: a status code with everything the
// reference knows about it. It is a small immutable value, comparable with
// ==; the zero Status means "no status" and all its methods return empty
// results. Slices returned by its methods are fresh copies.
type Status struct {
	e *entry
}

// noEntry is the entry behind the zero Status: every field empty, so that
// Status methods need no nil checks of their own.
var noEntry entry

// entry returns the entry behind s, or noEntry for the zero Status.
func (s Status) entry() *entry {
	if s.e == nil {
		return &noEntry
	}
	return s.e
}

// Lookup returns the catalog entry for code. It reports false, with the
// zero Status, for codes the catalog does not have. It allocates nothing.
func Lookup(code int) (Status, bool) {
	if code < 100 || code > 599 {
		return Status{}, false
	}
	i := codeIndex[code-100]
	if i == 0 {
		return Status{}, false
	}
	return Status{&entries[i-1]}, true
}

// All returns an iterator over the whole catalog in code order.
func All() iter.Seq[Status] {
	return func(yield func(Status) bool) {
		for i := range entries {
			if !yield(Status{&entries[i]}) {
				return
			}
		}
	}
}

// Len returns the number of statuses in the catalog.
func Len() int { return len(entries) }

// IsValid reports whether s is a catalog entry rather than the zero Status.
func (s Status) IsValid() bool { return s.e != nil }

// Code returns the status code, or 0 for the zero Status.
func (s Status) Code() Code {
	return s.entry().code
}

// String returns the code and phrase, such as "404 Not Found", or "" for
// the zero Status.
func (s Status) String() string {
	return s.entry().text
}

// Phrase returns the reason phrase, such as "Not Found".
func (s Status) Phrase() string {
	if t := s.entry().text; len(t) > 4 {
		return t[4:]
	}
	return ""
}

// Summary returns a one-sentence description.
func (s Status) Summary() string {
	return s.entry().summary
}

// Details returns the longer explanation: meaning, purpose and typical
// use.
func (s Status) Details() string {
	return s.entry().details
}

// Class returns the class of the code.
func (s Status) Class() Class {
	return s.entry().class
}

// Lifecycle returns where the code stands in standardization.
func (s Status) Lifecycle() Lifecycle {
	return s.entry().lifecycle
}

// Recommendation returns whether a public API should use the code.
func (s Status) Recommendation() Recommendation {
	return s.entry().recommendation
}

// Vendor returns who defines the code: IETF for RFCs and drafts, or the
// vendor or convention of a non-standard code.
func (s Status) Vendor() Vendor {
	return s.entry().vendor
}

// Source returns the defining document or vendor as the reference page
// names it, such as "RFC 9110" or "Cloudflare".
func (s Status) Source() string {
	return s.entry().source
}

// Reference returns the precise reference, such as
// "RFC 9110, Section 15.5.5" for registered codes, or "" when there is none.
func (s Status) Reference() string {
	return s.entry().reference
}

// SpecURL returns a link to the defining document (for registered codes,
// the RFC section), or "" when there is none.
func (s Status) SpecURL() string {
	return s.entry().specURL
}

// GoConstant returns the net/http constant for the code, such as
// "http.StatusNotFound", or "" when net/http defines none.
func (s Status) GoConstant() string {
	return s.entry().goConstant
}

// Aliases returns other phrases in real use for the code: former RFC
// names, net/http's StatusText where it differs, and common variants.
func (s Status) Aliases() []string {
	return s.entry().aliases.texts()
}

// Prefer returns the standard codes a public API should use instead of a
// non-standard, deprecated or reserved code. It is nil for standard codes.
func (s Status) Prefer() []Code {
	return s.entry().prefer.codes()
}

// Variants returns the other meanings that vendors give to the code.
func (s Status) Variants() []Variant {
	v := s.entry().variants
	if v.n == 0 {
		return nil
	}
	return append([]Variant(nil), variantList[v.off:v.off+v.n]...)
}

// Situations returns common situations in which the code appears.
func (s Status) Situations() []string {
	return s.entry().situations.texts()
}

// Checks returns what to check when the code shows up.
func (s Status) Checks() []string {
	return s.entry().checks.texts()
}

// AvoidWhen returns the situations in which the code should not be used.
func (s Status) AvoidWhen() []string {
	return s.entry().avoidWhen.texts()
}

// Related returns the codes to compare with this one (the outgoing edges of
// the related-code graph), in the reference's order.
func (s Status) Related() []Code {
	return s.entry().related.codes()
}

// ReferencedBy returns the codes whose Related lists name this one (the
// incoming edges of the related-code graph), in code order.
func (s Status) ReferencedBy() []Code {
	return s.entry().referencedBy.codes()
}

// LogValue implements slog.LogValuer: a status logs as a group of its
// code, phrase and class.
func (s Status) LogValue() slog.Value { return s.Code().LogValue() }

// statusJSON is the JSON form of a Status; the field order and the
// snake_case keys are part of the API.
type statusJSON struct {
	Code           Code           `json:"code"`
	Phrase         string         `json:"phrase"`
	Summary        string         `json:"summary"`
	Details        string         `json:"details"`
	Class          Class          `json:"class"`
	Lifecycle      Lifecycle      `json:"lifecycle"`
	Recommendation Recommendation `json:"recommendation"`
	Source         string         `json:"source"`
	Vendor         Vendor         `json:"vendor"`
	Reference      string         `json:"reference,omitempty"`
	SpecURL        string         `json:"spec_url,omitempty"`
	GoConstant     string         `json:"go_constant,omitempty"`
	ProducedBy     Producer       `json:"produced_by"`
	CacheableByDef bool           `json:"cacheable_by_default"`
	ContentAllowed bool           `json:"content_allowed"`
	Retry          RetryPolicy    `json:"retry"`
	Aliases        []string       `json:"aliases"`
	Prefer         []Code         `json:"prefer"`
	Variants       []variantJSON  `json:"variants"`
	Situations     []string       `json:"situations"`
	Checks         []string       `json:"checks"`
	AvoidWhen      []string       `json:"avoid_when"`
	Related        []Code         `json:"related"`
	ReferencedBy   []Code         `json:"referenced_by"`
}

type variantJSON struct {
	Vendor string `json:"vendor"`
	Phrase string `json:"phrase"`
}

// MarshalJSON implements json.Marshaler with stable snake_case keys; codes
// are numbers and lists are always arrays (never null). The zero Status
// encodes as null.
func (s Status) MarshalJSON() ([]byte, error) {
	e := s.e
	if e == nil {
		return []byte("null"), nil
	}
	vs := make([]variantJSON, 0, e.variants.n)
	for _, v := range s.Variants() {
		vs = append(vs, variantJSON(v))
	}
	return json.Marshal(statusJSON{
		Code: e.code, Phrase: s.Phrase(), Summary: e.summary, Details: e.details,
		Class: e.class, Lifecycle: e.lifecycle, Recommendation: e.recommendation,
		Source: e.source, Vendor: e.vendor, Reference: e.reference, SpecURL: e.specURL,
		GoConstant: e.goConstant, ProducedBy: e.producers, CacheableByDef: s.CacheableByDefault(),
		ContentAllowed: s.ContentAllowed(), Retry: s.RetryPolicy(), Aliases: nonNil(s.Aliases()), Prefer: nonNil(s.Prefer()), Variants: vs,
		Situations: nonNil(s.Situations()), Checks: nonNil(s.Checks()), AvoidWhen: nonNil(s.AvoidWhen()),
		Related: nonNil(s.Related()), ReferencedBy: nonNil(s.ReferencedBy()),
	})
}

// UnmarshalJSON implements json.Unmarshaler. A Status decodes by its code:
// the object's "code" member (a number or a string such as "404") selects
// the catalog entry, and the other members are not read, since the catalog
// is the authority on them. null gives the zero Status; a code the catalog
// does not have is an error.
func (s *Status) UnmarshalJSON(b []byte) error {
	c, null, err := codeMember(b, "a Status")
	if err != nil {
		return err
	}
	if null {
		*s = Status{}
		return nil
	}
	st, ok := Lookup(int(c))
	if !ok {
		return fmt.Errorf("httpref: the catalog has no status %d", int(c))
	}
	*s = st
	return nil
}

// codeMember reads the "code" member of a JSON object, a number or a
// string such as "404", for the UnmarshalJSON methods of the types that
// decode by their code; what names the type in the error when the member
// is missing. null reports a JSON null, which has no code and no error.
func codeMember(b []byte, what string) (c Code, null bool, err error) {
	if string(bytes.TrimSpace(b)) == "null" {
		return 0, true, nil
	}
	var j struct {
		Code *Code `json:"code"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return 0, false, err
	}
	if j.Code == nil {
		return 0, false, fmt.Errorf("httpref: %s in JSON needs a \"code\" member", what)
	}
	return *j.Code, false, nil
}

// nonNil returns v, or an empty slice when v is nil, so that JSON writes
// an array.
func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// position returns the index in entries of a catalog code, or -1.
func position(c Code) int {
	if c < 100 || c > 599 {
		return -1
	}
	return int(codeIndex[c-100]) - 1
}

// Walk returns an iterator over the related-code graph from the status
// with code from, breadth first along Related (outgoing) edges. It yields
// each reachable status once with its distance: from itself at 0, its
// related codes at 1, and so on up to depth; a negative depth means no
// limit. The order is deterministic: by distance, then in the order of
// the Related lists. An unknown code yields nothing.
func Walk(from, depth int) iter.Seq2[Status, int] {
	return func(yield func(Status, int) bool) {
		start := position(Code(from))
		if start < 0 {
			return
		}
		var (
			seen  [catalogSize]bool
			queue [catalogSize]uint8
			dist  [catalogSize]int
		)
		seen[start] = true
		queue[0] = uint8(start)
		for head, tail := 0, 1; head < tail; head++ {
			i := queue[head]
			if !yield(Status{&entries[i]}, dist[i]) {
				return
			}
			if depth >= 0 && dist[i] >= depth {
				continue
			}
			r := entries[i].related
			for _, c := range codeLists[r.off : r.off+r.n] {
				j := position(c)
				if !seen[j] {
					seen[j] = true
					dist[j] = dist[i] + 1
					queue[tail] = uint8(j)
					tail++
				}
			}
		}
	}
}

// Path returns a shortest chain of codes from one status to another along
// Related edges, both ends included, or nil when either code is unknown or
// to cannot be reached from from. Among chains of equal length it returns
// the first in Walk order.
func Path(from, to int) []Code {
	start, goal := position(Code(from)), position(Code(to))
	if start < 0 || goal < 0 {
		return nil
	}
	var (
		prev  [catalogSize]int16
		queue [catalogSize]uint8
	)
	for i := range prev {
		prev[i] = -1
	}
	prev[start] = int16(start)
	queue[0] = uint8(start)
	for head, tail := 0, 1; head < tail && prev[goal] < 0; head++ {
		i := queue[head]
		r := entries[i].related
		for _, c := range codeLists[r.off : r.off+r.n] {
			if j := position(c); prev[j] < 0 {
				prev[j] = int16(i)
				queue[tail] = uint8(j)
				tail++
			}
		}
	}
	if prev[goal] < 0 {
		return nil
	}
	n := 1
	for i := goal; i != start; i = int(prev[i]) {
		n++
	}
	path := make([]Code, n)
	for i, k := goal, n-1; k >= 0; i, k = int(prev[i]), k-1 {
		path[k] = entries[i].code
	}
	return path
}

// Package table reads the reviewed source table of the catalog
// (gen/catalog.json), validates it strictly and renders it as the Go source
// of catalog_gen.go.
//
// The generator command in gen/ and the root package's tests share this
// package, so the drift test regenerates exactly what `go generate` writes.
package table

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/strictjson"
)

// Table is the decoded source table.
type Table struct {
	// Entries holds one record per status code, in any order.
	Entries []Entry `json:"entries"`
	// Synonyms lists groups of words that search treats as equivalent.
	Synonyms [][]string `json:"synonyms"`
	// Concepts map the ways people ask about a situation to the codes
	// that answer it.
	Concepts []Concept `json:"concepts"`
}

// Concept is one situation as people ask about it: the words they use
// ("already taken", "duplicate entry") and the codes that answer it, the
// best first.
//
// A whole concept's asks count as whole asks, and of their words only the
// numbers go into the asks field (see AskField). A product's numbered
// errors are such asks ("error 1102", Cloudflare's Worker exceeded
// resource limits): the number alone still points at its code ("a 1020
// cloudflare error"), but as words of the field the "error" of a score of
// them would pull their codes for every text that says error.
type Concept struct {
	Asks  []string `json:"asks"`
	Codes []int    `json:"codes"`
	Whole bool     `json:"whole,omitempty"`
}

// MaxConceptTerms is the most terms an ask may have.
const MaxConceptTerms = 6

// Entry is one status code as written in the source table. Enumerated
// fields hold the spelling used by the reference page (see Classes,
// Lifecycles, Recommendations and Vendors).
type Entry struct {
	Code           int       `json:"code"`
	Phrase         string    `json:"phrase"`
	Summary        string    `json:"summary"`
	Details        string    `json:"details"`
	Class          string    `json:"class"`
	Lifecycle      string    `json:"lifecycle"`
	Recommendation string    `json:"recommendation"`
	Source         string    `json:"source"`
	Vendor         string    `json:"vendor"`
	SpecRef        string    `json:"spec_ref"`
	SpecURL        string    `json:"spec_url"`
	GoConstant     string    `json:"go_constant"`
	ProducedBy     []string  `json:"produced_by"`
	Aliases        []string  `json:"aliases"`
	Prefer         []int     `json:"prefer"`
	Variants       []Variant `json:"variants"`
	Related        []int     `json:"related"`
	Situations     []string  `json:"situations"`
	Checks         []string  `json:"checks"`
	AvoidWhen      []string  `json:"avoid_when"`
}

// Variant is another meaning that a vendor or platform gives to a code.
type Variant struct {
	Vendor string `json:"vendor"`
	Phrase string `json:"phrase"`
}

// Value pairs an enumerated value's spelling in the table with the name of
// the Go constant that the generated code uses for it.
type Value struct {
	Table, Ident string
}

// The enumerations, in the order of their Go constants (starting at 1; 0 is
// the unknown value of each type).
var (
	Classes = []Value{
		{"Informational", "Informational"},
		{"Success", "Success"},
		{"Redirection", "Redirection"},
		{"Client error", "ClientError"},
		{"Server error", "ServerError"},
	}
	Lifecycles = []Value{
		{"Standard", "Standard"},
		{"Deprecated", "Deprecated"},
		{"Temporary", "Temporary"},
		{"Reserved", "Reserved"},
		{"Non-standard", "NonStandard"},
	}
	Recommendations = []Value{
		{"Recommended", "Recommended"},
		{"Use with care", "UseWithCare"},
		{"Not recommended", "NotRecommended"},
	}
	Vendors = []Value{
		{"IETF", "IETF"},
		{"Nginx", "Nginx"},
		{"Cloudflare", "Cloudflare"},
		{"AWS ELB", "AWSELB"},
		{"Microsoft IIS", "MicrosoftIIS"},
		{"Laravel", "Laravel"},
		{"Twitter", "Twitter"},
		{"Esri ArcGIS", "EsriArcGIS"},
		{"Apache/cPanel", "ApacheCPanel"},
		{"Proxy/gateway convention", "ProxyConvention"},
		{"Shopify", "Shopify"},
		{"Qualys SSL Labs", "QualysSSLLabs"},
		{"Paddle", "Paddle"},
	}
)

// Producers are the layers that produce codes, in the order of the bits
// of httpref.Producer; "logs_only" marks a code that is written to logs
// and never sent to a client.
var Producers = []Value{
	{"origin", "ProducerOrigin"},
	{"framework", "ProducerFramework"},
	{"web_server", "ProducerWebServer"},
	{"reverse_proxy", "ProducerReverseProxy"},
	{"cdn", "ProducerCDN"},
	{"load_balancer", "ProducerLoadBalancer"},
	{"platform", "ProducerPlatform"},
	{"client", "ProducerClient"},
	{"logs_only", "ProducerLogsOnly"},
}

// Ident returns the Go constant for the table spelling s, or "" when s is
// not one of vals.
func Ident(vals []Value, s string) string {
	for _, v := range vals {
		if v.Table == s {
			return v.Ident
		}
	}
	return ""
}

// Error reports a problem with one entry of the source table.
type Error struct {
	Index int    // position of the entry in the table, from 0
	Code  int    // the entry's code, 0 if it could not be read
	Field string // the JSON name of the field at fault, "" for the whole entry
	Msg   string
}

// Error formats the problem as "entry 404 (#28), field \"related\": ...".
func (e *Error) Error() string {
	where := fmt.Sprintf("entry #%d", e.Index)
	if e.Code != 0 {
		where = fmt.Sprintf("entry %d (#%d)", e.Code, e.Index)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s, field %q: %s", where, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", where, e.Msg)
}

// Parse decodes and validates a source table. Unknown fields are errors, and
// so is every inconsistency that Validate finds. The returned entries are
// sorted by code.
func Parse(src []byte) (*Table, error) {
	t := &Table{}
	if err := strictjson.Decode(src, t); err != nil {
		return nil, withEntry(src, err)
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	slices.SortFunc(t.Entries, func(a, b Entry) int { return a.Code - b.Code })
	return t, nil
}

// withEntry names the entry around a decoding error, by its position and,
// when that much of it decodes, its code: "entry 404 (#28): line 812,
// column 7 (entries[28].Phrase): key "Phrase" is spelled "phrase"".
func withEntry(src []byte, err error) error {
	var se *strictjson.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("source table: %w", err)
	}
	var i int
	if n, _ := fmt.Sscanf(se.Path, "entries[%d]", &i); n != 1 {
		return fmt.Errorf("source table: %w", err)
	}
	var peek struct {
		Entries []json.RawMessage `json:"entries"`
	}
	code := 0
	if json.Unmarshal(src, &peek) == nil && i < len(peek.Entries) {
		var e struct {
			Code int `json:"code"`
		}
		if json.Unmarshal(peek.Entries[i], &e) == nil {
			code = e.Code
		}
	}
	return &Error{Index: i, Code: code, Msg: err.Error()}
}

var (
	goConstRE = regexp.MustCompile(`^http\.Status[A-Z][A-Za-z]*$`)
	mixRE     = regexp.MustCompile(`^Do not mix (\d{3}) with ([^;]*);`)
	codeRE    = regexp.MustCompile(`\d{3}`)
)

// Validate checks every entry and the relations between entries. It reports
// the first problem found, naming the entry and the field.
func (t *Table) Validate() error {
	if len(t.Entries) == 0 {
		return errors.New("source table: no entries")
	}
	lifecycle := map[int]string{}
	pos := map[int]int{}
	for i, e := range t.Entries {
		bad := func(field, format string, args ...any) error {
			return &Error{Index: i, Code: e.Code, Field: field, Msg: fmt.Sprintf(format, args...)}
		}
		if e.Code < 100 || e.Code > 599 {
			return bad("code", "%d is outside 100-599", e.Code)
		}
		if j, dup := pos[e.Code]; dup {
			return bad("code", "duplicate code (also entry #%d)", j)
		}
		pos[e.Code] = i
		lifecycle[e.Code] = e.Lifecycle
	}
	for i, e := range t.Entries {
		bad := func(field, format string, args ...any) error {
			return &Error{Index: i, Code: e.Code, Field: field, Msg: fmt.Sprintf(format, args...)}
		}
		for _, f := range []struct{ name, val string }{
			{"phrase", e.Phrase}, {"summary", e.Summary}, {"details", e.Details},
			{"class", e.Class}, {"lifecycle", e.Lifecycle}, {"recommendation", e.Recommendation},
			{"source", e.Source}, {"vendor", e.Vendor},
		} {
			if f.val == "" {
				return bad(f.name, "required field is empty")
			}
		}
		for _, f := range []struct {
			name string
			vals []Value
			val  string
		}{
			{"class", Classes, e.Class}, {"lifecycle", Lifecycles, e.Lifecycle},
			{"recommendation", Recommendations, e.Recommendation}, {"vendor", Vendors, e.Vendor},
		} {
			if Ident(f.vals, f.val) == "" {
				return bad(f.name, "unknown value %q (want one of %s)", f.val, spellings(f.vals))
			}
		}
		if !isSentence(e.Summary) {
			return bad("summary", "%q is not a sentence (capital first letter, final punctuation)", clip(e.Summary))
		}
		if want := Classes[e.Code/100-1].Table; e.Class != want {
			return bad("class", "%q disagrees with the first digit of the code (want %q)", e.Class, want)
		}
		for _, f := range []struct {
			name string
			vals []string
		}{
			{"phrase", []string{e.Phrase}}, {"summary", []string{e.Summary}}, {"details", []string{e.Details}},
			{"source", []string{e.Source}}, {"spec_ref", []string{e.SpecRef}},
			{"aliases", e.Aliases}, {"situations", e.Situations}, {"checks", e.Checks}, {"avoid_when", e.AvoidWhen},
		} {
			seen := map[string]bool{}
			for _, s := range f.vals {
				if err := checkText(s); err != nil {
					return bad(f.name, "%q: %v", clip(s), err)
				}
				if n := maxLen[f.name]; n > 0 && len(s) > n {
					return bad(f.name, "%d bytes; the limit is %d", len(s), n)
				}
				if seen[strings.ToLower(s)] {
					return bad(f.name, "%q is listed twice", clip(s))
				}
				seen[strings.ToLower(s)] = true
			}
		}
		for _, name := range []struct {
			field string
			list  []string
		}{{"situations", e.Situations}, {"checks", e.Checks}, {"avoid_when", e.AvoidWhen}} {
			if len(name.list) == 0 {
				return bad(name.field, "required list is empty")
			}
			for _, s := range name.list {
				if s == "" {
					return bad(name.field, "empty item")
				}
				if !isSentence(s) {
					return bad(name.field, "%q is not a sentence (capital first letter, final punctuation)", clip(s))
				}
			}
		}
		for _, a := range e.Aliases {
			if a == "" {
				return bad("aliases", "empty alias")
			}
			if strings.EqualFold(a, e.Phrase) {
				return bad("aliases", "alias %q repeats the phrase", a)
			}
		}
		for _, a := range e.AvoidWhen {
			if m := mixRE.FindStringSubmatch(a); m != nil {
				if m[1] != fmt.Sprint(e.Code) {
					return bad("avoid_when", "note about %s does not belong to this entry", m[1])
				}
				if slices.Contains(codeRE.FindAllString(m[2], -1), m[1]) {
					return bad("avoid_when", "lists %d among the codes it must not be mixed with", e.Code)
				}
			}
		}
		if len(e.ProducedBy) == 0 {
			return bad("produced_by", "required list is empty (want some of %s)", spellings(Producers))
		}
		for j, p := range e.ProducedBy {
			if Ident(Producers, p) == "" {
				return bad("produced_by", "unknown value %q (want one of %s)", clip(p), spellings(Producers))
			}
			if slices.Contains(e.ProducedBy[:j], p) {
				return bad("produced_by", "%q is listed twice", p)
			}
		}
		if slices.Contains(e.ProducedBy, "logs_only") && len(e.ProducedBy) == 1 {
			return bad("produced_by", "logs_only needs the layer that writes the log")
		}
		if err := checkCodes(e.Code, e.Related, pos); err != nil {
			return bad("related", "%v", err)
		}
		if len(e.Related) == 0 {
			return bad("related", "required list is empty")
		}
		if err := checkCodes(e.Code, e.Prefer, pos); err != nil {
			return bad("prefer", "%v", err)
		}
		for _, p := range e.Prefer {
			if lifecycle[p] != "Standard" {
				return bad("prefer", "%d is %s, not a standard code", p, lifecycle[p])
			}
		}
		switch e.Lifecycle {
		case "Non-standard", "Deprecated", "Reserved":
			if len(e.Prefer) == 0 {
				return bad("prefer", "a %s code needs the standard code(s) to use instead", strings.ToLower(e.Lifecycle))
			}
		case "Standard":
			if len(e.Prefer) != 0 {
				return bad("prefer", "a standard code has no preferred alternative")
			}
		}
		if (e.Vendor == "IETF") == (e.Lifecycle == "Non-standard") {
			return bad("vendor", "vendor %q does not fit lifecycle %q (only non-standard codes come from vendors)", e.Vendor, e.Lifecycle)
		}
		if e.SpecRef == "" || e.SpecURL == "" {
			return bad("spec_url", "every entry needs spec_ref and spec_url: the RFC section, or the vendor's own documentation or source")
		}
		if (e.SpecRef == "") != (e.SpecURL == "") {
			return bad("spec_url", "spec_ref and spec_url go together")
		}
		if e.SpecURL != "" {
			if err := checkURL(e.SpecURL); err != nil {
				return bad("spec_url", "%q: %v", clip(e.SpecURL), err)
			}
			if len(e.SpecURL) > maxLen["spec_url"] {
				return bad("spec_url", "%d bytes; the limit is %d", len(e.SpecURL), maxLen["spec_url"])
			}
		}
		if e.GoConstant != "" && !goConstRE.MatchString(e.GoConstant) {
			return bad("go_constant", "%q is not a net/http constant name (http.StatusXxx)", clip(e.GoConstant))
		}
		for _, v := range e.Variants {
			if v.Vendor == "" || v.Phrase == "" {
				return bad("variants", "a variant needs both vendor and phrase")
			}
			if checkText(v.Vendor) != nil || checkText(v.Phrase) != nil {
				return bad("variants", "variant %q / %q has stray whitespace or bad text", clip(v.Vendor), clip(v.Phrase))
			}
			if len(v.Vendor) > maxLen["variants"] || len(v.Phrase) > maxLen["variants"] {
				return bad("variants", "a variant's vendor and phrase are at most %d bytes each", maxLen["variants"])
			}
		}
	}
	if err := checkGoConstants(t.Entries); err != nil {
		return err
	}
	asks := map[string]int{}
	for i, c := range t.Concepts {
		if len(c.Asks) == 0 {
			return fmt.Errorf("source table: concept #%d: no asks", i)
		}
		if len(c.Codes) == 0 || len(c.Codes) > 3 {
			return fmt.Errorf("source table: concept #%d (%q): want 1 to 3 codes, have %d", i, c.Asks[0], len(c.Codes))
		}
		for k, code := range c.Codes {
			if _, ok := pos[code]; !ok {
				return fmt.Errorf("source table: concept #%d (%q): codes[%d]: %d is not in the catalog", i, c.Asks[0], k, code)
			}
			if slices.Contains(c.Codes[:k], code) {
				return fmt.Errorf("source table: concept #%d (%q): codes[%d]: %d is listed twice", i, c.Asks[0], k, code)
			}
		}
		for _, a := range c.Asks {
			if err := checkText(a); err != nil || a == "" || len(a) > 60 {
				return fmt.Errorf("source table: concept #%d: bad ask %q", i, a)
			}
			ts := terms(a)
			if len(ts) == 0 || len(ts) > MaxConceptTerms {
				return fmt.Errorf("source table: concept #%d: ask %q has %d search terms; want 1 to %d", i, a, len(ts), MaxConceptTerms)
			}
			if len(ts) == 1 && len(strings.Fields(a)) > 1 {
				return fmt.Errorf("source table: concept #%d: ask %q keeps one search term (%q) once tokenized: its other words are stop words, so any text with that word would match; give the situation two words that count", i, a, ts[0])
			}
			key := strings.Join(ts, " ")
			if j, dup := asks[key]; dup {
				return fmt.Errorf("source table: concept #%d: ask %q is the same as one of concept #%d once tokenized (%q)", i, a, j, key)
			}
			asks[key] = i
		}
	}
	for i, g := range t.Synonyms {
		if len(g) < 2 {
			return fmt.Errorf("source table: synonym group #%d: needs at least two terms", i)
		}
		for _, s := range g {
			if checkText(s) != nil || s == "" {
				return fmt.Errorf("source table: synonym group #%d: bad term %q", i, s)
			}
		}
	}
	return nil
}

// isSentence reports whether s starts with a capital letter or a digit and
// ends with a period, question mark or closing parenthesis, as the
// summaries and list items of the table must.
func isSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && (unicode.IsUpper(r) || unicode.IsDigit(r)) && strings.ContainsAny(s[len(s)-1:], ".?)")
}

func checkCodes(self int, codes []int, pos map[int]int) error {
	seen := map[int]bool{}
	for _, c := range codes {
		switch {
		case c == self:
			return fmt.Errorf("points at the entry itself")
		case seen[c]:
			return fmt.Errorf("%d is listed twice", c)
		}
		if _, ok := pos[c]; !ok {
			return fmt.Errorf("%d is not in the table", c)
		}
		seen[c] = true
	}
	return nil
}

// checkText checks a text field, all of which are one line: valid UTF-8,
// no leading or trailing space, and no control, invisible (format) or
// bidirectional characters, which would hide or reorder what readers see.
func checkText(s string) error {
	switch {
	case !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError):
		// encoding/json turns invalid UTF-8 into U+FFFD, so look for both.
		return errors.New("invalid UTF-8 (or U+FFFD)")
	case strings.TrimSpace(s) != s:
		return errors.New("leading or trailing white space")
	}
	for i, r := range s {
		switch {
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return fmt.Errorf("control character %U at byte %d (texts are one line)", r, i)
		case unicode.Is(unicode.Bidi_Control, r):
			return fmt.Errorf("bidirectional control character %U at byte %d", r, i)
		case unicode.Is(unicode.Cf, r):
			return fmt.Errorf("invisible character %U at byte %d", r, i)
		}
	}
	return nil
}

// maxLen holds the longest a field may be, in bytes: a little over twice
// the longest in the table when the limits were set, so that a pasted
// page fails and an honest edit passes.
var maxLen = map[string]int{
	"phrase": 80, "aliases": 80, "summary": 300, "details": 2000, "situations": 400, "checks": 400,
	"avoid_when": 400, "source": 80, "spec_ref": 120, "spec_url": 400, "go_constant": 60, "variants": 100,
}

// checkURL requires an absolute https URL with a host name and a path.
func checkURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return err
	case u.Scheme != "https":
		return errors.New("not an https link")
	case u.Host == "" || !strings.Contains(u.Hostname(), ".") || u.User != nil:
		return errors.New("no host name")
	case u.Path == "" || u.Path == "/":
		return errors.New("no path: link the page or file itself")
	case strings.ContainsAny(s, " <>\"{}|\\^`"):
		return errors.New("characters that must be percent-encoded")
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func spellings(vals []Value) string {
	var names []string
	for _, v := range vals {
		names = append(names, fmt.Sprintf("%q", v.Table))
	}
	return strings.Join(names, ", ")
}

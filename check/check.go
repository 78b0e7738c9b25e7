// Package check lints HTTP responses against the specifications and the
// httpref catalog: a status a client cannot rely on, a header field a
// status needs and lacks, a body where none may be, a failure reported as
// a success.
//
// # Tour
//
// Check one exchange, given as plain values:
//
//	for _, f := range check.Run(check.Exchange{Method: "POST", Status: 201}, nil) {
//		fmt.Println(f) // warning created-missing-location: 201 Created without ...
//	}
//
// Check a response a client received; the body stays readable:
//
//	resp, err := http.Get(url)
//	findings := check.Response(nil, resp, nil)
//
// Check every response a server sends, without changing what clients
// receive:
//
//	handler = check.Middleware(report, nil)(handler)
//
// Options turn rules off, drop findings below a severity and bound how
// much of a body the checks read. Rules lists every rule with the BCP 14
// keyword it stands on. Package checktest fails a test on error findings.
package check

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/httpref/httpref"
)

// Severity is how serious a Finding is, in the terms of BCP 14 (RFC 2119,
// RFC 8174): an error breaks a MUST or MUST NOT, a warning a SHOULD or
// SHOULD NOT, and an info is a MAY or a heuristic. The zero value,
// SeverityUnknown, is not the severity of any rule.
type Severity uint8

// The severities, least serious first.
const (
	SeverityUnknown Severity = iota // not a severity; prints "unknown"
	SeverityInfo                    // a MAY of the specification, or a heuristic
	SeverityWarning                 // against a SHOULD or SHOULD NOT
	SeverityError                   // against a MUST or MUST NOT
)

var severityNames = [...]string{"unknown", "info", "warning", "error"}

// Severities returns the known severities, least serious first.
func Severities() []Severity { return []Severity{SeverityInfo, SeverityWarning, SeverityError} }

// String returns the severity's name: "info", "warning", "error", or
// "unknown" for the zero value.
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String
// form, and an error for values without a name.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("check: invalid severity %d", s)
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly
// the String forms "unknown", "info", "warning" and "error", in any case.
func (s *Severity) UnmarshalText(text []byte) error {
	for i, n := range severityNames {
		if strings.EqualFold(string(text), n) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("check: unknown severity %q (want one of %s)", clip(string(text)), strings.Join(severityNames[:], ", "))
}

// Exchange is one request and its response as plain values, the input of
// Run. Only Status is required; leave Method empty when the request is
// unknown, and the rules about the request are skipped.
type Exchange struct {
	Method        string      // the request method, such as "POST"; "" when unknown
	Path          string      // the request's URL path, such as "/users/7"; "" when unknown
	RequestHeader http.Header // the request header fields
	Status        int         // the response status code
	Header        http.Header // the response header fields
	BodySent      bool        // whether the response carried a body; also true when Body is non-empty
	BodySize      int64       // the body's full length in bytes when known; 0 means unknown (or none, see BodySent)
	ContentType   string      // the body's media type; "" means the Content-Type response header
	Body          []byte      // the first bytes of the response body (enough for a JSON object's first members)

	sniff bool      // whether a body without Content-Type goes out with a sniffed one, as from net/http
	mt    string    // the media type, once Run has read it
	mtSet bool      //
	mc    mediaKind // the kind of mt
}

// mediaKind sorts the media types the rules tell apart, so that each rule
// compares a small integer rather than strings.
type mediaKind uint8

const (
	mediaNone       mediaKind = iota // no Content-Type
	mediaOther                       // any type the rules do not single out
	mediaJSON                        // application/json and other +json types
	mediaProblem                     // application/problem+json (RFC 9457)
	mediaGraphQL                     // application/graphql-response+json
	mediaHTML                        // text/html
	mediaPlain                       // text/plain
	mediaByteranges                  // multipart/byteranges
)

func (k mediaKind) isJSON() bool { return k == mediaJSON || k == mediaProblem || k == mediaGraphQL }

// kindOfMedia sorts a media type.
func kindOfMedia(mt string) mediaKind {
	switch {
	case mt == "":
		return mediaNone
	case strings.EqualFold(mt, "application/json"):
		return mediaJSON
	case strings.EqualFold(mt, "application/problem+json"):
		return mediaProblem
	case strings.EqualFold(mt, "application/graphql-response+json"):
		return mediaGraphQL
	case isJSONType(mt):
		return mediaJSON
	case strings.EqualFold(mt, "text/html"):
		return mediaHTML
	case strings.EqualFold(mt, "text/plain"):
		return mediaPlain
	case strings.EqualFold(mt, "multipart/byteranges"):
		return mediaByteranges
	}
	return mediaOther
}

// media returns the kind of the body's media type.
func (ex *Exchange) media() mediaKind {
	if !ex.mtSet {
		ex.mt, ex.mtSet = ex.mediaType(), true
		ex.mc = kindOfMedia(ex.mt)
	}
	return ex.mc
}

func (ex *Exchange) hasBody() bool { return ex.BodySent || len(ex.Body) > 0 }

func (ex *Exchange) method() string { return strings.ToUpper(ex.Method) }

func (ex *Exchange) requestKnown() bool { return ex.Method != "" }

// mediaType returns the media type of the body without parameters, as
// sent (compare it with strings.EqualFold), or "".
func (ex *Exchange) mediaType() string {
	if ex.mtSet {
		return ex.mt
	}
	ct := ex.ContentType
	if ct == "" {
		ct, _ = fieldValue(ex.Header, "Content-Type")
	}
	return mediaTypeOf(ct)
}

// isHead reports whether the request was HEAD, whose response carries no
// content whatever its header says.
func (ex *Exchange) isHead() bool { return strings.EqualFold(ex.Method, http.MethodHead) }

// contentAllowed reports whether the response can carry content: not to
// HEAD, and not 1xx, 204 or 304 (RFC 9112, Section 6.3).
func (ex *Exchange) contentAllowed() bool {
	return !ex.isHead() && (ex.Status < 100 || ex.Status > 199) && ex.Status != http.StatusNoContent &&
		ex.Status != http.StatusNotModified
}

// Finding is one problem found in an exchange: the rule that found it, how
// serious it is, the status code, a message that names the code, and the
// part of the specification it breaks.
type Finding struct {
	Rule      Rule           // the rule that found the problem
	Severity  Severity       // how serious the problem is
	Code      httpref.Code   // the response status code
	Message   string         // what is wrong, naming the code
	Reference string         // the specification section, such as "RFC 9110, Section 15.5.6"
	SpecURL   string         // a link to Reference
	Prefer    []httpref.Code // codes to use instead, when the rule suggests any
}

// String returns the finding on one line: severity, rule ID, message and
// reference.
func (f Finding) String() string {
	s := f.Severity.String() + " " + f.Rule.ID + ": " + f.Message
	if f.Reference != "" {
		s += " (" + f.Reference + ")"
	}
	return s
}

// findingJSON is the JSON form of a Finding; the field order and the
// snake_case keys are part of the API.
type findingJSON struct {
	Rule      string         `json:"rule"`
	Severity  Severity       `json:"severity"`
	Code      httpref.Code   `json:"code"`
	Message   string         `json:"message"`
	Reference string         `json:"reference"`
	SpecURL   string         `json:"spec_url"`
	Prefer    []httpref.Code `json:"prefer"`
}

// MarshalJSON implements json.Marshaler: the rule by its ID, the code as a
// number, prefer always an array.
func (f Finding) MarshalJSON() ([]byte, error) {
	j := findingJSON{
		Rule: f.Rule.ID, Severity: f.Severity, Code: f.Code, Message: f.Message,
		Reference: f.Reference, SpecURL: f.SpecURL, Prefer: f.Prefer,
	}
	if j.Prefer == nil {
		j.Prefer = []httpref.Code{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler: it reads what MarshalJSON
// writes. A rule ID that names no rule of this package is an error.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var j findingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	r, ok := RuleByID(j.Rule)
	if !ok {
		return fmt.Errorf("check: finding names unknown rule %q", clip(j.Rule))
	}
	if len(j.Prefer) == 0 {
		j.Prefer = nil
	}
	*f = Finding{Rule: r, Severity: j.Severity, Code: j.Code, Message: j.Message,
		Reference: j.Reference, SpecURL: j.SpecURL, Prefer: j.Prefer}
	return nil
}

// Rule is one check that Run applies, with a stable ID that
// Options.Disable takes, the BCP 14 keyword it stands on and the part of
// the specification it comes from.
type Rule struct {
	ID        string   // stable kebab-case ID, such as "method-not-allowed-missing-allow"
	Severity  Severity // severity of its findings, from Keyword
	Keyword   string   // the BCP 14 keyword behind it ("MUST", "SHOULD NOT", "MAY"), or "heuristic"
	Title     string   // what it checks, in a few words
	Reference string   // the main specification section; a finding may cite a more precise one
	SpecURL   string   // a link to Reference

	check   func(ex *Exchange) *hit
	codes   *statusSet // the statuses it applies to; nil means all
	field   fieldSet   // the response field it needs, if any
	media   uint16     // the media kinds it applies to, as bits; 0 means all
	outside bool       // whether it applies to the codes beyond the status sets too
}

// Rules returns all the rules that Run applies, in the order it applies
// them; the last, status-undocumented, applies only with a Contract.
func Rules() []Rule { return append(slices.Clone(allRules()), undocumented) }

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// DefaultBodyLimit is how many bytes of a response body the checks read
// when Options.BodyLimit is zero.
const DefaultBodyLimit = 4096

// Options configure Run, Response, Middleware and checktest. A nil
// *Options is the zero Options: every rule, every severity, and
// DefaultBodyLimit.
type Options struct {
	// Disable lists the IDs of rules to skip. Validate reports IDs that
	// name no rule; Run ignores them.
	Disable []string

	// MinSeverity drops findings less serious than it.
	MinSeverity Severity

	// BodyLimit is how many bytes of a response body the checks read and
	// keep: 0 means DefaultBodyLimit, a negative value none (a body is
	// still noticed, through Exchange.BodySent).
	BodyLimit int

	// ReadStreams lets Response read the start of a streaming body
	// (text/event-stream and the like), which waits for events to arrive.
	ReadStreams bool

	// Contract, when set, is an API description the responses must keep:
	// a status that the request's operation does not document is a
	// finding of the rule status-undocumented. Package
	// github.com/httpref/httpref/openapi makes one from an OpenAPI
	// document.
	Contract Contract
}

// Contract is an API description that says which statuses each operation
// documents.
type Contract interface {
	// Documents reports whether the operation that method and path match
	// documents status (exactly, by a range such as 4XX, or by a default
	// response), and names the operation for the finding; matched is
	// false when no operation matches the request.
	Documents(method, path string, status int) (documented bool, operation string, matched bool)
}

// undocumented is the rule behind contract findings. An API's
// description promises the statuses each operation returns; a response
// outside them breaks the promise clients were built on. The OpenAPI
// Specification expects the description to cover the successful response
// and every known error (Section 4.8.16 of version 3.1), so the rule
// stands on that expectation: a SHOULD.
var undocumented = Rule{
	ID: "status-undocumented", Severity: SeverityWarning, Keyword: "SHOULD",
	Title:     "status the API description does not document",
	Reference: "OpenAPI Specification 3.1.0, Section 4.8.16",
	SpecURL:   "https://spec.openapis.org/oas/v3.1.0#responses-object",
}

// Validate reports options that cannot be what the caller meant: rule IDs
// that name no rule, and a MinSeverity without a name.
func (o *Options) Validate() error {
	if o == nil {
		return nil
	}
	var errs []error
	for _, id := range o.Disable {
		if _, ok := RuleByID(id); !ok {
			errs = append(errs, fmt.Errorf("check: no rule has the ID %q", clip(id)))
		}
	}
	if int(o.MinSeverity) >= len(severityNames) {
		errs = append(errs, fmt.Errorf("check: invalid minimum severity %d", o.MinSeverity))
	}
	return errors.Join(errs...)
}

// bodyLimit returns the number of body bytes to read.
func (o *Options) bodyLimit() int {
	switch {
	case o == nil || o.BodyLimit == 0:
		return DefaultBodyLimit
	case o.BodyLimit < 0:
		return 0
	}
	return o.BodyLimit
}

func (o *Options) disabled(id string) bool { return o != nil && slices.Contains(o.Disable, id) }

func (o *Options) minSeverity() Severity {
	if o == nil {
		return SeverityUnknown
	}
	return o.MinSeverity
}

// Run applies the rules to an exchange and returns what they find, in
// rule order, or nil when all is well. It reads at most the body limit of
// ex.Body.
func Run(ex Exchange, opts *Options) []Finding { return run(&ex, opts) }

// run is Run on an exchange of the caller's, which it changes.
func run(ex *Exchange, opts *Options) []Finding {
	n := opts.bodyLimit()
	if len(ex.Body) > n {
		ex.Body = ex.Body[:n]
	}
	hs := scanHeader(ex.Header)
	if len(ex.Body) > 0 && hs.encoding != nil {
		ex.Body = decodeContent(hs.encoding, ex.Body, n)
	}
	ct := ex.ContentType
	if ct == "" {
		ct = hs.contentType
	}
	if ct == "" && ex.sniff && !hs.typeKey && len(ex.Body) > 0 {
		ct = http.DetectContentType(ex.Body)
		ex.ContentType = ct
	}
	ex.mt, ex.mtSet = mediaTypeOf(ct), true
	ex.mc = kindOfMedia(ex.mt)
	var out []Finding
	t := rulesFor()
	fields, minSev := hs.fields, opts.minSeverity()
	for _, i := range t.forStatus(ex.Status, fields) {
		r := &t.rules[i]
		if r.Severity < minSev || fields&r.field != r.field || r.media != 0 && r.media&(1<<ex.mc) == 0 || opts.disabled(r.ID) {
			continue
		}
		h := r.check(ex)
		if h == nil {
			continue
		}
		f := Finding{
			Rule: *r, Severity: r.Severity, Code: httpref.Code(ex.Status), Message: h.msg,
			Reference: r.Reference, SpecURL: r.SpecURL, Prefer: h.prefer,
		}
		if h.ref != "" {
			f.Reference, f.SpecURL = h.ref, h.url
		}
		out = append(out, f)
	}
	if opts != nil && opts.Contract != nil && ex.Method != "" && ex.Path != "" &&
		undocumented.Severity >= minSev && !opts.disabled(undocumented.ID) {
		if ok, op, matched := opts.Contract.Documents(ex.Method, ex.Path, ex.Status); matched && !ok {
			out = append(out, Finding{
				Rule: undocumented, Severity: undocumented.Severity, Code: httpref.Code(ex.Status),
				Message:   fmt.Sprintf("%s from %s, which does not document it", httpref.Code(ex.Status), op),
				Reference: undocumented.Reference, SpecURL: undocumented.SpecURL,
			})
		}
	}
	return out
}

// decodeContent undoes a gzip or deflate content coding (RFC 9110,
// Section 8.4.1) of the first bytes of a body, as far as they go and up to
// limit bytes, so that the rules reading JSON see the document. Bodies
// without a coding, or with another one, are returned as they are.
func decodeContent(codings []string, body []byte, limit int) []byte {
	if len(codings) != 1 {
		return body
	}
	var r io.Reader
	var err error
	switch strings.ToLower(trimOWS(codings[0])) {
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// HTTP's deflate is the zlib format; some servers send raw deflate.
		if r, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			r, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return body
	}
	if err != nil {
		return body
	}
	out, _ := io.ReadAll(io.LimitReader(r, int64(limit)))
	return out
}

// clip shortens input quoted in error messages to 64 bytes, keeping whole
// UTF-8 sequences.
func clip(s string) string {
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

package httpref

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Severity is how serious a Finding is. The zero value is not a valid
// severity; the levels order from SeverityInfo up to SeverityError.
type Severity uint8

// The severities, least serious first.
const (
	SeverityInfo    Severity = iota + 1 // worth knowing; often a heuristic
	SeverityWarning                     // probably wrong, or against a SHOULD of the spec
	SeverityError                       // wrong: against a MUST, or unusable for clients
)

var severityNames = [...]string{"", "info", "warning", "error"}

// String returns the severity's name: "info", "warning" or "error".
func (s Severity) String() string {
	if s != 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String
// form; the zero Severity marshals as the empty text.
func (s Severity) MarshalText() ([]byte, error) {
	return marshalEnum("severity", s.String(), int(s), len(severityNames))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case, and "warn" and "err" as short forms.
func (s *Severity) UnmarshalText(text []byte) error {
	switch enumKey(text) {
	case "warn":
		*s = SeverityWarning
		return nil
	case "err":
		*s = SeverityError
		return nil
	}
	return unmarshalEnum("severity", text, enumKey(text), severityNames[:], (*uint8)(s))
}

// Exchange is one request and its response as plain values, the input of
// Check. Only Status is required; leave Method empty when the request is
// unknown, and rules about the request are skipped.
type Exchange struct {
	Method        string      // the request method, such as "POST"; "" when unknown
	RequestHeader http.Header // the request header fields
	Status        int         // the response status code
	Header        http.Header // the response header fields
	BodySent      bool        // whether the response carried a body; also true when Body is non-empty
	ContentType   string      // the body's media type; "" means the Content-Type response header
	Body          []byte      // the first bytes of the response body (enough for a JSON object's first members)
}

func (ex *Exchange) hasBody() bool { return ex.BodySent || len(ex.Body) > 0 }

func (ex *Exchange) method() string { return strings.ToUpper(ex.Method) }

func (ex *Exchange) requestKnown() bool { return ex.Method != "" }

// mediaType returns the lower-case media type of the body without
// parameters, or "".
func (ex *Exchange) mediaType() string {
	ct := ex.ContentType
	if ct == "" {
		ct = ex.Header.Get("Content-Type")
	}
	if ct == "" {
		return ""
	}
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// Finding is one problem that Check found in an exchange: which rule, how
// serious, a message that names the status code, and the part of the
// specification behind the rule.
type Finding struct {
	Rule      string   // the rule's stable kebab-case ID, such as "method-not-allowed-missing-allow"
	Severity  Severity // how serious the problem is
	Code      Code     // the response status code
	Message   string   // what is wrong, naming the code
	Reference string   // the specification section, such as "RFC 9110, Section 15.5.6"
	URL       string   // a link to Reference
	Prefer    []Code   // codes to use instead, when the rule suggests any
}

// String returns the finding on one line: severity, rule ID, message and
// reference.
func (f Finding) String() string {
	s := f.Severity.String() + " " + f.Rule + ": " + f.Message
	if f.Reference != "" {
		s += " (" + f.Reference + ")"
	}
	return s
}

type findingJSON struct {
	Rule      string   `json:"rule"`
	Severity  Severity `json:"severity"`
	Code      int      `json:"code"`
	Message   string   `json:"message"`
	Reference string   `json:"reference"`
	URL       string   `json:"url"`
	Prefer    []int    `json:"prefer"`
}

// MarshalJSON implements json.Marshaler with stable snake_case keys; the
// code is a number and prefer is always an array.
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(findingJSON{
		Rule: f.Rule, Severity: f.Severity, Code: int(f.Code), Message: f.Message,
		Reference: f.Reference, URL: f.URL, Prefer: codeInts(f.Prefer),
	})
}

// Rule is one check that Check runs, with a stable ID that DisableRules
// takes and the part of the specification it comes from.
type Rule struct {
	ID        string   // stable kebab-case ID
	Severity  Severity // severity of its findings
	Title     string   // what it checks, in a few words
	Reference string   // the main specification section; a finding may cite a more precise one
	URL       string   // a link to Reference

	check func(ex *Exchange) (ruleHit, bool)
}

// ruleHit is what a rule's check reports; empty ref and url mean the rule's.
type ruleHit struct {
	msg      string
	ref, url string
	prefer   []Code
}

// Rules returns all the rules that Check runs, in the order it runs them.
func Rules() []Rule { return slices.Clone(allRules()) }

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	for _, r := range allRules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// CheckOption configures Check, CheckResponse, Middleware and
// httpreftest.AssertResponse.
type CheckOption func(*checkConfig)

type checkConfig struct {
	disabled    map[string]bool
	minSeverity Severity
	bodyLimit   int
}

// DefaultBodyLimit is how many bytes of a response body the checks look at
// (Check, CheckResponse, Middleware), unless BodyLimit says
// otherwise.
const DefaultBodyLimit = 4096

func newCheckConfig(opts []CheckOption) *checkConfig {
	c := &checkConfig{bodyLimit: DefaultBodyLimit}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// DisableRules turns off the rules with the given IDs. IDs that name no
// rule change nothing; validate IDs from user input with RuleByID.
func DisableRules(ids ...string) CheckOption {
	return func(c *checkConfig) {
		if c.disabled == nil {
			c.disabled = make(map[string]bool)
		}
		for _, id := range ids {
			c.disabled[id] = true
		}
	}
}

// MinSeverity drops findings less serious than s.
func MinSeverity(s Severity) CheckOption {
	return func(c *checkConfig) { c.minSeverity = s }
}

// BodyLimit sets how many bytes of a response body the checks look at:
// CheckResponse and Middleware keep no more, and Check reads no more of
// Exchange.Body. n <= 0 looks at none (a body is still noticed through
// Exchange.BodySent).
func BodyLimit(n int) CheckOption {
	return func(c *checkConfig) { c.bodyLimit = max(n, 0) }
}

// Check runs the rules over an exchange and returns what they find, in
// rule order, or nil when all is well.
func Check(ex Exchange, opts ...CheckOption) []Finding {
	return newCheckConfig(opts).check(&ex)
}

func (c *checkConfig) check(ex *Exchange) []Finding {
	if len(ex.Body) > c.bodyLimit {
		ex.Body = ex.Body[:c.bodyLimit]
	}
	var out []Finding
	rules := allRules()
	for i := range rules {
		r := &rules[i]
		if c.disabled[r.ID] {
			continue
		}
		h, ok := r.check(ex)
		if !ok {
			continue
		}
		f := Finding{
			Rule: r.ID, Severity: r.Severity, Code: Code(ex.Status), Message: h.msg,
			Reference: r.Reference, URL: r.URL, Prefer: h.prefer,
		}
		if h.ref != "" {
			f.Reference, f.URL = h.ref, h.url
		}
		if f.Severity < c.minSeverity {
			continue
		}
		out = append(out, f)
	}
	return out
}

// CheckResponse runs the rules over a client-side response to req. When
// req is nil it uses resp.Request, and when that is nil too the rules about
// the request are skipped. It reads the first bytes of resp.Body (see
// BodyLimit; this waits for them on a streaming response) and puts them
// back, so the caller can still read the whole body. A nil resp gives nil.
func CheckResponse(req *http.Request, resp *http.Response, opts ...CheckOption) []Finding {
	if resp == nil {
		return nil
	}
	c := newCheckConfig(opts)
	if req == nil {
		req = resp.Request
	}
	ex := Exchange{Status: resp.StatusCode, Header: resp.Header, BodySent: resp.ContentLength > 0}
	if req != nil {
		ex.Method, ex.RequestHeader = req.Method, req.Header
		if ex.Method == "" {
			ex.Method = http.MethodGet
		}
	}
	if resp.Body != nil && resp.Body != http.NoBody && c.bodyLimit > 0 {
		buf := make([]byte, c.bodyLimit)
		n, err := io.ReadFull(resp.Body, buf)
		ex.Body = buf[:n]
		var rest io.Reader = resp.Body
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			rest = errReader{err}
		}
		resp.Body = prefixedBody{io.MultiReader(bytes.NewReader(ex.Body), rest), resp.Body}
	}
	return c.check(&ex)
}

// prefixedBody puts read bytes back in front of a response body.
type prefixedBody struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// present reports whether h has the field, even with an empty value.
func hasField(h http.Header, key string) bool { return len(h.Values(key)) > 0 }

// rfcRef returns the reference text and rfc-editor link of a section.
func rfcRef(rfc int, section string) (string, string) {
	return fmt.Sprintf("RFC %d, Section %s", rfc, section),
		fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d#section-%s", rfc, section)
}

// rule builds a rule citing a section of an RFC.
func newRule(id string, sev Severity, title string, rfc int, section string, check func(ex *Exchange) (ruleHit, bool)) Rule {
	ref, url := rfcRef(rfc, section)
	return Rule{ID: id, Severity: sev, Title: title, Reference: ref, URL: url, check: check}
}

// found is a ruleHit with a message.
func ruleFound(format string, args ...any) (ruleHit, bool) {
	return ruleHit{msg: fmt.Sprintf(format, args...)}, true
}

// foundAt is a ruleHit that cites its own section of an RFC.
func ruleFoundAt(rfc int, section string, format string, args ...any) (ruleHit, bool) {
	ref, url := rfcRef(rfc, section)
	return ruleHit{msg: fmt.Sprintf(format, args...), ref: ref, url: url}, true
}

// missingHeader builds a rule that fires when a response with one of the
// given codes lacks the header field key.
func missingHeader(id string, sev Severity, key string, rfc int, section, why string, codes ...int) Rule {
	return newRule(id, sev, codesText(codes)+" without "+key, rfc, section,
		func(ex *Exchange) (ruleHit, bool) {
			if !slices.Contains(codes, ex.Status) || hasField(ex.Header, key) {
				return ruleHit{}, false
			}
			return ruleFound("%s with no %s header field: %s", Code(ex.Status), key, why)
		})
}

func codesText(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, "/")
}

var (
	rulesOnce sync.Once
	rulesList []Rule
)

// allRules returns the rules, built on first use so that package
// initialization allocates nothing.
func allRules() []Rule {
	rulesOnce.Do(func() { rulesList = buildRules() })
	return rulesList
}

// buildRules returns the rules, in the order Check runs them. Each rule's
// comment cites the specification section it comes from; the facts are
// those of shared/reference/headers.tsv and methods.tsv, or of the
// catalog.
func buildRules() []Rule {
	return []Rule{
		// status-out-of-range: a status code is a three-digit integer from 100
		// to 599; other values are invalid. RFC 9110, Section 15,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-out-of-range", SeverityError, "status outside 100-599", 9110, "15",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status >= 100 && ex.Status <= 599 {
					return ruleHit{}, false
				}
				return ruleFound("%d is not a valid status code: status codes are three-digit numbers from 100 to 599", ex.Status)
			}),

		// status-unregistered: a code in 100-599 that no registry or vendor
		// defines; a client that does not recognise a code treats it as the x00
		// code of its class. RFC 9110, Section 15,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-unregistered", SeverityWarning, "status not registered", 9110, "15",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status < 100 || ex.Status > 599 {
					return ruleHit{}, false
				}
				if _, ok := Lookup(ex.Status); ok {
					return ruleHit{}, false
				}
				generic := Code(ex.Status / 100 * 100)
				h, _ := ruleFound("%d is not a registered status code; clients will treat it as a generic %s (%s)",
					ex.Status, ClassOf(ex.Status).Pattern(), generic)
				h.prefer = []Code{generic}
				return h, true
			}),

		// status-non-standard: a vendor or convention code that is not in the
		// IANA registry; generic clients treat it as the x00 code of its class.
		// RFC 9110, Section 15, https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-non-standard", SeverityWarning, "non-standard status", 9110, "15",
			func(ex *Exchange) (ruleHit, bool) {
				s, ok := Lookup(ex.Status)
				if !ok || s.Lifecycle() != NonStandard {
					return ruleHit{}, false
				}
				h, _ := ruleFound("%s is non-standard (%s); generic clients will treat it as %s%s",
					s, s.Vendor(), Code(ex.Status/100*100), preferText(s.Prefer()))
				h.prefer = s.Prefer()
				return h, true
			}),

		// status-deprecated: a code that an RFC defined but later obsoleted,
		// such as 305 Use Proxy (RFC 9110, Section 15.4.6,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6), 102 Processing
		// (RFC 2518, Section 10.1) or 510 Not Extended (RFC 2774, Section 7).
		// Findings cite the code's own section.
		newRule("status-deprecated", SeverityWarning, "deprecated status", 9110, "15.4.6",
			func(ex *Exchange) (ruleHit, bool) {
				return lifecycleHit(ex, Deprecated, "is deprecated and should not be sent by new services")
			}),

		// status-reserved: a code the registry reserves without a meaning: 306
		// (RFC 9110, Section 15.4.7,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.7) and 418 (RFC
		// 9110, Section 15.5.19,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.19). Findings cite
		// the code's own section.
		newRule("status-reserved", SeverityError, "reserved status", 9110, "15.4.7",
			func(ex *Exchange) (ruleHit, bool) {
				return lifecycleHit(ex, Reserved, "is reserved and has no meaning clients can rely on")
			}),

		// status-temporary: a code with only a temporary IANA registration tied
		// to an Internet-Draft, such as 104. The registry's procedure is in RFC
		// 9110, Section 16.2.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-16.2.1; findings cite
		// the draft.
		newRule("status-temporary", SeverityInfo, "temporarily registered status", 9110, "16.2.1",
			func(ex *Exchange) (ruleHit, bool) {
				return lifecycleHit(ex, Temporary, "is only temporarily registered and may change or expire")
			}),

		// created-missing-location: a POST that creates a resource SHOULD answer
		// 201 with a Location header field naming it (a PUT's target URI already
		// names it, so PUT is exempt). RFC 9110, Section 9.3.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
		newRule("created-missing-location", SeverityWarning, "201 without Location", 9110, "9.3.3",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusCreated || hasField(ex.Header, "Location") || ex.method() == http.MethodPut {
					return ruleHit{}, false
				}
				return ruleFound("%s without a Location header field: a POST that creates a resource should say where it is", Code(ex.Status))
			}),

		// redirect-missing-location: 301, 302, 307 and 308 SHOULD carry a
		// Location header field, and 303 is defined by one; without it a client
		// cannot follow the redirect. RFC 9110, Sections 15.4.2, 15.4.3, 15.4.4,
		// 15.4.8 and 15.4.9, https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2
		// to https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9. Findings cite
		// the code's own section.
		newRule("redirect-missing-location", SeverityError, "redirect without Location", 9110, "15.4",
			func(ex *Exchange) (ruleHit, bool) {
				var sec string
				switch ex.Status {
				case 301:
					sec = "15.4.2"
				case 302:
					sec = "15.4.3"
				case 303:
					sec = "15.4.4"
				case 307:
					sec = "15.4.8"
				case 308:
					sec = "15.4.9"
				}
				if sec == "" || hasField(ex.Header, "Location") {
					return ruleHit{}, false
				}
				return ruleFoundAt(9110, sec, "%s without a Location header field: clients have nowhere to redirect to", Code(ex.Status))
			}),

		// unauthorized-missing-www-authenticate: a 401 MUST carry a
		// WWW-Authenticate header field with at least one challenge. RFC 9110,
		// Section 15.5.2, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2
		missingHeader("unauthorized-missing-www-authenticate", SeverityError, "WWW-Authenticate", 9110, "15.5.2",
			"a 401 must carry at least one authentication challenge", http.StatusUnauthorized),

		// method-not-allowed-missing-allow: a 405 MUST carry an Allow header
		// field listing the supported methods (possibly empty). RFC 9110,
		// Section 15.5.6, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
		missingHeader("method-not-allowed-missing-allow", SeverityError, "Allow", 9110, "15.5.6",
			"a 405 must list the methods the resource supports", http.StatusMethodNotAllowed),

		// proxy-auth-missing-proxy-authenticate: a 407 MUST carry a
		// Proxy-Authenticate header field with a challenge for the proxy. RFC
		// 9110, Section 15.5.8,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8
		missingHeader("proxy-auth-missing-proxy-authenticate", SeverityError, "Proxy-Authenticate", 9110, "15.5.8",
			"a 407 must carry at least one challenge for the proxy", http.StatusProxyAuthRequired),

		// upgrade-required-missing-upgrade: a 426 MUST carry an Upgrade header
		// field naming the acceptable protocols. RFC 9110, Section 15.5.22,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.22
		missingHeader("upgrade-required-missing-upgrade", SeverityError, "Upgrade", 9110, "15.5.22",
			"a 426 must name the protocols the client should switch to", http.StatusUpgradeRequired),

		// partial-content-missing-content-range: a single-part 206 MUST carry a
		// Content-Range header field; a multipart/byteranges 206 carries one in
		// each part instead. RFC 9110, Section 15.3.7.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.1
		newRule("partial-content-missing-content-range", SeverityError, "206 without Content-Range", 9110, "15.3.7.1",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusPartialContent || hasField(ex.Header, "Content-Range") ||
					ex.mediaType() == "multipart/byteranges" {
					return ruleHit{}, false
				}
				return ruleFound("%s without a Content-Range header field (and not multipart/byteranges): the client cannot tell which range it got", Code(ex.Status))
			}),

		// range-not-satisfiable-missing-content-range: a 416 to a byte-range
		// request SHOULD carry Content-Range: bytes */length. RFC 9110, Section
		// 15.5.17, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.17
		missingHeader("range-not-satisfiable-missing-content-range", SeverityWarning, "Content-Range", 9110, "15.5.17",
			`a 416 should give the current length as "bytes */length"`, http.StatusRequestedRangeNotSatisfiable),

		// too-many-requests-missing-retry-after: a 429 MAY say how long to wait
		// with Retry-After; clients back off better when it does. RFC 6585,
		// Section 4, https://www.rfc-editor.org/rfc/rfc6585#section-4
		missingHeader("too-many-requests-missing-retry-after", SeverityInfo, "Retry-After", 6585, "4",
			"saying how long to wait helps clients back off", http.StatusTooManyRequests),

		// service-unavailable-missing-retry-after: a 503 MAY suggest with
		// Retry-After when to try again. RFC 9110, Section 15.6.4,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
		missingHeader("service-unavailable-missing-retry-after", SeverityInfo, "Retry-After", 9110, "15.6.4",
			"suggesting when to try again helps clients and crawlers", http.StatusServiceUnavailable),

		// content-too-large-missing-retry-after: when the condition behind a 413
		// is temporary, the server SHOULD say with Retry-After when the client
		// may retry. RFC 9110, Section 15.5.14,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14
		missingHeader("content-too-large-missing-retry-after", SeverityInfo, "Retry-After", 9110, "15.5.14",
			"if the limit is temporary, say when the client may retry", http.StatusRequestEntityTooLarge),

		// body-not-allowed: 1xx (RFC 9110, Section 15.2), 204 (Section 15.3.5)
		// and 304 (Section 15.4.5) responses end with the header section and
		// cannot contain content; net/http drops such bodies with
		// ErrBodyNotAllowed. Responses to HEAD are exempt, as they never carry
		// content. https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5
		newRule("body-not-allowed", SeverityError, "1xx, 204 or 304 with a body", 9110, "15.3.5",
			func(ex *Exchange) (ruleHit, bool) {
				if !ex.hasBody() || ex.method() == http.MethodHead {
					return ruleHit{}, false
				}
				sec := ""
				switch {
				case ex.Status >= 100 && ex.Status <= 199:
					sec = "15.2"
				case ex.Status == http.StatusNoContent:
					sec = "15.3.5"
				case ex.Status == http.StatusNotModified:
					sec = "15.4.5"
				default:
					return ruleHit{}, false
				}
				return ruleFoundAt(9110, sec, "%s with a body: this status cannot carry content, so the body is dropped or breaks the framing", Code(ex.Status))
			}),

		// reset-content-with-content: a server MUST NOT generate content in a
		// 205 response. RFC 9110, Section 15.3.6,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3.6
		newRule("reset-content-with-content", SeverityError, "205 with content", 9110, "15.3.6",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusResetContent || !ex.hasBody() || ex.method() == http.MethodHead {
					return ruleHit{}, false
				}
				return ruleFound("%s with content: a server must not send content in a 205", Code(ex.Status))
			}),

		// not-modified-unconditional: a 304 only answers a conditional request,
		// one with If-None-Match or If-Modified-Since. RFC 9110, Section 15.4.5,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5
		newRule("not-modified-unconditional", SeverityError, "304 to an unconditional request", 9110, "15.4.5",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusNotModified || !ex.requestKnown() ||
					hasField(ex.RequestHeader, "If-None-Match") || hasField(ex.RequestHeader, "If-Modified-Since") {
					return ruleHit{}, false
				}
				return ruleFound("%s to a request without If-None-Match or If-Modified-Since: the client has no cached copy to reuse", Code(ex.Status))
			}),

		// not-modified-wrong-method: 304 answers only GET and HEAD; a failed
		// If-None-Match on another method gives 412, and If-Modified-Since is
		// ignored for other methods. RFC 9110, Section 13.2.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2
		newRule("not-modified-wrong-method", SeverityError, "304 to a method other than GET or HEAD", 9110, "13.2.2",
			func(ex *Exchange) (ruleHit, bool) {
				m := ex.method()
				if ex.Status != http.StatusNotModified || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return ruleHit{}, false
				}
				h, _ := ruleFound("%s to %s: only GET and HEAD can get a 304; a failed precondition on other methods is 412", Code(ex.Status), m)
				h.prefer = []Code{http.StatusPreconditionFailed}
				return h, true
			}),

		// partial-content-without-range: a server sends 206 only to satisfy a
		// Range request. RFC 9110, Section 14.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-14.2
		newRule("partial-content-without-range", SeverityError, "206 to a request without Range", 9110, "14.2",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || hasField(ex.RequestHeader, "Range") {
					return ruleHit{}, false
				}
				return ruleFound("%s to a request without a Range header field: send 200 with the full representation", Code(ex.Status))
			}),

		// partial-content-wrong-method: GET is the only method with defined range
		// handling, and a server MUST ignore Range on other methods. HEAD is
		// accepted too, since a HEAD response mirrors the GET one (RFC 9110,
		// Section 9.3.2). RFC 9110, Section 14.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-14.2
		newRule("partial-content-wrong-method", SeverityError, "206 to a method other than GET (HEAD accepted)", 9110, "14.2",
			func(ex *Exchange) (ruleHit, bool) {
				m := ex.method()
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return ruleHit{}, false
				}
				return ruleFound("%s to %s: range requests are defined for GET only, and Range must be ignored on other methods", Code(ex.Status), m)
			}),

		// continue-without-expect: 100 Continue is meaningful only as an answer
		// to Expect: 100-continue; other clients discard it. RFC 9110, Section
		// 10.1.1, https://www.rfc-editor.org/rfc/rfc9110#section-10.1.1
		newRule("continue-without-expect", SeverityWarning, "100 without Expect: 100-continue", 9110, "10.1.1",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusContinue || !ex.requestKnown() {
					return ruleHit{}, false
				}
				for _, v := range ex.RequestHeader.Values("Expect") {
					if strings.EqualFold(strings.TrimSpace(v), "100-continue") {
						return ruleHit{}, false
					}
				}
				return ruleFound("%s to a request without Expect: 100-continue: the client did not ask and will discard it", Code(ex.Status))
			}),

		// switching-protocols-without-upgrade: a server sends 101 only to switch
		// to a protocol the request's Upgrade header field listed. RFC 9110,
		// Section 7.8, https://www.rfc-editor.org/rfc/rfc9110#section-7.8
		newRule("switching-protocols-without-upgrade", SeverityError, "101 without an Upgrade request", 9110, "7.8",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusSwitchingProtocols || !ex.requestKnown() || hasField(ex.RequestHeader, "Upgrade") {
					return ruleHit{}, false
				}
				return ruleFound("%s to a request without an Upgrade header field: a server may only switch to a protocol the client offered", Code(ex.Status))
			}),

		// safe-method-unusual-success: a heuristic, not a spec rule: GET and
		// HEAD retrieve and do not create or act (RFC 9110, Section 9.3.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.1), so 201, 202 or
		// 204 to them is unusual.
		newRule("safe-method-unusual-success", SeverityInfo, "201, 202 or 204 to GET or HEAD (heuristic)", 9110, "9.3.1",
			func(ex *Exchange) (ruleHit, bool) {
				m := ex.method()
				if m != http.MethodGet && m != http.MethodHead {
					return ruleHit{}, false
				}
				switch ex.Status {
				case http.StatusCreated, http.StatusAccepted, http.StatusNoContent:
					return ruleFound("%s to %s is unusual: GET and HEAD retrieve rather than create or act (a heuristic; ignore it if intended)", Code(ex.Status), m)
				}
				return ruleHit{}, false
			}),

		// soft-error: a 2xx says the request succeeded (RFC 9110, Section 15.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3); a JSON body with
		// a top-level "error" or "errors" member reports a failure that
		// clients, caches and monitoring will count as a success. Responses
		// to HEAD carry no body and are skipped.
		newRule("soft-error", SeverityWarning, `2xx with an "error" member in a JSON body`, 9110, "15.3",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status < 200 || ex.Status > 299 || ex.method() == http.MethodHead || !isJSON(ex.mediaType()) {
					return ruleHit{}, false
				}
				key, ok := errorMember(ex.Body)
				if !ok {
					return ruleHit{}, false
				}
				return ruleFound("%s with a JSON body carrying a top-level %q member: report failures with a 4xx or 5xx status", Code(ex.Status), key)
			}),

		// post-ok-with-location: a POST that creates a resource SHOULD answer 201
		// with Location; a 200 that sends Location suggests one was created.
		// RFC 9110, Section 9.3.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
		newRule("post-ok-with-location", SeverityWarning, "200 with Location to POST", 9110, "9.3.3",
			func(ex *Exchange) (ruleHit, bool) {
				if ex.Status != http.StatusOK || ex.method() != http.MethodPost || !hasField(ex.Header, "Location") {
					return ruleHit{}, false
				}
				h, _ := ruleFound("%s to POST with a Location header field: if the POST created a resource, answer 201 Created", Code(ex.Status))
				h.prefer = []Code{http.StatusCreated}
				return h, true
			}),

		// found-for-non-get: user agents may change the method of a 302
		// redirect from POST to GET, so an API answering a method other than
		// GET or HEAD should choose: 303 to fetch a result with GET, or 307 to
		// repeat the same method. RFC 9110, Section 15.4.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3
		newRule("found-for-non-get", SeverityWarning, "302 to a method other than GET or HEAD", 9110, "15.4.3",
			func(ex *Exchange) (ruleHit, bool) {
				m := ex.method()
				if ex.Status != http.StatusFound || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return ruleHit{}, false
				}
				h, _ := ruleFound("%s to %s: clients may or may not switch to GET; use 303 See Other to send them to a result, or 307 Temporary Redirect to repeat the %s", Code(ex.Status), m, m)
				h.prefer = []Code{http.StatusSeeOther, http.StatusTemporaryRedirect}
				return h, true
			}),
	}
}

// lifecycleHit reports a catalog code with the given lifecycle, citing the
// code's own reference and the codes to prefer.
func lifecycleHit(ex *Exchange, l Lifecycle, what string) (ruleHit, bool) {
	s, ok := Lookup(ex.Status)
	if !ok || s.Lifecycle() != l {
		return ruleHit{}, false
	}
	h := ruleHit{msg: s.String() + " " + what + preferText(s.Prefer()), prefer: s.Prefer()}
	h.ref, h.url = s.Reference(), s.SpecURL()
	return h, true
}

// preferText returns "; prefer 400 Bad Request or 501 Not Implemented", or
// "" when there is nothing to prefer.
func preferText(cs []Code) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return "; prefer " + strings.Join(parts, " or ")
}

// isJSON reports whether a media type is JSON: application/json or any
// +json structured syntax suffix.
func isJSON(mt string) bool {
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// errorMember scans the top level of a JSON object, which may be cut
// short, for a non-empty member named "error" or "errors" (in any case).
func errorMember(body []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		err = dec.Decode(&v)
		if strings.EqualFold(key, "error") || strings.EqualFold(key, "errors") {
			// A value cut off by the body limit is not empty.
			if err != nil || !emptyJSON(v) {
				return key, true
			}
		}
		if err != nil {
			return "", false
		}
	}
	return "", false
}

// emptyJSON reports whether a JSON value says "no error": null, false, an
// empty string, array or object.
func emptyJSON(v json.RawMessage) bool {
	switch string(bytes.Join(bytes.Fields(v), nil)) {
	case "null", "false", `""`, "[]", "{}", "":
		return true
	}
	return false
}

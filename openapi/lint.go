package openapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/httpref/httpref"
	"github.com/httpref/httpref/check"
)

// Location says where in a document a finding is.
type Location struct {
	Path   string // the path template, such as "/users/{id}"
	Method string // the method in upper case
	Status string // the response key as written ("404", "4XX", "default"), or "" for the whole operation
	Line   int    // the line in the document
	Column int    // the column in the line
}

// String returns "42:7: POST /users 201": line and column, operation and
// response key.
func (l Location) String() string {
	s := strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Column) + ": " + l.Method + " " + l.Path
	if l.Status != "" {
		s += " " + l.Status
	}
	return s
}

// Finding is one problem in a document: a check.Finding, whose rule is
// one of check's rules applied to a documented response or one of the
// document rules of this package, and where it is.
type Finding struct {
	check.Finding
	Location Location
}

// String returns the finding on one line: location, then the finding.
func (f Finding) String() string { return f.Location.String() + ": " + f.Finding.String() }

// findingJSON is the JSON form of a Finding: the check.Finding's members
// and the location's.
type findingJSON struct {
	Rule      string         `json:"rule"`
	Severity  check.Severity `json:"severity"`
	Code      httpref.Code   `json:"code"`
	Message   string         `json:"message"`
	Reference string         `json:"reference"`
	SpecURL   string         `json:"spec_url"`
	Prefer    []httpref.Code `json:"prefer"`
	Path      string         `json:"path"`
	Method    string         `json:"method"`
	Status    string         `json:"status"`
	Line      int            `json:"line"`
	Column    int            `json:"column"`
}

// MarshalJSON implements json.Marshaler with stable snake_case keys.
func (f Finding) MarshalJSON() ([]byte, error) {
	j := findingJSON{
		Rule: f.Rule.ID, Severity: f.Severity, Code: f.Code, Message: f.Message,
		Reference: f.Reference, SpecURL: f.SpecURL, Prefer: f.Prefer,
		Path: f.Location.Path, Method: f.Location.Method, Status: f.Location.Status, Line: f.Location.Line,
		Column: f.Location.Column,
	}
	if j.Prefer == nil {
		j.Prefer = []httpref.Code{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler; it reads what MarshalJSON
// writes.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var j findingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	r, ok := RuleByID(j.Rule)
	if !ok {
		return fmt.Errorf("openapi: finding names unknown rule %q", j.Rule)
	}
	if len(j.Prefer) == 0 {
		j.Prefer = nil
	}
	*f = Finding{
		Finding: check.Finding{Rule: r, Severity: j.Severity, Code: j.Code, Message: j.Message,
			Reference: j.Reference, SpecURL: j.SpecURL, Prefer: j.Prefer},
		Location: Location{Path: j.Path, Method: j.Method, Status: j.Status, Line: j.Line, Column: j.Column},
	}
	return nil
}

// The rules of this package, beside the rules of package check that Lint
// applies to documented responses.
var (
	// OpenAPI 3.1.0, Section 4.8.16.2: a response key is an HTTP status
	// code, one of the ranges 1XX to 5XX, or default; only those ranges
	// are allowed.
	ruleKeyInvalid = check.Rule{
		ID: "response-key-invalid", Severity: check.SeverityError, Keyword: "MUST",
		Title:     "response key that is not a status code, 1XX-5XX or default",
		Reference: "OpenAPI Specification 3.1.0, Section 4.8.16.2",
		SpecURL:   "https://spec.openapis.org/oas/v3.1.0#patterned-fields-0",
	}
	// OpenAPI 3.1.0, Section 4.8.16.1: the documentation is expected to
	// cover any known errors; an operation without a 4xx, 4XX or default
	// response documents none (heuristic: no keyword).
	ruleNoClientError = check.Rule{
		ID: "no-client-error-documented", Severity: check.SeverityInfo, Keyword: "heuristic",
		Title:     "operation that documents no 4xx response",
		Reference: "OpenAPI Specification 3.1.0, Section 4.8.16.1",
		SpecURL:   "https://spec.openapis.org/oas/v3.1.0#responses-object",
	}
	// RFC 9457, Section 3: problem details give errors one format; a
	// description that uses it in some operations and not in others makes
	// clients handle two (heuristic).
	ruleProblemInconsistent = check.Rule{
		ID: "problem-details-inconsistent", Severity: check.SeverityInfo, Keyword: "heuristic",
		Title:     "error responses in application/problem+json in some operations only",
		Reference: "RFC 9457, Section 3",
		SpecURL:   "https://www.rfc-editor.org/rfc/rfc9457#section-3",
	}
)

// documentRules are the rules of this package.
var documentRules = []check.Rule{ruleKeyInvalid, ruleNoClientError, ruleProblemInconsistent}

// Rules returns the rules Lint applies: the document rules of this
// package, then the rules of package check it applies to documented
// responses.
func Rules() []check.Rule {
	out := slices.Clone(documentRules)
	for _, id := range checkRules {
		if r, ok := check.RuleByID(id); ok {
			out = append(out, r)
		}
	}
	return out
}

// RuleByID returns the rule Lint applies with the given ID.
func RuleByID(id string) (check.Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return check.Rule{}, false
}

// checkRules are the IDs of the rules of package check that Lint applies
// to documented responses.
var checkRules = []string{
	"status-out-of-range", "status-unregistered", "status-non-standard", "status-deprecated",
	"status-reserved", "status-temporary", "created-missing-location", "redirect-missing-location",
	"unauthorized-missing-www-authenticate", "method-not-allowed-missing-allow",
	"proxy-auth-missing-proxy-authenticate", "upgrade-required-missing-upgrade",
	"partial-content-missing-content-range", "too-many-requests-missing-retry-after",
	"service-unavailable-missing-retry-after", "body-not-allowed", "reset-content-with-content",
}

// Lint checks the responses each operation documents, and returns the
// findings in document order. Each documented response with an exact code
// is checked as the response it describes, with check's rules on the
// status and on the header fields it needs (a 401 documents
// WWW-Authenticate, a 201 to POST documents Location, a 204 documents no
// content, ...); response keys, operations without a documented 4xx, and
// the use of problem details across the document have rules of their
// own. opts.Disable and opts.MinSeverity apply; other options do not.
func (d *Document) Lint(opts *check.Options) []Finding {
	var out []Finding
	add := func(f Finding) {
		if opts != nil && (f.Severity < opts.MinSeverity || slices.Contains(opts.Disable, f.Rule.ID)) {
			return
		}
		out = append(out, f)
	}
	problemOps, plainOps := d.errorStyles()
	minority := plainOps
	if len(problemOps) < len(plainOps) {
		minority = problemOps
	}
	if len(problemOps) == 0 || len(plainOps) == 0 {
		minority = nil
	}
	for i := range d.Operations {
		op := &d.Operations[i]
		opLoc := Location{Path: op.Path, Method: op.Method, Line: op.Line, Column: op.Column}
		if len(op.Responses) > 0 && !documentsClientError(op) {
			add(Finding{Finding: newFinding(ruleNoClientError, 0,
				fmt.Sprintf("%s documents no 4xx response: clients cannot tell which errors to handle", op), nil),
				Location: opLoc})
		}
		if slices.Contains(minority, i) {
			style, other := "application/problem+json", "another media type"
			if !slices.Contains(problemOps, i) {
				style, other = other, "application/problem+json"
			}
			add(Finding{Finding: newFinding(ruleProblemInconsistent, 0,
				fmt.Sprintf("%s documents its errors as %s, while %d other operations use %s", op, style,
					len(problemOps)+len(plainOps)-len(minority), other), nil),
				Location: opLoc})
		}
		for j := range op.Responses {
			r := &op.Responses[j]
			loc := Location{Path: op.Path, Method: op.Method, Status: r.Status, Line: r.Line, Column: r.Column}
			code, kind := parseKey(r.Status)
			if kind == keyInvalid {
				add(Finding{Finding: newFinding(ruleKeyInvalid, 0,
					fmt.Sprintf("%q is not a response key: use a status code from 100 to 599, a range 1XX to 5XX, or default", clip(r.Status)), nil),
					Location: loc})
			}
			if kind != keyCode {
				continue
			}
			for _, f := range check.Run(documented(op, r, code), nil) {
				if slices.Contains(checkRules, f.Rule.ID) {
					f.Message = "documented " + f.Message
					add(Finding{Finding: f, Location: loc})
				}
			}
		}
	}
	return out
}

// documentsClientError reports whether an operation documents a 4xx
// response: a 4xx code, 4XX, or default.
func documentsClientError(op *Operation) bool {
	for _, r := range op.Responses {
		switch code, kind := parseKey(r.Status); {
		case kind == keyDefault, kind == keyRange && code == 4, kind == keyCode && code >= 400 && code <= 499:
			return true
		}
	}
	return false
}

// documented returns the exchange that a documented response describes:
// its status, its documented header fields (with a placeholder value) and,
// when it documents content, a body.
func documented(op *Operation, r *Response, code int) check.Exchange {
	ex := check.Exchange{Method: op.Method, Status: code, Header: map[string][]string{}}
	for _, h := range r.Headers {
		ex.Header[h] = []string{""}
	}
	if len(r.MediaTypes) > 0 {
		ex.BodySent = true
		ex.ContentType = r.MediaTypes[0]
	}
	return ex
}

// errorStyles returns the indexes of the operations whose documented error
// responses use application/problem+json, and of those whose error
// responses document other content only.
func (d *Document) errorStyles() (problem, plain []int) {
	for i := range d.Operations {
		hasProblem, hasOther := false, false
		for _, r := range d.Operations[i].Responses {
			code, kind := parseKey(r.Status)
			isError := kind == keyDefault || kind == keyRange && code >= 4 || kind == keyCode && code >= 400
			if !isError || len(r.MediaTypes) == 0 {
				continue
			}
			if slices.Contains(r.MediaTypes, "application/problem+json") {
				hasProblem = true
			} else {
				hasOther = true
			}
		}
		switch {
		case hasProblem:
			problem = append(problem, i)
		case hasOther:
			plain = append(plain, i)
		}
	}
	return problem, plain
}

// keyKind is the kind of a response key.
type keyKind uint8

const (
	keyInvalid keyKind = iota
	keyCode            // a three-digit code
	keyRange           // 1XX to 5XX
	keyDefault         // default
)

// parseKey reads a response key: a code (its value), a range (its
// class digit) or default.
func parseKey(k string) (int, keyKind) {
	switch {
	case k == "default":
		return 0, keyDefault
	case len(k) == 3 && k[0] >= '1' && k[0] <= '5' && (k[1:] == "XX" || k[1:] == "xx"):
		return int(k[0] - '0'), keyRange
	case len(k) == 3 && isDigits(k):
		n, _ := strconv.Atoi(k)
		if n >= 100 && n <= 599 {
			return n, keyCode
		}
	}
	return 0, keyInvalid
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// newFinding builds a finding of one of this package's rules.
func newFinding(r check.Rule, code int, msg string, prefer []httpref.Code) check.Finding {
	return check.Finding{Rule: r, Severity: r.Severity, Code: httpref.Code(code), Message: msg,
		Reference: r.Reference, SpecURL: r.SpecURL, Prefer: prefer}
}

// clip shortens text quoted in messages to 64 bytes.
func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	i := 64
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "..."
}

// sortedStatuses returns the keys of a set of statuses in order.
func sortedStatuses(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(a, b) })
	return out
}

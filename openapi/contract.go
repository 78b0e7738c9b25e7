package openapi

import (
	"strconv"
	"strings"
	"sync"
)

// Contract holds handlers to a document: it implements check.Contract, so
// that check.Middleware, check.Response and check.Run (with
// check.Options.Contract) report a status that the request's operation
// does not document, and it remembers which documented statuses it saw,
// so that a test suite can ask which it never produced. It is safe for
// concurrent use.
type Contract struct {
	doc    *Document
	routes []route

	mu   sync.Mutex
	seen []map[string]bool // per operation, the response keys that covered a status
}

// route is an operation's path template split into segments, for
// matching request paths.
type route struct {
	op       int
	segments []string // literal segments, or "" for a template variable
	literals int      // how many segments are literal: more wins
}

// NewContract returns a contract for doc.
func NewContract(doc *Document) *Contract {
	c := &Contract{doc: doc, seen: make([]map[string]bool, len(doc.Operations))}
	for i, op := range doc.Operations {
		r := route{op: i}
		for _, seg := range splitPath(op.Path) {
			if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
				seg = ""
			} else {
				r.literals++
			}
			r.segments = append(r.segments, seg)
		}
		c.routes = append(c.routes, r)
	}
	return c
}

// splitPath splits a path into its segments; empty segments, as in
// "/a//b" or "/a/", are kept, so that they match no template.
func splitPath(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// match returns the operation for a request, preferring concrete paths
// over templated ones, as the OpenAPI Specification asks (Section 4.8.8),
// or -1.
func (c *Contract) match(method, path string) int {
	method = strings.ToUpper(method)
	try := func(p string) int {
		segs := splitPath(p)
		best, bestLiterals := -1, -1
		for _, r := range c.routes {
			if len(r.segments) != len(segs) || c.doc.Operations[r.op].Method != method || r.literals <= bestLiterals {
				continue
			}
			ok := true
			for i, s := range r.segments {
				if s != "" && s != segs[i] || s == "" && segs[i] == "" {
					ok = false
					break
				}
			}
			if ok {
				best, bestLiterals = r.op, r.literals
			}
		}
		return best
	}
	if base := c.doc.BasePath; base != "" && !strings.Contains(base, "{") {
		if rest, ok := strings.CutPrefix(path, base); ok && (rest == "" || rest[0] == '/') {
			if i := try(rest); i >= 0 {
				return i
			}
		}
	}
	return try(path)
}

// covering returns the key of the response of op that documents status:
// an exact code first, then its range, then default (OpenAPI 3.1.0,
// Section 4.8.16.2); "" when none does.
func covering(op *Operation, status int) string {
	exact, class := strconv.Itoa(status), strconv.Itoa(status/100)
	key := ""
	for _, r := range op.Responses {
		switch {
		case r.Status == exact:
			return exact
		case len(r.Status) == 3 && r.Status[0:1] == class && strings.EqualFold(r.Status[1:], "XX"):
			key = r.Status
		case r.Status == "default" && key == "":
			key = "default"
		}
	}
	return key
}

// Documents implements check.Contract. It also records the documented
// status for Unexercised.
func (c *Contract) Documents(method, path string, status int) (documented bool, operation string, matched bool) {
	i := c.match(method, path)
	if i < 0 {
		return false, "", false
	}
	op := &c.doc.Operations[i]
	key := covering(op, status)
	if key != "" {
		c.mu.Lock()
		if c.seen[i] == nil {
			c.seen[i] = map[string]bool{}
		}
		c.seen[i][key] = true
		c.mu.Unlock()
	}
	return key != "", op.String(), true
}

// Unexercised is an operation with documented statuses that the contract
// never saw.
type Unexercised struct {
	Operation string   // such as "GET /users/{id}"
	Line      int      // the operation's line in the document
	Statuses  []string // the response keys never produced: codes and ranges
}

// Unexercised returns, per operation, the documented statuses (exact
// codes and ranges; default is not counted) that no checked response
// produced, in document order.
func (c *Contract) Unexercised() []Unexercised {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Unexercised
	for i := range c.doc.Operations {
		op := &c.doc.Operations[i]
		missing := map[string]bool{}
		for _, r := range op.Responses {
			if _, kind := parseKey(r.Status); (kind == keyCode || kind == keyRange) && !c.seen[i][r.Status] {
				missing[r.Status] = true
			}
		}
		if len(missing) > 0 {
			out = append(out, Unexercised{Operation: op.String(), Line: op.Line, Statuses: sortedStatuses(missing)})
		}
	}
	return out
}

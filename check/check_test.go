package check

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpref/httpref"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hdr builds a header from name, value pairs.
func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

// ruleCases holds, for every rule, exchanges it must flag (hit) and
// exchanges it must leave alone (miss).
var ruleCases = []struct {
	name string
	rule string
	hit  bool
	ex   Exchange
}{
	{"600", "status-out-of-range", true, Exchange{Status: 600}},
	{"99", "status-out-of-range", true, Exchange{Status: 99}},
	{"200 in range", "status-out-of-range", false, Exchange{Status: 200}},
	{"599 in range", "status-out-of-range", false, Exchange{Status: 599}},

	{"427", "status-unregistered", true, Exchange{Status: 427}},
	{"404 registered", "status-unregistered", false, Exchange{Status: 404}},
	{"420 in catalog", "status-unregistered", false, Exchange{Status: 420}},
	{"600 out of range", "status-unregistered", false, Exchange{Status: 600}},

	{"420", "status-non-standard", true, Exchange{Status: 420}},
	{"520", "status-non-standard", true, Exchange{Status: 520}},
	{"429 standard", "status-non-standard", false, Exchange{Status: 429}},

	{"305", "status-deprecated", true, Exchange{Status: 305}},
	{"102", "status-deprecated", true, Exchange{Status: 102}},
	{"307 standard", "status-deprecated", false, Exchange{Status: 307}},

	{"306", "status-reserved", true, Exchange{Status: 306}},
	{"418", "status-reserved", true, Exchange{Status: 418}},
	{"400 standard", "status-reserved", false, Exchange{Status: 400}},

	{"104", "status-temporary", true, Exchange{Status: 104}},
	{"103 standard", "status-temporary", false, Exchange{Status: 103}},

	{"POST 201 no Location", "created-missing-location", true, Exchange{Method: "POST", Status: 201}},
	{"201 unknown request", "created-missing-location", false, Exchange{Status: 201}},
	{"MKCOL 201", "created-missing-location", false, Exchange{Method: "MKCOL", Status: 201}},
	{"COPY 201", "created-missing-location", false, Exchange{Method: "COPY", Status: 201}},
	{"POST 201 Location", "created-missing-location", false, Exchange{Method: "POST", Status: 201, Header: hdr("Location", "/items/1")}},
	{"PUT 201", "created-missing-location", false, Exchange{Method: "PUT", Status: 201}},

	{"301", "redirect-missing-location", true, Exchange{Method: "GET", Status: 301}},
	{"302", "redirect-missing-location", true, Exchange{Method: "GET", Status: 302}},
	{"303", "redirect-missing-location", true, Exchange{Method: "POST", Status: 303}},
	{"307", "redirect-missing-location", true, Exchange{Method: "GET", Status: 307}},
	{"308", "redirect-missing-location", true, Exchange{Method: "GET", Status: 308}},
	{"308 Location", "redirect-missing-location", false, Exchange{Status: 308, Header: hdr("Location", "/new")}},
	{"304 is no redirect", "redirect-missing-location", false, Exchange{Status: 304}},
	{"300 optional", "redirect-missing-location", false, Exchange{Status: 300}},

	{"401", "unauthorized-missing-www-authenticate", true, Exchange{Status: 401}},
	{"401 challenge", "unauthorized-missing-www-authenticate", false, Exchange{Status: 401, Header: hdr("WWW-Authenticate", `Bearer realm="api"`)}},
	{"403", "unauthorized-missing-www-authenticate", false, Exchange{Status: 403}},

	{"405", "method-not-allowed-missing-allow", true, Exchange{Method: "DELETE", Status: 405}},
	{"405 Allow", "method-not-allowed-missing-allow", false, Exchange{Status: 405, Header: hdr("Allow", "GET, HEAD")}},
	{"405 empty Allow", "method-not-allowed-missing-allow", false, Exchange{Status: 405, Header: hdr("Allow", "")}},

	{"407", "proxy-auth-missing-proxy-authenticate", true, Exchange{Status: 407}},
	{"407 challenge", "proxy-auth-missing-proxy-authenticate", false, Exchange{Status: 407, Header: hdr("Proxy-Authenticate", "Basic")}},

	{"426", "upgrade-required-missing-upgrade", true, Exchange{Status: 426}},
	{"426 Upgrade", "upgrade-required-missing-upgrade", false, Exchange{Status: 426, Header: hdr("Upgrade", "HTTP/2.0")}},

	{"206", "partial-content-missing-content-range", true, Exchange{Status: 206, Header: hdr("Content-Type", "video/mp4")}},
	{"206 Content-Range", "partial-content-missing-content-range", false, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-9/100")}},
	{"206 multipart", "partial-content-missing-content-range", false, Exchange{Status: 206, Header: hdr("Content-Type", "multipart/byteranges; boundary=x")}},

	{"416", "range-not-satisfiable-missing-content-range", true, Exchange{Status: 416}},
	{"416 Content-Range", "range-not-satisfiable-missing-content-range", false, Exchange{Status: 416, Header: hdr("Content-Range", "bytes */100")}},

	{"429", "too-many-requests-missing-retry-after", true, Exchange{Status: 429}},
	{"429 Retry-After", "too-many-requests-missing-retry-after", false, Exchange{Status: 429, Header: hdr("Retry-After", "30")}},

	{"503", "service-unavailable-missing-retry-after", true, Exchange{Status: 503}},
	{"503 Retry-After", "service-unavailable-missing-retry-after", false, Exchange{Status: 503, Header: hdr("Retry-After", "120")}},

	{"204 body", "body-not-allowed", true, Exchange{Method: "DELETE", Status: 204, Body: []byte("{}")}},
	{"304 body", "body-not-allowed", true, Exchange{Method: "GET", Status: 304, BodySent: true}},
	{"103 body", "body-not-allowed", true, Exchange{Status: 103, Body: []byte("x")}},
	{"204 empty", "body-not-allowed", false, Exchange{Method: "DELETE", Status: 204}},
	{"204 to HEAD", "body-not-allowed", false, Exchange{Method: "HEAD", Status: 204, Body: []byte("x")}},
	{"200 body", "body-not-allowed", false, Exchange{Status: 200, Body: []byte("x")}},

	{"205 content", "reset-content-with-content", true, Exchange{Method: "POST", Status: 205, Body: []byte("ok")}},
	{"205 empty", "reset-content-with-content", false, Exchange{Method: "POST", Status: 205}},
	{"205 to HEAD", "reset-content-with-content", false, Exchange{Method: "HEAD", Status: 205, BodySent: true}},

	{"304 unconditional", "not-modified-unconditional", true, Exchange{Method: "GET", Status: 304}},
	{"304 If-None-Match", "not-modified-unconditional", false, Exchange{Method: "GET", Status: 304, RequestHeader: hdr("If-None-Match", `"v1"`)}},
	{"304 If-Modified-Since", "not-modified-unconditional", false, Exchange{Method: "GET", Status: 304, RequestHeader: hdr("If-Modified-Since", "Tue, 24 Nov 2026 10:00:00 GMT")}},
	{"304 unknown request", "not-modified-unconditional", false, Exchange{Status: 304}},

	{"304 to PUT", "not-modified-wrong-method", true, Exchange{Method: "PUT", Status: 304, RequestHeader: hdr("If-None-Match", "*")}},
	{"304 to HEAD", "not-modified-wrong-method", false, Exchange{Method: "HEAD", Status: 304, RequestHeader: hdr("If-None-Match", `"v1"`)}},
	{"304 to GET", "not-modified-wrong-method", false, Exchange{Method: "get", Status: 304}},

	{"206 no Range", "partial-content-without-range", true, Exchange{Method: "GET", Status: 206, Header: hdr("Content-Range", "bytes 0-9/100")}},
	{"206 Range", "partial-content-without-range", false, Exchange{Method: "GET", Status: 206, RequestHeader: hdr("Range", "bytes=0-9")}},
	{"206 unknown request", "partial-content-without-range", false, Exchange{Status: 206}},

	{"206 to POST", "partial-content-wrong-method", true, Exchange{Method: "POST", Status: 206, RequestHeader: hdr("Range", "bytes=0-9")}},
	{"206 to GET", "partial-content-wrong-method", false, Exchange{Method: "GET", Status: 206, RequestHeader: hdr("Range", "bytes=0-9")}},
	{"206 to HEAD", "partial-content-wrong-method", false, Exchange{Method: "HEAD", Status: 206, RequestHeader: hdr("Range", "bytes=0-9")}},

	{"100 no Expect", "continue-without-expect", true, Exchange{Method: "POST", Status: 100}},
	{"100 other Expect", "continue-without-expect", true, Exchange{Method: "POST", Status: 100, RequestHeader: hdr("Expect", "something")}},
	{"100 Expect", "continue-without-expect", false, Exchange{Method: "POST", Status: 100, RequestHeader: hdr("Expect", "100-Continue")}},

	{"101 no Upgrade", "switching-protocols-without-upgrade", true, Exchange{Method: "GET", Status: 101}},
	{"101 Upgrade", "switching-protocols-without-upgrade", false, Exchange{Method: "GET", Status: 101, RequestHeader: hdr("Upgrade", "websocket")}},

	{"GET 201", "safe-method-unusual-success", true, Exchange{Method: "GET", Status: 201, Header: hdr("Location", "/x")}},
	{"HEAD 202", "safe-method-unusual-success", true, Exchange{Method: "HEAD", Status: 202}},
	{"GET 204", "safe-method-unusual-success", true, Exchange{Method: "GET", Status: 204}},
	{"POST 201", "safe-method-unusual-success", false, Exchange{Method: "POST", Status: 201}},
	{"GET 200", "safe-method-unusual-success", false, Exchange{Method: "GET", Status: 200}},

	{"200 error", "soft-error", true, Exchange{Status: 200, Header: hdr("Content-Type", "application/json"), Body: []byte(`{"ok": false, "error": "not found"}`)}},
	{"200 errors problem+json", "soft-error", true, Exchange{Status: 200, ContentType: "application/problem+json; charset=utf-8", Body: []byte(`{"errors": [{"message": "x"}]}`)}},
	{"200 error truncated", "soft-error", true, Exchange{Status: 200, ContentType: "application/json", Body: []byte(`{"error": {"code": 12, "mess`)}},
	{"200 null error", "soft-error", false, Exchange{Status: 200, ContentType: "application/json", Body: []byte(`{"data": 1, "error": null, "errors": []}`)}},
	{"200 nested error", "soft-error", false, Exchange{Status: 200, ContentType: "application/json", Body: []byte(`{"data": {"error": "x"}}`)}},
	{"200 array", "soft-error", false, Exchange{Status: 200, ContentType: "application/json", Body: []byte(`[{"error": "x"}]`)}},
	{"200 text", "soft-error", false, Exchange{Status: 200, ContentType: "text/plain", Body: []byte(`{"error": "x"}`)}},
	{"HEAD 200 error", "soft-error", false, Exchange{Method: "HEAD", Status: 200, ContentType: "application/json", Body: []byte(`{"error": "x"}`)}},
	{"400 error", "soft-error", false, Exchange{Status: 400, ContentType: "application/json", Body: []byte(`{"error": "x"}`)}},

	{"POST 200 Location", "post-ok-with-location", true, Exchange{Method: "POST", Status: 200, Header: hdr("Location", "/items/2")}},
	{"POST 200", "post-ok-with-location", false, Exchange{Method: "POST", Status: 200}},
	{"GET 200 Location", "post-ok-with-location", false, Exchange{Method: "GET", Status: 200, Header: hdr("Location", "/x")}},

	{"POST 302", "redirect-method-ambiguous", true, Exchange{Method: "POST", Status: 302, Header: hdr("Location", "/x")}},
	{"POST 301", "redirect-method-ambiguous", true, Exchange{Method: "POST", Status: 301, Header: hdr("Location", "/x")}},
	{"DELETE 302", "redirect-method-ambiguous", true, Exchange{Method: "DELETE", Status: 302, Header: hdr("Location", "/x")}},
	{"GET 302", "redirect-method-ambiguous", false, Exchange{Method: "GET", Status: 302, Header: hdr("Location", "/x")}},
	{"POST 303", "redirect-method-ambiguous", false, Exchange{Method: "POST", Status: 303, Header: hdr("Location", "/x")}},
	{"POST 307", "redirect-method-ambiguous", false, Exchange{Method: "POST", Status: 307, Header: hdr("Location", "/x")}},

	{"401 empty challenge", "www-authenticate-malformed", true, Exchange{Status: 401, Header: hdr("WWW-Authenticate", "")}},
	{"401 not a challenge", "www-authenticate-malformed", true, Exchange{Status: 401, Header: hdr("WWW-Authenticate", `realm="api"`)}},
	{"401 bad param", "www-authenticate-malformed", true, Exchange{Status: 401, Header: hdr("WWW-Authenticate", `Bearer realm="api`)}},
	{"401 Bearer", "www-authenticate-malformed", false, Exchange{Status: 401, Header: hdr("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`)}},
	{"401 two challenges", "www-authenticate-malformed", false, Exchange{Status: 401, Header: hdr("WWW-Authenticate", `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`)}},
	{"401 token68", "www-authenticate-malformed", false, Exchange{Status: 401, Header: hdr("WWW-Authenticate", "Negotiate a87421000492aa874209af8bc028==")}},
	{"401 scheme only", "www-authenticate-malformed", false, Exchange{Status: 401, Header: hdr("WWW-Authenticate", "Negotiate")}},
	{"401 no field", "www-authenticate-malformed", false, Exchange{Status: 401}},

	{"405 allows DELETE", "method-not-allowed-allows-method", true, Exchange{Method: "DELETE", Status: 405, Header: hdr("Allow", "GET, DELETE")}},
	{"405 allows other", "method-not-allowed-allows-method", false, Exchange{Method: "DELETE", Status: 405, Header: hdr("Allow", "GET, HEAD")}},
	{"405 empty Allow", "method-not-allowed-allows-method", false, Exchange{Method: "DELETE", Status: 405, Header: hdr("Allow", "")}},

	{"101 no Upgrade field", "switching-protocols-missing-upgrade", true, Exchange{Method: "GET", Status: 101, RequestHeader: hdr("Upgrade", "websocket")}},
	{"101 Upgrade field", "switching-protocols-missing-upgrade", false, Exchange{Method: "GET", Status: 101, Header: hdr("Upgrade", "websocket")}},

	{"206 bad Content-Range", "content-range-malformed", true, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-9")}},
	{"206 reversed range", "content-range-malformed", true, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 9-0/100")}},
	{"206 past the end", "content-range-malformed", true, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-100/100")}},
	{"416 bad length", "content-range-malformed", true, Exchange{Status: 416, Header: hdr("Content-Range", "bytes */x")}},
	{"206 good", "content-range-malformed", false, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-9/100")}},
	{"206 unknown length", "content-range-malformed", false, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-9/*")}},
	{"416 unsatisfied", "content-range-malformed", false, Exchange{Status: 416, Header: hdr("Content-Range", "bytes */100")}},

	{"429 Retry-After words", "retry-after-malformed", true, Exchange{Status: 429, Header: hdr("Retry-After", "in a minute")}},
	{"503 Retry-After RFC 850", "retry-after-malformed", true, Exchange{Status: 503, Header: hdr("Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT")}},
	{"503 Retry-After negative", "retry-after-malformed", true, Exchange{Status: 503, Header: hdr("Retry-After", "-1")}},
	{"429 Retry-After seconds", "retry-after-malformed", false, Exchange{Status: 429, Header: hdr("Retry-After", "120")}},
	{"503 Retry-After date", "retry-after-malformed", false, Exchange{Status: 503, Header: hdr("Retry-After", "Fri, 31 Dec 1999 23:59:59 GMT")}},

	{"302 Location with space", "location-malformed", true, Exchange{Status: 302, Header: hdr("Location", "/a b")}},
	{"201 Location bad escape", "location-malformed", true, Exchange{Method: "POST", Status: 201, Header: hdr("Location", "/items/%zz")}},
	{"302 Location absolute", "location-malformed", false, Exchange{Status: 302, Header: hdr("Location", "https://example.com/a?b=c#d")}},
	{"302 Location escaped", "location-malformed", false, Exchange{Status: 302, Header: hdr("Location", "/a%20b")}},

	{"Deprecation true", "deprecation-malformed", true, Exchange{Status: 200, Header: hdr("Deprecation", "true")}},
	{"Deprecation date", "deprecation-malformed", true, Exchange{Status: 200, Header: hdr("Deprecation", "Sun, 06 Nov 1994 08:49:37 GMT")}},
	{"Deprecation sf-date", "deprecation-malformed", false, Exchange{Status: 200, Header: hdr("Deprecation", "@1688169599")}},

	{"Sunset number", "sunset-malformed", true, Exchange{Status: 200, Header: hdr("Sunset", "1688169599")}},
	{"Sunset date", "sunset-malformed", false, Exchange{Status: 200, Header: hdr("Sunset", "Sat, 31 Dec 2026 23:59:59 GMT")}},

	{"200 Content-Range", "content-range-unexpected", true, Exchange{Status: 200, Header: hdr("Content-Range", "bytes 0-9/10")}},
	{"206 Content-Range", "content-range-unexpected", false, Exchange{Status: 206, Header: hdr("Content-Range", "bytes 0-9/10")}},
	{"416 Content-Range", "content-range-unexpected", false, Exchange{Status: 416, Header: hdr("Content-Range", "bytes */10")}},

	{"Content-Length short", "content-length-mismatch", true, Exchange{Status: 200, Header: hdr("Content-Length", "10"), BodySize: 5}},
	{"Content-Length long", "content-length-mismatch", true, Exchange{Status: 200, Header: hdr("Content-Length", "3"), BodySize: 5}},
	{"Content-Length equal", "content-length-mismatch", false, Exchange{Status: 200, Header: hdr("Content-Length", "5"), BodySize: 5}},
	{"Content-Length HEAD", "content-length-mismatch", false, Exchange{Method: "HEAD", Status: 200, Header: hdr("Content-Length", "500"), BodySize: 5}},
	{"Content-Length size unknown", "content-length-mismatch", false, Exchange{Status: 200, Header: hdr("Content-Length", "500"), Body: []byte("x")}},

	{"304 Content-Type", "not-modified-content-headers", true, Exchange{Method: "GET", Status: 304, Header: hdr("Content-Type", "text/html")}},
	{"304 ETag", "not-modified-content-headers", false, Exchange{Method: "GET", Status: 304, Header: hdr("ETag", `"a"`, "Cache-Control", "max-age=60")}},

	{"412 unconditional", "precondition-failed-unconditional", true, Exchange{Method: "PUT", Status: 412}},
	{"412 If-Match", "precondition-failed-unconditional", false, Exchange{Method: "PUT", Status: 412, RequestHeader: hdr("If-Match", `"a"`)}},
	{"416 no Range", "range-not-satisfiable-without-range", true, Exchange{Method: "GET", Status: 416, Header: hdr("Content-Range", "bytes */10")}},
	{"416 Range", "range-not-satisfiable-without-range", false, Exchange{Method: "GET", Status: 416, RequestHeader: hdr("Range", "bytes=20-")}},
	{"417 no Expect", "expectation-failed-without-expect", true, Exchange{Method: "PUT", Status: 417}},
	{"417 Expect", "expectation-failed-without-expect", false, Exchange{Method: "PUT", Status: 417, RequestHeader: hdr("Expect", "100-continue")}},

	{"200 no Content-Type", "content-type-missing", true, Exchange{Method: "GET", Status: 200, Body: []byte("hello")}},
	{"200 Content-Type", "content-type-missing", false, Exchange{Method: "GET", Status: 200, Header: hdr("Content-Type", "text/plain"), Body: []byte("hello")}},
	{"204 no Content-Type", "content-type-missing", false, Exchange{Method: "GET", Status: 204}},
	{"HEAD no Content-Type", "content-type-missing", false, Exchange{Method: "HEAD", Status: 200, BodySent: true}},

	{"JSON as text/html", "json-as-text", true, Exchange{Status: 200, Header: hdr("Content-Type", "text/html; charset=utf-8"), Body: []byte(`{"id": 1, "name": "x"}`)}},
	{"JSON array as text/plain", "json-as-text", true, Exchange{Status: 200, Header: hdr("Content-Type", "text/plain"), Body: []byte(`[1, 2, 3]`)}},
	{"HTML as text/html", "json-as-text", false, Exchange{Status: 200, Header: hdr("Content-Type", "text/html"), Body: []byte(`<!doctype html>`)}},
	{"text with braces", "json-as-text", false, Exchange{Status: 200, Header: hdr("Content-Type", "text/plain"), Body: []byte(`{not json}`)}},

	{"problem+json 200", "problem-details-on-success", true, Exchange{Status: 200, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"title": "x"}`)}},
	{"problem+json 404", "problem-details-on-success", false, Exchange{Status: 404, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"title": "x"}`)}},

	{"problem status differs", "problem-details-status-mismatch", true, Exchange{Status: 400, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"type": "about:blank", "status": 422}`)}},
	{"problem status same", "problem-details-status-mismatch", false, Exchange{Status: 422, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"type": "about:blank", "status": 422}`)}},
	{"problem no status", "problem-details-status-mismatch", false, Exchange{Status: 422, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"title": "x"}`)}},

	{"problem status string", "problem-details-member-type", true, Exchange{Status: 422, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"status": "422"}`)}},
	{"problem title number", "problem-details-member-type", true, Exchange{Status: 422, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"title": 5}`)}},
	{"problem well typed", "problem-details-member-type", false, Exchange{Status: 422, Header: hdr("Content-Type", "application/problem+json"), Body: []byte(`{"type": "https://example.com/p", "title": "t", "status": 422, "detail": "d", "instance": "/i", "errors": []}`)}},

	{"500 goroutine dump", "stack-trace-leak", true, Exchange{Status: 500, Body: []byte("goroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1d")}},
	{"502 panic", "stack-trace-leak", true, Exchange{Status: 502, Body: []byte("panic: runtime error: index out of range [3] with length 3\n\nmain.go:9")}},
	{"500 plain", "stack-trace-leak", false, Exchange{Status: 500, Body: []byte("Internal Server Error")}},
	{"200 dump", "stack-trace-leak", false, Exchange{Status: 200, Body: []byte("goroutine 1 [running]:")}},

	{"GraphQL errors with data", "soft-error", false, Exchange{Method: "POST", Status: 200, Header: hdr("Content-Type", "application/json"), Body: []byte(`{"errors": [{"message": "x"}], "data": {"user": null}}`)}},
	{"GraphQL response type", "soft-error", false, Exchange{Method: "POST", Status: 200, Header: hdr("Content-Type", "application/graphql-response+json"), Body: []byte(`{"errors": [{"message": "x"}]}`)}},
	{"gzip soft error", "soft-error", true, Exchange{Method: "GET", Status: 200, Header: hdr("Content-Type", "application/json", "Content-Encoding", "gzip"), Body: gzipped(`{"error": "quota exceeded"}`)}},
}

// gzipped returns s gzip-compressed.
func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func ruleIDs(fs []Finding) []string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Rule.ID
	}
	return ids
}

func TestRulesPositiveAndNegative(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			_, ok := RuleByID(tc.rule)
			require.True(t, ok, "unknown rule %q", tc.rule)
			ids := ruleIDs(Run(tc.ex, nil))
			if tc.hit {
				assert.Contains(t, ids, tc.rule)
			} else {
				assert.NotContains(t, ids, tc.rule)
			}
		})
	}
}

func TestEveryRuleHasPositiveAndNegativeCases(t *testing.T) {
	hits, misses := map[string]int{}, map[string]int{}
	for _, tc := range ruleCases {
		if tc.hit {
			hits[tc.rule]++
		} else {
			misses[tc.rule]++
		}
	}
	for _, r := range allRules() {
		assert.Positive(t, hits[r.ID], "rule %s has no positive case", r.ID)
		assert.Positive(t, misses[r.ID], "rule %s has no negative case", r.ID)
	}
}

func TestRuleMetadata(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ref := regexp.MustCompile(`^RFC \d+, Section [0-9.]+$`)
	seen := map[string]bool{}
	for _, r := range allRules() {
		assert.Regexp(t, kebab, r.ID)
		assert.False(t, seen[r.ID], "duplicate rule ID %s", r.ID)
		seen[r.ID] = true
		assert.Contains(t, []Severity{SeverityInfo, SeverityWarning, SeverityError}, r.Severity, r.ID)
		assert.NotEmpty(t, r.Title, r.ID)
		assert.Regexp(t, ref, r.Reference, r.ID)
		assert.Equal(t, rfcURL(r.Reference), r.SpecURL, r.ID)
	}
	assert.Len(t, seen, 48)
}

// rfcURL derives the rfc-editor link from "RFC 9110, Section 15.5.6".
func rfcURL(ref string) string {
	var rfc int
	var sec string
	rest, _ := strings.CutPrefix(ref, "RFC ")
	num, sec, _ := strings.Cut(rest, ", Section ")
	rfc, _ = strconv.Atoi(num)
	return "https://www.rfc-editor.org/rfc/rfc" + strconv.Itoa(rfc) + "#section-" + sec
}

func TestFindingsCarryRuleDataAndNameTheCode(t *testing.T) {
	for _, tc := range ruleCases {
		if !tc.hit {
			continue
		}
		for _, f := range Run(tc.ex, nil) {
			r, ok := RuleByID(f.Rule.ID)
			require.True(t, ok)
			assert.Equal(t, r.Severity, f.Severity, f.Rule.ID)
			assert.Equal(t, httpref.Code(tc.ex.Status), f.Code)
			assert.True(t, strings.HasPrefix(f.Message, strconv.Itoa(tc.ex.Status)), "%s: %q does not start with the code", f.Rule.ID, f.Message)
			require.NotEmpty(t, f.Reference, f.Rule.ID)
			if strings.HasPrefix(f.Reference, "RFC ") {
				assert.Equal(t, rfcURL(f.Reference), f.SpecURL, f.Rule.ID)
			} else {
				assert.True(t, strings.HasPrefix(f.SpecURL, "https://"), f.Rule.ID)
			}
		}
	}
}

func TestFindingReferences(t *testing.T) {
	tests := []struct {
		ex   Exchange
		rule string
		ref  string
		pref []httpref.Code
	}{
		{Exchange{Status: 301}, "redirect-missing-location", "RFC 9110, Section 15.4.2", nil},
		{Exchange{Status: 308}, "redirect-missing-location", "RFC 9110, Section 15.4.9", nil},
		{Exchange{Status: 102}, "status-deprecated", "RFC 2518, Section 10.1", []httpref.Code{202}},
		{Exchange{Status: 418}, "status-reserved", "RFC 9110, Section 15.5.19", []httpref.Code{400, 501}},
		{Exchange{Status: 420}, "status-non-standard", "RFC 9110, Section 15", []httpref.Code{429}},
		{Exchange{Status: 427}, "status-unregistered", "RFC 9110, Section 15", []httpref.Code{400}},
		{Exchange{Status: 304, Body: []byte("x")}, "body-not-allowed", "RFC 9110, Section 15.4.5", nil},
		{Exchange{Status: 100, BodySent: true}, "body-not-allowed", "RFC 9110, Section 15.2", nil},
		{Exchange{Method: "POST", Status: 302, Header: hdr("Location", "/")}, "redirect-method-ambiguous", "RFC 9110, Section 15.4.3", []httpref.Code{303, 307}},
		{Exchange{Method: "POST", Status: 301, Header: hdr("Location", "/")}, "redirect-method-ambiguous", "RFC 9110, Section 15.4.2", []httpref.Code{303, 308}},
		{Exchange{Method: "POST", Status: 200, Header: hdr("Location", "/")}, "post-ok-with-location", "RFC 9110, Section 9.3.3", []httpref.Code{201}},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			var got *Finding
			for _, f := range Run(tc.ex, nil) {
				if f.Rule.ID == tc.rule {
					got = &f
				}
			}
			require.NotNil(t, got)
			assert.Equal(t, tc.ref, got.Reference)
			assert.Equal(t, tc.pref, got.Prefer)
		})
	}
}

func TestCheckCleanExchanges(t *testing.T) {
	tests := []Exchange{
		{Method: "GET", Status: 200, Header: hdr("Content-Type", "application/json"), Body: []byte(`{"id": 1}`)},
		{Method: "POST", Status: 201, Header: hdr("Location", "/items/1")},
		{Method: "DELETE", Status: 204},
		{Method: "GET", Status: 404, Header: hdr("Content-Type", "text/plain"), Body: []byte("not found")},
		{Method: "GET", Status: 304, RequestHeader: hdr("If-None-Match", `"a"`)},
		{Status: 500},
	}
	for _, ex := range tests {
		assert.Empty(t, Run(ex, nil), "%d", ex.Status)
	}
}

func TestDisableRulesAndMinSeverity(t *testing.T) {
	ex := Exchange{Method: "GET", Status: 201, Header: hdr("Location", "/a b")} // location-malformed (error), safe-method-unusual-success (info)
	require.Equal(t, []string{"location-malformed", "safe-method-unusual-success"}, ruleIDs(Run(ex, nil)))
	assert.Equal(t, []string{"safe-method-unusual-success"}, ruleIDs(Run(ex, &Options{Disable: []string{"location-malformed"}})))
	assert.Empty(t, Run(ex, &Options{Disable: []string{"location-malformed", "safe-method-unusual-success"}}))
	assert.Equal(t, []string{"location-malformed"}, ruleIDs(Run(ex, &Options{MinSeverity: SeverityWarning})))
	assert.Equal(t, []string{"location-malformed"}, ruleIDs(Run(ex, &Options{MinSeverity: SeverityError})))
	assert.Len(t, Run(ex, &Options{}), 2, "zero Options are the defaults")
	opts := &Options{Disable: []string{"no-such-rule"}}
	assert.Len(t, Run(ex, opts), 2, "an unknown ID disables nothing and does not panic")
	assert.ErrorContains(t, opts.Validate(), `"no-such-rule"`)
	assert.NoError(t, (&Options{Disable: []string{"soft-error"}}).Validate())
	assert.NoError(t, (*Options)(nil).Validate())
	assert.Error(t, (&Options{MinSeverity: 9}).Validate())
}

func TestRulesReturnsCopy(t *testing.T) {
	rs := Rules()
	rs[0].ID = "changed"
	assert.Equal(t, "status-out-of-range", Rules()[0].ID)
	_, ok := RuleByID("changed")
	assert.False(t, ok)
}

func TestSeverityText(t *testing.T) {
	tests := []struct {
		s    Severity
		text string
	}{{SeverityUnknown, "unknown"}, {SeverityInfo, "info"}, {SeverityWarning, "warning"}, {SeverityError, "error"}}
	for _, tc := range tests {
		assert.Equal(t, tc.text, tc.s.String())
		b, err := tc.s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(b))
		var back Severity
		require.NoError(t, back.UnmarshalText([]byte(strings.ToUpper(tc.text))))
		assert.Equal(t, tc.s, back)
	}
	var s Severity
	for _, bad := range []string{"warn", "err", "fatal", "", " info", "in-fo"} {
		assert.Error(t, s.UnmarshalText([]byte(bad)), "%q", bad)
	}
	assert.Equal(t, "Severity(9)", Severity(9).String())
	_, err := Severity(9).MarshalText()
	assert.Error(t, err)
	assert.True(t, SeverityInfo < SeverityWarning && SeverityWarning < SeverityError)
}

func TestFindingJSON(t *testing.T) {
	fs := Run(Exchange{Method: "DELETE", Status: 405}, nil)
	require.Len(t, fs, 1)
	b, err := json.Marshal(fs[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"rule": "method-not-allowed-missing-allow",
		"severity": "error",
		"code": 405,
		"message": "405 Method Not Allowed with no Allow header field: a 405 must list the methods the resource supports",
		"reference": "RFC 9110, Section 15.5.6",
		"spec_url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
		"prefer": []
	}`, string(b))
	assert.Equal(t, "error method-not-allowed-missing-allow: 405 Method Not Allowed with no Allow header field: a 405 must list the methods the resource supports (RFC 9110, Section 15.5.6)", fs[0].String())

	fs = Run(Exchange{Status: 420}, nil)
	require.Len(t, fs, 1)
	b, err = json.Marshal(fs[0])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"prefer":[429]`)

	var back Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, fs[0].String(), back.String())
	assert.Equal(t, fs[0].Prefer, back.Prefer)
	assert.Equal(t, fs[0].Rule.ID, back.Rule.ID)
	assert.Equal(t, fs[0].Rule.Keyword, back.Rule.Keyword)
	assert.Error(t, json.Unmarshal([]byte(`{"rule":"no-such-rule"}`), &back))
	assert.Error(t, json.Unmarshal([]byte(`{"rule":"soft-error","severity":"fatal"}`), &back))
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestResponse(t *testing.T) {
	body := `{"error": "quota exceeded", "detail": "` + strings.Repeat("x", 100) + `"}`
	orig := &closeRecorder{Reader: strings.NewReader(body)}
	req, err := http.NewRequest(http.MethodPost, "http://example.test/jobs", nil)
	require.NoError(t, err)
	resp := &http.Response{
		StatusCode: 200, Header: hdr("Content-Type", "application/json", "Location", "/jobs/1"),
		Body: orig, ContentLength: int64(len(body)),
	}
	fs := Response(req, resp, &Options{BodyLimit: 20})
	assert.Equal(t, []string{"post-ok-with-location", "soft-error"}, ruleIDs(fs))

	// The body reads whole, and closes the original.
	got, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
	require.NoError(t, resp.Body.Close())
	assert.True(t, orig.closed)
}

func TestCheckResponseRequestFallbacks(t *testing.T) {
	assert.Nil(t, Response(nil, nil, nil))

	// No request: rules about the request are skipped.
	resp := &http.Response{StatusCode: 304, Header: http.Header{}, Body: http.NoBody}
	assert.Empty(t, Response(nil, resp, nil))

	// resp.Request stands in for a nil req.
	req, err := http.NewRequest(http.MethodGet, "http://example.test/", nil)
	require.NoError(t, err)
	resp.Request = req
	assert.Equal(t, []string{"not-modified-unconditional"}, ruleIDs(Response(nil, resp, nil)))

	// A body is noticed from ContentLength even when none is kept.
	del, err := http.NewRequest(http.MethodDelete, "http://example.test/items/1", nil)
	require.NoError(t, err)
	resp = &http.Response{StatusCode: 204, Header: http.Header{}, ContentLength: 3, Body: io.NopCloser(strings.NewReader("abc"))}
	assert.Equal(t, []string{"body-not-allowed"}, ruleIDs(Response(del, resp, &Options{BodyLimit: -1})))
}

func TestErrorMember(t *testing.T) {
	tests := []struct {
		body string
		key  string
		ok   bool
	}{
		{`{"error":"x"}`, "error", true},
		{` { "Errors" : [1] } `, "Errors", true},
		{`{"a":{"b":[1,2,{"c":3}]},"error":true}`, "error", true},
		{`{"error":false}`, "", false},
		{`{"error":""}`, "", false},
		{`{"error":{}}`, "", false},
		{`{"a":1`, "", false},
		{`{"err`, "", false},
		{`not json`, "", false},
		{``, "", false},
	}
	for _, tc := range tests {
		key, ok := errorMember([]byte(tc.body))
		assert.Equal(t, tc.ok, ok, tc.body)
		assert.Equal(t, tc.key, key, tc.body)
	}
}

// failingBody returns some bytes, then an error.
type failingBody struct{ sent bool }

func (b *failingBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, `{"error": "x"`), nil
	}
	return 0, errBodyBroken
}

func (b *failingBody) Close() error { return nil }

var errBodyBroken = io.ErrClosedPipe

func TestCheckResponseBodyError(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: hdr("Content-Type", "application/json"), Body: &failingBody{}}
	req, err := http.NewRequest(http.MethodGet, "http://example.test/", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"soft-error"}, ruleIDs(Response(req, resp, nil)))
	got, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, errBodyBroken, "the read error is kept for the caller")
	assert.Equal(t, `{"error": "x"`, string(got))
}

func TestMediaType(t *testing.T) {
	tests := map[string]string{
		"application/json":                "application/json",
		"Application/JSON; charset=utf-8": "Application/JSON",
		" text/html ;q=1":                 "text/html",
		"application/vnd.api+json":        "application/vnd.api+json",
		"application/json; charset":       "application/json", // malformed parameter
		"":                                "",
	}
	for ct, want := range tests {
		ex := Exchange{Header: hdr("Content-Type", ct)}
		assert.Equal(t, want, ex.mediaType(), ct)
	}
	ex := Exchange{ContentType: "text/plain", Header: hdr("Content-Type", "application/json")}
	assert.Equal(t, "text/plain", ex.mediaType(), "ContentType wins over the header")
}

// TestCheckBodyLimit checks that Check reads no more of Exchange.Body than
// BodyLimit allows.
func TestCheckBodyLimit(t *testing.T) {
	body := []byte(`{"info": "` + strings.Repeat("x", 100) + `", "error": "late"}`)
	ex := Exchange{Status: 200, ContentType: "application/json", Body: body, BodySent: true}
	assert.Equal(t, []string{"soft-error"}, ruleIDs(Run(ex, nil)))
	assert.Empty(t, Run(ex, &Options{BodyLimit: 50}), "the error member lies past the limit")
	assert.Empty(t, Run(ex, &Options{BodyLimit: -1}))
	assert.Equal(t, body, ex.Body, "the caller's exchange is not changed")
}

// fakeContract documents 200 and 404 for GET /items/{id}.
type fakeContract struct{}

func (fakeContract) Documents(method, path string, status int) (bool, string, bool) {
	if method != "GET" || !strings.HasPrefix(path, "/items/") {
		return false, "", false
	}
	return status == 200 || status == 404, "GET /items/{id}", true
}

func TestContract(t *testing.T) {
	opts := &Options{Contract: fakeContract{}}
	ids := func(ex Exchange, opts *Options) []string { return ruleIDs(Run(ex, opts)) }
	undocumentedIn := func(ex Exchange) bool {
		for _, id := range ids(ex, opts) {
			if id == "status-undocumented" {
				return true
			}
		}
		return false
	}
	assert.True(t, undocumentedIn(Exchange{Method: "GET", Path: "/items/7", Status: 500}))
	assert.False(t, undocumentedIn(Exchange{Method: "GET", Path: "/items/7", Status: 404}))
	assert.False(t, undocumentedIn(Exchange{Method: "GET", Path: "/other", Status: 500}), "no operation matches")
	assert.False(t, undocumentedIn(Exchange{Status: 500}), "request unknown")
	assert.NotContains(t, ids(Exchange{Method: "GET", Path: "/items/7", Status: 500}, nil), "status-undocumented", "no contract")
	fs := Run(Exchange{Method: "GET", Path: "/items/7", Status: 500}, opts)
	require.NotEmpty(t, fs)
	last := fs[len(fs)-1]
	assert.Equal(t, "500 Internal Server Error from GET /items/{id}, which does not document it", last.Message)
	assert.Equal(t, SeverityWarning, last.Severity)
	r, ok := RuleByID("status-undocumented")
	require.True(t, ok)
	assert.Equal(t, "SHOULD", r.Keyword)
	assert.Empty(t, Run(Exchange{Method: "GET", Path: "/items/7", Status: 500}, &Options{Contract: fakeContract{}, Disable: []string{"status-undocumented"}}))
}

// TestREADMERuleTable keeps the README's rule table current: every rule
// appears with its severity and keyword.
func TestREADMERuleTable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, r := range Rules() {
		row := "| `" + r.ID + "` | " + r.Severity.String() + " | " + r.Keyword + " |"
		assert.Contains(t, string(b), row, "README.md lacks the row of %s; regenerate the table", r.ID)
	}
}

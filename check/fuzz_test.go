package check

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// FuzzRun runs the rules over exchanges built from arbitrary input: no
// panic, no hang, and findings that name their rule and code.
func FuzzRun(f *testing.F) {
	f.Add(200, "GET", "application/json", "bytes 0-9/10", "Bearer realm=\"a\"", "/a b", `{"error": "x", "data": 1}`)
	f.Add(401, "POST", "application/problem+json", "*/", ",", "%zz", `{"status": "x", "type": 5}`)
	f.Add(304, "HEAD", "text/html", "bytes */x", "Basic, realm=x", "", "goroutine 1 [running]:")
	f.Add(999, "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, status int, method, ct, cr, auth, loc, body string) {
		h := http.Header{
			"Content-Type":     {ct},
			"Content-Range":    {cr},
			"Www-Authenticate": {auth},
			"Location":         {loc},
			"Retry-After":      {cr},
			"Deprecation":      {auth},
			"Sunset":           {loc},
			"Allow":            {auth},
			"Content-Length":   {cr},
			"Content-Encoding": {method},
		}
		ex := Exchange{Method: method, RequestHeader: h, Status: status, Header: h, Body: []byte(body), BodySize: int64(len(body))}
		for _, opts := range []*Options{nil, {BodyLimit: 3}, {BodyLimit: -1}, {MinSeverity: SeverityError}} {
			for _, fd := range Run(ex, opts) {
				if fd.Rule.ID == "" || fd.Message == "" || int(fd.Code) != status {
					t.Fatalf("bad finding %+v", fd)
				}
			}
		}
	})
}

// FuzzJSONScan feeds the JSON scanner arbitrary bytes.
func FuzzJSONScan(f *testing.F) {
	for _, s := range []string{`{"a": [1, {"b": "}"}], "error": null}`, `{"x`, `[`, `{"a":"\"}`, "{\"\x00\": 1}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		jsonMembers(b, func(key, val []byte, whole bool) bool {
			n++
			if len(key)+len(val) > len(b) {
				t.Fatalf("member larger than input")
			}
			return true
		})
		errorMember(b)
		looksLikeJSON(b)
		if n > len(b) {
			t.Fatalf("%d members in %d bytes", n, len(b))
		}
	})
}

// FuzzResponse checks client-side responses with arbitrary bodies and
// limits: the caller always reads back exactly the body.
func FuzzResponse(f *testing.F) {
	f.Add(200, "application/json", []byte(`{"error": 1}`), 4)
	f.Add(204, "text/plain", []byte("x"), 0)
	f.Add(101, "", []byte("raw"), 1<<30)
	f.Fuzz(func(t *testing.T, status int, ct string, body []byte, limit int) {
		resp := &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {ct}},
			Body: io.NopCloser(bytes.NewReader(body))}
		req, _ := http.NewRequest(http.MethodGet, "http://example.test/", strings.NewReader(""))
		Response(req, resp, &Options{BodyLimit: limit})
		got, err := io.ReadAll(resp.Body)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("body changed: %q, %v", got, err)
		}
	})
}

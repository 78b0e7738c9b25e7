// Package httpreftest checks the responses of HTTP handlers under test
// against the httpref rules.
//
// It lives apart from package httpref so that programs importing the
// library do not link package testing and net/http/httptest.
package httpreftest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/httpref/httpref"
)

// AssertResponse checks the response that a handler wrote to rec for req
// with httpref.Check and fails the test with t.Errorf for each error
// finding; warnings and infos go to t.Logf. It reports whether there were
// no error findings. Call it after the handler has returned. A nil req
// skips the rules about the request; opts are those of httpref.Check.
func AssertResponse(t testing.TB, req *http.Request, rec *httptest.ResponseRecorder, opts ...httpref.CheckOption) bool {
	t.Helper()
	resp := rec.Result()
	ex := httpref.Exchange{Status: resp.StatusCode, Header: resp.Header}
	if req != nil {
		ex.Method, ex.RequestHeader = req.Method, req.Header
		if ex.Method == "" {
			ex.Method = http.MethodGet
		}
	}
	if rec.Body != nil {
		ex.Body = rec.Body.Bytes()
		ex.BodySent = len(ex.Body) > 0
	}
	ok := true
	for _, f := range httpref.Check(ex, opts...) {
		if f.Severity >= httpref.SeverityError {
			ok = false
			t.Errorf("httpref: %s", f)
		} else {
			t.Logf("httpref: %s", f)
		}
	}
	return ok
}

// Package checktest checks the responses of HTTP handlers under test
// against the rules of package check:
//
//	rec := httptest.NewRecorder()
//	handler.ServeHTTP(rec, req)
//	checktest.AssertResponse(t, req, rec, nil)
//
// It lives apart from package check so that programs importing check do
// not link package testing and net/http/httptest.
package checktest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/httpref/httpref/check"
)

// AssertResponse checks the response that a handler wrote to rec for req
// with check.Run and fails the test with t.Errorf for each error finding;
// warnings and infos go to t.Logf. It reports whether there were no error
// findings. Call it after the handler has returned. A nil req skips the
// rules about the request; opts are those of check.Run.
func AssertResponse(t testing.TB, req *http.Request, rec *httptest.ResponseRecorder, opts *check.Options) bool {
	t.Helper()
	resp := rec.Result()
	ex := check.Exchange{Status: resp.StatusCode, Header: resp.Header}
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
	for _, f := range check.Run(ex, opts) {
		if f.Severity >= check.SeverityError {
			ok = false
			t.Errorf("check: %s", f)
		} else {
			t.Logf("check: %s", f)
		}
	}
	return ok
}

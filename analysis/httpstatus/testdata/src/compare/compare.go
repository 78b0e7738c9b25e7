// Package compare checks codes that a client compares a response's status
// with: only impossible codes are reported.
package compare

import (
	"net/http"
	"net/http/httptest"
)

func check(resp *http.Response, rec *httptest.ResponseRecorder) bool {
	if resp.StatusCode == 4040 { // want `http.Response.StatusCode compared with 4040: not an HTTP status code \(status codes are 100-599\)`
		return false
	}
	if 99 != (resp.StatusCode) { // want `http.Response.StatusCode compared with 99: not an HTTP status code`
		return false
	}
	if resp.StatusCode == 499 || resp.StatusCode == http.StatusTeapot || resp.StatusCode == 299 {
		return true // a client may see any code that exists
	}
	if resp.StatusCode < 600 || resp.StatusCode >= 1000 {
		return true // bounds, not codes
	}
	switch resp.StatusCode {
	case http.StatusOK, 520:
	case 2000: // want `http.Response.StatusCode compared with 2000: not an HTTP status code`
	}
	switch {
	case rec.Code != 600: // want `httptest.ResponseRecorder.Code compared with 600: not an HTTP status code`
	}
	code := 4040
	return code == 4040
}

package ignore

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestOddCodes writes odd codes on purpose, to see how a client copes.
func TestOddCodes(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(1599) //httpstatus:ignore the client must cope with broken proxies
	//httpstatus:ignore
	rec.WriteHeader(777)
	rec.WriteHeader(http.StatusTeapot) // tests may send any code that exists
	rec.WriteHeader(299)               // even an unregistered one
	rec.WriteHeader(404)               // and literals are fine
	rec.WriteHeader(7)                 // want `WriteHeader with 7: not an HTTP status code \(status codes are 100-599\)`
	http.Redirect(rec, nil, "/", 200)  // the redirect rule is not checked in tests either
}

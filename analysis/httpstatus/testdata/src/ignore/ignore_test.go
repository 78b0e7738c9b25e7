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

// A test that expects a panic (it recovers, or asserts Panics) sends a
// bad code on purpose.
func TestBadCodeRecovered(t *testing.T) {
	defer func() { _ = recover() }()
	httptest.NewRecorder().WriteHeader(1000)
}

// panics stands for testify's assert.Panics.
func panics(t *testing.T, f func()) {
	defer func() { _ = recover() }()
	f()
}

type assertions struct{}

func (assertions) Panics(t *testing.T, f func()) bool { panics(t, f); return true }

func TestBadCodeAssertPanics(t *testing.T) {
	var assert assertions
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(1000) })
	assert.Panics(t, func() { h.ServeHTTP(httptest.NewRecorder(), nil) })
}

func TestBadCodeNoPanic(t *testing.T) {
	httptest.NewRecorder().WriteHeader(1000) // want `WriteHeader with 1000: not an HTTP status code`
}

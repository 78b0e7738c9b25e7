package ignore

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestOddCodes writes odd codes on purpose, to see how a client copes.
func TestOddCodes(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(599) //httpstatus:ignore the client must cope with proxy codes
	//httpstatus:ignore
	rec.WriteHeader(777)
	rec.WriteHeader(http.StatusTeapot) // want `418 I'm a teapot: the code is reserved`
}

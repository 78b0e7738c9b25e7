package sample

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHealth makes the package have a test variant, which shares
// service.go: each finding there must still be reported once.
func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	(&server{}).health(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != 418 { // a test may look for any code that exists
		t.Fatal(rec.Code)
	}
	if rec.Code == 4180 { // but not for one that cannot
		t.Fatal("impossible")
	}
}

// Package testutil is a test-support package (its import path has a
// testutil element): it is checked like a _test.go file, so only codes
// that cannot exist are reported.
package testutil

import "net/http"

// Teapot is a fake server's odd answer, sent on purpose.
func Teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)
	http.Error(w, "moved", http.StatusMovedPermanently)
}

// Impossible is still reported.
func Impossible(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(777) // want `WriteHeader with 777: not an HTTP status code`
}

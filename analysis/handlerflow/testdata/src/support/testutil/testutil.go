// Package testutil is a test-support package (its import path has a
// testutil element): it is checked like a _test.go file, so only
// missing-return is reported.
package testutil

import (
	"io"
	"net/http"
)

// CannedHandler writes a canned response; on a broken connection it adds an
// error, which a test helper need not get right.
func CannedHandler(status int, body io.Reader) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		if _, err := io.Copy(w, body); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

// Created sends 201 without Location, as a fake server may.
func Created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
}

// Buggy is still reported: a missing return is a bug in a test helper too.
func Buggy(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "no path", http.StatusBadRequest) // want `missing return`
	}
	w.Write([]byte("ok"))
}

// Package testutil is a test-support package (its import path has a
// testutil element): like a _test.go file, it is not checked.
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

// NoReturn is a fake server's missing return: the 400 is sent all the same.
func NoReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "no path", http.StatusBadRequest)
	}
	w.Write([]byte("ok"))
}

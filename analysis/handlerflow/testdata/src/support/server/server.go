// Package server is production code beside support/testutil: the same
// handlers are reported here.
package server

import (
	"io"
	"net/http"
)

func CannedHandler(status int, body io.Reader) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		if _, err := io.Copy(w, body); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError) // want `superfluous`
		}
	}
}

func Created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated) // want `without a Location header`
}

func NoReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "no path", http.StatusBadRequest) // want `missing return`
	}
	w.Write([]byte("ok"))
}

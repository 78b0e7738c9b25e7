// Package sample is a small API service with the status code mistakes the
// httpstatus analyzer catches.
package sample

import (
	"encoding/json"
	"net/http"
)

const statusCalm = 420 // the old Twitter rate-limit code

type server struct{ limited bool }

func (s *server) users(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodPost:
		http.Error(w, "method not allowed", 405)
	case s.limited:
		w.WriteHeader(statusCalm)
	case r.URL.Query().Has("legacy"):
		http.Redirect(w, r, "/v2/users", http.StatusOK)
	case r.Method == http.MethodPost:
		w.Header().Set("Location", "/users/1")
		w.WriteHeader(201)
		_ = json.NewEncoder(w).Encode(map[string]int{"id": 1})
	default:
		http.Error(w, "upstream closed", 499)
	}
}

func (s *server) health(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusTeapot)
}

func (s *server) proxy(w http.ResponseWriter, _ *http.Request) {
	resp := &http.Response{StatusCode: 522}
	http.Error(w, "created", resp.StatusCode)
	http.Error(w, "ok", http.StatusNoContent)
}

// legacy names its writer http, which shadows the package: a fix that
// wrote http.StatusGone here would not compile.
func legacy(http http.ResponseWriter) {
	http.WriteHeader(410)
}

package filters

import (
	"net/http"
	"testing"
)

func TestServer(t *testing.T) {
	handler := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		w.Header().Set("X", "1")
		w.WriteHeader(http.StatusOK)
	}
	withBug := func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" {
			http.Error(w, "no path", http.StatusBadRequest) // want `missing return`
		}
		w.Write([]byte("ok"))
	}
	_, _ = handler, withBug
}

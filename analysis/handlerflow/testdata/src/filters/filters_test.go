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
			http.Error(w, "no path", http.StatusBadRequest) // a fake server: the 400 is sent all the same
		}
		w.Write([]byte("ok"))
	}
	_, _ = handler, withBug
}

// A test that expects a panic writes twice on purpose.
func TestDoubleWritePanics(t *testing.T) {
	handler := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		w.WriteHeader(http.StatusOK)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("expected a panic")
		}
	}()
	handler(nil, nil)
}

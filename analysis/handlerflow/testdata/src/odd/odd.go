// Package odd holds unusual code that the analyzer must survive.
package odd

import (
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strings"
	"text/template"
	"time"
)

type handler[T any] struct{ v T }

func (h handler[T]) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var rw http.ResponseWriter = w
	io.Copy(rw, strings.NewReader("x"))
	rw.Header().Set("X", "1") // want `rw.Header\(\).Set at line 19 has no effect: io.Copy at line 18`
}

func typeSwitch(w http.ResponseWriter, r *http.Request) {
	switch f := w.(type) {
	case http.Flusher:
		f.Flush()
	case io.ReaderFrom:
		_ = f
	}
	w.WriteHeader(http.StatusOK)
}

func emptySelect(w http.ResponseWriter, r *http.Request) {
	if r == nil {
		select {}
	}
	w.WriteHeader(http.StatusOK)
}

func labels(w http.ResponseWriter, r *http.Request) {
outer:
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			if j == i {
				continue outer
			}
			if j > i {
				break outer
			}
		}
	}
	w.WriteHeader(http.StatusOK)
}

func xmlAndTemplate(w http.ResponseWriter, r *http.Request) {
	t := template.Must(template.New("t").Parse("{{.}}"))
	if r.Method == http.MethodHead {
		xml.NewEncoder(w).Encode(1)
	} else {
		t.ExecuteTemplate(w, "t", 1)
	}
	w.WriteHeader(http.StatusOK) // want `superfluous: xml.NewEncoder\(w\).Encode at line 57 already wrote the header on the path where r.Method == http.MethodHead$`
}

func serveContent(w http.ResponseWriter, r *http.Request) {
	http.ServeContent(w, r, "x.txt", time.Time{}, strings.NewReader("x"))
	w.WriteHeader(http.StatusOK) // want `superfluous: http.ServeContent at line 65 already wrote the header$`
}

func unnamed(http.ResponseWriter, *http.Request) {}

func blank(_ http.ResponseWriter, r *http.Request) {}

func results(w http.ResponseWriter, r *http.Request) error { // want results:"writes the header through parameter 0"
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(http.StatusOK)
	return errors.New("not a handler")
}

func addr(w http.ResponseWriter, r *http.Request) {
	p := &w
	(*p).WriteHeader(http.StatusOK)
	w.WriteHeader(http.StatusOK)
}

func conversion(w http.ResponseWriter, r *http.Request) {
	f := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	_ = f
	w.WriteHeader(http.StatusOK)
}

func errorsCode(w http.ResponseWriter, r *http.Request) {
	code := http.StatusBadRequest
	if r.URL.Path == "/" {
		code = http.StatusNotFound
	}
	http.Error(w, "x", code) // want `http.Error at line 96 is followed by w.Write at line 97; missing return\?`
	w.Write(nil)
}

// Writes in goroutines and deferred closures do not count.
func deferredError(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			http.Error(w, "panic", http.StatusInternalServerError)
		}
	}()
	w.Write([]byte("ok"))
}

package writeheader

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
)

func twice(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(http.StatusAccepted) // want `w.WriteHeader\(http.StatusAccepted\) at line 12 is superfluous: w.WriteHeader\(http.StatusOK\) at line 11 already wrote the header$`
}

func afterWrite(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "hello")
	w.WriteHeader(http.StatusOK) // want `superfluous: fmt.Fprintln at line 16 already wrote the header`
}

func conditional(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
	}
	w.WriteHeader(http.StatusNoContent) // want `superfluous: w.WriteHeader\(http.StatusOK\) at line 22 already wrote the header on the path where r.Method == http.MethodHead`
}

func errorAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("partial"))
	http.Error(w, "oops", http.StatusInternalServerError) // want `http.Error at line 29 writes a superfluous status: w.Write at line 28 already wrote the header$`
}

type server struct{ tmpl *template.Template }

func (s *server) method(w http.ResponseWriter, r *http.Request) {
	s.tmpl.Execute(w, nil)
	w.WriteHeader(http.StatusOK) // want `s.tmpl.Execute at line 35`
}

func literal() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		enc := json.NewEncoder(w)
		enc.Encode(1)
		w.WriteHeader(http.StatusOK) // want `enc.Encode at line 42`
	})
}

// Negative cases.

func ifElse(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		w.Header().Set("Location", "/items/1")
		w.WriteHeader(http.StatusCreated)
	} else {
		w.WriteHeader(http.StatusOK)
	}
}

func switchCases(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		w.WriteHeader(http.StatusOK)
	case http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}

func tagless(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.ContentLength > 100:
		w.WriteHeader(http.StatusRequestEntityTooLarge)
	case r.ContentLength == 0:
		w.WriteHeader(http.StatusBadRequest)
		fallthrough
	case r.ContentLength < 0:
		fmt.Fprint(w, "bad length")
	}
}

// A failed encoding may have written nothing.
func encodeError(w http.ResponseWriter, r *http.Request) {
	if err := json.NewEncoder(w).Encode(r.URL.Query()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

var t = template.Must(template.New("").Parse(""))

func templateError(w http.ResponseWriter, r *http.Request) {
	err := t.Execute(w, nil)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func helper(w http.ResponseWriter, r *http.Request) {
	render(w)
	w.WriteHeader(http.StatusOK)
}

func render(w http.ResponseWriter) {}

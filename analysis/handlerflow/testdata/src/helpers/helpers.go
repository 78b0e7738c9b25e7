package helpers

import (
	"errors"
	"helperlib"
	"net/http"
)

func notFound(w http.ResponseWriter, msg string) { // want notFound:"writes an error status through parameter 0"
	http.Error(w, msg, http.StatusNotFound)
}

func badRequest(w http.ResponseWriter, msg string) { // want badRequest:"writes an error status through parameter 0"
	notFound(w, msg)
}

func render(w http.ResponseWriter, v string) { // want render:"writes the header through parameter 0"
	if v == "" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Write([]byte(v))
}

func sometimes(w http.ResponseWriter, v string) error {
	if v == "" {
		return errors.New("empty")
	}
	_, err := w.Write([]byte(v))
	return err
}

func local(w http.ResponseWriter, r *http.Request) {
	v := r.FormValue("v")
	if v == "" {
		badRequest(w, "no v") // want `badRequest at line 36 is followed by render at line 38 on the path where v == ""; missing return\?`
	}
	render(w, v)
}

func imported(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		helperlib.WriteError(w, errors.New("no path")) // want `helperlib.WriteError at line 43 is followed by w.WriteHeader\(http.StatusOK\) at line 45 on the path where r.URL.Path == ""; missing return\?`
	}
	w.WriteHeader(http.StatusOK)
}

func afterHelper(w http.ResponseWriter, r *http.Request) {
	helperlib.WriteJSON(http.StatusOK, w, nil)
	w.Header().Set("X", "1")     // want `w.Header\(\).Set at line 50 has no effect: helperlib.WriteJSON at line 49 already wrote the header`
	w.WriteHeader(http.StatusOK) // want `w.WriteHeader\(http.StatusOK\) at line 51 is superfluous: helperlib.WriteJSON at line 49 already wrote the header`
}

// Negative cases.

func checked(w http.ResponseWriter, r *http.Request) {
	if err := helperlib.WriteJSON(http.StatusOK, w, r.URL.Query()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func notAlways(w http.ResponseWriter, r *http.Request) {
	helperlib.MaybeWrite(w, r.Method == http.MethodHead)
	sometimes(w, r.FormValue("v"))
	w.WriteHeader(http.StatusOK)
}

func withReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		notFound(w, "no path")
		return
	}
	render(w, r.URL.Path)
}

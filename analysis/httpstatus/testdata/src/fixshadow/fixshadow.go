// Package fixshadow shadows the name http, so some literals get no fix.
package fixshadow

import "net/http"

func handler(w http.ResponseWriter) {
	w.WriteHeader(404) // want `^use http.StatusNotFound instead of the literal 404$`
	if http := w; http != nil {
		http.WriteHeader(500) // want `^use http.StatusInternalServerError instead of the literal 500 \(no fix: http is shadowed here\)$`
	}
	w.WriteHeader(201) // want `^use http.StatusCreated instead of the literal 201$`
}

func param(http http.ResponseWriter) {
	http.WriteHeader(202) // want `^use http.StatusAccepted instead of the literal 202 \(no fix: http is shadowed here\)$`
}

// Package fixdot dot-imports net/http: the fix writes the bare constant,
// unless a local name hides it.
package fixdot

import . "net/http"

func handler(w ResponseWriter) {
	w.WriteHeader(404) // want `^use http.StatusNotFound instead of the literal 404$`
	StatusOK := "fine"
	w.WriteHeader(200) // want `^use http.StatusOK instead of the literal 200 \(no fix: StatusOK is shadowed here\)$`
	_ = StatusOK
}

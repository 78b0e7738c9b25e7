// Package server is production code beside support/testutil: the same
// codes are reported here.
package server

import "net/http"

func Teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)                    // want `WriteHeader with 418 I'm a teapot`
	http.Error(w, "moved", http.StatusMovedPermanently) // want `http.Error with 301 Moved Permanently, which is not an error status`
}

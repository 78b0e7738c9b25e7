// Package filters checks which files and lines are reported.
package filters

import "net/http"

func ignored(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	//handlerflow:ignore the proxy in front of us needs this
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(http.StatusOK) //handlerflow:ignore

	w.WriteHeader(http.StatusOK) // want `superfluous`
}

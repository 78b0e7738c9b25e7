package nocontent

import (
	"fmt"
	"net/http"
)

func noContent(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.Write([]byte("done")) // want `w.Write at line 10 writes a body after w.WriteHeader\(http.StatusNoContent\) at line 9; a 204 response has no body`
}

func notModified(w http.ResponseWriter, r *http.Request) {
	fresh := r.Header.Get("If-None-Match") != ""
	if fresh {
		w.WriteHeader(304)
	}
	fmt.Fprint(w, "body") // want `fmt.Fprint at line 18 writes a body after w.WriteHeader\(304\) at line 16 on the path where fresh; a 304 response has no body`
}

// Negative cases.

func earlyReturn(w http.ResponseWriter, r *http.Request) {
	if fresh := r.Header.Get("If-None-Match") != ""; fresh {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	fmt.Fprint(w, "body")
}

func okBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("done"))
}

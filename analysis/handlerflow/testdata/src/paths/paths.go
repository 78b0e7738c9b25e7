package paths

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
)

// Loops: a write in a loop body is not a second write of itself.

func loopOnce(w http.ResponseWriter, r *http.Request) {
	for _, v := range r.URL.Query()["v"] {
		w.WriteHeader(http.StatusOK)
		fmt.Fprintln(w, v)
	}
}

func loopTwice(w http.ResponseWriter, r *http.Request) {
	for i := 0; i < 3; i++ {
		w.WriteHeader(http.StatusOK)
		w.WriteHeader(http.StatusAccepted) // want `superfluous: w.WriteHeader\(http.StatusOK\) at line 22 already wrote the header$`
	}
}

func afterLoop(w http.ResponseWriter, r *http.Request) {
	for _, v := range r.URL.Query()["v"] {
		fmt.Fprintln(w, v)
	}
	w.WriteHeader(http.StatusOK) // want `superfluous: fmt.Fprintln at line 29 already wrote the header$`
}

func forever(w http.ResponseWriter, r *http.Request) {
	for {
		w.WriteHeader(http.StatusOK)
		if r.URL.Path == "" {
			break
		}
	}
	w.Header().Set("X", "1") // want `has no effect: w.WriteHeader\(http.StatusOK\) at line 36 already wrote the header on the path where r.URL.Path == ""$`
}

// Branches and switches that write once each.

func switchWrites(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		fmt.Fprint(w, "get")
	case http.MethodPost:
		w.Header().Set("Location", "/1")
		w.WriteHeader(http.StatusCreated)
	default:
		w.Header().Set("Allow", "GET, POST")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func selectWrites(w http.ResponseWriter, r *http.Request) {
	select {
	case <-r.Context().Done():
		w.WriteHeader(http.StatusServiceUnavailable)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

// Correlated conditions.

func sameCondition(w http.ResponseWriter, r *http.Request) {
	post := r.Method == http.MethodPost
	if post {
		w.WriteHeader(http.StatusAccepted)
	}
	if !post {
		w.WriteHeader(http.StatusOK)
	}
}

func methodSwitchThenIf(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		w.WriteHeader(http.StatusOK)
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusNoContent)
	}
}

func reassigned(w http.ResponseWriter, r *http.Request) {
	ok := r.Method == http.MethodGet
	if ok {
		w.WriteHeader(http.StatusOK)
	}
	ok = !ok
	if ok {
		w.WriteHeader(http.StatusAccepted) // want `superfluous: w.WriteHeader\(http.StatusOK\) at line 92 already wrote the header on the path where ok`
	}
}

// Defer and goroutines are ignored.

func deferred(w http.ResponseWriter, r *http.Request) {
	defer w.WriteHeader(http.StatusOK)
	defer func() {
		w.Header().Set("X", "1")
	}()
	w.WriteHeader(http.StatusAccepted)
}

func goroutine(w http.ResponseWriter, r *http.Request) {
	done := make(chan bool)
	go func() {
		w.WriteHeader(http.StatusOK)
		done <- true
	}()
	<-done
	w.Header().Set("X", "1")
}

// A closure that captures w is not followed into.
func closure(w http.ResponseWriter, r *http.Request) {
	fail := func(code int) {
		http.Error(w, http.StatusText(code), code)
	}
	if r.URL.Path == "" {
		fail(http.StatusNotFound)
	}
	setLoc := func() { w.Header().Set("Location", "/x") }
	setLoc()
	w.WriteHeader(http.StatusFound)
}

// A nested handler literal is analyzed on its own.
func nested() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		inner := func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusOK)
		}
		_ = inner
	}
}

// Calls that do not return end the path.
func noReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "bad", http.StatusBadRequest)
		log.Fatal("bad path")
	}
	if r.URL.Path == "/exit" {
		w.WriteHeader(http.StatusOK)
		os.Exit(0)
	}
	if r.URL.Path == "/panic" {
		w.WriteHeader(http.StatusOK)
		fail()
	}
	fmt.Fprint(w, "ok")
}

func fail() { panic("fail") }

// The writer escapes into something else: headers are assumed set.
func escapes(w http.ResponseWriter, r *http.Request) {
	holder := struct{ w http.ResponseWriter }{w}
	_ = holder
	w.WriteHeader(http.StatusCreated)
}

// Encoding that fails may write nothing, so the error path may still
// set headers and the status.
func encodeFails(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	if err := enc.Encode(r.URL.Query()); err != nil {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.Header().Set("X-Done", "1") // want `enc.Encode at line 174 already wrote the header$`
}

func encodeChecked(w http.ResponseWriter, r *http.Request) {
	if json.NewEncoder(w).Encode(1) != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
	}
}

// Goto and labels.
func gotoLabel(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		goto fail
	}
	w.WriteHeader(http.StatusOK)
	return
fail:
	w.WriteHeader(http.StatusBadRequest)
}

// Informational responses do not write the header.
func earlyHints(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Link", "</style.css>; rel=preload; as=style")
	w.WriteHeader(http.StatusEarlyHints)
	w.Header().Add("Link", "</script.js>; rel=preload; as=script")
	w.WriteHeader(http.StatusEarlyHints)
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK)
}

// Pure calls in conditions are correlated too.
func pureCalls(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("x") == "" {
		http.Error(w, "missing x", http.StatusBadRequest)
	}
	if r.URL.Query().Get("x") != "" {
		w.Write([]byte("ok"))
	}
	if r.FormValue("a") != "" {
		w.Header().Set("X", "1") // want `http.Error at line 212 already wrote the header on the path where r.URL.Query\(\).Get\("x"\) == "" && r.FormValue\("a"\) != ""$`
	}
}

// Other calls may return something else each time.
func impureCalls(w http.ResponseWriter, r *http.Request) {
	if next() {
		http.Error(w, "no", http.StatusBadRequest) // want `http.Error at line 225 is followed by w.Write at line 228 on the path where next\(\) && !next\(\); missing return\?`
	}
	if !next() {
		w.Write([]byte("ok"))
	}
}

var n int

func next() bool { n++; return n%2 == 0 }

package headers

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

func afterWriteHeader(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Header().Set("Content-Type", "text/plain") // want `w.Header\(\).Set at line 12 has no effect: w.WriteHeader\(http.StatusOK\) at line 11 already wrote the header$`
}

func afterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("hello"))
	w.Header().Add("X-A", "1")        // want `w.Header\(\).Add at line 17 has no effect: w.Write at line 16`
	w.Header().Del("X-B")             // want `w.Header\(\).Del at line 18 has no effect`
	w.Header()["X-C"] = []string{"1"} // want `assignment to w.Header\(\)\["X-C"\] at line 19 has no effect`
}

func afterPrint(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("v") {
		fmt.Fprintf(w, "%s", "v")
	}
	w.Header().Set("X-V", "1") // want `has no effect: fmt.Fprintf at line 24 already wrote the header on the path where r.URL.Query\(\).Has\("v"\)`
}

func afterIO(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "x")
	w.Header().Set("X", "1") // want `io.WriteString at line 30`
}

func afterEncode(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(1)
	w.Header().Set("Content-Type", "application/json") // want `json.NewEncoder\(w\).Encode at line 35`
}

func afterRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/x", http.StatusFound)
	w.Header().Set("Cache-Control", "no-store") // want `http.Redirect at line 40`
}

func afterServe(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "index.html")
	w.Header().Set("Cache-Control", "no-store") // want `http.ServeFile at line 45`
}

func afterError(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "no", http.StatusMethodNotAllowed)
	}
	w.Header().Set("Content-Type", "text/plain") // want `http.Error at line 51 already wrote the header on the path where r.Method != http.MethodGet`
}

// Header alias.
func alias(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/plain")
	rw := w
	rw.WriteHeader(http.StatusOK)
	h.Set("X-Late", "1") // want `h.Set at line 62 has no effect: rw.WriteHeader\(http.StatusOK\) at line 61`
}

// Negative cases.

func before(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("ok"))
	_ = w.Header().Get("Content-Type")
}

func earlyReturn(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("ok"))
}

func branches(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/" {
		w.Header().Set("X", "root")
		w.Write([]byte("root"))
	} else {
		w.Header().Set("X", "other")
		w.Write([]byte("other"))
	}
}

func trailer(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Checksum")
	w.Write([]byte("body"))
	w.Header().Set("X-Checksum", "abc")
}

func trailerPrefix(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("body"))
	w.Header().Set(http.TrailerPrefix+"X-Checksum", "abc")
}

// Not a handler: a different writer.
func notHandler(w io.Writer, h http.Header) {
	fmt.Fprint(w, "x")
	h.Set("X", "1")
}

// Another writer passed in is not tracked.
func other(w http.ResponseWriter, r *http.Request) {
	var rec http.ResponseWriter = newRecorder()
	rec.WriteHeader(200)
	w.Header().Set("X", "1")
	w.WriteHeader(200)
}

func newRecorder() http.ResponseWriter { return nil }

// The writer is reassigned: skipped.
func wrapped(w http.ResponseWriter, r *http.Request) {
	w = wrap(w)
	w.WriteHeader(200)
	w.Header().Set("X", "1")
}

func wrap(w http.ResponseWriter) http.ResponseWriter { return w }

func deleteAfter(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "x")
	delete(w.Header(), "X") // want `^delete\(w.Header\(\), "X"\) at line 132 has no effect: fmt.Fprint at line 131 already wrote the header$`
}

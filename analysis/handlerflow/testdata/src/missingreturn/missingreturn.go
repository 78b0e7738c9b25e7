package missingreturn

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func load(r *http.Request) (any, error) { return nil, nil }

func get(w http.ResponseWriter, r *http.Request) {
	v, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `http.Error at line 14 is followed by json.NewEncoder\(w\).Encode at line 16 on the path where err != nil; missing return\?`
	}
	json.NewEncoder(w).Encode(v)
}

func status(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed) // want `w.WriteHeader\(http.StatusMethodNotAllowed\) at line 21 is followed by w.WriteHeader\(http.StatusOK\) at line 23 on the path where r.Method != http.MethodPost; missing return\?` "without an Allow header"
	}
	w.WriteHeader(http.StatusOK)
}

func errorBody(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		w.WriteHeader(http.StatusBadRequest) // want `followed by fmt.Fprint at line 32 on the path where err != nil; missing return\?`
		fmt.Fprint(w, "bad request")
		fmt.Println("logged")
	}
	fmt.Fprint(w, "ok")
}

func twoErrors(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.NotFound(w, r) // want `http.NotFound at line 37 is followed by http.Error at line 40 on the path where r.URL.Path == ""`
	}
	if r.Method == "" {
		http.Error(w, "no method", http.StatusBadRequest)
	}
}

func inSwitch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	default:
		http.Error(w, "no", http.StatusBadRequest) // want `followed by w.Write at line 50; missing return\?`
	}
	w.Write([]byte("ok"))
}

func inLoop(w http.ResponseWriter, r *http.Request) {
	items := r.URL.Query()["item"]
	for _, it := range items {
		if it == "" {
			http.Error(w, "empty item", http.StatusBadRequest) // want `followed by fmt.Fprintln at line 61 on the path where it == ""`
		}
	}
	for _, it := range items {
		fmt.Fprintln(w, it)
	}
}

func sameBlock(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gone", http.StatusGone) // want `followed by w.Write at line 67; missing return\?`
	w.Write([]byte("more"))
}

// Negative cases.

func withReturn(w http.ResponseWriter, r *http.Request) {
	v, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(v)
}

func elseBranch(w http.ResponseWriter, r *http.Request) {
	v, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	} else {
		json.NewEncoder(w).Encode(v)
	}
}

// The error status comes with a body, then the handler returns.
func statusAndBody(w http.ResponseWriter, r *http.Request) {
	if _, err := load(r); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "error: %v", err)
		return
	}
	fmt.Fprint(w, "ok")
}

// A shared body after a conditional error status is deliberate.
func sharedBody(w http.ResponseWriter, r *http.Request) {
	resp := map[string]string{}
	if _, err := load(r); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		resp["error"] = err.Error()
	}
	json.NewEncoder(w).Encode(resp)
}

// Correlated conditions: the paths that would write twice are infeasible.
func correlated(w http.ResponseWriter, r *http.Request) {
	_, err := load(r)
	if err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
	}
	if err == nil {
		w.Write([]byte("ok"))
	}
}

func logFatal(w http.ResponseWriter, r *http.Request) {
	if r == nil {
		http.Error(w, "no request", http.StatusBadRequest)
		panic("unreachable")
	}
	w.Write([]byte("ok"))
}

// Flags set next to the error write are followed.
func flag(w http.ResponseWriter, r *http.Request) {
	ok := true
	for _, v := range r.URL.Query()["v"] {
		if v == "" {
			http.Error(w, "empty value", http.StatusBadRequest)
			ok = false
			break
		}
	}
	if !ok {
		return
	}
	w.Write([]byte("ok"))
}

func statusVar(w http.ResponseWriter, r *http.Request) {
	status := 0
	if r.URL.Path == "" {
		w.WriteHeader(http.StatusNotFound)
		status = http.StatusNotFound
	}
	if status == 0 {
		w.WriteHeader(http.StatusOK)
	}
}

func redirect(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("session"); err != nil {
		http.Redirect(w, r, "/login", http.StatusFound) // want `http.Redirect at line 158 is followed by fmt.Fprint at line 160 on the path where err != nil; missing return\?`
	}
	fmt.Fprint(w, "welcome")
}

func redirectReturn(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("session"); err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	fmt.Fprint(w, "welcome")
}

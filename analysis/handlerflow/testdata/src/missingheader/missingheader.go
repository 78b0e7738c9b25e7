package missingheader

import "net/http"

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated) // want `w.WriteHeader\(http.StatusCreated\) at line 6 sends 201 without a Location header$`
}

func redirect(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(301) // want `sends 301 without a Location header`
}

func unauthorized(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) // want `sends 401 without a WWW-Authenticate header`
}

func notAllowed(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusMethodNotAllowed) // want `sends 405 without an? Allow header on the path where r.Method != http.MethodGet`
		return
	}
	w.Write([]byte("ok"))
}

// Negative cases.

// A header set on some path shows that the author knew of it.
func sometimes(w http.ResponseWriter, r *http.Request) {
	u := r.FormValue("next")
	if u != "" {
		w.Header().Set("Location", u)
	}
	w.WriteHeader(http.StatusSeeOther)
}

func createdOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Location", "/items/1")
	w.WriteHeader(http.StatusCreated)
}

func lowerCase(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("location", "/items/1")
	w.WriteHeader(http.StatusCreated)
}

func mapAssign(w http.ResponseWriter, r *http.Request) {
	w.Header()["Www-Authenticate"] = []string{`Basic realm="x"`}
	w.WriteHeader(http.StatusUnauthorized)
}

func allow(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Allow", "GET, HEAD")
	w.WriteHeader(http.StatusMethodNotAllowed)
}

func viaRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/", http.StatusMovedPermanently)
}

func variableCode(w http.ResponseWriter, r *http.Request) {
	code := http.StatusCreated
	w.WriteHeader(code)
}

func helperSets(w http.ResponseWriter, r *http.Request) {
	setLocation(w, "/x")
	w.WriteHeader(http.StatusFound)
}

func helperSetsHeader(w http.ResponseWriter, r *http.Request) {
	setLocationHeader(w.Header(), "/x")
	w.WriteHeader(http.StatusFound)
}

func dynamicKey(w http.ResponseWriter, r *http.Request) {
	k := r.FormValue("k")
	w.Header().Set(k, "/x")
	w.WriteHeader(http.StatusFound)
}

func notModified(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotModified)
}

func setLocation(w http.ResponseWriter, u string) { w.Header().Set("Location", u) }

func setLocationHeader(h http.Header, u string) { h.Set("Location", u) }

// A loop may set the header.
func allowLoop(w http.ResponseWriter, r *http.Request) {
	for _, m := range []string{"GET", "HEAD"} {
		w.Header().Add("Allow", m)
	}
	w.WriteHeader(http.StatusMethodNotAllowed)
}

// Middleware that turns a method away before the resource's own handler
// does not know the resource's methods, so it is not told to list them.
func rejectHead(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// The same middleware still owes a 401 its challenge.
func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized) // want `sends 401 without a WWW-Authenticate header`
			return
		}
		next.ServeHTTP(w, r)
	})
}

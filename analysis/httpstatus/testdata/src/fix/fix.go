package fix

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)                      // want `use http.StatusNotFound instead of the literal 404`
	http.Error(w, "slow down", (429))       // want `use http.StatusTooManyRequests instead of the literal 429`
	http.Redirect(w, r, "/login", 303)      // want `use http.StatusSeeOther instead of the literal 303`
	resp := &http.Response{StatusCode: 200} // want `use http.StatusOK instead of the literal 200`
	resp.StatusCode = 0x1F7                 // want `use http.StatusServiceUnavailable instead of the literal 0x1F7`
	w.WriteHeader(http.StatusNoContent)     // already a constant
	w.WriteHeader(499)                      // no net/http constant for 499: only the vendor-code check applies
}

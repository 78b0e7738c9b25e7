package allow

import "net/http"

const clientClosed = 499

func handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(clientClosed)            // allowed
	w.WriteHeader(520)                     // allowed
	w.WriteHeader(522)                     // want `522 Connection Timed Out: a non-standard Cloudflare code`
	http.Redirect(w, r, "/", clientClosed) // want `http.Redirect with 499 Client Closed Request, which is not a redirect`
	w.WriteHeader(http.StatusTeapot)       // deprecated-code is disabled
}

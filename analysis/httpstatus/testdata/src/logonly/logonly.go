// Package logonly uses codes that are only ever written to logs.
package logonly

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(499)                        // want `^WriteHeader with 499 Client Closed Request: a code that Nginx only writes to logs; it is never sent to a client$`
	resp := &http.Response{StatusCode: 460}   // want `^http.Response.StatusCode with 460 Client Closed Connection: a code that AWS ELB only writes to logs; it is never sent to a client$`
	http.Redirect(w, r, "/", resp.StatusCode) // not a constant
	http.Redirect(w, r, "/", 444)             // want `^http.Redirect with 444 No Response: a code that Nginx only writes to logs` `^http.Redirect with 444 No Response, which is not a redirect \(the code is only written to logs\)$`
	w.WriteHeader(522)                        // want `use 504 Gateway Timeout instead`
	w.WriteHeader(409)                        // want `use http.StatusConflict instead`
}

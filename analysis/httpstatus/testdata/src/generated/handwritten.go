package generated

import "net/http"

func handler(w http.ResponseWriter) {
	w.WriteHeader(777) // want `WriteHeader with 777: not an HTTP status code`
}

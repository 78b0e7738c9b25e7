package fixalias

import nethttp "net/http"

func handler(w nethttp.ResponseWriter) {
	w.WriteHeader(201) // want `use http.StatusCreated instead of the literal 201`
}

// Package helperlib has response helpers for package helpers.
package helperlib

import (
	"encoding/json"
	"net/http"
)

// WriteError writes an error response.
func WriteError(w http.ResponseWriter, err error) { // want WriteError:"writes an error status through parameter 0"
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// WriteJSON writes v as JSON with the given status.
func WriteJSON(code int, w http.ResponseWriter, v any) error { // want WriteJSON:"writes the header through parameter 1"
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	return json.NewEncoder(w).Encode(v)
}

// MaybeWrite writes only sometimes, so it is no helper.
func MaybeWrite(w http.ResponseWriter, ok bool) {
	if ok {
		w.WriteHeader(http.StatusOK)
	}
}

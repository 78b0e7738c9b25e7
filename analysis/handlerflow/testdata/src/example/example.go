// Package example holds the example from the package documentation.
package example

import (
	"encoding/json"
	"net/http"
)

func load(*http.Request) (any, error) { return nil, nil }

func get(w http.ResponseWriter, r *http.Request) {
	v, err := load(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error at line 14 is followed by json.NewEncoder\(w\).Encode at line 17 on the path where err != nil; missing return\?$`
	}
	w.Header().Set("Content-Type", "application/json") // want `^w.Header\(\).Set at line 16 has no effect: http.Error at line 14 already wrote the header on the path where err != nil$`
	json.NewEncoder(w).Encode(v)
}

// Package nofix does not import net/http, so the literal is reported
// without a fix.
package nofix

import "net/http/httptest"

func record() {
	rec := httptest.NewRecorder()
	rec.WriteHeader(500) // want `use http.StatusInternalServerError instead of the literal 500`
}

// Package lib has functions that send status codes without the analyzer
// knowing: the tests name them with Config.Places.
package lib

// Resp sends responses.
type Resp struct{}

// Send sends the status code.
func Send(w any, code int) {}

// Reply redirects with the status code.
func (r *Resp) Reply(code int) {}

// Other is not a configured place.
func (r *Resp) Other(code int) {}

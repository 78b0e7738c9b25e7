// Package caddyhttp is a stub of Caddy's HTTP module package.
package caddyhttp

// HandlerError is an error with a status code.
type HandlerError struct {
	StatusCode int
	Err        error
}

func (e HandlerError) Error() string { return "" }

// Error returns a HandlerError with the status code.
func Error(statusCode int, err error) HandlerError { return HandlerError{statusCode, err} }

// StaticResponse is a handler with a configured status.
type StaticResponse struct{ StatusCode string }

// Package echo is a stub of github.com/labstack/echo/v4 with just the types
// and functions the tests use.
package echo

import "io"

// Context is the request context.
type Context interface {
	JSON(code int, i any) error
	JSONPretty(code int, i any, indent string) error
	JSONBlob(code int, b []byte) error
	String(code int, s string) error
	HTML(code int, html string) error
	XML(code int, i any) error
	Blob(code int, contentType string, b []byte) error
	Stream(code int, contentType string, r io.Reader) error
	NoContent(code int) error
	Redirect(code int, url string) error
	Attachment(file string, name string) error
}

// HTTPError is an error with a status code.
type HTTPError struct{ Code int }

func (e *HTTPError) Error() string { return "" }

// NewHTTPError returns an error that echo sends with the status code.
func NewHTTPError(code int, message ...any) *HTTPError { return &HTTPError{Code: code} }

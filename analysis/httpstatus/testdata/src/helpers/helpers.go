// Package helpers wraps the places where a status is sent; facts make the
// wrappers places too, for other packages.
package helpers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Respond writes the status and the body.
func Respond(w http.ResponseWriter, code int, body string) { // want Respond:"status at argument 1"
	w.WriteHeader(code)
	_, _ = w.Write([]byte(body))
}

// Wrap calls Respond, which makes it a place as well.
func Wrap(w http.ResponseWriter, status int) { Respond(w, (status), "") } // want Wrap:"status at argument 1"

// Fail aborts with an error status.
func Fail(c *gin.Context, status int, err error) { _ = c.AbortWithError(status, err) } // want Fail:"status at argument 1"

// GoTo redirects.
func GoTo(w http.ResponseWriter, r *http.Request, code int) { http.Redirect(w, r, "/", code) } // want GoTo:"status at argument 2"

// Bump changes the code before it sends it: not a place.
func Bump(w http.ResponseWriter, code int) {
	code++
	w.WriteHeader(code)
}

// Double sends another code than its argument: not a place.
func Double(w http.ResponseWriter, code int) { w.WriteHeader(code * 2) }

// Replier replies with a status.
type Replier struct{ W http.ResponseWriter }

// Reply sends the status.
func (r Replier) Reply(code int) { Wrap(r.W, code) } // want Reply:"status at argument 0"

// APIError carries the status that a framework writes later.
type APIError struct {
	Status  int
	Message string
}

// NewError keeps the status in the error: the code is chosen here.
func NewError(status int, msg string) *APIError { // want NewError:"status at argument 0"
	return &APIError{Status: status, Message: msg}
}

// Builder builds a response.
type Builder struct {
	statusCode int
	exitCode   int
}

// WithStatus sets the status of the response.
func (b *Builder) WithStatus(statusCode int) *Builder { // want WithStatus:"status at argument 0"
	b.statusCode = statusCode
	return b
}

// WithExit sets an exit code: not a status.
func (b *Builder) WithExit(code int) *Builder {
	b.exitCode = code
	return b
}

// Code is a code of another protocol, such as gRPC's codes.Code.
type Code uint32

// RPCError holds a code of that protocol.
type RPCError struct{ Status Code }

// NewRPCError keeps a typed code: not an HTTP status.
func NewRPCError(c Code) RPCError { return RPCError{Status: c} }

// Package gin is a stub of github.com/gin-gonic/gin with just the types and
// methods the tests use.
package gin

import (
	"io"
	"net/http"
)

// H is a map for JSON bodies.
type H map[string]any

// Error is an error attached to a Context.
type Error struct{ Err error }

// ResponseWriter is gin's writer interface.
type ResponseWriter interface {
	http.ResponseWriter
	Status() int
}

// Context is the request context.
type Context struct {
	Writer  http.ResponseWriter
	Request *http.Request
}

func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Status(code int)                                {}
func (c *Context) AbortWithStatus(code int)                       {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any)      {}
func (c *Context) AbortWithError(code int, err error) *Error      { return nil }
func (c *Context) Redirect(code int, location string)             {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) YAML(code int, obj any)                         {}
func (c *Context) HTML(code int, name string, obj any)            {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) PureJSON(code int, obj any)                     {}
func (c *Context) SecureJSON(code int, obj any)                   {}
func (c *Context) JSONP(code int, obj any)                        {}
func (c *Context) AsciiJSON(code int, obj any)                    {}
func (c *Context) ProtoBuf(code int, obj any)                     {}
func (c *Context) File(filepath string)                           {}
func (c *Context) DataFromReader(code int, contentLength int64, contentType string, reader io.Reader, extraHeaders map[string]string) {
}

// Package frameworks sends status codes through gin, echo, chi render and
// Caddy.
package frameworks

import (
	"net/http"

	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/render"
	"github.com/labstack/echo/v4"
)

// myContext embeds gin's context: its methods are still gin's.
type myContext struct{ *gin.Context }

func ginHandler(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{})
	c.JSON(4040, nil)                      // want `^gin.Context.JSON with 4040: not an HTTP status code`
	c.String(522, "%d", 1)                 // want `^gin.Context.String with 522 Connection Timed Out: a non-standard Cloudflare code`
	c.Status(http.StatusTeapot)            // want `^gin.Context.Status with 418 I'm a teapot: the code is reserved`
	c.AbortWithStatus(299)                 // want `^gin.Context.AbortWithStatus with 299: the code is not registered`
	c.AbortWithStatusJSON(509, nil)        // want `^gin.Context.AbortWithStatusJSON with 509 Bandwidth Limit Exceeded: a non-standard`
	_ = c.AbortWithError(200, nil)         // want `^gin.Context.AbortWithError with 200 OK, which is not an error status`
	_ = c.AbortWithError(500, nil)         // an error
	c.Redirect(http.StatusOK, "/")         // want `^gin.Context.Redirect with 200 OK, which is not a redirect`
	c.Redirect(http.StatusFound, "/")      // a redirect
	c.Data(777, "text/plain", nil)         // want `^gin.Context.Data with 777`
	c.XML(777, nil)                        // want `^gin.Context.XML with 777`
	c.YAML(777, nil)                       // want `^gin.Context.YAML with 777`
	c.HTML(777, "page", nil)               // want `^gin.Context.HTML with 777`
	c.IndentedJSON(777, nil)               // want `^gin.Context.IndentedJSON with 777`
	c.PureJSON(777, nil)                   // want `^gin.Context.PureJSON with 777`
	c.SecureJSON(777, nil)                 // want `^gin.Context.SecureJSON with 777`
	c.JSONP(777, nil)                      // want `^gin.Context.JSONP with 777`
	c.AsciiJSON(777, nil)                  // want `^gin.Context.AsciiJSON with 777`
	c.ProtoBuf(777, nil)                   // want `^gin.Context.ProtoBuf with 777`
	c.DataFromReader(777, 0, "", nil, nil) // want `^gin.Context.DataFromReader with 777`
	c.File("index.html")
	c.JSON(499, nil) // log-only: no replacement suggested
	c.JSON(-1, nil)  // gin's "keep the current status": a framework's sentinel, not a code
	m := myContext{c}
	m.JSON(777, nil) // want `^gin.Context.JSON with 777`
}

func echoHandler(c echo.Context) error {
	_ = c.JSON(777, nil)                    // want `^echo.Context.JSON with 777`
	_ = c.JSONPretty(777, nil, " ")         // want `^echo.Context.JSONPretty with 777`
	_ = c.JSONBlob(777, nil)                // want `^echo.Context.JSONBlob with 777`
	_ = c.String(777, "")                   // want `^echo.Context.String with 777`
	_ = c.HTML(777, "")                     // want `^echo.Context.HTML with 777`
	_ = c.XML(777, nil)                     // want `^echo.Context.XML with 777`
	_ = c.Blob(777, "", nil)                // want `^echo.Context.Blob with 777`
	_ = c.Stream(777, "", nil)              // want `^echo.Context.Stream with 777`
	_ = c.NoContent(http.StatusUseProxy)    // want `^echo.Context.NoContent with 305 Use Proxy: the code is deprecated`
	_ = c.Redirect(http.StatusCreated, "/") // want `^echo.Context.Redirect with 201 Created, which is not a redirect`
	_ = c.Redirect(http.StatusSeeOther, "/")
	_ = c.Attachment("a.txt", "a.txt")
	return echo.NewHTTPError(201, "created") // want `^echo.NewHTTPError with 201 Created, which is not an error status`
}

func chiHandler(w http.ResponseWriter, r *http.Request) {
	render.Status(r, 4040) // want `^render.Status with 4040: not an HTTP status code`
	render.Status(r, http.StatusCreated)
	render.JSON(w, r, 4040) // not a status
}

func caddyHandler() error {
	_ = caddyhttp.StaticResponse{StatusCode: "4040"}
	return caddyhttp.Error(302, nil) // want `^caddyhttp.Error with 302 Found, which is not an error status`
}

// lookalike has gin's method names but is not gin's context.
type lookalike struct{}

func (lookalike) JSON(code int, obj any) {}

func notFramework(l lookalike) {
	l.JSON(777, nil)
}

// errTeapot is a library's table entry: it names the code for whoever
// sends it, so no advice is given here; an impossible code still is.
var (
	errTeapot   = echo.NewHTTPError(http.StatusTeapot)
	errNotACode = echo.NewHTTPError(4180) // want `^echo.NewHTTPError with 4180: not an HTTP status code`
)

func useErrors() (error, error) { return errTeapot, errNotACode }

func netHTTPSentinel(w http.ResponseWriter) {
	w.WriteHeader(-1) // want `^WriteHeader with -1: not an HTTP status code`
}

// A writer of a framework's own type, though its interface embeds
// http.ResponseWriter, takes the framework's sentinel.
func ginWriter(w gin.ResponseWriter) {
	w.WriteHeader(-1)
}

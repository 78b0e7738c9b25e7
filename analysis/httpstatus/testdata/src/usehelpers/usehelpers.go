// Package usehelpers calls the helpers of another package.
package usehelpers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"helpers"
)

func handler(w http.ResponseWriter, r *http.Request, c *gin.Context) {
	helpers.Respond(w, 4040, "x")         // want `^helpers.Respond with 4040: not an HTTP status code`
	helpers.Respond(w, http.StatusOK, "") // fine
	helpers.Wrap(w, 522)                  // want `^helpers.Wrap with 522 Connection Timed Out: a non-standard Cloudflare code`
	helpers.Fail(c, 201, nil)             // want `^helpers.Fail with 201 Created, which is not an error status`
	helpers.GoTo(w, r, 200)               // want `^helpers.GoTo with 200 OK, which is not a redirect`
	helpers.Bump(w, 4040)
	helpers.Double(w, 4040)
	helpers.Replier{W: w}.Reply(777)  // want `^helpers.Replier.Reply with 777`
	local(w, 777)                     // want `^local with 777`
	_ = helpers.NewError(4220, "bad") // want `^helpers.NewError with 4220: not an HTTP status code`
	_ = helpers.NewError(http.StatusUnprocessableEntity, "bad")
	_ = helpers.NewError(0, "the framework's default") // a sentinel
	b := &helpers.Builder{}
	b.WithStatus(306)          // want `^helpers.Builder.WithStatus with 306 Unused: the code is reserved`
	b.WithExit(1)              // not a status
	_ = helpers.NewRPCError(5) // not a status
}

func local(w http.ResponseWriter, code int) { helpers.Wrap(w, code) } // want local:"status at argument 1"

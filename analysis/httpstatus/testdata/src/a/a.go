package a

import (
	"net/http"
	"net/http/httptest"

	"codes"
)

const teapot = 418

const (
	base    = 400
	tooMany = base + 29
)

func handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(teapot)                 // want `WriteHeader with 418 I'm a teapot: the code is reserved; use 400 Bad Request or 501 Not Implemented instead`
	w.WriteHeader(tooMany)                // standard, named constant: fine
	w.WriteHeader(499)                    // log-only: never told to use another code
	w.WriteHeader(404)                    // use-constant is opt-in
	w.WriteHeader(520 + 2)                // want `WriteHeader with 522 Connection Timed Out: a non-standard Cloudflare code; use 504 Gateway Timeout instead`
	w.WriteHeader(299)                    // want `WriteHeader with 299: the code is not registered; clients treat it as 200 OK`
	w.WriteHeader(777)                    // want `WriteHeader with 777: not an HTTP status code`
	w.WriteHeader(http.StatusProcessing)  // want `WriteHeader with 102 Processing: the code is deprecated; use 202 Accepted instead`
	w.WriteHeader(http.StatusUseProxy)    // want `the code is deprecated; use 307 Temporary Redirect instead`
	w.WriteHeader(http.StatusNotExtended) // want `WriteHeader with 510 Not Extended: the code is deprecated`

	http.Redirect(w, r, "/", http.StatusFound)
	http.Redirect(w, r, "/", http.StatusOK)            // want `http.Redirect with 200 OK, which is not a redirect`
	http.Redirect(w, r, "/", http.StatusNotModified)   // want `http.Redirect with 304 Not Modified, which is not a redirect`
	_ = http.RedirectHandler("/", http.StatusNotFound) // want `http.RedirectHandler with 404 Not Found, which is not a redirect`
	_ = http.RedirectHandler("/", http.StatusPermanentRedirect)

	http.Error(w, "bad", http.StatusBadRequest)
	http.Error(w, "x", http.StatusContinue)         // want `http.Error with informational 100 Continue: an interim response cannot carry an error message`
	http.Error(w, "x", http.StatusCreated)          // want `http.Error with 201 Created, which is not an error status`
	http.Error(w, "x", http.StatusMovedPermanently) // want `http.Error with 301 Moved Permanently, which is not an error status`

	_ = http.StatusText(http.StatusTeapot) // StatusText sends nothing
	_ = http.StatusText(561)
}

func responses() {
	resp := &http.Response{StatusCode: 460} // log-only
	resp.StatusCode = 509                   // want `http.Response.StatusCode with 509 Bandwidth Limit Exceeded: a non-standard Apache/cPanel code; use 429 Too Many Requests or 503 Service Unavailable instead`
	resp.StatusCode = http.StatusGatewayTimeout

	rec := httptest.NewRecorder()
	rec.WriteHeader(444) // log-only
	rec.WriteHeader(561) // want `WriteHeader with 561 Unauthorized: a non-standard AWS ELB code; use 401 Unauthorized instead`
}

// wrapper is a ResponseWriter of this package's own.
type wrapper struct{ http.ResponseWriter }

func (w *wrapper) WriteHeader(code int) { w.ResponseWriter.WriteHeader(code) } // want WriteHeader:"status at argument 0"

func wrapped(w *wrapper) {
	w.WriteHeader(420) // want `WriteHeader with 420 Enhance Your Calm: a non-standard Twitter code; use 429 Too Many Requests instead`
}

// notWriter has a WriteHeader method but is no ResponseWriter.
type notWriter struct{}

func (notWriter) WriteHeader(int) {}

func notChecked(w http.ResponseWriter, code int, other notWriter) { // want notChecked:"status at argument 1"
	w.WriteHeader(code) // not a constant
	other.WriteHeader(499)
	var c = 499
	w.WriteHeader(c) // a variable
	w.WriteHeader(status())
}

func status() int { return 499 }

func otherPackage(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(codes.Closed)    // a variable of another package: not checked
	w.WriteHeader(resp.StatusCode) // a field: not checked
	w.WriteHeader(codes.Calm)      // want `WriteHeader with 420 Enhance Your Calm: a non-standard Twitter code`
}

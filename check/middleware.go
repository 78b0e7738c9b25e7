package check

import (
	"bufio"
	"net"
	"net/http"
)

// Middleware returns HTTP middleware, in the standard
// func(http.Handler) http.Handler shape, that checks every response its
// handler sends and calls report with the request and the findings when
// there are any. It is meant for development and tests.
//
// What the client receives does not change: the middleware passes every
// call through to the underlying http.ResponseWriter and only keeps the
// final status, a copy of the header fields as they were when the status
// was sent, and the first bytes of the body (see Options.BodyLimit). It records
// what the handler writes even where net/http refuses it (a body on a 204,
// say), since that is what the checks look for. A handler that never calls
// WriteHeader is checked as 200. Interim 1xx responses other than 101 are
// not the final status; each is checked on its own, without a body.
// http.Flusher and http.Hijacker work through the wrapper, and
// http.ResponseController reaches the underlying writer through its Unwrap
// method. Hijacked connections and handlers that panic are not reported.
//
// report runs on the handler's goroutine after the handler returns; a nil
// report turns the checks off.
func Middleware(report func(*http.Request, []Finding), opts *Options) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if report == nil {
				next.ServeHTTP(w, r)
				return
			}
			rw := &recordingWriter{w: w, limit: opts.bodyLimit()}
			next.ServeHTTP(rw, r)
			if rw.hijacked {
				return
			}
			if fs := rw.findings(opts, r); len(fs) > 0 {
				report(r, fs)
			}
		})
	}
}

// interim is a 1xx response other than 101 that a handler sent before its
// final status.
type interim struct {
	code   int
	header http.Header
}

// recordingWriter passes everything through to w and records what the
// checks need.
type recordingWriter struct {
	w        http.ResponseWriter
	limit    int
	status   int         // the final status, 0 until sent
	header   http.Header // the header fields when the final status was sent
	interims []interim
	body     []byte // the first limit bytes written
	bodySent bool
	hijacked bool
}

// maxInterims bounds how many interim responses are kept for the checks.
const maxInterims = 8

// Header returns the underlying writer's header map.
func (rw *recordingWriter) Header() http.Header { return rw.w.Header() }

// WriteHeader passes the status on and records it: 1xx codes other than
// 101 as interim responses, anything else as the final status.
func (rw *recordingWriter) WriteHeader(code int) {
	rw.w.WriteHeader(code)
	if rw.status != 0 || rw.hijacked {
		return
	}
	if code >= 100 && code <= 199 && code != http.StatusSwitchingProtocols {
		if len(rw.interims) < maxInterims {
			rw.interims = append(rw.interims, interim{code, rw.w.Header().Clone()})
		}
		return
	}
	rw.commit(code)
}

func (rw *recordingWriter) commit(code int) {
	rw.status = code
	rw.header = rw.w.Header().Clone()
}

// Write passes p on and keeps the first bytes of the body.
func (rw *recordingWriter) Write(p []byte) (int, error) {
	if rw.status == 0 && !rw.hijacked {
		rw.commit(http.StatusOK)
	}
	if len(p) > 0 {
		rw.bodySent = true
		if room := rw.limit - len(rw.body); room > 0 {
			rw.body = append(rw.body, p[:min(room, len(p))]...)
		}
	}
	return rw.w.Write(p)
}

// Flush implements http.Flusher. It flushes the underlying writer when it
// can and does nothing otherwise.
func (rw *recordingWriter) Flush() { _ = rw.FlushError() }

// FlushError flushes the underlying writer and returns its error; it is
// what http.ResponseController.Flush calls.
func (rw *recordingWriter) FlushError() error {
	if rw.status == 0 && !rw.hijacked {
		rw.commit(http.StatusOK)
	}
	return http.NewResponseController(rw.w).Flush()
}

// Hijack implements http.Hijacker by hijacking the underlying writer; it
// returns an error wrapping http.ErrNotSupported when that cannot hijack.
func (rw *recordingWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, buf, err := http.NewResponseController(rw.w).Hijack()
	if err == nil {
		rw.hijacked = true
	}
	return conn, buf, err
}

// Unwrap returns the underlying writer, for http.ResponseController.
func (rw *recordingWriter) Unwrap() http.ResponseWriter { return rw.w }

// findings checks the interim responses and the final one.
func (rw *recordingWriter) findings(opts *Options, r *http.Request) []Finding {
	var out []Finding
	for _, in := range rw.interims {
		ex := Exchange{Method: r.Method, RequestHeader: r.Header, Status: in.code, Header: in.header}
		out = append(out, Run(ex, opts)...)
	}
	status, header := rw.status, rw.header
	if status == 0 {
		status, header = http.StatusOK, rw.w.Header().Clone()
	}
	ex := Exchange{
		Method: r.Method, RequestHeader: r.Header, Status: status, Header: header,
		BodySent: rw.bodySent, Body: rw.body,
	}
	if ex.Method == "" {
		ex.Method = http.MethodGet
	}
	if _, ok := header["Content-Type"]; !ok && len(rw.body) > 0 {
		// net/http sniffs the type of a body sent without Content-Type.
		ex.ContentType = http.DetectContentType(rw.body)
	}
	return append(out, Run(ex, opts)...)
}

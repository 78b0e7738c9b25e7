package check

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"sync"
)

//go:generate go run gen_writers.go

// Middleware returns HTTP middleware, in the standard
// func(http.Handler) http.Handler shape, that checks every response its
// handler sends and reports the findings, if any, to report. A nil report
// turns the checks off.
//
// What the client receives does not change, nor when. The middleware
// passes every call through to the underlying http.ResponseWriter, and the
// writer it hands the handler offers exactly the optional interfaces of the
// writer under it (http.Flusher, http.Hijacker, io.ReaderFrom, so that
// sendfile still happens, io.StringWriter and http.Pusher) plus an Unwrap
// method for http.ResponseController. It keeps the final status, the first
// bytes of the body (see Options.BodyLimit) and the number of bytes
// written; the header is read when the handler returns (so a field set
// after the status was sent, which the client never sees, is taken as
// sent). A handler that never calls WriteHeader is checked as 200. Interim
// 1xx responses are checked on their own, and a 101 when it is written, so
// an upgraded connection is checked although it is hijacked. Handlers that
// panic, and other hijacked connections, are not reported. A body sent
// through io.ReaderFrom (a file) is counted but not read.
//
// report runs on a goroutine of its own once the handler has returned, so
// it cannot delay the response, and a panic in it is recovered and
// dropped. Calls for different requests may run at the same time.
func Middleware(report func(*http.Request, []Finding), opts *Options) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if report == nil {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := recorderPool.Get().(*recorder)
			rec.reset(w, r, opts)
			next.ServeHTTP(wrap(rec, optionalMask(w)), r)
			fs := rec.findings()
			rec.release()
			// Handlers must not use the writer once they have returned
			// (net/http's rule), so the recorder can serve another request;
			// nothing in fs refers to it. Drop what it refers to.
			rec.w, rec.req, rec.opts, rec.early, rec.body = nil, nil, nil, nil, nil
			rec.ex.RequestHeader, rec.ex.Header, rec.ex.Body = nil, nil, nil
			recorderPool.Put(rec)
			if len(fs) == 0 {
				return
			}
			spawn(func() {
				defer func() { _ = recover() }()
				report(r, fs)
			})
		})
	}
}

// spawn starts report calls; tests replace it to wait for them.
var spawn = func(f func()) { go f() }

// optionalMask returns the optional interfaces w implements, as the bits
// of wrap's mask.
func optionalMask(w http.ResponseWriter) uint8 {
	var m uint8
	if _, ok := w.(http.Flusher); ok {
		m |= 1 << 0
	}
	if _, ok := w.(http.Hijacker); ok {
		m |= 1 << 1
	}
	if _, ok := w.(io.ReaderFrom); ok {
		m |= 1 << 2
	}
	if _, ok := w.(io.StringWriter); ok {
		m |= 1 << 3
	}
	if _, ok := w.(http.Pusher); ok {
		m |= 1 << 4
	}
	return m
}

// recorderPool holds recorders between requests.
var recorderPool = sync.Pool{New: func() any { return new(recorder) }}

// bodyPool holds body buffers of DefaultBodyLimit bytes. The recorder
// owns its buffer until the checks have run: nothing it hands out refers
// to the body.
var bodyPool = sync.Pool{New: func() any {
	b := make([]byte, DefaultBodyLimit)
	return &b
}}

// release returns the body buffer to the pool.
func (rw *recorder) release() {
	if rw.pooled != nil {
		rw.body, rw.ex.Body = nil, nil
		bodyPool.Put(rw.pooled)
		rw.pooled = nil
	}
}

// inlineBody is how many body bytes a recorder keeps without a further
// allocation.
const inlineBody = 128

// recorder passes everything through to w and records what the checks
// need. The writer types of writers_gen.go are recorders under other names.
type recorder struct {
	w     http.ResponseWriter
	req   *http.Request
	opts  *Options
	limit int

	status   int   // the final status, 0 until sent
	size     int64 // body bytes the underlying writer accepted
	bodySent bool
	hijacked bool
	early    []Finding // findings on interim responses, a 101 included
	ex       Exchange  // the final exchange, built when the handler returns
	pooled   *[]byte   // the body buffer from bodyPool, returned after the checks
	body     []byte    // the first limit bytes written; aliases inline while it fits
	inline   [inlineBody]byte
}

// reset readies a recorder from the pool for a request; what the last
// request left that refers to memory was dropped when it was put back.
func (rw *recorder) reset(w http.ResponseWriter, r *http.Request, opts *Options) {
	rw.w, rw.req, rw.opts, rw.limit = w, r, opts, opts.bodyLimit()
	rw.status, rw.size, rw.bodySent, rw.hijacked = 0, 0, false, false
}

// Header returns the underlying writer's header map.
func (rw *recorder) Header() http.Header { return rw.w.Header() }

// Unwrap returns the underlying writer, for http.ResponseController.
func (rw *recorder) Unwrap() http.ResponseWriter { return rw.w }

// WriteHeader passes the status on and records it. Interim 1xx responses,
// and a 101 before its connection is hijacked, are checked at once, with
// the header as it is now.
func (rw *recorder) WriteHeader(code int) {
	rw.w.WriteHeader(code)
	if rw.status != 0 || rw.hijacked {
		return
	}
	if code >= 100 && code <= 199 {
		if len(rw.early) < maxEarly {
			var ex Exchange
			rw.exchange(&ex, code)
			ex.Header = ex.Header.Clone()
			rw.early = append(rw.early, run(&ex, rw.opts)...)
		}
		if code == http.StatusSwitchingProtocols {
			rw.status = code
		}
		return
	}
	rw.status = code
}

// maxEarly bounds the findings kept on interim responses.
const maxEarly = 16

// Write passes p on and keeps the first bytes of the body.
func (rw *recorder) Write(p []byte) (int, error) {
	rw.implicitOK()
	n, err := rw.w.Write(p)
	wrote(rw, p, n, err)
	return n, err
}

func (rw *recorder) writeString(s string) (int, error) {
	rw.implicitOK()
	n, err := rw.w.(io.StringWriter).WriteString(s)
	wrote(rw, s, n, err)
	return n, err
}

// wrote records a write of p that the underlying writer answered with n
// and err.
func wrote[T ~string | ~[]byte](rw *recorder, p T, n int, err error) {
	if n <= 0 {
		if len(p) > 0 && err == http.ErrBodyNotAllowed {
			// The handler tried to send a body where none may be: that
			// is what the checks look for, though net/http drops it.
			rw.bodySent = true
			keep(rw, p)
		}
		return
	}
	rw.bodySent = true
	rw.size += int64(n)
	keep(rw, p[:min(n, len(p))])
}

// readFrom passes src to the underlying writer's ReadFrom, so that a file
// still goes out with sendfile; the bytes are counted, not kept.
func (rw *recorder) readFrom(src io.Reader) (int64, error) {
	rw.implicitOK()
	n, err := rw.w.(io.ReaderFrom).ReadFrom(src)
	if n > 0 {
		rw.bodySent = true
		rw.size += n
	}
	return n, err
}

func (rw *recorder) flush() {
	rw.implicitOK()
	rw.w.(http.Flusher).Flush()
}

func (rw *recorder) hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, buf, err := rw.w.(http.Hijacker).Hijack()
	if err == nil {
		rw.hijacked = true
	}
	return conn, buf, err
}

func (rw *recorder) push(target string, opts *http.PushOptions) error {
	return rw.w.(http.Pusher).Push(target, opts)
}

// implicitOK records the 200 that net/http sends when a handler writes or
// flushes without calling WriteHeader.
func (rw *recorder) implicitOK() {
	if rw.status == 0 && !rw.hijacked {
		rw.status = http.StatusOK
	}
}

// keep appends the start of p to the kept body of rw, up to the limit.
func keep[T ~string | ~[]byte](rw *recorder, p T) {
	room := rw.limit - len(rw.body)
	if room <= 0 {
		return
	}
	p = p[:min(room, len(p))]
	if rw.body == nil {
		rw.body = rw.inline[:0]
	}
	if len(rw.body)+len(p) > cap(rw.body) {
		// Outgrown the inline buffer: with the default limit, one buffer
		// of the whole limit from the pool.
		// Other limits grow the buffer with what arrives, so a huge limit
		// costs nothing up front.
		if rw.limit == DefaultBodyLimit {
			rw.pooled = bodyPool.Get().(*[]byte)
			b := (*rw.pooled)[:len(rw.body)]
			copy(b, rw.body)
			rw.body = b
		}
	}
	rw.body = append(rw.body, p...)
}

// exchange fills ex with the exchange with the given status as it stands.
func (rw *recorder) exchange(ex *Exchange, status int) {
	r := rw.req
	*ex = Exchange{
		Method: r.Method, Path: r.URL.Path, RequestHeader: r.Header, Status: status, Header: rw.w.Header(),
		BodySent: rw.bodySent, Body: rw.body, BodySize: rw.size,
	}
	if ex.Method == "" {
		ex.Method = http.MethodGet
	}
}

// findings checks the final response and returns what was found on it
// and on the interim responses.
func (rw *recorder) findings() []Finding {
	if rw.hijacked || rw.status == http.StatusSwitchingProtocols {
		return rw.early
	}
	status := rw.status
	if status == 0 {
		status = http.StatusOK
	}
	ex := &rw.ex
	rw.exchange(ex, status)
	ex.sniff = true // net/http sniffs the type of a body sent without Content-Type
	fs := run(ex, rw.opts)
	if len(rw.early) == 0 {
		return fs
	}
	return append(rw.early, fs...)
}

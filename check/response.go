package check

import (
	"errors"
	"io"
	"net/http"
)

// Response applies the rules to a response a client received for req.
// When req is nil it uses resp.Request, and when that is nil too the rules
// about the request are skipped. A nil resp gives nil.
//
// To see the start of the body it reads up to Options.BodyLimit bytes and
// puts them back in front of resp.Body, so the caller still reads the
// whole body, and a read error comes back to the caller unchanged, in its
// place. It allocates only what it reads, whatever the limit. It never
// reads the body of a response that has none (1xx, 204, 304, or a
// response to HEAD), leaves the body of a 101 alone (it is the upgraded
// connection, an io.ReadWriteCloser), and does not wait on a streaming
// media type (text/event-stream, application/x-ndjson, gRPC and the like)
// unless Options.ReadStreams is set.
func Response(req *http.Request, resp *http.Response, opts *Options) []Finding {
	if resp == nil {
		return nil
	}
	if req == nil {
		req = resp.Request
	}
	ex := Exchange{Status: resp.StatusCode, Header: resp.Header, BodySent: resp.ContentLength > 0}
	if req != nil {
		ex.Method, ex.RequestHeader = req.Method, req.Header
		if req.URL != nil {
			ex.Path = req.URL.Path
		}
		if ex.Method == "" {
			ex.Method = http.MethodGet
		}
	}
	if readable(&ex, resp, opts) {
		ex.Body, resp.Body = peek(resp.Body, opts.bodyLimit())
		ex.BodySent = ex.BodySent || len(ex.Body) > 0
	}
	return run(&ex, opts)
}

// readable reports whether Response may read the start of resp's body.
func readable(ex *Exchange, resp *http.Response, opts *Options) bool {
	switch {
	case resp.Body == nil || resp.Body == http.NoBody || opts.bodyLimit() == 0:
		return false
	case ex.isHead(), resp.StatusCode >= 100 && resp.StatusCode <= 199,
		resp.StatusCode == http.StatusNoContent, resp.StatusCode == http.StatusNotModified:
		return false
	case isStreamingType(ex.mediaType()) && (opts == nil || !opts.ReadStreams):
		return false
	}
	return true
}

// peek reads up to limit bytes from body and returns them with a body
// that yields them again and then the rest. The buffer grows with what
// arrives, so a huge limit costs nothing up front. A read error other
// than io.EOF is kept and returned, unchanged, after the bytes read.
func peek(body io.ReadCloser, limit int) ([]byte, io.ReadCloser) {
	const chunk = 512
	var buf []byte
	var err error
	for len(buf) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, make([]byte, min(max(chunk, cap(buf)), limit-len(buf)))...)[:len(buf)]
		}
		var n int
		n, err = body.Read(buf[len(buf):min(cap(buf), limit)])
		buf = buf[:len(buf)+n]
		if err != nil {
			break
		}
	}
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return buf, &peekedBody{head: buf, err: err, body: body}
}

// peekedBody yields the bytes Response read, then the error it met, if
// any, then the rest of the original body. It closes the original.
type peekedBody struct {
	head []byte
	err  error
	body io.ReadCloser
}

func (p *peekedBody) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	if p.err != nil {
		return 0, p.err
	}
	return p.body.Read(b)
}

func (p *peekedBody) Close() error { return p.body.Close() }

package check

import (
	"bytes"
	"io"
	"net/http"
)

// Response applies the rules to a response a client received for req.
// When req is nil it uses resp.Request, and when that is nil too the rules
// about the request are skipped. It reads the first bytes of resp.Body (see
// Options.BodyLimit) and puts them back, so the caller can still read the
// whole body. A nil resp gives nil.
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
		if ex.Method == "" {
			ex.Method = http.MethodGet
		}
	}
	if n := opts.bodyLimit(); resp.Body != nil && resp.Body != http.NoBody && n > 0 {
		buf := make([]byte, n)
		k, err := io.ReadFull(resp.Body, buf)
		ex.Body = buf[:k]
		var rest io.Reader = resp.Body
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			rest = errReader{err}
		}
		resp.Body = prefixedBody{io.MultiReader(bytes.NewReader(ex.Body), rest), resp.Body}
	}
	return Run(ex, opts)
}

// prefixedBody puts read bytes back in front of a response body.
type prefixedBody struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

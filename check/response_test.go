package check

import (
	"bufio"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockingBody fails the test if Response reads it.
type blockingBody struct{ t *testing.T }

func (b blockingBody) Read([]byte) (int, error) {
	b.t.Error("Response read a body it must leave alone")
	return 0, io.EOF
}
func (blockingBody) Close() error { return nil }

func TestResponseLeavesBodiesAlone(t *testing.T) {
	tests := []struct {
		name   string
		method string
		status int
		ct     string
		opts   *Options
	}{
		{"101", "GET", 101, "", nil},
		{"103", "GET", 103, "", nil},
		{"204", "DELETE", 204, "", nil},
		{"304", "GET", 304, "", nil},
		{"HEAD", "HEAD", 200, "application/json", nil},
		{"event stream", "GET", 200, "text/event-stream", nil},
		{"ndjson", "GET", 200, "application/x-ndjson; charset=utf-8", nil},
		{"grpc", "POST", 200, "application/grpc", nil},
		{"no limit", "GET", 200, "application/json", &Options{BodyLimit: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := blockingBody{t}
			req := httptest.NewRequest(tc.method, "/", nil)
			resp := &http.Response{StatusCode: tc.status, Header: http.Header{}, Body: body, Request: req}
			if tc.ct != "" {
				resp.Header.Set("Content-Type", tc.ct)
			}
			Response(nil, resp, tc.opts)
			assert.Equal(t, io.ReadCloser(body), resp.Body, "the body is the original")
		})
	}
}

func TestResponseReadsStreamsWhenAsked(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: hdr("Content-Type", "text/event-stream"),
		Body: io.NopCloser(strings.NewReader("data: {\"error\": 1}\n\n"))}
	Response(httptest.NewRequest("GET", "/", nil), resp, &Options{ReadStreams: true})
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "data: {\"error\": 1}\n\n", string(b))
}

// TestResponseKeepsUpgradedConnection upgrades a real connection and
// checks that the body is still the connection after Response.
func TestResponseKeepsUpgradedConnection(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		brw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
		brw.Flush()
		line, _ := brw.ReadString('\n')
		brw.WriteString("echo: " + line)
		brw.Flush()
	}))
	defer ts.Close()
	req, err := http.NewRequest(http.MethodGet, ts.URL, nil)
	require.NoError(t, err)
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "echo")
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusSwitchingProtocols, resp.StatusCode)

	var fs []Finding
	finished := make(chan struct{})
	go func() {
		fs = Response(req, resp, nil)
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(10 * time.Second): // a hang guard, not a speed bound
		t.Fatal("Response waited on the upgraded connection")
	}
	assert.Empty(t, fs)
	rwc, ok := resp.Body.(io.ReadWriteCloser)
	require.True(t, ok, "the upgraded connection is still an io.ReadWriteCloser")
	_, err = io.WriteString(rwc, "hello\n")
	require.NoError(t, err)
	line, err := bufio.NewReader(rwc).ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "echo: hello\n", line)
	rwc.Close()
}

// TestResponseDoesNotWaitOnEventStream reads a server-sent event stream
// that stays open.
func TestResponseDoesNotWaitOnEventStream(t *testing.T) {
	done := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: first\n\n")
		w.(http.Flusher).Flush()
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	defer ts.Close()
	defer close(done)
	resp, err := ts.Client().Get(ts.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	finished := make(chan struct{})
	go func() {
		Response(nil, resp, nil)
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(10 * time.Second): // a hang guard, not a speed bound
		t.Fatal("Response waited on an event stream")
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "data: first\n", line)
}

// countingBody serves n bytes of JSON and counts what was read.
type countingBody struct {
	r    io.Reader
	read int
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += n
	return n, err
}
func (*countingBody) Close() error { return nil }

func TestResponseHugeLimits(t *testing.T) {
	for _, limit := range []int{1 << 40, math.MaxInt, math.MaxInt32} {
		body := &countingBody{r: strings.NewReader(`{"error": "x"}`)}
		resp := &http.Response{StatusCode: 200, Header: hdr("Content-Type", "application/json"), Body: body}
		var fs []Finding
		allocs := testing.AllocsPerRun(1, func() {
			body.r = strings.NewReader(`{"error": "x"}`)
			resp.Body = body
			fs = Response(httptest.NewRequest("GET", "/", nil), resp, &Options{BodyLimit: limit})
		})
		assert.Less(t, allocs, 40.0, "limit %d: allocations do not grow with the limit", limit)
		assert.Equal(t, []string{"soft-error"}, ruleIDs(fs), "limit %d", limit)
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, `{"error": "x"}`, string(b))
	}
}

func TestResponseReadErrorsComeBackUnchanged(t *testing.T) {
	sentinel := errors.New("connection reset mid-body")
	resp := &http.Response{StatusCode: 200, Header: hdr("Content-Type", "application/json"),
		Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"id": 1`), &errAfter{sentinel}))}
	Response(httptest.NewRequest("GET", "/", nil), resp, nil)
	b, err := io.ReadAll(resp.Body)
	assert.Same(t, sentinel, err, "the very error the body returned")
	assert.Equal(t, `{"id": 1`, string(b))
}

type errAfter struct{ err error }

func (e *errAfter) Read([]byte) (int, error) { return 0, e.err }

// A body that returns data and an error in the same call keeps both.
type dataAndError struct{ done bool }

func (d *dataAndError) Read(p []byte) (int, error) {
	if d.done {
		return 0, io.EOF
	}
	d.done = true
	return copy(p, "abc"), net.ErrClosed
}

func TestResponseDataWithError(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: hdr("Content-Type", "text/plain"), Body: io.NopCloser(&dataAndError{})}
	Response(httptest.NewRequest("GET", "/", nil), resp, nil)
	b, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, net.ErrClosed)
	assert.Equal(t, "abc", string(b))
}

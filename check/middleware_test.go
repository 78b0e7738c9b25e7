package check

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncReports makes Middleware call report before ServeHTTP returns, for
// the length of the test.
func syncReports(t *testing.T) {
	saved := spawn
	spawn = func(f func()) { f() }
	t.Cleanup(func() { spawn = saved })
}

// collector gathers what Middleware reports; safe for concurrent use.
type collector struct {
	mu    sync.Mutex
	calls int
	found []Finding
}

func (c *collector) report(_ *http.Request, fs []Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	c.found = append(c.found, fs...)
}

func (c *collector) ids() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ruleIDs(c.found)
}

// newServer starts a test server for h that does not log to stderr.
func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

var dateLine = regexp.MustCompile(`(?m)^Date: [^\r\n]*\r\n`)

// rawExchange sends a raw HTTP/1.1 request and returns every byte the
// server sends back until it closes the connection, without Date lines.
func rawExchange(t *testing.T, ts *httptest.Server, request string) string {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, request)
	require.NoError(t, err)
	b, err := io.ReadAll(conn)
	require.NoError(t, err)
	return dateLine.ReplaceAllString(string(b), "")
}

// transparencyHandlers exercise the ways a handler can write a response.
var transparencyHandlers = map[string]http.HandlerFunc{
	"implicit 200": func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello\n") },
	"nothing":      func(w http.ResponseWriter, r *http.Request) {},
	"json 201": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Location", "/items/1")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id": 1}`)
	},
	"204 with body": func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		io.WriteString(w, "dropped")
	},
	"streamed": func(w http.ResponseWriter, r *http.Request) {
		for i := range 3 {
			fmt.Fprintf(w, "chunk %d\n", i)
			w.(http.Flusher).Flush()
		}
	},
	"controller": func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		io.WriteString(w, "first\n")
		if err := rc.Flush(); err != nil {
			panic(err)
		}
		io.WriteString(w, "second\n")
	},
	"early hints": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</style.css>; rel=preload; as=style")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "final\n")
	},
	"big": func(w http.ResponseWriter, r *http.Request) {
		for i := range 50 {
			io.WriteString(w, strings.Repeat(string(rune('a'+i%26)), 1000))
		}
	},
	"content length": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5")
		io.WriteString(w, "12345")
	},
	"trailer": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Trailer", "X-Sum")
		io.WriteString(w, "body\n")
		w.Header().Set("X-Sum", "42")
	},
	"superfluous": func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "not found\n")
	},
	"http.Error": func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "nope", http.StatusMethodNotAllowed)
	},
	"reads body": func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "got %d bytes\n", len(b))
	},
	"chunked trailers": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Trailer", "X-Checksum")
		w.Header().Set("Content-Type", "text/plain")
		for i := range 4 {
			fmt.Fprintf(w, "part %d\n", i)
			w.(http.Flusher).Flush()
		}
		w.Header().Set("X-Checksum", "abc")
		w.Header().Set(http.TrailerPrefix+"X-Late", "1")
	},
	"file": func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, transparencyFile)
	},
	"hijack": func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		brw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nraw")
		brw.Flush()
	},
	"panic after header": func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, "partial")
		panic(http.ErrAbortHandler)
	},
	"panic before header": func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	},
	"string writer": func(w http.ResponseWriter, r *http.Request) {
		w.(io.StringWriter).WriteString("via WriteString\n")
	},
	"read from": func(w http.ResponseWriter, r *http.Request) {
		w.(io.ReaderFrom).ReadFrom(strings.NewReader("via ReadFrom\n"))
	},
}

// transparencyFile is a file of 3 MB that the "file" handler serves; set
// by TestMain.
var transparencyFile string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "check-test")
	if err != nil {
		panic(err)
	}
	transparencyFile = filepath.Join(dir, "big.bin")
	b := bytes.Repeat([]byte("0123456789abcdef"), 3<<16)
	if err := os.WriteFile(transparencyFile, b, 0o644); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestMiddlewareIsTransparent(t *testing.T) {
	requests := map[string]string{
		"GET":  "GET /x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n",
		"HEAD": "HEAD /x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n",
		"POST expect": "POST /x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n" +
			"Expect: 100-continue\r\nContent-Length: 4\r\n\r\nabcd",
		"HTTP/1.0": "GET /x HTTP/1.0\r\nHost: example.test\r\n\r\n",
	}
	reports := map[string]func(*http.Request, []Finding){
		"collecting": new(collector).report,
		"panicking":  func(*http.Request, []Finding) { panic("report failed") },
		"blocking":   func(*http.Request, []Finding) { select {} },
	}
	for hname, h := range transparencyHandlers {
		plain := newServer(t, h)
		for rpname, report := range reports {
			wrapped := newServer(t, Middleware(report, nil)(h))
			for rname, req := range requests {
				t.Run(hname+"/"+rpname+"/"+rname, func(t *testing.T) {
					want := rawExchange(t, plain, req)
					got := rawExchange(t, wrapped, req)
					if !strings.HasPrefix(hname, "panic") {
						require.NotEmpty(t, want)
					}
					assert.Equal(t, want, got)
				})
			}
		}
	}
}

// sendfileSpy stands between net/http and the middleware and records
// whether ReadFrom reached the connection's writer with a file, which is
// how net/http sends a file with sendfile(2).
type sendfileSpy struct {
	http.ResponseWriter
	mu       sync.Mutex
	fromFile int
}

func (s *sendfileSpy) ReadFrom(src io.Reader) (int64, error) {
	if _, ok := src.(*os.File); ok {
		s.mu.Lock()
		s.fromFile++
		s.mu.Unlock()
	} else if lr, ok := src.(*io.LimitedReader); ok {
		if _, ok := lr.R.(*os.File); ok {
			s.mu.Lock()
			s.fromFile++
			s.mu.Unlock()
		}
	}
	return s.ResponseWriter.(io.ReaderFrom).ReadFrom(src)
}

func (s *sendfileSpy) Flush() { s.ResponseWriter.(http.Flusher).Flush() }

func (s *sendfileSpy) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return s.ResponseWriter.(http.Hijacker).Hijack()
}

func (s *sendfileSpy) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// TestMiddlewareKeepsSendfile serves a 3 MB file through the middleware:
// the file must reach net/http's ReadFrom, where sendfile happens.
func TestMiddlewareKeepsSendfile(t *testing.T) {
	var spies []*sendfileSpy
	var mu sync.Mutex
	checked := Middleware(func(*http.Request, []Finding) {}, nil)(http.FileServer(http.Dir(filepath.Dir(transparencyFile))))
	ts := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		spy := &sendfileSpy{ResponseWriter: w}
		mu.Lock()
		spies = append(spies, spy)
		mu.Unlock()
		checked.ServeHTTP(spy, r)
	}))
	resp, err := ts.Client().Get(ts.URL + "/" + filepath.Base(transparencyFile))
	require.NoError(t, err)
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, int64(3<<20), n)
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, spies, 1)
	assert.Positive(t, spies[0].fromFile, "the file went through ReadFrom, so net/http can use sendfile")
}

func TestMiddlewareStreamsWithFlush(t *testing.T) {
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first\n")
		w.(http.Flusher).Flush()
		<-release // the client must see "first" before the handler goes on
		io.WriteString(w, "second\n")
	})
	ts := newServer(t, Middleware(func(*http.Request, []Finding) {}, nil)(h))
	resp, err := ts.Client().Get(ts.URL)
	require.NoError(t, err)
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	line, err := br.ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "first\n", line)
	close(release)
	rest, err := io.ReadAll(br)
	require.NoError(t, err)
	assert.Equal(t, "second\n", string(rest))
}

func TestMiddlewareHijack(t *testing.T) {
	var c collector
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hj, ok := w.(http.Hijacker)
		if !ok {
			http.Error(w, "no hijacker", http.StatusInternalServerError)
			return
		}
		conn, buf, err := hj.Hijack()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nraw bytes")
		buf.Flush()
	})
	ts := newServer(t, Middleware(c.report, nil)(h))
	got := rawExchange(t, ts, "GET / HTTP/1.1\r\nHost: example.test\r\n\r\n")
	assert.Equal(t, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nraw bytes", got)
	assert.Zero(t, c.calls, "hijacked connections are not reported")
}

func TestMiddlewareResponseController(t *testing.T) {
	errs := make(chan []error, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		deadline := time.Now().Add(time.Hour)
		errs <- []error{rc.SetReadDeadline(deadline), rc.SetWriteDeadline(deadline), rc.EnableFullDuplex(), rc.Flush()}
		io.WriteString(w, "ok")
	})
	ts := newServer(t, Middleware(func(*http.Request, []Finding) {}, nil)(h))
	resp, err := ts.Client().Get(ts.URL)
	require.NoError(t, err)
	resp.Body.Close()
	for _, err := range <-errs {
		assert.NoError(t, err)
	}
}

func TestRecorderOverResponseRecorder(t *testing.T) {
	rec := httptest.NewRecorder()
	rw := &recorder{w: rec, limit: 4}
	w := wrap(rw, optionalMask(rec))
	assert.Same(t, rec, w.(interface{ Unwrap() http.ResponseWriter }).Unwrap())
	_, ok := w.(http.Hijacker)
	assert.False(t, ok, "a ResponseRecorder cannot hijack, so neither can its wrapper")
	_, ok = w.(io.ReaderFrom)
	assert.False(t, ok)

	w.(http.Flusher).Flush()
	assert.True(t, rec.Flushed)
	assert.Equal(t, http.StatusOK, rw.status, "flushing sends the implicit 200")

	n, err := w.Write([]byte("abcdef"))
	require.NoError(t, err)
	assert.Equal(t, 6, n)
	_, err = w.(io.StringWriter).WriteString("gh")
	require.NoError(t, err)
	assert.Equal(t, "abcd", string(rw.body), "only the first bytes are kept")
	assert.True(t, rw.bodySent)
	assert.Equal(t, int64(8), rw.size)
	assert.Equal(t, "abcdefgh", rec.Body.String(), "everything is passed on")
}

// noFlushWriter is a ResponseWriter with no optional interface.
type noFlushWriter struct{ h http.Header }

func (w *noFlushWriter) Header() http.Header         { return w.h }
func (w *noFlushWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *noFlushWriter) WriteHeader(int)             {}

// allWriter has every optional interface.
type allWriter struct{ noFlushWriter }

func (*allWriter) Flush()                                       {}
func (*allWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) { return nil, nil, nil }
func (*allWriter) ReadFrom(r io.Reader) (int64, error)          { return io.Copy(io.Discard, r) }
func (*allWriter) WriteString(s string) (int, error)            { return len(s), nil }
func (*allWriter) Push(string, *http.PushOptions) error         { return nil }

func TestWrapMirrorsOptionalInterfaces(t *testing.T) {
	for _, under := range []http.ResponseWriter{&noFlushWriter{http.Header{}}, &allWriter{noFlushWriter{http.Header{}}}, httptest.NewRecorder()} {
		w := wrap(&recorder{w: under}, optionalMask(under))
		has := func(w any) [5]bool {
			_, f := w.(http.Flusher)
			_, h := w.(http.Hijacker)
			_, r := w.(io.ReaderFrom)
			_, s := w.(io.StringWriter)
			_, p := w.(http.Pusher)
			return [5]bool{f, h, r, s, p}
		}
		assert.Equal(t, has(under), has(w), "%T", under)
	}
	for m := range uint8(1 << numOptional) {
		w := wrap(&recorder{w: &allWriter{noFlushWriter{http.Header{}}}}, m)
		_, f := w.(http.Flusher)
		_, p := w.(http.Pusher)
		assert.Equal(t, m&1 != 0, f, "mask %05b", m)
		assert.Equal(t, m&16 != 0, p, "mask %05b", m)
	}
}

// serve runs h behind Middleware on a recorder and returns the rule IDs
// reported.
func serve(t *testing.T, h http.HandlerFunc, req *http.Request, opts *Options) []string {
	t.Helper()
	syncReports(t)
	var c collector
	Middleware(c.report, opts)(h).ServeHTTP(httptest.NewRecorder(), req)
	if c.calls == 0 {
		return nil
	}
	assert.Equal(t, 1, c.calls)
	return c.ids()
}

func TestMiddlewareChecks(t *testing.T) {
	get := func() *http.Request { return httptest.NewRequest(http.MethodGet, "/items", nil) }
	post := func() *http.Request { return httptest.NewRequest(http.MethodPost, "/items", strings.NewReader("{}")) }
	tests := []struct {
		name string
		req  func() *http.Request
		h    http.HandlerFunc
		want []string
	}{
		{"clean", get, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }, nil},
		{"no WriteHeader counts as 200", post, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "/items/1")
		}, []string{"post-ok-with-location"}},
		{"Write without WriteHeader counts as 200", post, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "/items/1")
			io.WriteString(w, "created")
		}, []string{"post-ok-with-location"}},
		{"405 without Allow", post, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "no", http.StatusMethodNotAllowed)
		}, []string{"method-not-allowed-missing-allow"}},
		{"first final status wins", get, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusUnauthorized)
			w.WriteHeader(http.StatusOK)
		}, []string{"unauthorized-missing-www-authenticate"}},
		{"interim 103 is not final", post, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Link", "</a.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			w.Header().Set("Location", "/items/1")
			w.WriteHeader(http.StatusCreated)
		}, nil},
		{"interim 100 without Expect", post, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusContinue)
			w.WriteHeader(http.StatusAccepted)
		}, []string{"continue-without-expect"}},
		{"interim 102 is deprecated", post, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusProcessing)
			w.WriteHeader(http.StatusAccepted)
		}, []string{"status-deprecated"}},
		{"101 is final", get, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusSwitchingProtocols)
		}, []string{"switching-protocols-missing-upgrade", "switching-protocols-without-upgrade"}},
		{"204 with body", post, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNoContent)
			io.WriteString(w, "x")
		}, []string{"body-not-allowed"}},
		{"JSON without Content-Type goes out as text/plain", get, func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `{"error": "x"}`)
		}, []string{"json-as-text"}},
		{"soft error", get, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"error": "x"}`)
		}, []string{"soft-error"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, serve(t, tc.h, tc.req(), nil))
		})
	}
}

func TestMiddlewareOptions(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data": "0123456789", "error": "x"}`)
	}
	req := func() *http.Request { return httptest.NewRequest(http.MethodGet, "/", nil) }
	assert.Equal(t, []string{"soft-error"}, serve(t, h, req(), nil))
	assert.Nil(t, serve(t, h, req(), &Options{BodyLimit: 10}), "the error member is past the body limit")
	assert.Nil(t, serve(t, h, req(), &Options{Disable: []string{"soft-error"}}))
	assert.Nil(t, serve(t, h, req(), &Options{MinSeverity: SeverityError}))

	// A nil report passes everything through unchecked.
	rec := httptest.NewRecorder()
	Middleware(nil, nil)(http.HandlerFunc(h)).ServeHTTP(rec, req())
	assert.Equal(t, `{"data": "0123456789", "error": "x"}`, rec.Body.String())
}

func TestMiddlewarePanicIsNotReported(t *testing.T) {
	var c collector
	h := Middleware(c.report, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusMethodNotAllowed)
		panic(http.ErrAbortHandler)
	}))
	assert.Panics(t, func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)) })
	assert.Zero(t, c.calls)
}

func TestMiddlewareConcurrent(t *testing.T) {
	syncReports(t) // reports finish before ServeHTTP returns, so ts.Close waits for them
	var c collector
	h := Middleware(c.report, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		io.WriteString(w, "ok")
	}))
	ts := newServer(t, h)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := "/ok"
			if i%2 == 0 {
				path = "/bad"
			}
			resp, err := ts.Client().Get(ts.URL + path)
			if assert.NoError(t, err) {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	ts.Close() // waits for the handlers, so every report has been made
	c.mu.Lock()
	calls := c.calls
	c.mu.Unlock()
	assert.Equal(t, 10, calls)
	assert.Len(t, c.ids(), 10)
}

func TestMiddlewareHugeBodyLimits(t *testing.T) {
	syncReports(t)
	for _, limit := range []int{1 << 40, math.MaxInt} {
		var c collector
		h := Middleware(c.report, &Options{BodyLimit: limit})(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"error": "x"}`)
		}))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		assert.Equal(t, `{"error": "x"}`, rec.Body.String())
		assert.Equal(t, []string{"soft-error"}, c.ids(), "limit %d", limit)
	}
}

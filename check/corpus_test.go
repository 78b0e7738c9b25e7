package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	graphql "github.com/graph-gophers/graphql-go"
	"github.com/graph-gophers/graphql-go/relay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/webdav"
)

// This file is the precision corpus: correct exchanges produced by real
// software that nobody here wrote (net/http's file server and redirects,
// ReverseProxy, chi, gorilla/mux, x/net/webdav, graphql-go, coder/websocket,
// TimeoutHandler, MaxBytesReader, Expect: 100-continue), run live in the
// test. Each exchange goes through Middleware on the server and
// Response on the client. None may give an error or a warning,
// except where the software really breaks a rule: knownBreaks names those,
// with the RFC sentence they break.

// exchange is one request to a live server.
type exchange struct {
	name   string
	server string // key into the servers map
	method string
	path   string
	header map[string]string
	body   string
	status int // the status the software sends
}

// knownBreaks lists the error and warning findings that real software
// earns, by exchange name: each is a rule the software really breaks.
var knownBreaks = map[string][]string{
	// gorilla/mux v1.8.1 answers 405 without Allow. RFC 9110, Section
	// 15.5.6: "The origin server MUST generate an Allow header field in a
	// 405 response containing a list of the target resource's currently
	// supported methods."
	"gorilla 405": {"method-not-allowed-missing-allow"},
}

// corpusCollector gathers the middleware's reports.
type corpusCollector struct {
	mu    sync.Mutex
	found map[string][]Finding // by exchange name, sent as X-Corpus
}

func (c *corpusCollector) report(r *http.Request, fs []Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := r.Header.Get("X-Corpus")
	c.found[key] = append(c.found[key], fs...)
}

// serious returns the IDs of error and warning findings, sorted.
func serious(fs []Finding) []string {
	var ids []string
	for _, f := range fs {
		if f.Severity >= SeverityWarning {
			ids = append(ids, f.Rule.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// newCorpusServers starts one server per piece of software, each behind
// Middleware reporting to c.
func newCorpusServers(t *testing.T, c *corpusCollector) map[string]*httptest.Server {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hello.txt"), bytes.Repeat([]byte("hello, world\n"), 100), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "docs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "docs", "index.html"), []byte("<!doctype html><title>docs</title>"), 0o644))
	modTime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, os.Chtimes(filepath.Join(dir, "hello.txt"), modTime, modTime))

	start := func(h http.Handler) *httptest.Server {
		ts := httptest.NewUnstartedServer(Middleware(c.report, nil)(h))
		ts.Config.ErrorLog = log.New(io.Discard, "", 0)
		ts.Start()
		t.Cleanup(ts.Close)
		return ts
	}
	servers := map[string]*httptest.Server{}

	servers["fileserver"] = start(http.FileServer(http.Dir(dir)))
	servers["servecontent"] = start(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		http.ServeContent(w, r, "data.json", modTime, strings.NewReader(`{"id": 1, "name": "widget"}`))
	}))
	redirects := http.NewServeMux()
	for _, code := range []int{301, 302, 303, 307, 308} {
		redirects.HandleFunc(fmt.Sprintf("/r%d", code), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/target", code)
		})
	}
	servers["redirect"] = start(redirects)

	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hints":
			w.Header().Set("Link", "</style.css>; rel=preload; as=style")
			w.WriteHeader(http.StatusEarlyHints)
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, "final\n")
		case "/events":
			w.Header().Set("Content-Type", "text/event-stream")
			for i := range 3 {
				fmt.Fprintf(w, "data: %d\n\n", i)
				w.(http.Flusher).Flush()
			}
		default:
			io.WriteString(w, "upstream\n")
		}
	}))
	t.Cleanup(upstream.Close)
	upURL, _ := url.Parse(upstream.URL)
	proxy := httputil.NewSingleHostReverseProxy(upURL)
	proxy.ErrorLog = log.New(io.Discard, "", 0)
	servers["proxy"] = start(proxy)
	down := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: "127.0.0.1:1"})
	down.ErrorLog = log.New(io.Discard, "", 0)
	servers["proxy-down"] = start(down)

	r := chi.NewRouter()
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `[{"id": 1}]`)
	})
	servers["chi"] = start(r)

	m := mux.NewRouter()
	m.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `[{"id": 1}]`)
	}).Methods(http.MethodGet)
	servers["gorilla"] = start(m)

	sm := http.NewServeMux()
	sm.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `[{"id": 1}]`)
	})
	servers["servemux"] = start(sm)

	servers["webdav"] = start(&webdav.Handler{FileSystem: webdav.NewMemFS(), LockSystem: webdav.NewMemLS()})

	schema := graphql.MustParseSchema(`type Query { user: User } type User { name: String! email: String }`, &gqlQuery{})
	servers["graphql"] = start(&relay.Handler{Schema: schema})

	servers["websocket"] = start(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer conn.CloseNow()
		typ, msg, err := conn.Read(r.Context())
		if err != nil {
			return
		}
		conn.Write(r.Context(), typ, append([]byte("echo: "), msg...))
		conn.Close(websocket.StatusNormalClosure, "")
	}))

	servers["timeout"] = start(http.TimeoutHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}), 10*time.Millisecond, "the handler took too long"))

	servers["maxbytes"] = start(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 16)
		if _, err := io.ReadAll(r.Body); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
				return
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	return servers
}

// gqlQuery resolves a user whose email lookup fails: a partial result.
type gqlQuery struct{}

func (*gqlQuery) User() *gqlUser { return &gqlUser{} }

type gqlUser struct{}

func (*gqlUser) Name() string            { return "Ada" }
func (*gqlUser) Email() (*string, error) { return nil, errors.New("directory unavailable") }

var corpus = []exchange{
	{"file 200", "fileserver", "GET", "/hello.txt", nil, "", 200},
	{"file HEAD", "fileserver", "HEAD", "/hello.txt", nil, "", 200},
	{"file range", "fileserver", "GET", "/hello.txt", map[string]string{"Range": "bytes=0-9"}, "", 206},
	{"file multipart range", "fileserver", "GET", "/hello.txt", map[string]string{"Range": "bytes=0-9,20-29"}, "", 206},
	{"file HEAD range", "fileserver", "HEAD", "/hello.txt", map[string]string{"Range": "bytes=0-9"}, "", 206},
	{"file unsatisfiable", "fileserver", "GET", "/hello.txt", map[string]string{"Range": "bytes=99999-"}, "", 416},
	{"file not modified", "fileserver", "GET", "/hello.txt", map[string]string{"If-Modified-Since": "Fri, 02 Jan 2026 03:04:05 GMT"}, "", 304},
	{"file modified since", "fileserver", "GET", "/hello.txt", map[string]string{"If-Unmodified-Since": "Thu, 01 Jan 2026 00:00:00 GMT"}, "", 412},
	{"file directory redirect", "fileserver", "GET", "/docs", nil, "", 301},
	{"file index", "fileserver", "GET", "/docs/", nil, "", 200},
	{"file index redirect", "fileserver", "GET", "/docs/index.html", nil, "", 301},
	{"file missing", "fileserver", "GET", "/nope.txt", nil, "", 404},
	{"content 200", "servecontent", "GET", "/data", nil, "", 200},
	{"content etag 304", "servecontent", "GET", "/data", map[string]string{"If-None-Match": `"v1"`}, "", 304},
	{"content etag 412", "servecontent", "GET", "/data", map[string]string{"If-Match": `"v2"`}, "", 412},
	{"content range", "servecontent", "GET", "/data", map[string]string{"Range": "bytes=1-4"}, "", 206},
	{"content if-range", "servecontent", "GET", "/data", map[string]string{"Range": "bytes=1-4", "If-Range": `"v1"`}, "", 206},
	{"content 416", "servecontent", "GET", "/data", map[string]string{"Range": "bytes=500-"}, "", 416},
	{"content HEAD", "servecontent", "HEAD", "/data", nil, "", 200},
	{"redirect 301", "redirect", "GET", "/r301", nil, "", 301},
	{"redirect 302", "redirect", "GET", "/r302", nil, "", 302},
	{"redirect 303 after POST", "redirect", "POST", "/r303", nil, "a=1", 303},
	{"redirect 307 after POST", "redirect", "POST", "/r307", nil, "a=1", 307},
	{"redirect 308", "redirect", "GET", "/r308", nil, "", 308},
	{"redirect 302 after POST", "redirect", "POST", "/r302", nil, "a=1", 302},
	{"proxy 200", "proxy", "GET", "/", nil, "", 200},
	{"proxy early hints", "proxy", "GET", "/hints", nil, "", 200},
	{"proxy event stream", "proxy", "GET", "/events", nil, "", 200},
	{"proxy upstream down", "proxy-down", "GET", "/", nil, "", 502},
	{"chi 405", "chi", "DELETE", "/items", nil, "", 405},
	{"chi 404", "chi", "GET", "/nothing", nil, "", 404},
	{"chi 200", "chi", "GET", "/items", nil, "", 200},
	{"gorilla 405", "gorilla", "DELETE", "/items", nil, "", 405},
	{"servemux 405", "servemux", "DELETE", "/items", nil, "", 405},
	{"servemux 404", "servemux", "GET", "/nothing", nil, "", 404},
	{"webdav MKCOL", "webdav", "MKCOL", "/col", nil, "", 201},
	{"webdav PUT", "webdav", "PUT", "/col/a.txt", nil, "hello", 201},
	{"webdav COPY", "webdav", "COPY", "/col/a.txt", map[string]string{"Destination": "/col/b.txt"}, "", 201},
	{"webdav MOVE", "webdav", "MOVE", "/col/b.txt", map[string]string{"Destination": "/col/c.txt"}, "", 201},
	{"webdav LOCK", "webdav", "LOCK", "/col/locked.txt", map[string]string{"Timeout": "Second-60"},
		`<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>test</D:owner></D:lockinfo>`, 201},
	{"webdav PROPFIND", "webdav", "PROPFIND", "/col/", map[string]string{"Depth": "1"}, "", 207},
	{"webdav DELETE", "webdav", "DELETE", "/col/c.txt", nil, "", 204},
	{"graphql partial result", "graphql", "POST", "/", map[string]string{"Content-Type": "application/json"}, `{"query": "{ user { name email } }"}`, 200},
	{"graphql syntax error", "graphql", "POST", "/", map[string]string{"Content-Type": "application/json"}, `{"query": "{ user { "}`, 200},
	{"timeout", "timeout", "GET", "/", nil, "", 503},
	{"max bytes", "maxbytes", "POST", "/", nil, strings.Repeat("x", 100), 413},
	{"expect continue", "maxbytes", "POST", "/small", map[string]string{"Expect": "100-continue"}, "tiny", 204},
}

func TestPrecisionCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	syncReports(t)
	c := &corpusCollector{found: map[string][]Finding{}}
	servers := newCorpusServers(t, c)
	clientFound := map[string][]Finding{}
	for _, ex := range corpus {
		ts := servers[ex.server]
		req, err := http.NewRequest(ex.method, ts.URL+ex.path, strings.NewReader(ex.body))
		require.NoError(t, err, ex.name)
		for k, v := range ex.header {
			req.Header.Set(k, v)
		}
		req.Header.Set("X-Corpus", ex.name)
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		require.NoError(t, err, ex.name)
		clientFound[ex.name] = Response(req, resp, nil)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		assert.Equal(t, ex.status, resp.StatusCode, "%s: the software answers as expected", ex.name)
	}
	for _, ts := range servers {
		ts.Close() // waits for the handlers, and so for the reports
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ex := range corpus {
		server := serious(c.found[ex.name])
		client := serious(clientFound[ex.name])
		want := knownBreaks[ex.name]
		assert.Equal(t, want, server, "%s: error and warning findings from the middleware", ex.name)
		assert.Equal(t, want, client, "%s: error and warning findings from Response", ex.name)
	}
}

// TestWebsocketThroughMiddleware upgrades with coder/websocket behind the
// middleware and exchanges a message: the upgrade works, and the 101 is
// checked when written.
func TestWebsocketThroughMiddleware(t *testing.T) {
	var mu sync.Mutex
	var reported [][]Finding
	done := make(chan struct{}, 1)
	h := Middleware(func(r *http.Request, fs []Finding) {
		mu.Lock()
		reported = append(reported, fs)
		mu.Unlock()
		done <- struct{}{}
	}, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := websocket.Accept(w, r, nil)
		if err != nil {
			t.Errorf("accept: %v", err)
			return
		}
		defer conn.CloseNow()
		typ, msg, err := conn.Read(r.Context())
		if err != nil {
			return
		}
		conn.Write(r.Context(), typ, append([]byte("echo: "), msg...))
		conn.Close(websocket.StatusNormalClosure, "")
	}))
	ts := httptest.NewServer(h)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(ts.URL, "http"), nil)
	require.NoError(t, err)
	defer conn.CloseNow()
	require.NoError(t, conn.Write(ctx, websocket.MessageText, []byte("hi")))
	_, msg, err := conn.Read(ctx)
	require.NoError(t, err)
	assert.Equal(t, "echo: hi", string(msg))
	conn.Close(websocket.StatusNormalClosure, "")
	ts.Close()
	select {
	case <-done:
		mu.Lock()
		defer mu.Unlock()
		for _, fs := range reported {
			assert.Empty(t, serious(fs), "a correct upgrade earns no error or warning")
		}
	case <-time.After(100 * time.Millisecond):
		// A clean upgrade is not reported at all.
	}
}

package checktest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/httpref/httpref/check"
)

// fakeTB records what AssertResponse reports.
type fakeTB struct {
	testing.TB
	errors, logs []string
	helpers      int
}

func (f *fakeTB) Helper() { f.helpers++ }
func (f *fakeTB) Errorf(format string, a ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, a...))
}
func (f *fakeTB) Logf(format string, a ...any) { f.logs = append(f.logs, fmt.Sprintf(format, a...)) }

func TestAssertResponse(t *testing.T) {
	tests := []struct {
		name   string
		req    *http.Request
		h      http.HandlerFunc
		opts   *check.Options
		ok     bool
		errors []string
		logs   []string
	}{
		{
			name: "clean", req: httptest.NewRequest(http.MethodGet, "/", nil),
			h:  func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") },
			ok: true,
		},
		{
			name: "error fails", req: httptest.NewRequest(http.MethodDelete, "/", nil),
			h: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusMethodNotAllowed) },
			errors: []string{"check: error method-not-allowed-missing-allow: 405 Method Not Allowed with no Allow header field: " +
				"a 405 must list the methods the resource supports (RFC 9110, Section 15.5.6)"},
		},
		{
			name: "warnings only log", req: httptest.NewRequest(http.MethodPost, "/", nil),
			h:  func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) },
			ok: true,
			logs: []string{"check: warning created-missing-location: 201 Created to POST without a Location header field: " +
				"a POST that creates a resource should say where it is (RFC 9110, Section 9.3.3)"},
		},
		{
			name: "body on 204", req: httptest.NewRequest(http.MethodPut, "/", nil),
			h: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusNoContent)
				io.WriteString(w, "{}")
			},
			errors: []string{"check: error body-not-allowed: 204 No Content with a body: this status cannot carry content, " +
				"so the body is dropped or breaks the framing (RFC 9110, Section 15.3.5)"},
		},
		{
			name: "disabled rule", req: httptest.NewRequest(http.MethodDelete, "/", nil),
			h:    func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusMethodNotAllowed) },
			opts: &check.Options{Disable: []string{"method-not-allowed-missing-allow"}}, ok: true,
		},
		{
			name: "nil request skips request rules", req: nil,
			h:  func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) },
			ok: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := tc.req
			if req == nil {
				req = httptest.NewRequest(http.MethodGet, "/", nil)
			}
			tc.h(rec, req)
			ft := &fakeTB{}
			assert.Equal(t, tc.ok, AssertResponse(ft, tc.req, rec, tc.opts))
			assert.Equal(t, tc.errors, ft.errors)
			assert.Equal(t, tc.logs, ft.logs)
			assert.Positive(t, ft.helpers)
		})
	}
}

func TestAssertResponseZeroRecorder(t *testing.T) {
	ft := &fakeTB{}
	// A recorder built without NewRecorder has no body and code 0 (200).
	assert.True(t, AssertResponse(ft, httptest.NewRequest(http.MethodGet, "/", nil), &httptest.ResponseRecorder{}, nil))
	assert.Empty(t, ft.errors)
}

func TestAssertResponseRealT(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.Header().Set("Location", "/items/1")
	rec.WriteHeader(http.StatusCreated)
	assert.True(t, AssertResponse(t, httptest.NewRequest(http.MethodPost, "/items", nil), rec, nil))
}

package openapi

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/httpref/httpref/check"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./openapi -update to create it")
	assert.Equal(t, string(want), got, "run go test ./openapi -update after reviewing the change")
}

func loadFile(t testing.TB, name string) *Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		require.NoError(t, err)
		b, err = io.ReadAll(zr)
		require.NoError(t, err)
	}
	doc, err := Load(b)
	require.NoError(t, err, name)
	return doc
}

func TestLoad(t *testing.T) {
	doc := loadFile(t, "lint.yaml")
	assert.Equal(t, "3.0.3", doc.Version)
	assert.Equal(t, "/v1", doc.BasePath)
	require.Len(t, doc.Operations, 6)
	op := doc.Operations[0]
	assert.Equal(t, "GET /users", op.String())
	assert.Equal(t, "listUsers", op.ID)
	assert.Equal(t, 9, op.Line)
	assert.Equal(t, 5, op.Column)
	require.Len(t, op.Responses, 2)
	assert.Equal(t, Response{Status: "200", Line: 12, Column: 9, MediaTypes: []string{"application/json"}}, op.Responses[0])
	assert.Equal(t, []string{"application/problem+json"}, op.Responses[1].MediaTypes, "a $ref response is resolved")
	last := doc.Operations[5].Responses
	assert.Equal(t, "default", last[len(last)-1].Status, "default comes last")
	assert.Equal(t, []string{"Retry-After"}, last[len(last)-2].Headers)
}

func TestLoadMalformed(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int    // the line the error names, or 0
		contains  string // part of the message
	}{
		{"empty", "", 0, "empty document"},
		{"blank", "  \n\t\n", 0, "empty document"},
		{"yaml syntax", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        200: [\n", 8, "did not find expected node content"},
		{"json syntax", "{\"openapi\": \"3.0.0\",\n \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"x\",}}}}}}", 2, "invalid character"},
		{"swagger 2", `{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}`, 0, "Swagger"},
		{"not openapi", "hello: world\n", 0, ""},
		{"binary", "\x00\x01\x02\xff\xfe", 0, ""},
		{"scalar", "42", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var doc *Document
			var err error
			require.NotPanics(t, func() { doc, err = Load([]byte(tc.doc)) })
			require.Error(t, err)
			assert.Nil(t, doc)
			var oe *Error
			require.True(t, errors.As(err, &oe), "%T", err)
			if tc.line > 0 {
				assert.Equal(t, tc.line, oe.Line, err.Error())
				assert.Contains(t, err.Error(), fmt.Sprintf("line %d", tc.line))
			}
			if tc.contains != "" {
				assert.Contains(t, err.Error(), tc.contains)
			}
		})
	}
	_, err := Load(make([]byte, maxDocument+1))
	assert.ErrorContains(t, err, "limit")
}

// findingLines prints findings one a line, for golden files.
func findingLines(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestLintFixture(t *testing.T) {
	fs := loadFile(t, "lint.yaml").Lint(nil)
	golden(t, "lint.golden", findingLines(fs))
	ids := map[string]bool{}
	for _, f := range fs {
		ids[f.Rule.ID] = true
		assert.NotZero(t, f.Location.Line, f.String())
		assert.NotEmpty(t, f.Location.Path)
	}
	for _, want := range []string{
		"response-key-invalid", "no-client-error-documented", "problem-details-inconsistent",
		"status-non-standard", "status-reserved", "created-missing-location", "redirect-missing-location",
		"unauthorized-missing-www-authenticate", "method-not-allowed-missing-allow",
		"partial-content-missing-content-range", "too-many-requests-missing-retry-after", "body-not-allowed",
	} {
		assert.True(t, ids[want], "the fixture has a %s finding", want)
	}
	for _, f := range fs {
		if f.Rule.ID == "created-missing-location" {
			assert.Equal(t, "POST", f.Location.Method, "a PUT's 201 names the target URI")
		}
		if f.Rule.ID == "service-unavailable-missing-retry-after" {
			t.Errorf("503 documents Retry-After: %s", f)
		}
	}
}

func TestLintOptions(t *testing.T) {
	doc := loadFile(t, "lint.yaml")
	all := doc.Lint(nil)
	errorsOnly := doc.Lint(&check.Options{MinSeverity: check.SeverityError})
	require.NotEmpty(t, errorsOnly)
	assert.Less(t, len(errorsOnly), len(all))
	for _, f := range errorsOnly {
		assert.Equal(t, check.SeverityError, f.Severity)
	}
	for _, f := range doc.Lint(&check.Options{Disable: []string{"body-not-allowed", "no-client-error-documented"}}) {
		assert.NotContains(t, []string{"body-not-allowed", "no-client-error-documented"}, f.Rule.ID)
	}
}

func TestLint31JSON(t *testing.T) {
	doc, err := Load([]byte(`{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "webhooks": {},
  "paths": {
    "/jobs": {
      "post": {
        "responses": {
          "202": {"description": "queued", "headers": {"Location": {"schema": {"type": "string"}}}},
          "5XX": {"description": "server error"},
          "default": {"description": "error", "content": {"application/problem+json": {}}}
        }
      }
    }
  }
}`))
	require.NoError(t, err)
	assert.Equal(t, "3.1.0", doc.Version)
	require.Len(t, doc.Operations, 1)
	assert.Equal(t, []string{"Location"}, doc.Operations[0].Responses[0].Headers)
	assert.Empty(t, doc.Lint(nil), "default covers the client errors, and a 202 needs no Location")
}

func TestFindingJSONRoundTrip(t *testing.T) {
	for _, f := range loadFile(t, "lint.yaml").Lint(nil) {
		b, err := json.Marshal(f)
		require.NoError(t, err)
		var back Finding
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		assert.Equal(t, f.String(), back.String())
		assert.Equal(t, f.Location, back.Location)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		for _, k := range []string{"rule", "severity", "code", "message", "path", "method", "status", "line"} {
			assert.Contains(t, m, k)
		}
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		assert.False(t, seen[r.ID], "duplicate %s", r.ID)
		seen[r.ID] = true
		assert.NotEmpty(t, r.Keyword, r.ID)
		assert.True(t, strings.HasPrefix(r.SpecURL, "https://"), r.ID)
	}
	for _, id := range checkRules {
		assert.True(t, seen[id], "check rule %s exists", id)
	}
}

func TestContract(t *testing.T) {
	doc := loadFile(t, "lint.yaml")
	c := NewContract(doc)
	tests := []struct {
		method, path string
		status       int
		documented   bool
		op           string
		matched      bool
	}{
		{"GET", "/v1/users", 200, true, "GET /users", true},
		{"GET", "/v1/users", 404, true, "GET /users", true}, // 4XX
		{"GET", "/v1/users", 500, false, "GET /users", true},
		{"get", "/users", 200, true, "GET /users", true}, // without the base path too
		{"GET", "/v1/users/7", 404, true, "GET /users/{id}", true},
		{"GET", "/v1/users/7", 500, false, "GET /users/{id}", true},
		{"PUT", "/v1/users/7", 299, true, "PUT /users/{id}", true},       // 2XX
		{"GET", "/v1/files/a.txt", 599, true, "GET /files/{name}", true}, // default
		{"PATCH", "/v1/users/7", 200, false, "", false},
		{"GET", "/v1/users/7/extra", 200, false, "", false},
		{"GET", "/v1/users//", 200, false, "", false},
	}
	for _, tc := range tests {
		documented, op, matched := c.Documents(tc.method, tc.path, tc.status)
		assert.Equal(t, tc.matched, matched, "%s %s", tc.method, tc.path)
		assert.Equal(t, tc.documented, documented, "%s %s %d", tc.method, tc.path, tc.status)
		assert.Equal(t, tc.op, op, "%s %s", tc.method, tc.path)
	}
	var missing []string
	for _, u := range c.Unexercised() {
		missing = append(missing, u.Operation+" "+strings.Join(u.Statuses, ","))
	}
	assert.Contains(t, missing, "POST /users 201,420,422")
	assert.Contains(t, missing, "GET /users/{id} 200,301,401")
	assert.NotContains(t, strings.Join(missing, "\n"), "GET /users 200", "200 and 4XX were produced")
}

func TestContractPrefersConcretePaths(t *testing.T) {
	doc, err := Load([]byte(`openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /users/{id}:
    get:
      responses: {"200": {description: x}}
  /users/me:
    get:
      responses: {"204": {description: x}}
`))
	require.NoError(t, err)
	c := NewContract(doc)
	_, op, _ := c.Documents("GET", "/users/me", 204)
	assert.Equal(t, "GET /users/me", op)
	_, op, _ = c.Documents("GET", "/users/42", 200)
	assert.Equal(t, "GET /users/{id}", op)
}

// TestContractThroughMiddleware runs a handler that breaks its
// description behind check.Middleware.
func TestContractThroughMiddleware(t *testing.T) {
	c := NewContract(loadFile(t, "lint.yaml"))
	found := make(chan []check.Finding, 4)
	h := check.Middleware(func(_ *http.Request, fs []check.Finding) { found <- fs },
		&check.Options{Contract: c, MinSeverity: check.SeverityWarning})(
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/users/7" {
				http.Error(w, "boom", http.StatusInternalServerError) // not documented
				return
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, "[]")
		}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/v1/users/7", nil))
	fs := <-found
	require.Len(t, fs, 1)
	assert.Equal(t, "status-undocumented", fs[0].Rule.ID)
	assert.Contains(t, fs[0].Message, "GET /users/{id}")
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/v1/users", nil))
	select {
	case fs := <-found:
		t.Errorf("a documented 200 was reported: %v", fs)
	default:
	}
	for _, u := range c.Unexercised() {
		if u.Operation == "GET /users" {
			assert.Equal(t, []string{"4XX"}, u.Statuses)
		}
	}
}

// TestRealDocuments lints public API descriptions (testdata/real,
// PROVENANCE.md says where each comes from) and compares the findings per
// rule with summary.golden.
func TestRealDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 16 MB of descriptions")
	}
	files, err := filepath.Glob("testdata/real/*.json.gz")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 3)
	sort.Strings(files)
	var b strings.Builder
	for _, file := range files {
		doc := loadFile(t, strings.TrimPrefix(file, "testdata/"))
		fs := doc.Lint(nil)
		counts := map[string]int{}
		sev := map[check.Severity]int{}
		for _, f := range fs {
			counts[f.Rule.ID]++
			sev[f.Severity]++
		}
		responses := 0
		for _, op := range doc.Operations {
			responses += len(op.Responses)
		}
		fmt.Fprintf(&b, "%s: OpenAPI %s, %d operations, %d responses, %d findings (%d error, %d warning, %d info)\n",
			filepath.Base(file), doc.Version, len(doc.Operations), responses, len(fs),
			sev[check.SeverityError], sev[check.SeverityWarning], sev[check.SeverityInfo])
		ids := make([]string, 0, len(counts))
		for id := range counts {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			fmt.Fprintf(&b, "  %-40s %d\n", id, counts[id])
		}
	}
	golden(t, "real/summary.golden", b.String())
}

// BenchmarkLoadAndLint loads and lints the largest real description,
// GitHub's REST API (13 MB, 1,223 operations).
func BenchmarkLoadAndLint(b *testing.B) {
	raw, err := os.ReadFile("testdata/real/api.github.com.json.gz")
	require.NoError(b, err)
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	require.NoError(b, err)
	data, err := io.ReadAll(zr)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Load(data)
		if err != nil {
			b.Fatal(err)
		}
		doc.Lint(nil)
	}
}

// FuzzLoad feeds Load arbitrary documents: an error or a document, never
// a panic.
func FuzzLoad(f *testing.F) {
	seed, _ := os.ReadFile("testdata/lint.yaml")
	f.Add(seed)
	f.Add([]byte(`{"openapi":"3.1.0","paths":{"/a":{"get":{"responses":{"2XX":{"description":"x"}}}}}}`))
	f.Add([]byte("openapi: 3.0.0\npaths:\n  /a: {get: {responses: {default: {$ref: '#/nope'}}}}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Load(b)
		if err != nil {
			return
		}
		doc.Lint(nil)
		c := NewContract(doc)
		c.Documents("GET", "/a", 200)
		c.Unexercised()
	})
}

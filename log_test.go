package httpref

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textLogger logs with a TextHandler without time, through EnrichHandler
// when enrich is set.
func textLogger(buf *bytes.Buffer, enrich bool) *slog.Logger {
	var h slog.Handler = slog.NewTextHandler(buf, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})
	if enrich {
		h = EnrichHandler(h)
	}
	return slog.New(h)
}

func TestAttr(t *testing.T) {
	tests := []struct {
		code int
		want string
	}{
		{404, `level=INFO msg=m resp.code=404 resp.phrase="Not Found" resp.summary=` + quoted(Code(404).Status().Summary()) + ` resp.class="Client error" resp.recommendation=Recommended` + "\n"},
		{427, `level=INFO msg=m resp.code=427 resp.class="Client error" resp.recommendation=Unknown` + "\n"},
		{42, `level=INFO msg=m resp.code=42 resp.class=Unknown resp.recommendation=Unknown` + "\n"},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		textLogger(&buf, false).Info("m", Attr("resp", tc.code))
		assert.Equal(t, tc.want, buf.String())
	}
}

func TestEnrichHandler(t *testing.T) {
	tests := []struct {
		name string
		log  func(*slog.Logger)
		want string
	}{
		{"status", func(l *slog.Logger) { l.Info("m", "status", 404) },
			`status=404 status_phrase="Not Found" status_summary=` + quoted(Code(404).Status().Summary())},
		{"status_code", func(l *slog.Logger) { l.Info("m", "status_code", 503) },
			`status_code=503 status_phrase="Service Unavailable" status_summary=`},
		{"http.status_code", func(l *slog.Logger) { l.Info("m", "http.status_code", 201) },
			`http.status_code=201 http.status_phrase=Created http.status_summary=`},
		{"otel", func(l *slog.Logger) { l.Info("m", slog.Int("http.response.status_code", 429)) },
			`http.response.status_code=429 http.response.status_phrase="Too Many Requests" http.response.status_summary=`},
		{"uint", func(l *slog.Logger) { l.Info("m", slog.Uint64("status", 200)) },
			`status=200 status_phrase=OK status_summary=`},
		{"in group", func(l *slog.Logger) {
			l.Info("m", slog.Group("http", slog.Int("status", 404), slog.String("path", "/x")))
		},
			`http.status=404 http.status_phrase="Not Found" http.status_summary=` + quoted(Code(404).Status().Summary()) + ` http.path=/x`},
		{"in nested group", func(l *slog.Logger) {
			l.Info("m", slog.Group("a", slog.Group("b", slog.Int("status", 204))))
		}, `a.b.status=204 a.b.status_phrase="No Content" a.b.status_summary=`},
		{"WithGroup", func(l *slog.Logger) { l.WithGroup("req").Info("m", "status", 404) },
			`req.status=404 req.status_phrase="Not Found"`},
		{"With", func(l *slog.Logger) { l.With("status", 502).Info("m", "path", "/") },
			`status=502 status_phrase="Bad Gateway" status_summary=` + quoted(Code(502).Status().Summary()) + ` path=/`},
		{"With group", func(l *slog.Logger) { l.With(slog.Group("resp", "status", 410)).Info("m") },
			`resp.status=410 resp.status_phrase=Gone`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			tc.log(textLogger(&buf, true))
			assert.Contains(t, buf.String(), tc.want)
		})
	}
}

func TestEnrichHandlerLeavesOthersAlone(t *testing.T) {
	tests := []struct {
		name string
		log  func(*slog.Logger)
	}{
		{"string value", func(l *slog.Logger) { l.Info("m", "status", "404") }},
		{"unknown code", func(l *slog.Logger) { l.Info("m", "status", 427) }},
		{"out of range", func(l *slog.Logger) { l.Info("m", "status", 7) }},
		{"huge uint", func(l *slog.Logger) { l.Info("m", slog.Uint64("status", 1<<40)) }},
		{"other key", func(l *slog.Logger) { l.Info("m", "code", 404) }},
		{"no attrs", func(l *slog.Logger) { l.Info("m") }},
		{"Code logs as a group", func(l *slog.Logger) { l.Info("m", "status", Code(404)) }},
		{"group without status", func(l *slog.Logger) { l.Info("m", slog.Group("g", "n", 1)) }},
		{"With other attrs", func(l *slog.Logger) { l.With("n", 404).Info("m") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var plain, enriched bytes.Buffer
			tc.log(textLogger(&plain, false))
			tc.log(textLogger(&enriched, true))
			assert.Equal(t, plain.String(), enriched.String())
			assert.NotContains(t, enriched.String(), "_phrase")
		})
	}
}

func TestEnrichHandlerBasics(t *testing.T) {
	inner := slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn})
	h := EnrichHandler(inner)
	assert.Equal(t, h, EnrichHandler(h), "wrapping twice is a no-op")
	assert.False(t, h.Enabled(context.Background(), slog.LevelInfo))
	assert.True(t, h.Enabled(context.Background(), slog.LevelError))

	// The record passed in is not changed.
	var buf bytes.Buffer
	l := textLogger(&buf, true)
	r := slog.NewRecord(testTime, slog.LevelInfo, "m", 0)
	r.AddAttrs(slog.Int("status", 404))
	require.NoError(t, l.Handler().Handle(context.Background(), r))
	assert.Equal(t, 1, r.NumAttrs())
}

func TestEnrichHandlerConformance(t *testing.T) {
	var buf bytes.Buffer
	newHandler := func(*testing.T) slog.Handler {
		buf.Reset()
		return EnrichHandler(slog.NewJSONHandler(&buf, nil))
	}
	result := func(t *testing.T) map[string]any {
		m, err := parseJSONLine(buf.Bytes())
		require.NoError(t, err)
		return m
	}
	slogtest.Run(t, newHandler, result)
}

func TestStatusError(t *testing.T) {
	cause := errors.New("dial tcp: connection refused")
	tests := []struct {
		err  *StatusError
		want string
	}{
		{&StatusError{Code: 502}, "502 Bad Gateway: " + fragment(502)},
		{&StatusError{Code: 404}, "404 Not Found: " + fragment(404)},
		{&StatusError{Code: 502, Err: cause}, "502 Bad Gateway: " + fragment(502) + ": dial tcp: connection refused"},
		{&StatusError{Code: 427}, "427: unregistered 4xx status"},
		{&StatusError{Code: 0}, "0: invalid status code"},
		{&StatusError{Code: 522}, "522 Connection Timed Out: Cloudflare timed out connecting to the origin server"},
	}
	for _, tc := range tests {
		if tc.err.Code == 522 {
			// Proper nouns keep their capital; check the start only.
			assert.True(t, strings.HasPrefix(tc.err.Error(), "522 Connection Timed Out: Cloudflare"), tc.err.Error())
			continue
		}
		assert.Equal(t, tc.want, tc.err.Error())
	}

	wrapped := fmt.Errorf("fetch: %w", &StatusError{Code: 502, Err: cause})
	assert.ErrorIs(t, wrapped, cause)
	assert.ErrorIs(t, wrapped, &StatusError{Code: 502})
	assert.NotErrorIs(t, wrapped, &StatusError{Code: 503})
	assert.NotErrorIs(t, wrapped, &StatusError{Code: 502, Err: cause}, "a target with a cause only matches itself")
	var se *StatusError
	require.ErrorAs(t, wrapped, &se)
	assert.Equal(t, Code(502), se.Code)
	assert.Same(t, cause, se.Unwrap())
}

func TestSentenceFragment(t *testing.T) {
	tests := map[string]string{
		"The server failed.":              "the server failed",
		"A gateway timed out.":            "a gateway timed out",
		"Nginx closed the connection.":    "Nginx closed the connection",
		"AWS load balancer rejected it.":  "AWS load balancer rejected it",
		"HTTPS was required.":             "HTTPS was required",
		"the client went away":            "the client went away",
		"":                                "",
		"Über-long name is not an issue.": "über-long name is not an issue",
	}
	for in, want := range tests {
		assert.Equal(t, want, sentenceFragment(in), in)
	}
}

func TestErrorFor(t *testing.T) {
	for _, code := range []int{100, 101, 200, 204, 301, 304, 399} {
		assert.NoError(t, ErrorFor(code), "%d", code)
		assert.NoError(t, Code(code).Err(), "%d", code)
	}
	for _, code := range []int{400, 404, 499, 500, 503, 599, 0, 600} {
		err := ErrorFor(code)
		assert.Equal(t, err, Code(code).Err())
		var se *StatusError
		require.ErrorAs(t, err, &se, "%d", code)
		assert.Equal(t, Code(code), se.Code)
		assert.NoError(t, se.Err)
	}
}

var testTime = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func parseJSONLine(b []byte) (map[string]any, error) {
	var m map[string]any
	err := json.Unmarshal(b, &m)
	return m, err
}

// quoted quotes a value the way TextHandler does when it needs to.
func quoted(s string) string {
	if strings.ContainsAny(s, " =\"") {
		return strconv.Quote(s)
	}
	return s
}

// fragment is the catalog summary of code as StatusError words it: lower
// case first letter, no final period.
func fragment(code int) string {
	s := strings.TrimSuffix(Code(code).Status().Summary(), ".")
	return strings.ToLower(s[:1]) + s[1:]
}

package httpref

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCode(t *testing.T) {
	good := []struct {
		in   string
		want Code
	}{
		{"404", 404},
		{" 404 ", 404},
		{"\t503\n", 503},
		{"404 Not Found", 404},
		{"404 Whatever The Server Said", 404},
		{"HTTP/1.1 404 Not Found", 404},
		{"HTTP/1.0 200 OK", 200},
		{"HTTP/2 404", 404},
		{"HTTP/2.0 502 Bad Gateway", 502},
		{"HTTP/3 103", 103},
		{"299", 299},
		{"100", 100},
		{"599", 599},
	}
	for _, tt := range good {
		got, err := ParseCode(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	bad := []struct{ in, reason string }{
		{"", "empty input"},
		{"   ", "empty input"},
		{"abc", "no status code digits"},
		{"Not Found", "no status code digits"},
		{"4040", "exactly three digits"},
		{"40", "exactly three digits"},
		{"-404", "no status code digits"},
		{"+404", "no status code digits"},
		{"404x", "unexpected character after the code"},
		{"404:", "unexpected character after the code"},
		{"099", "outside 100-599"},
		{"600", "outside 100-599"},
		{"999 Oops", "outside 100-599"},
		{"HTTP/1.1", "status line has no status code"},
		{"HTTP/ 404", "bad HTTP version"},
		{"HTTP/1.1.1 404", "bad HTTP version"},
		{"HTTP/1.1 ", "no status code"},
		{"HTTP/x 404", "bad HTTP version"},
		{"http/1.1 404", "no status code digits"},
		{"404 Not\x00Found", "control character"},
		{"\xff\xfe", "no status code digits"},
	}
	for _, tt := range bad {
		_, err := ParseCode(tt.in)
		require.Error(t, err, tt.in)
		var pe *ParseError
		require.True(t, errors.As(err, &pe), tt.in)
		assert.Contains(t, err.Error(), tt.reason, tt.in)
		assert.Contains(t, err.Error(), strconv.Quote(pe.Input), "error quotes the input")
	}
	huge := strings.Repeat("9", 1<<20)
	_, err := ParseCode(huge)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200, "huge input is clipped in the message")
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"404", "HTTP/1.1 404 Not Found", "HTTP/2 200", " 599 ", "600", "", "\xff", "HTTP/9.9 100 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			assert.Zero(t, c)
			assert.True(t, utf8.ValidString(err.Error()) || !utf8.ValidString(s))
			return
		}
		assert.True(t, c >= 100 && c <= 599, "parsed %d from %q", c, s)
		assert.Contains(t, s, strconv.Itoa(int(c)))
		// Round trip through text.
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back Code
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	})
}

func TestCodeString(t *testing.T) {
	tests := []struct {
		code   Code
		str    string
		phrase string
		class  Class
	}{
		{404, "404 Not Found", "Not Found", ClientError},
		{200, "200 OK", "OK", Success},
		{599, "599 Network Connect Timeout Error", "Network Connect Timeout Error", ServerError},
		{299, "299", "", Success},
		{600, "600", "", ClassUnknown},
		{-7, "-7", "", ClassUnknown},
		{0, "0", "", ClassUnknown},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.str, tt.code.String())
		assert.Equal(t, tt.phrase, tt.code.Phrase())
		assert.Equal(t, tt.class, tt.code.Class())
	}
}

// TestPhrasesAgreeWithNetHTTP compares the catalog's phrases with
// net/http's StatusText: they differ only where the catalog follows RFC
// 9110's newer names and keeps net/http's wording as an alias.
func TestPhrasesAgreeWithNetHTTP(t *testing.T) {
	for s := range All() {
		text := http.StatusText(int(s.Code()))
		if text == "" || strings.EqualFold(text, s.Phrase()) {
			continue
		}
		var found bool
		for _, a := range s.Aliases() {
			found = found || strings.EqualFold(a, text)
		}
		assert.True(t, found, "%s: net/http says %q; it should be an alias", s, text)
	}
}

func TestParseCodeFullWidth(t *testing.T) {
	for in, want := range map[string]Code{"４２９": 429, "ＨＴＴＰ／１.１ ５０３": 503, "\u3000４０４\u3000Ｎｏｔ Ｆｏｕｎｄ": 404} {
		c, err := ParseCode(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, c, in)
	}
	for _, bad := range []string{"٤٠٤", "４０", "４０４４"} {
		_, err := ParseCode(bad)
		assert.Error(t, err, bad)
	}
}

func TestCodeJSON(t *testing.T) {
	b, err := json.Marshal(map[string]Code{"status": 404})
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":404}`, string(b), "a Code is a JSON number")
	tests := []struct {
		in   string
		want Code
	}{
		{`404`, 404}, {`"404"`, 404}, {`"404 Not Found"`, 404}, {`"HTTP/1.1 503 Service Unavailable"`, 503},
		{`999`, 999}, {`-1`, -1}, {` 201 `, 201},
	}
	for _, tc := range tests {
		var c Code
		require.NoError(t, json.Unmarshal([]byte(tc.in), &c), tc.in)
		assert.Equal(t, tc.want, c, tc.in)
	}
	for _, bad := range []string{`4.04`, `"four"`, `true`, `{}`, `[404]`, `1e3`, `99999999999999999999999`} {
		var c Code
		assert.Error(t, json.Unmarshal([]byte(bad), &c), bad)
	}
	c := Code(7)
	require.NoError(t, json.Unmarshal([]byte(`null`), &c))
	assert.Equal(t, Code(7), c, "null leaves the code alone")
	// Map keys use the text form.
	b, err = json.Marshal(map[Code]bool{404: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"404":true}`, string(b))
	var v struct{ Status Code }
	require.NoError(t, json.Unmarshal([]byte(`{"Status":"HTTP/1.1 503 Service Unavailable"}`), &v))
	assert.Equal(t, Code(503), v.Status)
	var z Code
	assert.Error(t, z.UnmarshalText([]byte("nope")))
	assert.Equal(t, Code(0), z, "failed unmarshal leaves the value alone")
}

func TestCodeLogValue(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("upstream", "status", Code(502))
	assert.Equal(t, `level=INFO msg=upstream status.code=502 status.phrase="Bad Gateway" status.class="Server error"`+"\n", buf.String())
	buf.Reset()
	s, _ := Lookup(429)
	logger.Info("limited", "status", s)
	assert.Contains(t, buf.String(), `status.code=429 status.phrase="Too Many Requests"`)
}

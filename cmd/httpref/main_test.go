package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/httpref/httpref"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestShowCard(t *testing.T) {
	code, out, errOut := runCLI("404")
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{
		"404 Not Found\n",
		"Class:          4xx Client error\n",
		"Lifecycle:      Standard\n",
		"Recommendation: Recommended\n",
		"Source:         RFC 9110, Section 15.5.5 <https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5>\n",
		"Go constant:    http.StatusNotFound\n",
		"\nDetails\n", "\nCommon situations\n", "\nWhat to check\n", "\nAvoid using it when\n",
		"Related:        ",
	} {
		assert.Contains(t, out, want)
	}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "Related:") && !strings.HasPrefix(line, "Referenced by:") && !strings.HasPrefix(line, "Source:") {
			// Only a word too long for any line may pass the width,
			// and then alone on its line.
			if len(line) > 78 {
				assert.NotContains(t, strings.TrimSpace(line), " ", "wrapped: %q", line)
			}
		}
	}
	_, out, _ = runCLI("HTTP/1.1 413 Payload Too Large")
	assert.Contains(t, out, "Aliases:        Payload Too Large; Request Entity Too Large\n")
	_, out, _ = runCLI("499")
	assert.Contains(t, out, "Prefer instead: 408 Request Timeout\n")
	assert.Contains(t, out, "Also means:     Token Required (Esri ArcGIS)\n")
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("x", 90)
	tests := []struct {
		name, prefix, text, want string
	}{
		{"fits", "Aliases: ", "one two", "Aliases: one two\n"},
		{"breaks at the width", "", strings.Repeat("word ", 20), strings.TrimSpace(strings.Repeat("word ", 15)) + "\n" + strings.TrimSpace(strings.Repeat("word ", 5)) + "\n"},
		{"indents later lines", "P: ", strings.Repeat("word ", 16), "P: " + strings.TrimSpace(strings.Repeat("word ", 15)) + "\n   word\n"},
		{"a long word alone, uncut", "  ", "a " + long + " b", "  a\n  " + long + "\n  b\n"},
		{"empty", "P: ", "", "P: \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			wrap(&b, tt.prefix, tt.text)
			assert.Equal(t, tt.want, b.String())
		})
	}
}

func TestShowJSON(t *testing.T) {
	for _, args := range [][]string{{"502", "--json"}, {"--json", "502"}, {"-json", "502"}} {
		code, out, errOut := runCLI(args...)
		require.Equal(t, 0, code, errOut)
		var v map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &v), args)
		assert.Equal(t, float64(502), v["code"])
		assert.Equal(t, "Bad Gateway", v["phrase"])
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "usage:"},
		{[]string{"777"}, `cannot parse "777"`},
		{[]string{"404", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"list", "-class", "9xx"}, `unknown class "9xx"`},
		{[]string{"list", "-vendor", "akamai"}, `unknown vendor "akamai"`},
		{[]string{"list", "extra"}, `unexpected argument "extra"`},
		{[]string{"related"}, "missing code"},
		{[]string{"related", "105"}, "105 is not in the catalog"},
		{[]string{"related", "502", "-depth", "x"}, "invalid value"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(tt.args...)
		assert.Equal(t, 2, code, tt.args)
		assert.Empty(t, out, tt.args)
		assert.Contains(t, errOut, tt.want, tt.args)
	}
	code, out, errOut := runCLI("299")
	assert.Equal(t, 1, code, "a valid code the catalog lacks is not found")
	assert.Empty(t, out)
	assert.Contains(t, errOut, "299 is not in the catalog")

	code, out, _ = runCLI("--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage:")
}

func TestList(t *testing.T) {
	code, out, _ := runCLI("list")
	require.Equal(t, 0, code)
	assert.Len(t, strings.Split(strings.TrimSpace(out), "\n"), httpref.Len())

	code, out, _ = runCLI("list", "-class", "5xx", "-vendor", "cloudflare")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Len(t, lines, 9)
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, "52") || strings.HasPrefix(l, "530"), l)
		assert.True(t, strings.HasSuffix(l, "Cloudflare"), l)
	}

	code, out, _ = runCLI("list", "-lifecycle", "non-standard", "--json")
	require.Equal(t, 0, code)
	var list []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &list))
	assert.NotEmpty(t, list)
	for _, s := range list {
		assert.Equal(t, "Non-standard", s["lifecycle"])
	}

	code, out, _ = runCLI("list", "-class", "1xx", "-vendor", "aws", "--json")
	require.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out, "an empty result is an empty JSON array")
}

func TestRelated(t *testing.T) {
	code, out, _ := runCLI("related", "502")
	require.Equal(t, 0, code)
	assert.Equal(t, "502 Bad Gateway\n  500 Internal Server Error\n  503 Service Unavailable\n  504 Gateway Timeout\n  521 Web Server Is Down\n  522 Connection Timed Out\n", out)

	code, out, _ = runCLI("related", "502", "-depth", "2", "--json")
	require.Equal(t, 0, code)
	var nodes []struct {
		Code     int
		Phrase   string
		Distance int
	}
	require.NoError(t, json.Unmarshal([]byte(out), &nodes))
	assert.Equal(t, 502, nodes[0].Code)
	assert.Equal(t, 2, nodes[len(nodes)-1].Distance)
}

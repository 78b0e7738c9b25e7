package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSearchCommand(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		exit      int
		firstLine string // prefix of the first line of stdout
		lines     int    // number of stdout lines, -1 to skip
		stderr    string // substring of stderr
	}{
		{"search", []string{"search", "rate limit"}, 0, "429  Too Many Requests", 10, ""},
		{"words", []string{"search", "cloudflare", "timeout"}, 0, "524  A Timeout Occurred", 10, ""},
		{"limit", []string{"search", "-n", "3", "gateway timeout"}, 0, "504  Gateway Timeout", 3, ""},
		{"limit after", []string{"search", "gateway timeout", "-n=2"}, 0, "504  Gateway Timeout", 2, ""},
		{"class filter", []string{"search", "-class", "5xx", "-n", "50", "too large"}, 0, "5", -1, ""},
		{"vendor filter", []string{"search", "-vendor", "nginx", "-n", "1", "closed"}, 0, "499  Client Closed Request", 1, ""},
		{"fallback", []string{"gateway", "timeout"}, 0, "504  Gateway Timeout", 10, ""},
		{"fallback one arg", []string{"gatway timout"}, 0, "504  Gateway Timeout", 10, ""},
		{"fallback class", []string{"5xx"}, 0, "500  Internal Server Error", 10, ""},
		{"fallback with flags", []string{"gateway", "timeout", "-n", "3"}, 0, "504  Gateway Timeout", 3, ""},
		{"fallback flags first", []string{"-n=2", "-class", "4xx", "payload", "too", "large"}, 0, "413  Content Too Large", 2, ""},
		{"no match", []string{"search", "zzzzqqqq"}, 1, "", 0, "nothing matches"},
		{"empty", []string{"search", "  "}, 2, "", 0, "usage: httpref search"},
		{"no args", []string{"search"}, 2, "", 0, "usage: httpref search"},
		{"bad flag", []string{"search", "-bogus", "x"}, 2, "", 0, "flag provided but not defined"},
		{"bad n", []string{"search", "-n", "-4", "x"}, 2, "", 0, "-n must be"},
		{"bad class", []string{"search", "-class", "9xx", "x"}, 2, "", 0, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exit, out, errOut := runCLI(tt.args...)
			require.Equal(t, tt.exit, exit, "stderr: %s", errOut)
			assert.Contains(t, errOut, tt.stderr)
			if tt.lines >= 0 {
				assert.Equal(t, tt.lines, strings.Count(out, "\n"), out)
			}
			if tt.firstLine != "" {
				assert.True(t, strings.HasPrefix(out, tt.firstLine), "first line of:\n%s", out)
			}
		})
	}
}

func TestSearchCommandShowsScoreAndFields(t *testing.T) {
	exit, out, _ := runCLI("search", "-n", "1", "payload too large")
	require.Equal(t, 0, exit)
	fields := strings.Fields(out)
	require.GreaterOrEqual(t, len(fields), 5, out)
	assert.Equal(t, "413", fields[0])
	assert.Contains(t, out, "phrase, alias")
	assert.Regexp(t, `\s\d+\.\d\d\s`, out)
}

func TestSearchCommandJSON(t *testing.T) {
	for _, args := range [][]string{
		{"search", "--json", "-n", "2", "too many requests"},
		{"too", "many", "requests", "--json"}, // the fallback from httpref WORDS
	} {
		exit, out, errOut := runCLI(args...)
		require.Equal(t, 0, exit, errOut)
		var got []struct {
			Code    int      `json:"code"`
			Phrase  string   `json:"phrase"`
			Score   float64  `json:"score"`
			Matched []string `json:"matched"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		require.GreaterOrEqual(t, len(got), 2)
		assert.Equal(t, 429, got[0].Code)
		assert.Equal(t, "Too Many Requests", got[0].Phrase)
		assert.Greater(t, got[0].Score, got[1].Score)
		assert.Contains(t, got[0].Matched, "phrase")
	}
	exit, out, _ := runCLI("search", "--json", "zzzzqqqq")
	assert.Equal(t, 1, exit)
	assert.JSONEq(t, "[]", out)
}

func TestShowStillShowsCodes(t *testing.T) {
	// A status code argument is still a card, not a search.
	exit, out, _ := runCLI("HTTP/1.1 404 Not Found")
	require.Equal(t, 0, exit)
	assert.True(t, strings.HasPrefix(out, "404 Not Found\n"), out)
}

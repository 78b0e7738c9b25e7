package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpref/httpref/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runArgs runs the program with args and returns its exit status and
// output.
func runArgs(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestAdviseText(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"advise", "420"}, []string{
			"420 Enhance Your Calm\n", "Recommendation: Not recommended\n", "\nTake care\n",
			"is specific to Twitter", "Prefer:         429 Too Many Requests\n", "\nAvoid it when\n",
		}},
		{[]string{"advise", "200"}, []string{"200 OK\n", "Recommendation: Recommended\n", "Fine to use in a public API",
			"Reference:      RFC 9110, Section 15.3.1 <https://www.rfc-editor.org/rfc/rfc9110#section-15.3.1>\n"}},
		{[]string{"advise", "HTTP/1.1 427"}, []string{"427 (not in the catalog)\n", "generic 4xx", "Prefer:         400 Bad Request\n"}},
		{[]string{"advise", "1000"}, []string{"1000 (not in the catalog)\n", "does not have three digits"}},
		{[]string{"advise", "-json=false", "306"}, []string{"306 Unused\n", "is reserved"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runArgs(tc.args...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, line := range strings.Split(out, "\n") {
				if !strings.HasPrefix(line, "Reference:") {
					assert.LessOrEqual(t, len(line), 78, "wrapped: %q", line)
				}
			}
		})
	}
}

func TestAdviseJSON(t *testing.T) {
	code, out, errOut := runArgs("advise", "420", "--json")
	require.Equal(t, 0, code, errOut)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.EqualValues(t, 420, got["code"])
	assert.Equal(t, "Not recommended", got["recommendation"])
	assert.Equal(t, []any{429.0}, got["prefer"])
	reasons := got["reasons"].([]any)
	require.Len(t, reasons, 2)
	assert.Equal(t, "non-standard", reasons[0].(map[string]any)["kind"])
}

func TestAdviseErrors(t *testing.T) {
	tests := [][]string{
		{"advise"},
		{"advise", "teapot"},
		{"advise", "-bogus", "404"},
	}
	for _, args := range tests {
		code, out, errOut := runArgs(args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out, "%v", args)
		assert.NotEmpty(t, errOut, "%v", args)
	}
}

func TestCheckCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want []string
		not  []string
	}{
		{"issue example", []string{"-X", "POST", "-status", "201", "-H", "Content-Type: application/json"}, 0,
			[]string{"warning created-missing-location\n", "RFC 9110, Section 9.3.3 <https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3>"}, nil},
		{"clean", []string{"-X", "POST", "-status", "201", "-H", "Location: /items/1"}, 0,
			[]string{"201 Created: no findings\n"}, nil},
		{"error exits 1", []string{"-X", "DELETE", "-status", "405"}, 1,
			[]string{"error   method-not-allowed-missing-allow\n"}, nil},
		{"header satisfies", []string{"-X", "DELETE", "-status", "405", "-H", "Allow: GET, HEAD"}, 0,
			[]string{"no findings"}, nil},
		{"request headers", []string{"-status", "304", "-req-H", `If-None-Match: "v1"`}, 0,
			[]string{"no findings"}, nil},
		{"missing request header", []string{"-status", "304"}, 0,
			[]string{"not-modified-unconditional"}, nil},
		{"body", []string{"-status", "200", "-H", "Content-Type: application/json", "-body", `{"error": "boom"}`}, 0,
			[]string{"info    soft-error\n"}, nil},
		{"disable", []string{"-status", "304", "-disable", "not-modified-unconditional,status-deprecated"}, 0,
			[]string{"no findings"}, []string{"not-modified-unconditional"}},
		{"min severity", []string{"-X", "POST", "-status", "201", "-min-severity", "error"}, 0,
			[]string{"no findings"}, nil},
		{"lower-case method", []string{"-X", "post", "-status", "302", "-H", "Location: /x"}, 0,
			[]string{"redirect-method-ambiguous"}, nil},
		{"out of range", []string{"-status", "700"}, 1, []string{"status-out-of-range"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runArgs(append([]string{"check"}, tc.args...)...)
			assert.Equal(t, tc.code, code, errOut)
			assert.Empty(t, errOut)
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, n := range tc.not {
				assert.NotContains(t, out, n)
			}
		})
	}
}

func TestCheckBodyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "body.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"errors": [1]}`), 0o600))
	code, out, errOut := runArgs("check", "-status", "200", "-H", "Content-Type: application/json", "-body", "@"+path)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "soft-error")

	code, _, errOut = runArgs("check", "-status", "200", "-body", "@"+filepath.Join(t.TempDir(), "missing"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "httpref check:")
}

func TestCheckJSON(t *testing.T) {
	code, out, errOut := runArgs("check", "-X", "GET", "-status", "401", "--json")
	require.Equal(t, 1, code, errOut)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1)
	assert.Equal(t, "unauthorized-missing-www-authenticate", got[0]["rule"])
	assert.Equal(t, "error", got[0]["severity"])
	assert.EqualValues(t, 401, got[0]["code"])
	assert.Equal(t, "RFC 9110, Section 15.5.2", got[0]["reference"])
	assert.Equal(t, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2", got[0]["spec_url"])

	code, out, _ = runArgs("check", "-status", "200", "--json")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out)
}

func TestCheckRules(t *testing.T) {
	code, out, errOut := runArgs("check", "-rules")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "method-not-allowed-missing-allow")
	assert.Contains(t, out, "(RFC 6585, Section 4)")

	code, out, _ = runArgs("check", "-rules", "--json")
	require.Equal(t, 0, code)
	var rules []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rules))
	assert.Len(t, rules, len(check.Rules()))
	assert.Equal(t, "status-out-of-range", rules[0]["id"])
}

func TestCheckUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"check"}, "give -status, or a raw response"},
		{[]string{"check", "-status", "x"}, "invalid value"},
		{[]string{"check", "-status", "200", "-H", "NoColon"}, "want 'Name: value'"},
		{[]string{"check", "-status", "200", "-disable", "no-such-rule"}, `no rule has the ID "no-such-rule"`},
		{[]string{"check", "-status", "200", "-min-severity", "fatal"}, "unknown severity"},
		{[]string{"check", "-status", "200", "extra"}, `unexpected argument "extra"`},
	}
	for _, tc := range tests {
		code, out, errOut := runArgs(tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, out, "%v", tc.args)
		assert.Contains(t, errOut, tc.msg, "%v", tc.args)
	}

	code, out, _ := runArgs("check", "-h")
	assert.Equal(t, 0, code, "-h is help, not an error")
	assert.Contains(t, out, "usage: httpref check")
}

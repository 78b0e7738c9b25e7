package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runStdin runs the program with stdin.
func runStdin(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runIO(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSeveralCodes(t *testing.T) {
	code, out, errOut := runCLI("404", "405")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "404 Not Found\n")
	assert.Contains(t, out, "405 Method Not Allowed\n")

	code, out, _ = runCLI("404", "405", "--json")
	require.Equal(t, 0, code)
	var list []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &list))
	require.Len(t, list, 2)
	assert.EqualValues(t, 405, list[1]["code"])

	code, out, _ = runCLI("HTTP/1.1", "404", "Not", "Found")
	require.Equal(t, 0, code)
	assert.Len(t, regexp.MustCompile(`(?m)^404 Not Found$`).FindAllString(out, -1), 1, "a status line is one code")
}

func TestVersion(t *testing.T) {
	code, out, errOut := runCLI("--version")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "httpref "), out)
	assert.NotContains(t, out, "flag provided")
}

func TestHelpListsEveryFlag(t *testing.T) {
	for _, c := range commands() {
		code, out, _ := runCLI(c.name, "-h")
		require.Equal(t, 0, code, c.name)
		assert.Contains(t, out, "usage: httpref "+c.name, c.name)
		assert.Contains(t, out, "-json", c.name)
	}
	_, out, _ := runCLI("search", "-h")
	for _, f := range []string{"-class", "-vendor", "-lifecycle", "-n"} {
		assert.Contains(t, out, f)
	}
	_, out, _ = runCLI("--help")
	for _, c := range commands() {
		assert.Contains(t, out, "httpref "+c.name)
	}
}

func TestInvalidEnumListsValidValues(t *testing.T) {
	code, _, errOut := runCLI("list", "-vendor", "nobody")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `"nobody"`)
	for _, v := range []string{"IETF", "Nginx", "Cloudflare", "AWS ELB"} {
		assert.Contains(t, errOut, v)
	}
	_, _, errOut = runCLI("check", "-status", "200", "-min-severity", "fatal")
	assert.Contains(t, errOut, "info, warning, error")
}

func TestErrorsQuoteAtMost64Bytes(t *testing.T) {
	huge := strings.Repeat("x", 120<<10)
	for _, args := range [][]string{
		{huge},
		{"list", "-vendor", huge},
		{"list", huge},
		{"check", "-status", "200", "-disable", huge},
		{"related", huge},
		{"advise", huge},
		{"search", "-class", huge, "x"},
	} {
		_, _, errOut := runCLI(args...)
		assert.Less(t, len(errOut), 2048, "%.40s: stderr holds %d bytes", args, len(errOut))
		assert.NotContains(t, errOut, strings.Repeat("x", 65))
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestFailedWriteExitsNonZero(t *testing.T) {
	for _, args := range [][]string{{"404"}, {"404", "--json"}, {"list"}, {"search", "timeout"}, {"--help"}} {
		var errOut bytes.Buffer
		code := runIO(args, strings.NewReader(""), failingWriter{}, &errOut)
		assert.Equal(t, 3, code, "%v", args)
		assert.Contains(t, errOut.String(), "no space left on device", "%v", args)
	}
}

func TestJSONOutputIsJSONOrNothing(t *testing.T) {
	for _, args := range [][]string{
		{"999", "--json"}, {"299", "--json"}, {"404", "--json"}, {"404", "299", "--json"},
		{"list", "--json"}, {"list", "-vendor", "nobody", "--json"},
		{"related", "502", "--json"}, {"related", "nope", "--json"},
		{"advise", "420", "--json"}, {"advise", "nope", "--json"},
		{"search", "zzzzqqqq", "--json"}, {"search", "timeout", "--json"},
		{"check", "-status", "401", "--json"}, {"check", "--json"},
		{"explain", "--json", "upstream timed out"}, {"explain", "--json", "zzzz qqqq"},
		{"openapi", "--json", "nope.yaml"},
	} {
		_, out, _ := runCLI(args...)
		if out != "" {
			assert.True(t, json.Valid([]byte(out)), "%v: %q", args, out)
		}
	}
	code, out, errOut := runCLI("999", "--json")
	assert.NotEqual(t, 0, code)
	assert.Empty(t, out)
	assert.NotEmpty(t, errOut)
}

func TestCheckBodyFileIsRead(t *testing.T) {
	// /dev/zero never ends: only the body limit is read.
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	code, out, errOut := runCLI("check", "-status", "200", "-H", "Content-Type: application/json", "-body", "@/dev/zero")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "200 OK")
}

func TestCheckRawResponse(t *testing.T) {
	raw := "HTTP/1.1 100 Continue\r\n\r\n" +
		"HTTP/2 401\r\ncontent-type: application/json\r\n\r\n{\"error\":\"no token\"}"
	code, out, errOut := runStdin(raw, "check", "-X", "POST", "-")
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, out, "unauthorized-missing-www-authenticate")

	dir := t.TempDir()
	file := filepath.Join(dir, "resp.txt")
	require.NoError(t, os.WriteFile(file, []byte("HTTP/1.1 201 Created\nContent-Type: text/plain\nContent-Length: 2\n\nok"), 0o644))
	code, out, _ = runCLI("check", "-X", "POST", file, "--json")
	assert.Equal(t, 0, code)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &fs))
	require.NotEmpty(t, fs)
	assert.Equal(t, "created-missing-location", fs[0]["rule"])

	code, _, errOut = runStdin("hello\n", "check", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "not a raw HTTP response")
}

func TestExplainCommand(t *testing.T) {
	if len(commands()) == 0 {
		t.Skip()
	}
	code, _, _ := runCLI("explain")
	assert.Equal(t, 2, code, "explain needs text")
	code, _, _ = runStdin("", "explain", "-")
	assert.Equal(t, 1, code, "nothing on stdin matches nothing")
}

func TestOpenAPICommand(t *testing.T) {
	code, out, errOut := runCLI("openapi", "../../openapi/testdata/lint.yaml")
	assert.Equal(t, 1, code, "the fixture has error findings: %s", errOut)
	assert.Contains(t, out, "lint.yaml:34:9: GET /users/{id} 401: error unauthorized-missing-www-authenticate")
	code, out, _ = runCLI("openapi", "-min-severity", "error", "--json", "../../openapi/testdata/lint.yaml")
	assert.Equal(t, 1, code)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &fs))
	for _, f := range fs {
		assert.Equal(t, "error", f["severity"])
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        200: [\n"), 0o644))
	code, out, errOut = runCLI("openapi", bad)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "line 7")
	code, _, errOut = runCLI("openapi", "-disable", "nope", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `no rule has the ID "nope"`)
}

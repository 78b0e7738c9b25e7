package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleDir is the sample service: a module with a test file, so that
// packages.Load returns the package twice (sample and its test variant).
var sampleDir = filepath.Join("testdata", "sample")

// buildCommand builds the command into a temporary directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "httpstatus")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// runIn runs a command in dir and returns its output, with dir taken out
// of file names, and its exit code.
func runIn(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	clean := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	return clean(out.String()), clean(errOut.String()), code
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// TestSampleService runs the command on the sample service on its own and
// as a go vet tool.
func TestSampleService(t *testing.T) {
	bin := buildCommand(t)
	sample, err := filepath.Abs(sampleDir)
	require.NoError(t, err)

	tests := []struct {
		name     string
		args     []string
		golden   string // compared with stdout+stderr, if set
		wantCode int
		wantOut  bool // whether anything is printed
	}{
		{name: "text", args: []string{"./..."}, golden: "sample.golden", wantCode: exitFindings, wantOut: true},
		{name: "json", args: []string{"-json", "./..."}, golden: "sample.json.golden", wantCode: exitOK, wantOut: true},
		{name: "no tests", args: []string{"-test=false", "./..."}, wantCode: exitFindings, wantOut: true},
		{
			name:     "all off",
			args:     []string{"-flow=false", "-disable=unknown-code,nonstandard-code,deprecated-code,redirect-code,error-code", "./..."},
			wantCode: exitOK,
		},
		{
			name:     "handlerflow alone",
			args:     []string{"-disable=unknown-code,nonstandard-code,deprecated-code,redirect-code,error-code", "./..."},
			golden:   "flow.golden",
			wantCode: exitFindings,
			wantOut:  true,
		},
		{name: "bad flag", args: []string{"-disable=style", "./..."}, wantCode: exitError, wantOut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runIn(t, sample, bin, tt.args...)
			assert.Equal(t, tt.wantCode, code, stdout+stderr)
			if tt.golden != "" {
				golden(t, tt.golden, stdout+stderr)
			}
			assert.Equal(t, tt.wantOut, stdout+stderr != "", stdout+stderr)
		})
	}

	t.Run("each finding once in JSON", func(t *testing.T) {
		stdout, _, _ := runIn(t, sample, bin, "-json", "./...")
		var tree map[string]map[string][]jsonDiagnostic
		require.NoError(t, json.Unmarshal([]byte(stdout), &tree))
		seen := map[string]bool{}
		for _, analyzers := range tree {
			for _, diags := range analyzers {
				for _, d := range diags {
					k := d.Posn + " " + d.Message
					assert.False(t, seen[k], "reported twice: %s", k)
					seen[k] = true
				}
			}
		}
		assert.NotEmpty(t, seen)
	})

	t.Run("vet tool", func(t *testing.T) {
		want, err := os.ReadFile(filepath.Join("testdata", "sample.golden"))
		require.NoError(t, err)
		_, vet, code := runIn(t, sample, "go", "vet", "-vettool="+bin, "./...")
		assert.NotZero(t, code, "go vet fails on findings")
		for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			assert.Contains(t, vet, line)
		}
	})
}

// TestFix runs -fix on a copy of the sample service.
func TestFix(t *testing.T) {
	bin := buildCommand(t)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(sampleDir)))
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chmod(path, 0o644)
		}
		return err
	}))

	stdout, stderr, code := runIn(t, dir, bin, "-enable=use-constant", "-fix", "./...")
	assert.Equal(t, exitFindings, code, "findings without a fix are left")
	golden(t, "fix.golden", stdout+stderr)
	assert.NotContains(t, stderr, "instead of the literal 405", "fixed findings are not printed")

	fixed, err := os.ReadFile(filepath.Join(dir, "service.go"))
	require.NoError(t, err)
	golden(t, "service.go.fixed", string(fixed))

	// Once fixed, only the findings without a fix remain.
	_, again, code := runIn(t, dir, bin, "-enable=use-constant", "-fix", "./...")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, stdout+stderr, again)

	// With nothing left to report, -fix succeeds.
	_, quiet, code := runIn(t, dir, bin, "-flow=false", "-disable=unknown-code,nonstandard-code,deprecated-code,redirect-code,error-code", "-fix", "./...")
	assert.Equal(t, exitOK, code, quiet)
}

func TestVetMode(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"--V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-allow=520", "/tmp/go-build/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-json", "./..."}, false},
		{nil, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, vetMode(tt.args), tt.args)
	}
}

func TestConflicts(t *testing.T) {
	taken := []edit{{10, 13, "http.StatusOK"}, {20, 20, "x"}}
	tests := []struct {
		name string
		e    edit
		want bool
	}{
		{"identical", edit{10, 13, "http.StatusOK"}, false},
		{"same range, other text", edit{10, 13, "nethttp.StatusOK"}, true},
		{"overlap", edit{12, 15, "y"}, true},
		{"adjacent", edit{13, 15, "y"}, false},
		{"insertion at insertion", edit{20, 20, "y"}, true},
		{"disjoint", edit{30, 33, "y"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, conflicts(taken, tt.e))
		})
	}
}

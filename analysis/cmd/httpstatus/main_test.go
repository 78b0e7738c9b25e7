package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.golden")

// TestSampleService builds the command and runs it on the sample service in
// ../../testdata/sample, on its own and as a go vet tool.
func TestSampleService(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "httpstatus")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample"))
	require.NoError(t, err)

	run := func(name string, args ...string) (string, int) {
		cmd := exec.Command(name, args...)
		cmd.Dir = sample
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else {
			require.NoError(t, err)
		}
		text := strings.ReplaceAll(stdout.String()+stderr.String(), sample+string(filepath.Separator), "")
		return text, code
	}

	got, code := run(bin, "./...")
	assert.Equal(t, 3, code, "singlechecker exits 3 when it reports diagnostics")
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)

	vet, code := run("go", "vet", "-vettool="+bin, "./...")
	assert.NotZero(t, code, "go vet fails on findings")
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		assert.Contains(t, vet, line)
	}

	quiet, code := run(bin, "-disable=use-constant,nonstandard-code,deprecated-code,redirect-code,error-code", "./...")
	assert.Equal(t, 0, code, quiet)
	assert.Empty(t, quiet)
}

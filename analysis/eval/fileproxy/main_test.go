package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(src, "go.mod"), []byte("module example.com/Mod\n\ngo 1.26\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(src, "m.go"), []byte("package m\n"), 0o644))
	require.NoError(t, run(src, "example.com/Mod", "v1.2.3", out))

	vdir := filepath.Join(out, "example.com", "!mod", "@v") // upper case is escaped as a proxy does
	list, err := os.ReadFile(filepath.Join(vdir, "list"))
	require.NoError(t, err)
	assert.Equal(t, "v1.2.3\n", string(list))
	info, err := os.ReadFile(filepath.Join(vdir, "v1.2.3.info"))
	require.NoError(t, err)
	assert.Contains(t, string(info), `"Version":"v1.2.3"`)

	z, err := zip.OpenReader(filepath.Join(vdir, "v1.2.3.zip"))
	require.NoError(t, err)
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	assert.ElementsMatch(t, []string{"example.com/Mod@v1.2.3/go.mod", "example.com/Mod@v1.2.3/m.go"}, names)
}

func TestRunRejectsBadVersion(t *testing.T) {
	src := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(src, "go.mod"), []byte("module example.com/m\n"), 0o644))
	assert.Error(t, run(src, "example.com/m", "1.0", t.TempDir()))
}

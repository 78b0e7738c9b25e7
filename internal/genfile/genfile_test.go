package genfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x_gen.go")
	require.NoError(t, Write(path, []byte("package x\n")))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "package x\n", string(b))

	// The same bytes leave the file as it is, modification time included.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	require.NoError(t, os.Chtimes(path, old, old))
	require.NoError(t, Write(path, []byte("package x\n")))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.True(t, fi.ModTime().Equal(old), "mod time %v, want %v", fi.ModTime(), old)

	// Other bytes replace it.
	require.NoError(t, Write(path, []byte("package y\n")))
	b, err = os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "package y\n", string(b))

	// A directory that does not exist is an error, not a panic.
	require.Error(t, Write(filepath.Join(t.TempDir(), "no", "such", "dir", "x.go"), []byte("x")))
}

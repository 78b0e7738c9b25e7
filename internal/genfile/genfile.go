// Package genfile writes the output of the generators under gen/: each
// generator produces a whole Go file in memory and hands it to Write,
// which leaves a file that already holds those bytes untouched, so that
// `go generate` changes neither the contents nor the modification time of
// a file that is up to date.
package genfile

import (
	"bytes"
	"os"
)

// Write writes code to the file at path unless the file already holds
// exactly code.
func Write(path string, code []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, code) {
		return nil
	}
	return os.WriteFile(path, code, 0o644)
}

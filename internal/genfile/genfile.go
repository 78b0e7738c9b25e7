// Package genfile writes the output of the generators under gen/: each
// generator produces a whole Go file in memory and hands it to Write,
// which leaves a file that already holds those bytes untouched, so that
// `go generate` changes neither the contents nor the modification time of
// a file that is up to date.
package genfile

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/httpref/httpref/internal/textkey"
)

// Write writes code to the file at path unless the file already holds
// exactly code.
func Write(path string, code []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, code) {
		return nil
	}
	return os.WriteFile(path, code, 0o644)
}

// HashSlots returns an open-addressing table for keys: a power-of-two
// number of slots, at least twice the keys, where key i sits at slot
// textkey.Hash(key) mod size or the first free slot after it (wrapping
// around) and is stored as 1 + i; 0 marks an empty slot. Keys equal to the
// key before them are left out, so the first of equal keys serves them all.
func HashSlots(keys []string) []int {
	size := 1
	for size < 2*len(keys) {
		size *= 2
	}
	slots := make([]int, size)
	for i, k := range keys {
		if i > 0 && keys[i-1] == k {
			continue
		}
		h := int(textkey.Hash(k)) & (size - 1)
		for slots[h] != 0 {
			h = (h + 1) & (size - 1)
		}
		slots[h] = i + 1
	}
	return slots
}

// QuoteLong returns the source of a long string constant: the quoted
// pieces of s, about 80 bytes each, joined by + on lines of their own.
func QuoteLong(s string) string {
	var parts []string
	for len(s) > 0 {
		n := min(len(s), 80)
		parts = append(parts, strconv.Quote(s[:n]))
		s = s[n:]
	}
	if len(parts) == 0 {
		return `""`
	}
	return strings.Join(parts, " +\n\t")
}

// WriteInts writes a Go array declaration var name = [len(vals)]typ{...}
// of vals, perLine to a line.
func WriteInts(b *bytes.Buffer, name, typ string, vals []int, perLine int) {
	WriteList(b, name, typ, len(vals), perLine, func(i int) string { return strconv.Itoa(vals[i]) })
}

// WriteList writes a Go array declaration var name = [n]typ{...} with
// perLine elements a line, item(i) giving each element's source.
func WriteList(b *bytes.Buffer, name, typ string, n, perLine int, item func(i int) string) {
	fmt.Fprintf(b, "var %s = [%d]%s{", name, n, typ)
	for i := range n {
		if i%perLine == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(item(i) + ",")
	}
	b.WriteString("\n}\n\n")
}

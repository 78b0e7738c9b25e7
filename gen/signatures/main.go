// Command signatures turns the error signatures of the source table
// (gen/signatures/*.json) into signatures_gen.go, the compile-time data
// behind httpref.Explain and Status.Signatures.
//
// It is run from the repository root by `go generate`:
//
//	go run ./gen/signatures [-dir gen/signatures] [-catalog gen/catalog.json] [-out signatures_gen.go]
//
// The work is done by internal/sigtable, which the package's tests also
// use to check that the checked-in file is up to date.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/httpref/httpref/internal/genfile"
	"github.com/httpref/httpref/internal/sigtable"
)

func main() {
	dir := flag.String("dir", "gen/signatures", "directory of signature files")
	catalog := flag.String("catalog", "gen/catalog.json", "source table, for the catalog's codes")
	out := flag.String("out", "signatures_gen.go", "Go file to write")
	flag.Parse()
	if err := run(*dir, *catalog, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen/signatures:", err)
		os.Exit(1)
	}
}

func run(dir, catalog, out string) error {
	code, err := sigtable.GenerateDir(dir, catalog)
	if err != nil {
		return err
	}
	return genfile.Write(out, code)
}

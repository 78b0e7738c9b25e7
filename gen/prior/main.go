// Command prior derives the ask prior of package httpref, how often people
// ask about each code, from the tune part of the real-world evaluation set
// (testdata/search/realworld_*.jsonl), and writes it to prior_gen.go.
//
// It is run from the repository root by `go generate`:
//
//	go run ./gen/prior [-dir testdata/search] [-catalog gen/catalog.json] [-out prior_gen.go]
//
// The work is done by internal/evalset, which the package's tests also use
// to check that the checked-in file is up to date.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/httpref/httpref/internal/genfile"
)

func main() {
	dir := flag.String("dir", "testdata/search", "directory of the real-world sets")
	catalog := flag.String("catalog", "gen/catalog.json", "source table, for the catalog's codes")
	out := flag.String("out", "prior_gen.go", "Go file to write")
	flag.Parse()
	if err := run(*dir, *catalog, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen/prior:", err)
		os.Exit(1)
	}
}

func run(dir, catalog, out string) error {
	code, err := evalset.GeneratePrior(dir, catalog)
	if err != nil {
		return err
	}
	return genfile.Write(out, code)
}

// Command prior derives what package httpref learns from the tune part of
// the real-world evaluation set (testdata/search/realworld_*.jsonl): the
// ask prior, how often people ask about each code, into prior_gen.go, and
// the word model, how the words of a text point to the code it asks about,
// into wordmodel_gen.go.
//
// It is run from the repository root by `go generate`:
//
//	go run ./gen/prior [-dir testdata/search] [-catalog gen/catalog.json] [-out prior_gen.go] [-model wordmodel_gen.go]
//
// The work is done by internal/evalset and internal/wordmodel, which the
// package's tests also use to check that the checked-in files are up to
// date.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/httpref/httpref/internal/genfile"
	"github.com/httpref/httpref/internal/wordmodel"
)

func main() {
	dir := flag.String("dir", "testdata/search", "directory of the real-world sets")
	catalog := flag.String("catalog", "gen/catalog.json", "source table, for the catalog's codes")
	out := flag.String("out", "prior_gen.go", "Go file to write the ask prior to")
	model := flag.String("model", "wordmodel_gen.go", "Go file to write the word model to")
	flag.Parse()
	if err := run(*dir, *catalog, *out, *model); err != nil {
		fmt.Fprintln(os.Stderr, "gen/prior:", err)
		os.Exit(1)
	}
}

func run(dir, catalog, out, model string) error {
	code, err := evalset.GeneratePrior(dir, catalog)
	if err != nil {
		return err
	}
	if err := genfile.Write(out, code); err != nil {
		return err
	}
	code, err = wordmodel.Generate(dir, catalog)
	if err != nil {
		return err
	}
	return genfile.Write(model, code)
}

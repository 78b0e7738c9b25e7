// Command gen turns the reviewed source table gen/catalog.json into
// catalog_gen.go, the compile-time data of package httpref.
//
// It is run from the repository root by `go generate`:
//
//	go run ./gen [-table gen/catalog.json] [-out catalog_gen.go]
//
// The work is done by internal/table, which the package's tests also use to
// check that the checked-in file is up to date.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/httpref/httpref/internal/genfile"
	"github.com/httpref/httpref/internal/table"
)

func main() {
	in := flag.String("table", "gen/catalog.json", "source table to read")
	out := flag.String("out", "catalog_gen.go", "Go file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	code, err := table.Generate(src)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return genfile.Write(out, code)
}

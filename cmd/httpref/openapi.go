package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/httpref/httpref/check"
	"github.com/httpref/httpref/openapi"
)

// maxDescription bounds the size of a description the command reads.
const maxDescription = 64 << 20

// runOpenAPI lints the status codes an OpenAPI description documents. It
// exits 1 when a finding is an error.
func runOpenAPI(e *env, args []string) int {
	fs, asJSON := newFlagSet("openapi")
	var disable listFlag
	var minSev check.Severity
	fs.Var(&disable, "disable", "rule `IDs` to turn off, comma-separated (repeatable)")
	fs.TextVar(&minSev, "min-severity", check.SeverityUnknown, "report only findings of this `severity` (info, warning, error) and above")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.SetOutput(e.stderr)
		fs.Usage()
		return 2
	}
	for _, id := range disable {
		if _, ok := openapi.RuleByID(id); !ok {
			fmt.Fprintf(e.stderr, "httpref openapi: no rule has the ID %s\n", quote(id))
			return 2
		}
	}
	var r io.Reader = e.stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			fmt.Fprintf(e.stderr, "httpref openapi: %s\n", clipQuoted(err.Error()))
			return 2
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxDescription+1))
	if err != nil {
		fmt.Fprintf(e.stderr, "httpref openapi: %v\n", err)
		return 2
	}
	doc, err := openapi.Load(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "httpref openapi: %s: %s\n", clip(pos[0]), clipQuoted(err.Error()))
		return 2
	}
	fsOut := doc.Lint(&check.Options{Disable: disable, MinSeverity: minSev})
	if *asJSON {
		if fsOut == nil {
			fsOut = []openapi.Finding{}
		}
		writeJSON(e.stdout, fsOut)
	} else {
		for _, f := range fsOut {
			fmt.Fprintf(e.stdout, "%s:%s\n", clip(pos[0]), f)
		}
		if len(fsOut) == 0 {
			fmt.Fprintf(e.stdout, "%s: %d operations, no findings\n", clip(pos[0]), len(doc.Operations))
		}
	}
	if slices.ContainsFunc(fsOut, func(f openapi.Finding) bool { return f.Severity == check.SeverityError }) {
		return 1
	}
	return 0
}

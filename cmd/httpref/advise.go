package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/httpref/httpref"
)

func runAdvise(e *env, args []string) int {
	fs, asJSON := newFlagSet("advise")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fs.SetOutput(e.stderr)
		fs.Usage()
		return 2
	}
	arg := strings.Join(pos, " ")
	c, err := httpref.ParseCode(arg)
	if err != nil {
		n, aerr := strconv.Atoi(strings.TrimSpace(arg))
		if aerr != nil {
			fmt.Fprintln(e.stderr, clipQuoted(err.Error()))
			return 2
		}
		c = httpref.Code(n)
	}
	a := httpref.Advise(int(c))
	if *asJSON {
		return writeJSON(e.stdout, a)
	}
	writeAdvice(e.stdout, a)
	return 0
}

// writeAdvice prints advice for reading in a terminal.
func writeAdvice(w io.Writer, a httpref.Advice) {
	if a.Known() {
		fmt.Fprintf(w, "%s\n", a.Code())
	} else {
		fmt.Fprintf(w, "%d (not in the catalog)\n", a.Code())
	}
	if a.Summary() != "" {
		wrap(w, "  ", a.Summary())
	}
	fmt.Fprintf(w, "\n%-16s%s\n", "Recommendation:", a.Recommendation())
	if a.Acceptable() {
		fmt.Fprintln(w, "Fine to use in a public API where it fits.")
	}
	if rs := a.Reasons(); len(rs) > 0 {
		fmt.Fprintln(w, "\nTake care")
		for _, r := range rs {
			wrap(w, "  - ", r.Text)
		}
	}
	if p := a.Prefer(); len(p) > 0 {
		fmt.Fprintf(w, "\n%-16s%s\n", "Prefer:", codeList(p))
	}
	if aw := a.AvoidWhen(); len(aw) > 0 {
		fmt.Fprintln(w, "\nAvoid it when")
		for _, s := range aw {
			wrap(w, "  - ", s)
		}
	}
	if a.Reference() != "" {
		ref := a.Reference()
		if a.SpecURL() != "" {
			ref += " <" + a.SpecURL() + ">"
		}
		fmt.Fprintf(w, "\n%-16s%s\n", "Reference:", ref)
	}
}

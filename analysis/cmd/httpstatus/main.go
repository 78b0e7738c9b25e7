// Command httpstatus runs the httpstatus and handlerflow analyzers.
//
// httpstatus reports HTTP status
// codes in Go source that a handler should not send: unknown, non-standard,
// deprecated and reserved codes, redirects with non-redirect codes, and
// errors with non-error codes; on request also codes that are only written
// to logs, and literals that have a net/http constant (with a fix).
// handlerflow reports response writes in the wrong order in handlers: a
// header set after the header was written, a second WriteHeader, a
// missing return after http.Error (with a fix), a 201, redirect, 401 or
// 405 without its header, a body after 204 or 304.
//
// Run it on its own or as a vet tool:
//
//	httpstatus ./...
//	httpstatus -json ./...
//	httpstatus -enable=use-constant -fix ./...
//	go vet -vettool=$(which httpstatus) ./...
//
// Analyzer flags: -allow=520,522 accepts listed codes; -disable=error-code
// turns a category off; -enable=use-constant,log-only-code turns the opt-in
// categories on; -places=example.com/api.Send:1 adds a place where a status
// is sent.
//
// Driver flags: -json prints the findings as JSON; -fix applies the
// suggested fixes, then prints the findings it could not fix and exits 3
// if there are any; -test=false leaves out test files; -flow=false leaves
// out handlerflow.
//
// A package and its test variant (pkg and "pkg [pkg.test]") share their
// non-test files, so the analyzer sees those files twice. The command
// reports each finding, and applies each fix, once: findings are keyed by
// position and message, and the plain package is preferred.
package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/packages"

	"github.com/httpref/httpref/analysis/handlerflow"
	"github.com/httpref/httpref/analysis/httpstatus"
)

func main() {
	if vetMode(os.Args[1:]) {
		multichecker.Main(httpstatus.Analyzer, handlerflow.Analyzer)
	}
	os.Exit(run([]*analysis.Analyzer{httpstatus.Analyzer, handlerflow.Analyzer}, os.Args[1:], os.Stdout, os.Stderr))
}

// vetMode reports whether the command runs under go vet -vettool, which
// speaks the unitchecker protocol: -V=full, -flags, then a .cfg file.
func vetMode(args []string) bool {
	for _, a := range args {
		a = "-" + strings.TrimLeft(a, "-")
		if a == "-flags" || a == "-V" || strings.HasPrefix(a, "-V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Exit codes, as singlechecker uses them.
const (
	exitOK       = 0
	exitError    = 1 // a failure to load or analyze
	exitFindings = 3 // findings were reported (or left unfixed)
)

// run is the standalone driver: it loads the packages, runs the
// analyzers (the first one names the command; -flow=false leaves out
// handlerflow) and prints the findings, each once.
func run(analyzers []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	a := analyzers[0]
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print the findings as JSON")
	fix := fs.Bool("fix", false, "apply the suggested fixes, then print the findings that could not be fixed")
	tests := fs.Bool("test", true, "also analyze test files")
	flow := fs.Bool("flow", true, "also run handlerflow, which checks the order of response writes in handlers")
	for _, an := range analyzers {
		an.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	}
	fs.Usage = func() {
		paras := strings.Split(a.Doc, "\n\n")
		fmt.Fprintf(stderr, "%s: %s\n\nUsage: %s [-flag] [package]\n\n", a.Name, paras[0], a.Name)
		if len(paras) > 1 {
			fmt.Fprintln(stderr, strings.Join(paras[1:], "\n\n"))
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError
	}

	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: *tests}, fs.Args()...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(fs.Args(), " "))
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	exit := exitOK
	if packages.PrintErrors(pkgs) > 0 {
		exit = exitError
	}
	if !*flow {
		analyzers = slices.DeleteFunc(slices.Clone(analyzers), func(an *analysis.Analyzer) bool { return an == handlerflow.Analyzer })
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	res := collect(graph.Roots)
	if len(res.errs) > 0 {
		exit = exitError
	}

	switch {
	case *fix:
		for _, e := range res.errs {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, e.err)
		}
		unfixed, err := applyFixes(res.findings)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return exitError
		}
		printText(stderr, unfixed)
		if len(unfixed) > 0 {
			exit = max(exit, exitFindings)
		}
	case *jsonOut:
		if err := printJSON(stdout, res); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return exitError
		}
	default:
		for _, e := range res.errs {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, e.err)
		}
		printText(stderr, res.findings)
		if len(res.findings) > 0 {
			exit = max(exit, exitFindings)
		}
	}
	return exit
}

// finding is one diagnostic, reported once.
type finding struct {
	pkgID    string
	analyzer string
	fset     *token.FileSet
	posn     token.Position
	diag     analysis.Diagnostic
}

// pkgError is a failed analysis of a package.
type pkgError struct {
	pkgID    string
	analyzer string
	err      error
}

type results struct {
	findings []finding
	errs     []pkgError
}

// collect gathers the findings of the root actions, each once: the same
// file analyzed as part of pkg and of "pkg [pkg.test]" yields the same
// finding twice, with the same position and message. Plain packages are
// visited first so that a finding stays with the package that owns it.
func collect(roots []*checker.Action) results {
	roots = slices.Clone(roots)
	slices.SortStableFunc(roots, func(x, y *checker.Action) int {
		return cmp.Compare(isVariant(x.Package.ID), isVariant(y.Package.ID))
	})
	type key struct {
		posn    token.Position
		message string
	}
	seen := map[key]bool{}
	var res results
	for _, act := range roots {
		if act.Err != nil {
			res.errs = append(res.errs, pkgError{act.Package.ID, act.Analyzer.Name, act.Err})
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			k := key{posn, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			res.findings = append(res.findings, finding{act.Package.ID, act.Analyzer.Name, act.Package.Fset, posn, d})
		}
	}
	slices.SortStableFunc(res.findings, func(x, y finding) int {
		return cmp.Or(cmp.Compare(x.posn.Filename, y.posn.Filename), cmp.Compare(x.posn.Offset, y.posn.Offset))
	})
	return res
}

// isVariant returns 1 for a test variant or test main package ("pkg
// [pkg.test]", "pkg.test") and 0 for a plain package.
func isVariant(id string) int {
	if strings.Contains(id, " [") || strings.HasSuffix(id, ".test") {
		return 1
	}
	return 0
}

func printText(w io.Writer, fs []finding) {
	for _, f := range fs {
		fmt.Fprintf(w, "%s: %s\n", f.posn, f.diag.Message)
	}
}

// The JSON output has the schema of singlechecker's -json output:
// package ID, then analyzer name, then a list of diagnostics or an error.
type (
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonDiagnostic struct {
		Category       string    `json:"category,omitempty"`
		Posn           string    `json:"posn"`
		End            string    `json:"end"`
		Message        string    `json:"message"`
		SuggestedFixes []jsonFix `json:"suggested_fixes,omitempty"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

func printJSON(w io.Writer, res results) error {
	tree := map[string]map[string]any{}
	for _, e := range res.errs {
		if tree[e.pkgID] == nil {
			tree[e.pkgID] = map[string]any{}
		}
		tree[e.pkgID][e.analyzer] = jsonError{e.err.Error()}
	}
	for _, f := range res.findings {
		jd := jsonDiagnostic{
			Category: f.diag.Category,
			Posn:     f.posn.String(),
			End:      f.fset.Position(cmp.Or(f.diag.End, f.diag.Pos)).String(),
			Message:  f.diag.Message,
		}
		for _, fix := range f.diag.SuggestedFixes {
			jf := jsonFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				start, end := f.fset.Position(e.Pos), f.fset.Position(cmp.Or(e.End, e.Pos))
				jf.Edits = append(jf.Edits, jsonEdit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		if tree[f.pkgID] == nil {
			tree[f.pkgID] = map[string]any{}
		}
		list, _ := tree[f.pkgID][f.analyzer].([]jsonDiagnostic)
		tree[f.pkgID][f.analyzer] = append(list, jd)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// edit is a text edit resolved to byte offsets in a file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each finding, unless it
// overlaps a fix already taken, formats the changed files and writes them.
// It returns the findings that were not fixed.
func applyFixes(fs []finding) ([]finding, error) {
	var unfixed []finding
	byFile := map[string][]edit{}
	for _, f := range fs {
		if len(f.diag.SuggestedFixes) == 0 {
			unfixed = append(unfixed, f)
			continue
		}
		edits := map[string][]edit{}
		ok := true
		for _, te := range f.diag.SuggestedFixes[0].TextEdits {
			start, end := f.fset.Position(te.Pos), f.fset.Position(cmp.Or(te.End, te.Pos))
			e := edit{start.Offset, end.Offset, string(te.NewText)}
			if start.Filename == "" || start.Filename != end.Filename || conflicts(byFile[start.Filename], e) {
				ok = false
				break
			}
			edits[start.Filename] = append(edits[start.Filename], e)
		}
		if !ok {
			unfixed = append(unfixed, f)
			continue
		}
		for file, es := range edits {
			for _, e := range es {
				if !slices.Contains(byFile[file], e) {
					byFile[file] = append(byFile[file], e)
				}
			}
		}
	}
	files := make([]string, 0, len(byFile))
	for file := range byFile {
		files = append(files, file)
	}
	slices.Sort(files)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		es := byFile[file]
		slices.SortFunc(es, func(x, y edit) int { return cmp.Compare(x.start, y.start) })
		var out []byte
		last := 0
		for _, e := range es {
			if e.end > len(src) || e.start < last {
				return nil, fmt.Errorf("%s: fix out of range; file changed during analysis?", file)
			}
			out = append(append(out, src[last:e.start]...), e.text...)
			last = e.end
		}
		out = append(out, src[last:]...)
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		info, err := os.Stat(file)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(file, out, info.Mode().Perm()); err != nil {
			return nil, err
		}
	}
	return unfixed, nil
}

// conflicts reports whether e overlaps an edit in taken other than an
// identical one.
func conflicts(taken []edit, e edit) bool {
	for _, t := range taken {
		if t == e {
			continue
		}
		if e.start < t.end && t.start < e.end || e.start == t.start && e.end == t.end {
			return true
		}
		if e.start == e.end && e.start == t.start || t.start == t.end && t.start == e.start {
			return true // two insertions, or an insertion at a replacement, at one place
		}
	}
	return false
}

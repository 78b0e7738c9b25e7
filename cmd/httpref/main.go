// Command httpref looks up HTTP status codes in the httpref catalog,
// explains pasted error messages, and checks responses and API
// descriptions.
//
// Usage:
//
//	httpref CODE... [--json]              a readable card for each code
//	httpref list [-class 4xx] [-vendor cloudflare] [-lifecycle non-standard] [--json]
//	httpref related CODE [-depth 2] [--json]
//	httpref advise CODE [--json]          should an API send this code?
//	httpref explain TEXT... | -           which software printed this, and what it means
//	httpref check -status N [-X METHOD] [-H 'K: v']... [-body TEXT|@FILE] [--json]
//	httpref check [-X METHOD] FILE|-      a raw response as curl -si prints it
//	httpref openapi FILE [--json]         lint the statuses an OpenAPI description documents
//	httpref search [-n 10] WORDS... [--json]
//	httpref WORDS...                      the same as search, for words that are not a code
//	httpref --version
//
// CODE is anything httpref.ParseCode accepts: "404", "404 Not Found",
// "HTTP/1.1 404 Not Found". Flags may come before or after the arguments,
// with one dash or two; every command takes -h. Exit status: 0 success, 1
// a finding of severity error or a code not found, 2 bad usage, 3 output
// that could not be written. With --json, stdout holds valid JSON or
// nothing, and messages go to stderr.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpref/httpref"
)

func main() {
	os.Exit(runIO(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand: its name, what it takes, a one-line
// synopsis, and the function that runs it.
type command struct {
	name, args, synopsis string
	run                  func(e *env, args []string) int
}

// commands returns the subcommands, in the order help lists them: the one
// table that dispatch, help and each command's usage read. A first
// argument that names none of them is a code or search words. (It is a
// function, not a variable, because the commands' own usage reads it.)
func commands() []command {
	return []command{
		{"list", "[-class C] [-vendor V] [-lifecycle L] [--json]", "list the catalog, filtered", runList},
		{"related", "CODE [-depth N] [--json]", "walk the related-code graph from CODE", runRelated},
		{"advise", "CODE [--json]", "whether an API should send CODE, and what to send instead", runAdvise},
		{"explain", "TEXT... | -  [--json]", "which software printed a log line, error page or console message, and what it means", runExplain},
		{"check", "-status N [flags] | [-X METHOD] FILE|-  [--json]", "check one response against the rules", runCheck},
		{"openapi", "FILE [--json]", "lint the status codes an OpenAPI description documents", runOpenAPI},
		{"search", "[-n N] WORDS... [--json]", "find codes from words, a symptom or a log line", runSearch},
	}
}

// env is where a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// errWriter remembers the first write error, so that a failed write to
// stdout is reported once, at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// run is the program with no input on stdin.
func run(args []string, stdout, stderr io.Writer) int {
	return runIO(args, strings.NewReader(""), stdout, stderr)
}

// runIO is the whole program: it parses args, writes results to stdout
// and problems to stderr, and returns the exit status.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &errWriter{w: stdout}
	e := &env{stdin: stdin, stdout: out, stderr: stderr}
	code := dispatch(e, args)
	if out.err != nil {
		fmt.Fprintf(stderr, "httpref: writing the output: %v\n", out.err)
		return 3
	}
	return code
}

func dispatch(e *env, args []string) int {
	if len(args) == 0 {
		writeUsage(e.stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		writeUsage(e.stdout)
		return 0
	case "-version", "--version", "version":
		fmt.Fprintln(e.stdout, version())
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	return runShow(e, args)
}

// version returns the module version from the build information, such
// as "httpref v0.3.0 (go1.26.8)", or "(devel)" for a build from a clone.
func version() string {
	v, goVersion := "(unknown)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		v, goVersion = bi.Main.Version, bi.GoVersion
		if v == "" {
			v = "(devel)"
		}
	}
	return strings.TrimSpace("httpref " + v + " " + goVersion)
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, "usage:\n  httpref CODE... [--json]\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  httpref %s %s\n", c.name, c.args)
	}
	fmt.Fprint(w, "  httpref WORDS...        (search, when WORDS are not status codes)\n  httpref --version\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.synopsis)
	}
	fmt.Fprint(w, "\nRun httpref COMMAND -h for the flags of a command.\n")
}

// newFlagSet returns the flags of a command, with --json and -h, and its
// usage message listing every flag.
func newFlagSet(name string) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	fs.Usage = func() {
		w := fs.Output()
		for _, c := range commands() {
			if c.name == name {
				fmt.Fprintf(w, "usage: httpref %s %s\n\n%s.\n\nflags:\n", c.name, c.args, upperFirst(c.synopsis))
			}
		}
		if name == "httpref" {
			fmt.Fprint(w, "usage: httpref CODE... [--json]\n\nShow a card for each code.\n\nflags:\n")
		}
		fs.PrintDefaults()
	}
	return fs, asJSON
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseArgs parses flags that may be mixed with positional arguments and
// returns the positional ones. -h prints the command's usage on stdout; a
// bad flag is reported on stderr with its value clipped.
func parseArgs(e *env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return nil, 0, false
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "httpref %s: %s\n", fs.Name(), clipQuoted(err.Error()))
			fmt.Fprintf(e.stderr, "run httpref %s -h for its flags\n", fs.Name())
			return nil, 2, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		if args[0] == "-" { // stdin, not a flag
			pos = append(pos, "-")
			args = args[1:]
			continue
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// maxQuote is the most bytes of an argument a message quotes.
const maxQuote = 64

// clip shortens s to maxQuote bytes, keeping whole UTF-8 sequences.
func clip(s string) string {
	if len(s) <= maxQuote {
		return s
	}
	i := maxQuote
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// quote returns s clipped and quoted, for messages.
func quote(s string) string { return strconv.Quote(clip(s)) }

// clipQuoted shortens the quoted parts of a message (as the flag package
// and the enum parsers quote values) and the message as a whole.
func clipQuoted(msg string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '"')
		if i < 0 {
			b.WriteString(msg)
			break
		}
		j := strings.IndexByte(msg[i+1:], '"')
		if j < 0 {
			b.WriteString(msg)
			break
		}
		b.WriteString(msg[:i])
		inner := msg[i+1 : i+1+j]
		if len(inner) > maxQuote {
			inner = clip(inner)
		}
		b.WriteString(`"` + inner + `"`)
		msg = msg[i+2+j:]
	}
	s := b.String()
	if len(s) > 1024 {
		s = clip(s[:1024]) + "..."
	}
	return s
}

// writeJSON writes v as indented JSON; with the output through errWriter,
// a failed write shows at the end.
func writeJSON(w io.Writer, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return 1
	}
	w.Write(append(b, '\n'))
	return 0
}

// filters holds the -class, -vendor and -lifecycle flags that list and
// search share; a zero field filters nothing.
type filters struct {
	class     httpref.Class
	vendor    httpref.Vendor
	lifecycle httpref.Lifecycle
}

func (f *filters) register(fs *flag.FlagSet) {
	fs.TextVar(&f.class, "class", httpref.ClassUnknown, "only this `class`: 1xx-5xx or a name such as client_error")
	fs.TextVar(&f.vendor, "vendor", httpref.VendorUnknown, "only this `vendor`: "+strings.Join(names(httpref.Vendors()), ", "))
	fs.TextVar(&f.lifecycle, "lifecycle", httpref.LifecycleUnknown, "only this `lifecycle`: "+strings.Join(names(httpref.Lifecycles()), ", "))
}

func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// keep reports whether s passes the filters.
func (f *filters) keep(s httpref.Status) bool {
	return (f.class == httpref.ClassUnknown || s.Class() == f.class) &&
		(f.vendor == httpref.VendorUnknown || s.Vendor() == f.vendor) &&
		(f.lifecycle == httpref.LifecycleUnknown || s.Lifecycle() == f.lifecycle)
}

// searchOptions returns the filters as search options with a limit.
func (f *filters) searchOptions(limit int) *httpref.SearchOptions {
	return &httpref.SearchOptions{Limit: limit, Class: f.class, Vendor: f.vendor, Lifecycle: f.lifecycle}
}

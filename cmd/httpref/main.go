// Command httpref looks up HTTP status codes in the httpref catalog.
//
// Usage:
//
//	httpref CODE [--json]                 a readable card for one code
//	httpref list [-class 4xx] [-vendor cloudflare] [-lifecycle non-standard] [--json]
//	httpref related CODE [-depth 2] [--json]
//	httpref advise CODE [--json]          should an API send this code?
//	httpref check -status N [-X METHOD] [-H 'K: v']... [-req-H 'K: v']... [-body TEXT|@FILE] [--json]
//	httpref search [-n 10] WORDS... [--json]
//	httpref WORDS...                      the same as search, for words that are not a code
//
// CODE is anything httpref.ParseCode accepts: "404", "404 Not Found",
// "HTTP/1.1 404 Not Found". Flags may come before or after the arguments.
// Unknown codes and bad flags exit with status 2 and a message on stderr;
// check exits with status 1 when it finds an error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/httpref/httpref"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command runs one subcommand with the arguments after its name and
// returns the process exit status.
type command func(args []string, stdout, stderr io.Writer) int

// commands maps subcommand names to their implementations. Each
// subcommand's file adds its entry.
var commands = map[string]command{
	"list":    runList,
	"related": runRelated,
}

// fallback, when set, handles arguments that are neither a subcommand nor
// a status code (search registers itself here).
var fallback command

const usage = `usage:
  httpref CODE [--json]
  httpref list [-class 4xx] [-vendor NAME] [-lifecycle NAME] [--json]
  httpref related CODE [-depth N] [--json]
  httpref advise CODE [--json]
  httpref check -status N [-X METHOD] [-H 'K: v']... [-req-H 'K: v']... [-body TEXT|@FILE] [-rules] [--json]
  httpref search [-n N] WORDS... [--json]
  httpref WORDS...        (search, when WORDS are not a status code)
`

// run is the whole program: it parses args, writes results to stdout and
// problems to stderr, and returns the exit status (0 ok, 1 findings or not
// found, 2 usage errors).
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], stdout, stderr)
	}
	return runShow(args, stdout, stderr)
}

// parseArgs parses flags that may be mixed with positional arguments and
// returns the positional ones. A bad flag is reported on stderr.
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, bool) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	return fs, asJSON
}

// lookupArg parses a code argument and finds it in the catalog.
func lookupArg(arg string) (httpref.Status, error) {
	c, err := httpref.ParseCode(arg)
	if err != nil {
		return httpref.Status{}, err
	}
	s, ok := httpref.Lookup(int(c))
	if !ok {
		return httpref.Status{}, fmt.Errorf("httpref: %d is not in the catalog (class %s)", c, c.Class())
	}
	return s, nil
}

func writeJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 1
	}
	return 0
}

func runShow(args []string, stdout, stderr io.Writer) int {
	// Words that are not a status code go to the fallback (search), flags
	// and all; a bare number is meant as a code, so a bad one is an error.
	if fallback != nil {
		var words []string
		for _, a := range args {
			if !strings.HasPrefix(a, "-") {
				words = append(words, a)
			}
		}
		arg := strings.Join(words, " ")
		if _, err := httpref.ParseCode(arg); err != nil && strings.Trim(arg, "0123456789 ") != "" {
			return fallback(args, stdout, stderr)
		}
	}
	fs, asJSON := newFlagSet("httpref")
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	s, err := lookupArg(strings.Join(pos, " "))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if *asJSON {
		return writeJSON(stdout, s)
	}
	writeCard(stdout, s)
	return 0
}

// writeCard prints everything the catalog knows about s, for reading in a
// terminal.
func writeCard(w io.Writer, s httpref.Status) {
	fmt.Fprintf(w, "%s\n", s)
	wrap(w, "  ", s.Summary())
	fmt.Fprintln(w)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-16s%s\n", name+":", value)
		}
	}
	field("Class", s.Class().Pattern()+" "+s.Class().String())
	field("Lifecycle", s.Lifecycle().String())
	field("Recommendation", s.Recommendation().String())
	source := s.Source()
	if ref := s.Reference(); ref != "" && ref != source {
		source = ref
	}
	if u := s.SpecURL(); u != "" {
		source += " <" + u + ">"
	}
	field("Source", source)
	field("Vendor", s.Vendor().String())
	field("Go constant", s.GoConstant())
	field("Aliases", strings.Join(s.Aliases(), "; "))
	field("Prefer instead", codeList(s.Prefer()))
	for _, v := range s.Variants() {
		field("Also means", v.Phrase+" ("+v.Vendor+")")
	}
	section := func(title string, items []string) {
		fmt.Fprintf(w, "\n%s\n", title)
		for _, it := range items {
			wrap(w, "  - ", it)
		}
	}
	fmt.Fprintf(w, "\nDetails\n")
	wrap(w, "  ", s.Details())
	section("Common situations", s.Situations())
	section("What to check", s.Checks())
	section("Avoid using it when", s.AvoidWhen())
	fmt.Fprintln(w)
	field("Related", codeList(s.Related()))
	field("Referenced by", codeList(s.ReferencedBy()))
}

// codeList prints codes with their phrases: "400 Bad Request, 403 Forbidden".
func codeList(cs []httpref.Code) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, ", ")
}

// wrap writes text wrapped at 78 columns. The first line starts with
// prefix; later lines are indented to the same width.
func wrap(w io.Writer, prefix, text string) {
	const width = 78
	line, empty := prefix, true
	for _, word := range strings.Fields(text) {
		if !empty && len(line)+1+len(word) > width {
			fmt.Fprintln(w, line)
			line, empty = strings.Repeat(" ", len(prefix)), true
		}
		if !empty {
			line += " "
		}
		line, empty = line+word, false
	}
	fmt.Fprintln(w, line)
}

// filters holds the -class, -vendor and -lifecycle flags that list and
// search share; a zero field filters nothing.
type filters struct {
	class     httpref.Class
	vendor    httpref.Vendor
	lifecycle httpref.Lifecycle
}

func (f *filters) register(fs *flag.FlagSet) {
	fs.TextVar(&f.class, "class", httpref.ClassUnknown, "only this class (4xx, client error, ...)")
	fs.TextVar(&f.vendor, "vendor", httpref.VendorUnknown, "only this vendor (ietf, nginx, cloudflare, aws, iis, ...)")
	fs.TextVar(&f.lifecycle, "lifecycle", httpref.LifecycleUnknown, "only this lifecycle (standard, deprecated, temporary, reserved, non-standard)")
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

func runList(args []string, stdout, stderr io.Writer) int {
	fs, asJSON := newFlagSet("list")
	var f filters
	f.register(fs)
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(pos) != 0 {
		fmt.Fprintf(stderr, "httpref list: unexpected argument %q\n", pos[0])
		return 2
	}
	var list []httpref.Status
	for s := range httpref.All() {
		if f.keep(s) {
			list = append(list, s)
		}
	}
	if *asJSON {
		if list == nil {
			list = []httpref.Status{}
		}
		return writeJSON(stdout, list)
	}
	for _, s := range list {
		fmt.Fprintf(stdout, "%-45s %-13s %-16s %s\n", s, s.Lifecycle(), s.Recommendation(), s.Vendor())
	}
	return 0
}

func runRelated(args []string, stdout, stderr io.Writer) int {
	fs, asJSON := newFlagSet("related")
	depth := fs.Int("depth", 1, "how many steps to follow (negative: no limit)")
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "httpref related: missing code")
		return 2
	}
	s, err := lookupArg(strings.Join(pos, " "))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	type node struct {
		Code     int    `json:"code"`
		Phrase   string `json:"phrase"`
		Distance int    `json:"distance"`
	}
	nodes := []node{}
	for r, d := range s.Code().Walk(*depth) {
		nodes = append(nodes, node{int(r.Code()), r.Phrase(), d})
	}
	if *asJSON {
		return writeJSON(stdout, nodes)
	}
	for _, n := range nodes {
		fmt.Fprintf(stdout, "%s%d %s\n", strings.Repeat("  ", n.Distance), n.Code, n.Phrase)
	}
	return 0
}

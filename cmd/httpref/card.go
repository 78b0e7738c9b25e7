package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/httpref/httpref"
)

// runShow shows a card for each code in args. Arguments that are not
// status codes are search words: the search command takes them, flags
// and all; a bare number that is not a valid code is an error.
func runShow(e *env, args []string) int {
	var words []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			words = append(words, a)
		}
	}
	if _, ok := codeArgs(words); !ok && strings.Trim(strings.Join(words, ""), "0123456789") != "" {
		return runSearch(e, args)
	}
	fs, asJSON := newFlagSet("httpref")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		writeUsage(e.stderr)
		return 2
	}
	codes, ok := codeArgs(pos)
	if !ok {
		_, err := httpref.ParseCode(strings.Join(pos, " "))
		fmt.Fprintln(e.stderr, clipQuoted(err.Error()))
		return 2
	}
	var list []httpref.Status
	failed := false
	for _, c := range codes {
		s, ok := httpref.Lookup(int(c))
		if !ok {
			fmt.Fprintf(e.stderr, "httpref: %d is not in the catalog (class %s)\n", c, c.Class())
			failed = true
			continue
		}
		list = append(list, s)
	}
	if *asJSON {
		if failed {
			return 1 // stdout holds valid JSON or nothing
		}
		if len(list) == 1 {
			return writeJSON(e.stdout, list[0])
		}
		return writeJSON(e.stdout, list)
	}
	for i, s := range list {
		if i > 0 {
			fmt.Fprintln(e.stdout, "\n"+strings.Repeat("─", 78)+"\n")
		}
		writeCard(e.stdout, s)
	}
	if failed {
		return 1
	}
	return 0
}

// codeArgs reads the arguments as codes: several codes ("404 405"), or one
// code written over several arguments ("HTTP/1.1 404 Not Found").
func codeArgs(words []string) ([]httpref.Code, bool) {
	if len(words) == 0 {
		return nil, false
	}
	if len(words) > 1 {
		var cs []httpref.Code
		for _, w := range words {
			c, err := httpref.ParseCode(w)
			if err != nil {
				cs = nil
				break
			}
			cs = append(cs, c)
		}
		if cs != nil {
			return cs, true
		}
	}
	c, err := httpref.ParseCode(strings.Join(words, " "))
	if err != nil {
		return nil, false
	}
	return []httpref.Code{c}, true
}

// lookupArg parses a code argument and finds it in the catalog.
func lookupArg(arg string) (httpref.Status, error) {
	c, err := httpref.ParseCode(arg)
	if err != nil {
		return httpref.Status{}, fmt.Errorf("%s", clipQuoted(err.Error()))
	}
	s, ok := httpref.Lookup(int(c))
	if !ok {
		return httpref.Status{}, fmt.Errorf("httpref: %d is not in the catalog (class %s)", c, c.Class())
	}
	return s, nil
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
	produced := strings.ReplaceAll(s.Producers().String(), "_", " ")
	if s.LogOnly() {
		produced += " (written to logs, never sent to a client)"
	}
	field("Produced by", strings.Replace(produced, ", logs only", "", 1))
	yes := map[bool]string{true: "yes", false: "no"}
	field("Cacheable", yes[s.CacheableByDefault()]+" by default (RFC 9110, Section 15.1)")
	field("Content", map[bool]string{true: "may carry content", false: "never carries content"}[s.ContentAllowed()])
	field("Retry", retryText(s.RetryPolicy()))
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
	if sigs := s.Signatures(); len(sigs) > 0 {
		fmt.Fprintf(w, "\nMessages that go with it\n")
		for _, g := range sigs {
			wrap(w, "  - ", g.Product()+": "+g.Text())
		}
	}
	fmt.Fprintln(w)
	field("Related", codeList(s.Related()))
	field("Referenced by", codeList(s.ReferencedBy()))
}

// retryText says what a retry policy lets a client do.
func retryText(p httpref.RetryPolicy) string {
	switch p {
	case httpref.RetryNotNeeded:
		return "not needed"
	case httpref.RetryNever:
		return "no: change the request first"
	case httpref.RetryIdempotent:
		return "idempotent methods only, with backoff"
	case httpref.RetryAny:
		return "yes, any method, after Retry-After"
	}
	return ""
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
// prefix; later lines are indented to the same width. A word longer than
// a line (a quoted identifier such as Alamofire's
// "Alamofire.AFError.ResponseValidationFailureReason...") stands on a
// line of its own rather than being cut, so that it can still be copied
// whole.
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

func runList(e *env, args []string) int {
	fs, asJSON := newFlagSet("list")
	var f filters
	f.register(fs)
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		fmt.Fprintf(e.stderr, "httpref list: unexpected argument %s\n", quote(pos[0]))
		return 2
	}
	list := []httpref.Status{}
	for s := range httpref.All() {
		if f.keep(s) {
			list = append(list, s)
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, list)
	}
	for _, s := range list {
		fmt.Fprintf(e.stdout, "%-45s %-13s %-16s %s\n", s, s.Lifecycle(), s.Recommendation(), s.Vendor())
	}
	return 0
}

func runRelated(e *env, args []string) int {
	fs, asJSON := newFlagSet("related")
	depth := fs.Int("depth", 1, "how many `steps` to follow (negative: no limit)")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "httpref related: missing code")
		return 2
	}
	s, err := lookupArg(strings.Join(pos, " "))
	if err != nil {
		fmt.Fprintln(e.stderr, err)
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
		return writeJSON(e.stdout, nodes)
	}
	for _, n := range nodes {
		fmt.Fprintf(e.stdout, "%s%d %s\n", strings.Repeat("  ", n.Distance), n.Code, n.Phrase)
	}
	return 0
}

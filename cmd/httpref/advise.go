package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/httpref/httpref"
	"github.com/httpref/httpref/check"
)

func init() {
	commands["advise"] = runAdvise
	commands["check"] = runCheck
}

const adviseUsage = `usage: httpref advise CODE [--json]

Advice on returning CODE from an API: the recommendation, the reasons to
take care, the standard codes to prefer and when to avoid it. CODE may be
any integer; codes outside the catalog get advice too.
`

const checkUsage = `usage: httpref check -status CODE [flags]

Checks one response against the httpref rules and prints the findings.
Exit status: 0 no error findings, 1 at least one error finding, 2 bad usage.

  -status CODE        the response status code (required)
  -X METHOD           the request method (default GET)
  -H 'Name: value'    a response header field (repeatable)
  -req-H 'Name: value'
                      a request header field (repeatable)
  -body TEXT          the response body; @FILE reads it from FILE
  -disable ID[,ID]    turn rules off by ID (repeatable)
  -min-severity LEVEL only report info, warning or error and above
  -rules              list the rules instead of checking
  --json              print JSON instead of text

example:
  httpref check -X POST -status 201 -H 'Content-Type: application/json'
`

func runAdvise(args []string, stdout, stderr io.Writer) int {
	fs, asJSON := newFlagSet("advise")
	fs.Usage = func() { fmt.Fprint(fs.Output(), adviseUsage) }
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprint(stderr, adviseUsage)
		return 2
	}
	arg := strings.Join(pos, " ")
	code, err := httpref.ParseCode(arg)
	if err != nil {
		n, aerr := strconv.Atoi(strings.TrimSpace(arg))
		if aerr != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		code = httpref.Code(n)
	}
	a := httpref.Advise(int(code))
	if *asJSON {
		return writeJSON(stdout, a)
	}
	writeAdvice(stdout, a)
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
	if len(a.Reasons()) > 0 {
		fmt.Fprintln(w, "\nTake care")
		for _, r := range a.Reasons() {
			wrap(w, "  - ", r.Text)
		}
	}
	if len(a.Prefer()) > 0 {
		fmt.Fprintf(w, "\n%-16s%s\n", "Prefer:", codeList(a.Prefer()))
	}
	if len(a.AvoidWhen()) > 0 {
		fmt.Fprintln(w, "\nAvoid it when")
		for _, s := range a.AvoidWhen() {
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

// headerFlag collects repeated "Name: value" flags into a header.
type headerFlag struct{ h http.Header }

func (f *headerFlag) String() string { return "" }

func (f *headerFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return fmt.Errorf("want 'Name: value', got %q", s)
	}
	f.h.Add(name, strings.TrimSpace(value))
	return nil
}

// listFlag collects repeated, comma-separated values.
type listFlag []string

func (f *listFlag) String() string { return strings.Join(*f, ",") }

func (f *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*f = append(*f, v)
		}
	}
	return nil
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, asJSON := newFlagSet("check")
	fs.Usage = func() { fmt.Fprint(fs.Output(), checkUsage) }
	var (
		respH   = headerFlag{http.Header{}}
		reqH    = headerFlag{http.Header{}}
		disable listFlag
		minSev  check.Severity
	)
	method := fs.String("X", http.MethodGet, "request method")
	status := fs.Int("status", 0, "response status code")
	body := fs.String("body", "", "response body, or @FILE")
	listRules := fs.Bool("rules", false, "list the rules")
	fs.Var(&respH, "H", "response header field 'Name: value'")
	fs.Var(&reqH, "req-H", "request header field 'Name: value'")
	fs.Var(&disable, "disable", "rule IDs to turn off")
	fs.TextVar(&minSev, "min-severity", check.Severity(0), "least severity to report")
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	if len(pos) != 0 {
		fmt.Fprintf(stderr, "httpref check: unexpected argument %q\n", pos[0])
		return 2
	}
	if *listRules {
		return writeRules(stdout, *asJSON)
	}
	if !isFlagSet(fs, "status") {
		fmt.Fprint(stderr, "httpref check: -status is required\n\n"+checkUsage)
		return 2
	}
	for _, id := range disable {
		if _, ok := check.RuleByID(id); !ok {
			fmt.Fprintf(stderr, "httpref check: no rule has ID %q (see httpref check -rules)\n", id)
			return 2
		}
	}
	b := []byte(*body)
	if file, ok := strings.CutPrefix(*body, "@"); ok {
		var err error
		if b, err = os.ReadFile(file); err != nil {
			fmt.Fprintf(stderr, "httpref check: %v\n", err)
			return 2
		}
	}
	ex := check.Exchange{
		Method: strings.ToUpper(*method), RequestHeader: reqH.h, Status: *status, Header: respH.h,
		BodySent: len(b) > 0, Body: b[:min(len(b), check.DefaultBodyLimit)],
	}
	findings := check.Run(ex, &check.Options{Disable: disable, MinSeverity: minSev})
	failed := slices.ContainsFunc(findings, func(f check.Finding) bool { return f.Severity == check.SeverityError })
	if *asJSON {
		if findings == nil {
			findings = []check.Finding{}
		}
		if writeJSON(stdout, findings) != 0 {
			return 2
		}
	} else {
		writeFindings(stdout, httpref.Code(*status), findings)
	}
	if failed {
		return 1
	}
	return 0
}

func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func writeFindings(w io.Writer, code httpref.Code, fs []check.Finding) {
	if len(fs) == 0 {
		fmt.Fprintf(w, "%s: no findings\n", code)
		return
	}
	for _, f := range fs {
		fmt.Fprintf(w, "%-8s%s\n", f.Severity, f.Rule.ID)
		wrap(w, "        ", f.Message)
		ref := f.Reference
		if f.SpecURL != "" {
			ref += " <" + f.SpecURL + ">"
		}
		fmt.Fprintf(w, "        %s\n", ref)
	}
}

func writeRules(w io.Writer, asJSON bool) int {
	rules := check.Rules()
	if asJSON {
		type ruleJSON struct {
			ID        string         `json:"id"`
			Severity  check.Severity `json:"severity"`
			Keyword   string         `json:"keyword"`
			Title     string         `json:"title"`
			Reference string         `json:"reference"`
			SpecURL   string         `json:"spec_url"`
		}
		out := make([]ruleJSON, len(rules))
		for i, r := range rules {
			out[i] = ruleJSON{r.ID, r.Severity, r.Keyword, r.Title, r.Reference, r.SpecURL}
		}
		return writeJSON(w, out)
	}
	for _, r := range rules {
		fmt.Fprintf(w, "%-44s %-8s %s (%s)\n", r.ID, r.Severity, r.Title, r.Reference)
	}
	return 0
}

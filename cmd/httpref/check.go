package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"

	"github.com/httpref/httpref"
	"github.com/httpref/httpref/check"
)

// headerFlag collects repeated "Name: value" flags into a header.
type headerFlag struct{ h http.Header }

func (f *headerFlag) String() string { return "" }

func (f *headerFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return fmt.Errorf("want 'Name: value', got %s", quote(s))
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

// maxRawResponse bounds how much of a raw response check reads: the
// header and the part of the body the checks look at.
const maxRawResponse = 1 << 20

// runCheck checks one response, given by flags or as a raw response (a
// file, or - for stdin) as curl -si prints it.
func runCheck(e *env, args []string) int {
	fs, asJSON := newFlagSet("check")
	var (
		respH   = headerFlag{http.Header{}}
		reqH    = headerFlag{http.Header{}}
		disable listFlag
		minSev  check.Severity
	)
	method := fs.String("X", http.MethodGet, "the request `method`")
	status := fs.Int("status", 0, "the response status `code`, when the response is not given raw")
	body := fs.String("body", "", "the response `body`, or @FILE to read it from FILE")
	listRules := fs.Bool("rules", false, "list the rules with their BCP 14 keywords")
	fs.Var(&respH, "H", "a response header field 'Name: value' (repeatable)")
	fs.Var(&reqH, "req-H", "a request header field 'Name: value' (repeatable)")
	fs.Var(&disable, "disable", "rule `IDs` to turn off, comma-separated (repeatable)")
	fs.TextVar(&minSev, "min-severity", check.SeverityUnknown, "report only findings of this `severity` (info, warning, error) and above")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if *listRules {
		return writeRules(e.stdout, *asJSON)
	}
	opts := &check.Options{Disable: disable, MinSeverity: minSev}
	if err := opts.Validate(); err != nil {
		fmt.Fprintf(e.stderr, "httpref check: %s (see httpref check -rules)\n", clipQuoted(err.Error()))
		return 2
	}
	var findings []check.Finding
	var shown httpref.Code
	switch {
	case isFlagSet(fs, "status") && len(pos) > 0:
		fmt.Fprintf(e.stderr, "httpref check: unexpected argument %s with -status\n", quote(pos[0]))
		return 2
	case len(pos) == 1:
		resp, err := readRaw(e, pos[0])
		if err != nil {
			fmt.Fprintf(e.stderr, "httpref check: %s\n", clipQuoted(err.Error()))
			return 2
		}
		req, _ := http.NewRequest(strings.ToUpper(*method), "http://response.invalid/", nil)
		req.Header = reqH.h
		findings = check.Response(req, resp, opts)
		shown = httpref.Code(resp.StatusCode)
	case len(pos) > 1:
		fmt.Fprintf(e.stderr, "httpref check: unexpected argument %s\n", quote(pos[1]))
		return 2
	case !isFlagSet(fs, "status"):
		fmt.Fprint(e.stderr, "httpref check: give -status, or a raw response as FILE or - for stdin\n")
		fs.SetOutput(e.stderr)
		fs.Usage()
		return 2
	default:
		b := []byte(*body)
		if file, ok := strings.CutPrefix(*body, "@"); ok {
			var err error
			if b, err = readLimited(file, check.DefaultBodyLimit); err != nil {
				fmt.Fprintf(e.stderr, "httpref check: %s\n", clipQuoted(err.Error()))
				return 2
			}
		}
		ex := check.Exchange{
			Method: strings.ToUpper(*method), RequestHeader: reqH.h, Status: *status, Header: respH.h,
			BodySent: len(b) > 0, Body: b,
		}
		findings = check.Run(ex, opts)
		shown = httpref.Code(*status)
	}
	failed := slices.ContainsFunc(findings, func(f check.Finding) bool { return f.Severity == check.SeverityError })
	if *asJSON {
		if findings == nil {
			findings = []check.Finding{}
		}
		writeJSON(e.stdout, findings)
	} else {
		writeFindings(e.stdout, shown, findings)
	}
	if failed {
		return 1
	}
	return 0
}

// readLimited reads at most limit bytes of a file: the checks look at no
// more, and /dev/zero has no end.
func readLimited(name string, limit int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)))
}

// readRaw reads a raw HTTP response from a file or stdin, as curl -si
// prints it: interim 1xx responses before the final one are skipped, and
// curl's "HTTP/2 200" status lines are read as HTTP/2.0.
func readRaw(e *env, name string) (*http.Response, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxRawResponse))
	if err != nil {
		return nil, err
	}
	for {
		raw = bytes.TrimLeft(raw, "\r\n")
		if len(raw) == 0 {
			return nil, fmt.Errorf("no HTTP response in the input")
		}
		raw = normalizeStatusLine(raw)
		br := bufio.NewReader(bytes.NewReader(raw))
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return nil, fmt.Errorf("not a raw HTTP response (as curl -si prints it): %v", err)
		}
		if resp.StatusCode >= 100 && resp.StatusCode <= 199 && resp.StatusCode != http.StatusSwitchingProtocols {
			rest, _ := io.ReadAll(br) // what follows the interim response
			raw = rest
			continue
		}
		return resp, nil
	}
}

// normalizeStatusLine rewrites curl's "HTTP/2 200" and "HTTP/3 200" as
// "HTTP/2.0 200", which net/http reads.
func normalizeStatusLine(raw []byte) []byte {
	for _, v := range []string{"HTTP/2 ", "HTTP/3 "} {
		if bytes.HasPrefix(raw, []byte(v)) {
			return append([]byte(v[:6]+".0 "), raw[len(v):]...)
		}
	}
	return raw
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
		fmt.Fprintf(w, "%-44s %-8s %-10s %s (%s)\n", r.ID, r.Severity, r.Keyword, r.Title, r.Reference)
	}
	return 0
}

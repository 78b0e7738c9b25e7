package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/httpref/httpref"
)

func init() {
	commands["search"] = runSearch
	fallback = runSearch
}

const searchUsage = `usage: httpref search WORDS... [-n N] [-class 5xx] [-vendor NAME] [-lifecycle NAME] [--json]
       httpref WORDS...   (when WORDS is not a status code)

Ranked keyword search over the catalog: codes, phrases, aliases, net/http
constant names, symptoms, vendor names and log lines, with typos forgiven.
Prints code, phrase, score and the fields that matched, best first.
Exit status: 0 found, 1 nothing found, 2 bad usage.
`

// searchResultJSON is the JSON form of one search result.
type searchResultJSON struct {
	Code    int      `json:"code"`
	Phrase  string   `json:"phrase"`
	Score   float64  `json:"score"` // rounded to 3 decimals
	Matched []string `json:"matched"`
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs, asJSON := newFlagSet("search")
	fs.Usage = func() { fmt.Fprint(fs.Output(), searchUsage) }
	var (
		n int
		f filters
	)
	fs.IntVar(&n, "n", httpref.DefaultLimit, "show at most `N` results (0: all matches)")
	f.register(fs)
	pos, ok := parseArgs(fs, args, stderr)
	if !ok {
		return 2
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		fmt.Fprint(stderr, searchUsage)
		return 2
	}
	if n < 0 {
		fmt.Fprintf(stderr, "httpref search: -n must be 0 or more, not %d\n", n)
		return 2
	}
	if n == 0 {
		n = -1 // all matches
	}
	results := httpref.Search(query, f.searchOptions(n))
	if *asJSON {
		list := make([]searchResultJSON, 0, len(results))
		for _, r := range results {
			list = append(list, searchResultJSON{
				Code: int(r.Status.Code()), Phrase: r.Status.Phrase(), Score: math.Round(r.Score*1000) / 1000,
				Matched: r.Matched.Names(),
			})
		}
		if code := writeJSON(stdout, list); code != 0 {
			return code
		}
		if len(results) == 0 {
			return 1
		}
		return 0
	}
	if len(results) == 0 {
		fmt.Fprintf(stderr, "httpref: nothing matches %q\n", query)
		return 1
	}
	for _, r := range results {
		fmt.Fprintf(stdout, "%d  %-38s %7.2f  %s\n", r.Status.Code(), r.Status.Phrase(), r.Score, r.Matched)
	}
	return 0
}

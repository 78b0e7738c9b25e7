package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/httpref/httpref"
)

// searchResultJSON is the JSON form of one search result.
type searchResultJSON struct {
	Code    int      `json:"code"`
	Phrase  string   `json:"phrase"`
	Score   float64  `json:"score"` // rounded to 3 decimals
	Matched []string `json:"matched"`
}

func runSearch(e *env, args []string) int {
	fs, asJSON := newFlagSet("search")
	var (
		n int
		f filters
	)
	fs.IntVar(&n, "n", httpref.DefaultLimit, "show at most `N` results (0: all matches)")
	f.register(fs)
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		fs.SetOutput(e.stderr)
		fs.Usage()
		return 2
	}
	if n < 0 {
		fmt.Fprintf(e.stderr, "httpref search: -n must be 0 or more, not %d\n", n)
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
		if code := writeJSON(e.stdout, list); code != 0 {
			return code
		}
		if len(results) == 0 {
			return 1
		}
		return 0
	}
	if len(results) == 0 {
		fmt.Fprintf(e.stderr, "httpref: nothing matches %s\n", quote(query))
		return 1
	}
	for _, r := range results {
		fmt.Fprintf(e.stdout, "%d  %-38s %7.2f  %s\n", r.Status.Code(), r.Status.Phrase(), r.Score, r.Matched)
	}
	return 0
}

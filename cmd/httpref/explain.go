package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/httpref/httpref"
)

// maxExplainLine is the longest line explain reads from stdin; longer
// lines are cut.
const maxExplainLine = 64 << 10

// matchJSON is the JSON form of one match.
type matchJSON struct {
	ID      string         `json:"id"`
	Product string         `json:"product"`
	Layer   httpref.Layer  `json:"layer"`
	Codes   []httpref.Code `json:"codes"`
	Score   float64        `json:"score"`
	Text    string         `json:"text"`
	Meaning string         `json:"meaning"`
	Source  string         `json:"source"`
}

func matchesJSON(ms []httpref.Match) []matchJSON {
	out := make([]matchJSON, len(ms))
	for i, m := range ms {
		g := m.Signature
		out[i] = matchJSON{g.ID(), g.Product(), g.Layer(), g.Codes(), float64(int(m.Score*1000)) / 1000,
			g.Text(), g.Meaning(), g.Source()}
	}
	return out
}

// runExplain explains the text of its arguments, or with "-" each line of
// stdin as it arrives (tail -f error.log | httpref explain -). With --json,
// the text of the arguments gives one JSON array; stdin gives one JSON
// object per line that matched (JSON Lines): {"line": ..., "matches": [...]}.
func runExplain(e *env, args []string) int {
	fs, asJSON := newFlagSet("explain")
	limit := fs.Int("n", 3, "show at most `N` matches per text")
	pos, code, ok := parseArgs(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fs.SetOutput(e.stderr)
		fs.Usage()
		return 2
	}
	n := max(*limit, 1)
	if len(pos) == 1 && pos[0] == "-" {
		return explainLines(e, n, *asJSON)
	}
	text := strings.Join(pos, " ")
	ms := httpref.Explain(text)
	ms = ms[:min(len(ms), n)]
	if *asJSON {
		writeJSON(e.stdout, matchesJSON(ms))
	} else {
		writeMatches(e.stdout, ms)
	}
	if len(ms) == 0 {
		if !*asJSON {
			fmt.Fprintf(e.stderr, "httpref: no known message matches %s\n", quote(text))
		}
		return 1
	}
	return 0
}

// explainLines explains each line of stdin and prints the lines that
// match.
func explainLines(e *env, n int, asJSON bool) int {
	br := bufio.NewReaderSize(e.stdin, 64<<10)
	found := false
	var buf []httpref.Match
	for {
		line, err := readLine(br)
		if line != "" {
			buf = httpref.AppendExplain(buf[:0], line)
			if len(buf) > 0 {
				found = true
				ms := buf[:min(len(buf), n)]
				if asJSON {
					b, _ := json.Marshal(struct {
						Line    string      `json:"line"`
						Matches []matchJSON `json:"matches"`
					}{line, matchesJSON(ms)})
					e.stdout.Write(append(b, '\n'))
				} else {
					fmt.Fprintln(e.stdout, clipLine(line))
					writeMatches(e.stdout, ms)
					fmt.Fprintln(e.stdout)
				}
			}
		}
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(e.stderr, "httpref explain: reading stdin: %v\n", err)
				return 2
			}
			break
		}
	}
	if !found {
		return 1
	}
	return 0
}

// readLine reads one line of at most maxExplainLine bytes, discarding the
// rest of a longer one.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		part, isPrefix, err := br.ReadLine()
		if len(b) < maxExplainLine {
			b = append(b, part[:min(len(part), maxExplainLine-len(b))]...)
		}
		if err != nil || !isPrefix {
			return string(b), err
		}
	}
}

// clipLine shortens a long input line for display.
func clipLine(s string) string {
	if len(s) <= 160 {
		return s
	}
	return clip(s[:160]) + "..."
}

func writeMatches(w io.Writer, ms []httpref.Match) {
	for _, m := range ms {
		g := m.Signature
		codes := codeList(g.Codes())
		fmt.Fprintf(w, "%s (%s) %.0f%%: %s\n", g.Product(), strings.ReplaceAll(g.Layer().String(), "_", " "), m.Score*100, codes)
		wrap(w, "  ", g.Text())
		wrap(w, "  ", g.Meaning())
		fmt.Fprintf(w, "  <%s>\n", g.Source())
	}
}

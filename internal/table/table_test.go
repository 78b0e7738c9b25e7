package table

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validEntries returns a small table that passes validation: a standard
// code, a second standard code and a vendor code that prefers one of them.
func validEntries() []map[string]any {
	entry := func(code int, phrase, class, lifecycle, vendor string, related []int) map[string]any {
		e := map[string]any{
			"code": code, "phrase": phrase, "summary": phrase + " summary.", "details": phrase + " details.",
			"class": class, "lifecycle": lifecycle, "recommendation": "Recommended", "source": "RFC 9110",
			"vendor": vendor, "spec_ref": "RFC 9110, Section 1", "spec_url": "https://www.rfc-editor.org/rfc/rfc9110#section-1",
			"go_constant": "", "produced_by": []string{"origin"}, "aliases": []string{}, "prefer": []int{}, "variants": []any{}, "related": related,
			"situations": []string{"A situation."}, "checks": []string{"A check."}, "avoid_when": []string{"A note."},
		}
		if vendor != "IETF" {
			e["source"], e["spec_ref"], e["spec_url"] = vendor, "Cloudflare: Error 522", "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/"
			e["prefer"] = []int{504}
		}
		return e
	}
	return []map[string]any{
		entry(504, "Gateway Timeout", "Server error", "Standard", "IETF", []int{502}),
		entry(502, "Bad Gateway", "Server error", "Standard", "IETF", []int{504}),
		entry(522, "Connection Timed Out", "Server error", "Non-standard", "Cloudflare", []int{504, 502}),
	}
}

func encode(t *testing.T, entries []map[string]any, extra map[string]any) []byte {
	t.Helper()
	doc := map[string]any{"entries": entries}
	for k, v := range extra {
		doc[k] = v
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return b
}

func TestValidTableGenerates(t *testing.T) {
	out, err := Generate(encode(t, validEntries(), nil))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(out, []byte(Header+"\n")))
	again, err := Generate(encode(t, validEntries(), nil))
	require.NoError(t, err)
	assert.Equal(t, string(out), string(again), "deterministic")
	// Entries come out sorted by code whatever the input order.
	i502 := bytes.Index(out, []byte(`"502 Bad Gateway"`))
	i504 := bytes.Index(out, []byte(`"504 Gateway Timeout"`))
	require.Positive(t, i502)
	assert.Less(t, i502, i504)
}

func TestRealTableGenerates(t *testing.T) {
	src, err := os.ReadFile("../../gen/catalog.json")
	require.NoError(t, err)
	tab, err := Parse(src)
	require.NoError(t, err)
	assert.Len(t, tab.Entries, 95)
}

func TestBrokenTables(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(es []map[string]any) []map[string]any
		extra  map[string]any
		want   string // substring of the error
	}{
		{"unknown field", func(es []map[string]any) []map[string]any { es[1]["colour"] = "red"; return es }, nil,
			`entry 502 (#1): line 1, column`},
		{"unknown field named", func(es []map[string]any) []map[string]any { es[1]["colour"] = "red"; return es }, nil,
			`(entries[1].colour): unknown key "colour"`},
		{"unknown top-level field", nil, map[string]any{"version": 2}, `unknown key "version"`},
		{"duplicate code", func(es []map[string]any) []map[string]any { es[2]["code"] = 504; return es }, nil,
			`entry 504 (#2), field "code": duplicate code (also entry #0)`},
		{"code too small", func(es []map[string]any) []map[string]any { es[0]["code"] = 99; return es }, nil,
			`entry 99 (#0), field "code": 99 is outside 100-599`},
		{"code too large", func(es []map[string]any) []map[string]any { es[0]["code"] = 600; return es }, nil,
			`field "code": 600 is outside 100-599`},
		{"wrong type", func(es []map[string]any) []map[string]any { es[0]["code"] = "504"; return es }, nil,
			`entry #0: line 1, column`},
		{"wrong type named", func(es []map[string]any) []map[string]any { es[0]["code"] = "504"; return es }, nil,
			`(entries[0].code): want an integer here, not "504"`},
		{"class disagrees", func(es []map[string]any) []map[string]any { es[0]["class"] = "Client error"; return es }, nil,
			`entry 504 (#0), field "class": "Client error" disagrees with the first digit of the code (want "Server error")`},
		{"unknown class", func(es []map[string]any) []map[string]any { es[0]["class"] = "Oops"; return es }, nil,
			`field "class": unknown value "Oops"`},
		{"unknown lifecycle", func(es []map[string]any) []map[string]any { es[0]["lifecycle"] = "Obsolete"; return es }, nil,
			`entry 504 (#0), field "lifecycle": unknown value "Obsolete"`},
		{"unknown recommendation", func(es []map[string]any) []map[string]any { es[0]["recommendation"] = "Yes"; return es }, nil,
			`field "recommendation": unknown value "Yes"`},
		{"unknown vendor", func(es []map[string]any) []map[string]any { es[2]["vendor"] = "Akamai"; return es }, nil,
			`entry 522 (#2), field "vendor": unknown value "Akamai"`},
		{"related not in table", func(es []map[string]any) []map[string]any { es[0]["related"] = []int{502, 404}; return es }, nil,
			`entry 504 (#0), field "related": 404 is not in the table`},
		{"related points at itself", func(es []map[string]any) []map[string]any { es[0]["related"] = []int{504}; return es }, nil,
			`entry 504 (#0), field "related": points at the entry itself`},
		{"related twice", func(es []map[string]any) []map[string]any { es[2]["related"] = []int{502, 502}; return es }, nil,
			`field "related": 502 is listed twice`},
		{"empty phrase", func(es []map[string]any) []map[string]any { es[1]["phrase"] = ""; return es }, nil,
			`entry 502 (#1), field "phrase": required field is empty`},
		{"missing summary", func(es []map[string]any) []map[string]any { delete(es[1], "summary"); return es }, nil,
			`entry 502 (#1), field "summary": required field is empty`},
		{"summary not a sentence", func(es []map[string]any) []map[string]any { es[2]["summary"] = "cloudflare timed out"; return es }, nil,
			`entry 522 (#2), field "summary": "cloudflare timed out" is not a sentence`},
		{"situation not a sentence", func(es []map[string]any) []map[string]any {
			es[1]["situations"] = []string{"proxies and gateways"}
			return es
		}, nil,
			`entry 502 (#1), field "situations": "proxies and gateways" is not a sentence`},
		{"empty situations", func(es []map[string]any) []map[string]any { es[1]["situations"] = []string{}; return es }, nil,
			`field "situations": required list is empty`},
		{"blank check", func(es []map[string]any) []map[string]any { es[1]["checks"] = []string{" padded"}; return es }, nil,
			`field "checks": " padded": leading or trailing white space`},
		{"non-standard without prefer", func(es []map[string]any) []map[string]any { es[2]["prefer"] = []int{}; return es }, nil,
			`entry 522 (#2), field "prefer": a non-standard code needs the standard code(s) to use instead`},
		{"prefer a vendor code", func(es []map[string]any) []map[string]any {
			es[2]["prefer"] = []int{504}
			extra := validEntries()[2]
			extra["code"], extra["prefer"] = 520, []int{522}
			return append(es, extra)
		}, nil, `entry 520 (#3), field "prefer": 522 is Non-standard, not a standard code`},
		{"standard with prefer", func(es []map[string]any) []map[string]any { es[0]["prefer"] = []int{502}; return es }, nil,
			`entry 504 (#0), field "prefer": a standard code has no preferred alternative`},
		{"vendor code from IETF", func(es []map[string]any) []map[string]any { es[2]["vendor"] = "IETF"; return es }, nil,
			`entry 522 (#2), field "vendor": vendor "IETF" does not fit lifecycle "Non-standard"`},
		{"IETF code without link", func(es []map[string]any) []map[string]any { es[0]["spec_url"], es[0]["spec_ref"] = "", ""; return es }, nil,
			`entry 504 (#0), field "spec_url": every entry needs spec_ref and spec_url`},
		{"plain http link", func(es []map[string]any) []map[string]any { es[0]["spec_url"] = "http://example.com"; return es }, nil,
			`field "spec_url": "http://example.com": not an https link`},
		{"scheme only link", func(es []map[string]any) []map[string]any { es[0]["spec_url"] = "https://"; return es }, nil,
			`field "spec_url": "https://": no host name`},
		{"link without path", func(es []map[string]any) []map[string]any {
			es[0]["spec_url"] = "https://www.rfc-editor.org"
			return es
		}, nil,
			`field "spec_url": "https://www.rfc-editor.org": no path`},
		{"misspelled Go constant", func(es []map[string]any) []map[string]any {
			es[0]["go_constant"] = "http.StatusGatewayTimout"
			return es
		}, nil,
			`field "go_constant": net/http has no constant StatusGatewayTimout`},
		{"Go constant of another code", func(es []map[string]any) []map[string]any { es[0]["go_constant"] = "http.StatusBadGateway"; return es }, nil,
			`field "go_constant": http.StatusBadGateway is 502, not 504`},
		{"newline in phrase", func(es []map[string]any) []map[string]any { es[0]["phrase"] = "Gateway\nTimeout"; return es }, nil,
			`field "phrase": "Gateway\nTimeout": control character U+000A`},
		{"control character", func(es []map[string]any) []map[string]any { es[0]["phrase"] = "Gateway\u0007Timeout"; return es }, nil,
			`control character U+0007`},
		{"zero-width space", func(es []map[string]any) []map[string]any { es[0]["phrase"] = "Gateway\u200bTimeout"; return es }, nil,
			`invisible character U+200B`},
		{"bidi override", func(es []map[string]any) []map[string]any {
			es[0]["summary"] = "The gateway \u202etimed out."
			return es
		}, nil,
			`bidirectional control character U+202E`},
		{"huge phrase", func(es []map[string]any) []map[string]any {
			es[0]["phrase"] = strings.Repeat("Timeout ", 6400) + "x"
			return es
		}, nil,
			`field "phrase": 51201 bytes; the limit is 80`},
		{"bad Go constant", func(es []map[string]any) []map[string]any { es[0]["go_constant"] = "StatusGatewayTimeout"; return es }, nil,
			`field "go_constant": "StatusGatewayTimeout" is not a net/http constant name`},
		{"alias repeats phrase", func(es []map[string]any) []map[string]any { es[0]["aliases"] = []string{"gateway timeout"}; return es }, nil,
			`field "aliases": alias "gateway timeout" repeats the phrase`},
		{"mix note lists itself", func(es []map[string]any) []map[string]any {
			es[0]["avoid_when"] = []string{"Do not mix 504 with 504, 502, and 408; it confuses clients."}
			return es
		}, nil, `entry 504 (#0), field "avoid_when": lists 504 among the codes it must not be mixed with`},
		{"invalid UTF-8", func(es []map[string]any) []map[string]any { es[0]["details"] = "bad \xff"; return es }, nil,
			"entry 504 (#0), field \"details\": \"bad \uFFFD\": invalid UTF-8"},
		{"variant without phrase", func(es []map[string]any) []map[string]any {
			es[2]["variants"] = []map[string]string{{"vendor": "Shopify"}}
			return es
		}, nil, `entry 522 (#2), field "variants": a variant needs both vendor and phrase`},
		{"one-word synonym group", nil, map[string]any{"synonyms": [][]string{{"throttle"}}},
			`synonym group #0: needs at least two terms`},
		{"concept without codes", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{"gateway slow"}, "codes": []int{}}}},
			`concept #0 ("gateway slow"): want 1 to 3 codes, have 0`},
		{"concept code not in catalog", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{"gateway slow"}, "codes": []int{599}}}},
			`concept #0 ("gateway slow"): codes[0]: 599 is not in the catalog`},
		{"concept without asks", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{}, "codes": []int{504}}}},
			`concept #0: no asks`},
		{"concept ask too long", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{"gateway very slow around noon today again"}, "codes": []int{504}}}},
			`has 7 search terms; want 1 to 6`},
		{"concept asks the same once tokenized", nil, map[string]any{"concepts": []map[string]any{
			{"asks": []string{"gateway timeouts"}, "codes": []int{504}}, {"asks": []string{"Gateway timeout"}, "codes": []int{522}}}},
			`concept #1: ask "Gateway timeout" is the same as one of concept #0 once tokenized ("gateway timeout")`},
		{"concept ask of stop words but one", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{"you have been blocked"}, "codes": []int{504}}}},
			`ask "you have been blocked" keeps one search term ("block") once tokenized`},
		{"concept code twice", nil, map[string]any{"concepts": []map[string]any{{"asks": []string{"gateway slow"}, "codes": []int{504, 504}}}},
			`codes[1]: 504 is listed twice`},
		{"no entries", func([]map[string]any) []map[string]any { return nil }, nil, `no entries`},
		{"no producer", func(es []map[string]any) []map[string]any { es[0]["produced_by"] = []string{}; return es }, nil,
			`entry 504 (#0), field "produced_by": required list is empty`},
		{"unknown producer", func(es []map[string]any) []map[string]any { es[0]["produced_by"] = []string{"akamai"}; return es }, nil,
			`field "produced_by": unknown value "akamai"`},
		{"logs only alone", func(es []map[string]any) []map[string]any { es[0]["produced_by"] = []string{"logs_only"}; return es }, nil,
			`logs_only needs the layer that writes the log`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := validEntries()
			if tt.mutate != nil {
				es = tt.mutate(es)
			}
			_, err := Generate(encode(t, es, tt.extra))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			var te *Error
			if strings.HasPrefix(tt.want, "entry") {
				assert.True(t, errors.As(err, &te), "entry errors are *Error")
			}
		})
	}
}

func TestTrailingData(t *testing.T) {
	src := append(encode(t, validEntries(), nil), []byte(`{}`)...)
	_, err := Parse(src)
	assert.ErrorContains(t, err, "unexpected data after the top-level value")
	_, err = Parse([]byte(`not json`))
	assert.ErrorContains(t, err, "source table")
}

// TestSyntaxErrorsNameTheirPlace edits the real table's text the way a
// careless edit would and checks that the error names line, column and
// entry.
func TestSyntaxErrorsNameTheirPlace(t *testing.T) {
	src, err := os.ReadFile("../../gen/catalog.json")
	require.NoError(t, err)
	text := string(src)
	tests := []struct {
		name, from, to string
		want           []string
	}{
		{"trailing comma", `"phrase": "Not Found",`, `"phrase": "Not Found",,`, []string{"line ", "column ", "JSON syntax"}},
		{"duplicate key", `"phrase": "Not Found",`, `"phrase": "Not Found", "phrase": "Missing",`, []string{"entry 404", `duplicate key "phrase"`, "line "}},
		{"key in the wrong case", `"phrase": "Not Found",`, `"Phrase": "Not Found",`, []string{"entry 404", `key "Phrase" is spelled "phrase"`}},
		{"byte order mark", `{`, "\ufeff{", []string{"byte order mark"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			broken := strings.Replace(text, tc.from, tc.to, 1)
			require.NotEqual(t, text, broken)
			_, err := Parse([]byte(broken))
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestNoBoilerplate fails when a sentence, with the entry's code and
// phrase masked, stands in more than 3 entries of the real table: every
// entry's text is about its own code.
func TestNoBoilerplate(t *testing.T) {
	src, err := os.ReadFile("../../gen/catalog.json")
	require.NoError(t, err)
	tab, err := Parse(src)
	require.NoError(t, err)
	split := regexp.MustCompile(`([.!?])\s+`)
	entries := map[string]map[int]bool{}
	for _, e := range tab.Entries {
		// The vendor and source names are masked too, so that a template
		// filled in with a vendor's name counts as the one sentence it is.
		pairs := []string{strconv.Itoa(e.Code), "N", e.Phrase, "P"}
		for _, name := range []string{e.Source, e.Vendor} {
			if name != "" {
				pairs = append(pairs, name, "V")
			}
		}
		mask := strings.NewReplacer(pairs...)
		// Any code, and any list of codes, counts as one: "Do not mix N
		// with N, N and N" is one template however the lists differ.
		codes := regexp.MustCompile(`\b[1-5]\d\d\b(?:(?:,| and|, and) [1-5]\d\d\b)*`)
		items := append([]string{e.Details}, append(append(slices.Clone(e.Situations), e.Checks...), e.AvoidWhen...)...)
		for _, it := range items {
			for _, s := range split.Split(it, -1) {
				if s = strings.TrimSpace(codes.ReplaceAllString(mask.Replace(s), "N")); s != "" {
					if entries[s] == nil {
						entries[s] = map[int]bool{}
					}
					entries[s][e.Code] = true
				}
			}
		}
	}
	worst := 0
	for s, codes := range entries {
		worst = max(worst, len(codes))
		assert.LessOrEqual(t, len(codes), 3, "%q stands in %d entries", s, len(codes))
	}
	t.Logf("the most entries any sentence stands in: %d", worst)
}

package httpref

import (
	"bytes"
	"encoding/json"
	"net/http"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/httpref/httpref/internal/sigtable"
	"github.com/httpref/httpref/internal/table"
	"github.com/httpref/httpref/internal/wordmodel"
)

func readSourceTable(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("gen", "catalog.json"))
	require.NoError(t, err)
	return src
}

func TestGeneratedCodeIsFresh(t *testing.T) {
	want, err := table.Generate(readSourceTable(t))
	got := requireFresh(t, "catalog_gen.go", want, err)
	assert.True(t, bytes.HasPrefix(got, []byte(table.Header+"\n")), "first line must be the generated-code header")
}

// TestSourceTableThroughAPI walks every field of every source entry and
// checks that the public API returns it.
func TestSourceTableThroughAPI(t *testing.T) {
	tab, err := table.Parse(readSourceTable(t))
	require.NoError(t, err)
	require.Len(t, tab.Entries, 95, "the reference page's 93 codes, and 529 and 540 from vendor documents")
	require.Equal(t, len(tab.Entries), Len())

	incoming := map[int][]Code{}
	for _, e := range tab.Entries {
		for _, r := range e.Related {
			incoming[r] = append(incoming[r], Code(e.Code))
		}
	}
	codes := func(ns []int) []Code {
		var out []Code
		for _, n := range ns {
			out = append(out, Code(n))
		}
		return out
	}
	for _, e := range tab.Entries {
		s, ok := Lookup(e.Code)
		require.True(t, ok, e.Code)
		assert.True(t, s.IsValid())
		assert.Equal(t, Code(e.Code), s.Code())
		assert.Equal(t, e.Phrase, s.Phrase())
		assert.Equal(t, e.Summary, s.Summary())
		assert.Equal(t, e.Details, s.Details())
		assert.Equal(t, e.Class, s.Class().String())
		assert.Equal(t, e.Lifecycle, s.Lifecycle().String())
		assert.Equal(t, e.Recommendation, s.Recommendation().String())
		assert.Equal(t, e.Vendor, s.Vendor().String())
		assert.Equal(t, e.Source, s.Source())
		assert.Equal(t, e.SpecRef, s.Reference())
		assert.Equal(t, e.SpecURL, s.SpecURL())
		assert.Equal(t, e.GoConstant, s.GoConstant())
		assert.Equal(t, nilIfEmpty(e.Aliases), s.Aliases())
		assert.Equal(t, codes(e.Prefer), s.Prefer())
		var vs []Variant
		for _, v := range e.Variants {
			vs = append(vs, Variant{Vendor: v.Vendor, Phrase: v.Phrase})
		}
		assert.Equal(t, vs, s.Variants())
		assert.Equal(t, e.Situations, s.Situations())
		assert.Equal(t, e.Checks, s.Checks())
		assert.Equal(t, e.AvoidWhen, s.AvoidWhen())
		assert.Equal(t, codes(e.Related), s.Related())
		assert.Equal(t, incoming[e.Code], s.ReferencedBy(), "referenced by of %d", e.Code)
		assert.Equal(t, Code(e.Code).Phrase(), e.Phrase)
		assert.Equal(t, Code(e.Code).String(), s.String())
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestCatalogFacts pins facts the issue and the reference files name, so a
// bad edit of the source table fails here too.
func TestCatalogFacts(t *testing.T) {
	tests := []struct {
		code       int
		phrase     string
		lifecycle  Lifecycle
		vendor     Vendor
		reference  string
		goConst    string
		prefer     []Code
		aliasesHas []string
	}{
		{404, "Not Found", Standard, IETF, "RFC 9110, Section 15.5.5", "http.StatusNotFound", nil, nil},
		{413, "Content Too Large", Standard, IETF, "RFC 9110, Section 15.5.14", "http.StatusRequestEntityTooLarge", nil, []string{"Payload Too Large", "Request Entity Too Large"}},
		{422, "Unprocessable Content", Standard, IETF, "RFC 9110, Section 15.5.21", "http.StatusUnprocessableEntity", nil, []string{"Unprocessable Entity"}},
		{302, "Found", Standard, IETF, "RFC 9110, Section 15.4.3", "http.StatusFound", nil, []string{"Moved Temporarily"}},
		{429, "Too Many Requests", Standard, IETF, "RFC 6585, Section 4", "http.StatusTooManyRequests", nil, nil},
		{104, "Upload Resumption Supported", Temporary, IETF, "draft-ietf-httpbis-resumable-upload-05", "", nil, nil},
		{418, "I'm a teapot", Reserved, IETF, "RFC 9110, Section 15.5.19", "http.StatusTeapot", []Code{400, 501}, nil},
		{420, "Enhance Your Calm", NonStandard, Twitter, "X API error troubleshooting", "", []Code{429}, nil},
		{430, "Shopify Security Rejection", NonStandard, Shopify, "Shopify API response status and error codes", "", []Code{429}, []string{"Security Rejection"}},
		{494, "Request Header Too Large", NonStandard, Nginx, "nginx source: ngx_http_request.h", "", []Code{431}, nil},
		{509, "Bandwidth Limit Exceeded", NonStandard, ApacheCPanel, "Ruby Net::HTTP status table: 509 Bandwidth Limit Exceeded, Apache bw/limited extension", "", []Code{429, 503}, nil},
		{561, "Unauthorized", NonStandard, AWSELB, "Troubleshoot your Application Load Balancers: HTTP 561", "", []Code{401}, nil},
		{598, "Network Read Timeout Error", NonStandard, ProxyConvention, "IANA HTTP Status Code Registry (598 is unassigned)", "", []Code{504}, nil},
		{522, "Connection Timed Out", NonStandard, Cloudflare, "Cloudflare: Error 522", "", []Code{504}, nil},
		{418, "I'm a teapot", Reserved, IETF, "RFC 9110, Section 15.5.19", "http.StatusTeapot", []Code{400, 501}, []string{"(Unused)"}},
		{520, "Web Server Returned an Unknown Error", NonStandard, Cloudflare, "Cloudflare: Error 520", "", []Code{502}, []string{"Unknown Error"}},
	}
	for _, tt := range tests {
		s, ok := Lookup(tt.code)
		require.True(t, ok, tt.code)
		assert.Equal(t, tt.phrase, s.Phrase(), tt.code)
		assert.Equal(t, tt.lifecycle, s.Lifecycle(), tt.code)
		assert.Equal(t, tt.vendor, s.Vendor(), tt.code)
		assert.Equal(t, tt.reference, s.Reference(), tt.code)
		assert.Equal(t, tt.goConst, s.GoConstant(), tt.code)
		assert.Equal(t, tt.prefer, s.Prefer(), tt.code)
		for _, a := range tt.aliasesHas {
			assert.Contains(t, s.Aliases(), a, tt.code)
		}
	}
	s, _ := Lookup(499)
	assert.Contains(t, s.Variants(), Variant{Vendor: "Esri ArcGIS", Phrase: "Token Required"})
	s, _ = Lookup(104)
	assert.Equal(t, "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-resumable-upload-05", s.SpecURL())
	assert.NotEmpty(t, s.Related())
}

// TestGoConstantsMatchNetHTTP checks each net/http name against net/http's
// own StatusText: the code must be one net/http knows.
func TestGoConstantsMatchNetHTTP(t *testing.T) {
	for s := range All() {
		if s.GoConstant() == "" {
			continue
		}
		assert.NotEmpty(t, http.StatusText(int(s.Code())), "%s has a Go constant but net/http does not know it", s)
	}
}

// TestEveryRegisteredCodeHasASpec checks that every IETF code links to its
// specification and every non-standard, deprecated or reserved code has a
// standard alternative.
func TestEveryRegisteredCodeHasASpec(t *testing.T) {
	link := regexp.MustCompile(`^https://(www\.rfc-editor\.org/rfc/rfc\d+#section-[\d.]+|datatracker\.ietf\.org/doc/html/draft-[a-z0-9-]+)$`)
	for s := range All() {
		if s.Vendor() == IETF {
			assert.Regexp(t, link, s.SpecURL(), s.String())
		}
		switch s.Lifecycle() {
		case NonStandard, Deprecated, Reserved:
			require.NotEmpty(t, s.Prefer(), s.String())
			for _, p := range s.Prefer() {
				assert.Equal(t, Standard, p.Status().Lifecycle(), "%s prefers %s", s, p)
			}
		}
	}
}

func TestNoLeakedPageText(t *testing.T) {
	mix := regexp.MustCompile(`^Do not mix (\d{3}) with ([^;]*);`)
	for s := range All() {
		for _, a := range s.AvoidWhen() {
			if m := mix.FindStringSubmatch(a); m != nil {
				assert.NotContains(t, regexp.MustCompile(`\d{3}`).FindAllString(m[2], -1), m[1], "%s: %q", s, a)
			}
		}
		all := slices.Concat(s.Situations(), s.Checks(), s.AvoidWhen(), []string{s.Summary(), s.Details()})
		for _, text := range all {
			for _, leak := range []string{"2xx Success", "3xx Redirection", "What this HTTP status code reference covers", "Source:", "Related codes:"} {
				assert.NotContains(t, text, leak, s.String())
			}
		}
	}
}

func TestLookup(t *testing.T) {
	for _, code := range []int{-1, 0, 99, 105, 199, 299, 600, 999, 1 << 40, -1 << 40} {
		s, ok := Lookup(code)
		assert.False(t, ok, code)
		assert.False(t, s.IsValid(), code)
		assert.Equal(t, Status{}, s)
	}
	a, ok := Lookup(404)
	require.True(t, ok)
	b, _ := Lookup(404)
	assert.True(t, a == b, "statuses are comparable values")
	assert.Equal(t, a, Code(404).Status())
}

func TestZeroStatus(t *testing.T) {
	var s Status
	assert.False(t, s.IsValid())
	assert.Equal(t, Code(0), s.Code())
	for _, str := range []string{s.String(), s.Phrase(), s.Summary(), s.Details(), s.Source(), s.Reference(), s.SpecURL(), s.GoConstant()} {
		assert.Empty(t, str)
	}
	assert.Equal(t, ClassUnknown, s.Class())
	assert.Equal(t, LifecycleUnknown, s.Lifecycle())
	assert.Equal(t, RecommendationUnknown, s.Recommendation())
	assert.Equal(t, VendorUnknown, s.Vendor())
	assert.Nil(t, s.Aliases())
	assert.Nil(t, s.Prefer())
	assert.Nil(t, s.Variants())
	assert.Nil(t, s.Situations())
	assert.Nil(t, s.Checks())
	assert.Nil(t, s.AvoidWhen())
	assert.Nil(t, s.Related())
	assert.Nil(t, s.ReferencedBy())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

func TestAllInCodeOrder(t *testing.T) {
	var codes []Code
	for s := range All() {
		codes = append(codes, s.Code())
	}
	assert.Len(t, codes, 95)
	assert.True(t, slices.IsSorted(codes))
	assert.Equal(t, len(codes), len(slices.Compact(slices.Clone(codes))))
	n := 0
	for range All() {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n, "All stops when the loop breaks")
}

// TestCallersCannotChangeCatalog mutates everything a caller receives and
// checks that the next caller sees the original data.
func TestCallersCannotChangeCatalog(t *testing.T) {
	snapshot := func() []byte {
		var all []Status
		for s := range All() {
			all = append(all, s)
		}
		b, err := json.Marshal(all)
		require.NoError(t, err)
		return b
	}
	before := snapshot()
	for s := range All() {
		for _, list := range [][]string{s.Aliases(), s.Situations(), s.Checks(), s.AvoidWhen()} {
			for i := range list {
				list[i] = "changed"
			}
		}
		for _, list := range [][]Code{s.Related(), s.ReferencedBy(), s.Prefer()} {
			for i := range list {
				list[i] = 999
			}
		}
		vs := s.Variants()
		for i := range vs {
			vs[i].Phrase = "changed"
		}
		_ = append(s.Related(), 1) // appending must not write into shared storage either
	}
	assert.Equal(t, string(before), string(snapshot()))
}

func TestStatusJSON(t *testing.T) {
	s, _ := Lookup(420)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	assert.Equal(t, []string{
		"aliases", "avoid_when", "cacheable_by_default", "checks", "class", "code", "content_allowed", "details", "lifecycle", "phrase", "prefer",
		"produced_by", "recommendation", "reference", "referenced_by", "related", "retry", "situations", "source", "spec_url", "summary", "variants", "vendor",
	}, keys)
	assert.Equal(t, float64(420), m["code"])
	assert.Equal(t, "Client error", m["class"])
	assert.Equal(t, "Non-standard", m["lifecycle"])
	assert.Equal(t, "Twitter", m["vendor"])
	assert.Equal(t, []any{float64(429)}, m["prefer"])
	assert.Equal(t, []any{}, m["aliases"], "empty lists are arrays, not null")
	s, _ = Lookup(404)
	b, err = json.Marshal(s)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), `{"code":404,"phrase":"Not Found","summary":`), string(b))
	assert.Contains(t, string(b), `"spec_url":"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"`)
	assert.Contains(t, string(b), `"go_constant":"http.StatusNotFound"`)
}

func TestWalk(t *testing.T) {
	type step struct {
		code Code
		dist int
	}
	collect := func(from Code, depth int) []step {
		var out []step
		for s, d := range from.Walk(depth) {
			out = append(out, step{s.Code(), d})
		}
		return out
	}
	assert.Equal(t, []step{{502, 0}}, collect(502, 0))
	assert.Equal(t, []step{{502, 0}, {500, 1}, {503, 1}, {504, 1}, {521, 1}, {522, 1}}, collect(502, 1))
	assert.Nil(t, collect(999, 3))
	assert.Nil(t, collect(-5, 3))
	assert.Nil(t, collect(105, 3), "unregistered code")

	all := collect(100, -1)
	seen := map[Code]bool{}
	for i, st := range all {
		assert.False(t, seen[st.code], "each status once")
		seen[st.code] = true
		if i > 0 {
			assert.GreaterOrEqual(t, st.dist, all[i-1].dist, "breadth first")
		}
		// Every reachable status at distance d has a path of length d+1.
		assert.Len(t, Code(100).Path(st.code), st.dist+1, st.code)
	}
	assert.Equal(t, all, collect(100, -1), "deterministic")
	deep := collect(100, 2)
	for _, st := range deep {
		assert.LessOrEqual(t, st.dist, 2)
	}

	n := 0
	for range Walk(502, -1) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

func TestPath(t *testing.T) {
	assert.Equal(t, []Code{404}, Path(404, 404))
	assert.Equal(t, []Code{100, 102, 504}, Path(100, 504))
	assert.Nil(t, Path(404, 999))
	assert.Nil(t, Path(-1, 404))
	p := Path(599, 100)
	require.NotEmpty(t, p)
	assert.Equal(t, Code(599), p[0])
	assert.Equal(t, Code(100), p[len(p)-1])
	for i := 1; i < len(p); i++ {
		assert.Contains(t, p[i-1].Status().Related(), p[i], "each step follows a Related edge")
	}
	// Nothing links to 100 only through vendor codes, so the graph is
	// directed: check a pair where one direction has no path.
	var oneWay bool
	for a := range All() {
		for b := range All() {
			if a.Code().Path(b.Code()) != nil && Path(int(b.Code()), int(a.Code())) == nil {
				oneWay = true
			}
		}
	}
	assert.True(t, oneWay, "Path follows outgoing edges only")
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for s := range All() {
				_ = s.Related()
				_ = s.Code().Path(504)
				for range Walk(int(s.Code()), 2) {
				}
				_, _ = json.Marshal(s)
			}
		})
	}
	wg.Wait()
}

func TestLookupAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		s, _ := Lookup(503)
		_ = s.Phrase()
		_ = Code(404).String()
		_ = Code(429).Phrase()
		_, _ = Lookup(777)
		_ = Code(404).Class()
	})
	assert.Zero(t, allocs)
}

// buildProgram builds a main package with source src that imports this
// module, and returns the path of the binary.
func buildProgram(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644))
	wd, err := os.Getwd()
	require.NoError(t, err)
	bin := filepath.Join(dir, "prog")
	build := exec.Command("go", "build", "-o", bin, filepath.Join(dir, "main.go"))
	build.Dir = wd
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// TestPackageInitAllocatesNothing builds a program that imports the package
// and reads the runtime's init trace for it.
func TestPackageInitAllocatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	bin := buildProgram(t, `package main

import "github.com/httpref/httpref"

func main() { println(httpref.Code(404).String()) }
`)
	run := exec.Command(bin)
	run.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := run.CombinedOutput()
	require.NoError(t, err, string(out))
	require.Contains(t, string(out), "init ", "the init trace is printed")
	require.Contains(t, string(out), "404 Not Found")
	assert.NotContains(t, string(out), "init testing ", "the library must not link package testing")
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "init github.com/httpref/httpref ") {
			assert.Regexp(t, ` 0 bytes, 0 allocs$`, line)
		}
	}
}

// TestRootLinksNoNetHTTP guards the layout: the reference links neither
// net/http nor the analyzer's x/tools, so that importing it for a Lookup
// stays small.
func TestRootLinksNoNetHTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	require.NoError(t, err, string(out))
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/httpref/httpref")
	for _, banned := range []string{"net/http", "net", "testing", "github.com/httpref/httpref/check"} {
		assert.NotContains(t, deps, banned)
	}
	// The analyzers, the OpenAPI parser and the plugin API share the
	// module but not the root package's build.
	for _, d := range deps {
		for _, prefix := range []string{"golang.org/x/tools", "github.com/golangci/", "github.com/pb33f/", "github.com/httpref/httpref/analysis", "github.com/httpref/httpref/openapi"} {
			assert.False(t, strings.HasPrefix(d, prefix), "the root package links %s", d)
		}
	}
}

func TestStatusJSONRoundTrip(t *testing.T) {
	for s := range All() {
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back Status
		require.NoError(t, json.Unmarshal(b, &back), s.String())
		assert.Equal(t, s, back)
	}
	var s Status
	require.NoError(t, json.Unmarshal([]byte(`{"code":"404 Not Found"}`), &s))
	assert.Equal(t, Code(404), s.Code())
	require.NoError(t, json.Unmarshal([]byte(`null`), &s))
	assert.False(t, s.IsValid())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	for _, bad := range []string{`{"code":427}`, `{"phrase":"Not Found"}`, `{"code":"x"}`, `404`, `[]`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &s), bad)
	}
	err = json.Unmarshal([]byte(`{"phrase":"Not Found"}`), &s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `a Status in JSON needs a "code" member`)
}

func TestZeroStatusIsEmpty(t *testing.T) {
	var s Status
	assert.Equal(t, "", s.String()+s.Phrase()+s.Summary()+s.Details()+s.Source()+s.Reference()+s.SpecURL()+s.GoConstant())
	assert.Nil(t, s.Aliases())
	assert.Nil(t, s.Prefer())
	assert.Nil(t, s.Variants())
	assert.Nil(t, s.Related())
	assert.Equal(t, Code(0), s.Code())
	assert.Equal(t, ClassUnknown, s.Class())
}

// TestLookupBinarySize builds a program that only prints a Lookup and one
// that only prints with fmt: the reference may add at most 500 KB.
func TestLookupBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	size := func(src string) int64 {
		fi, err := os.Stat(buildProgram(t, src))
		require.NoError(t, err)
		return fi.Size()
	}
	base := size("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(404) }\n")
	lookup := size("package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/httpref/httpref\"\n)\n\n" +
		"func main() {\n\ts, _ := httpref.Lookup(404)\n\tfmt.Println(s)\n}\n")
	t.Logf("fmt only: %d bytes; httpref.Lookup: %d bytes (+%d)", base, lookup, lookup-base)
	assert.LessOrEqual(t, lookup-base, int64(500_000), "httpref.Lookup adds more than 500 KB")
}

// TestSignaturesAreFresh regenerates signatures_gen.go from the source
// table and compares it with the checked-in file.
func TestSignaturesAreFresh(t *testing.T) {
	want, err := sigtable.GenerateDir("gen/signatures", "gen/catalog.json")
	requireFresh(t, "signatures_gen.go", want, err)
}

// TestPriorIsFresh regenerates prior_gen.go from the real-world sets and
// the source table and compares it with the checked-in file.
func TestPriorIsFresh(t *testing.T) {
	want, err := evalset.GeneratePrior("testdata/search", "gen/catalog.json")
	requireFresh(t, "prior_gen.go", want, err)
}

// TestWordModelIsFresh trains the word model again on the real-world
// sets and compares wordmodel_gen.go with the checked-in file: training is
// deterministic, so a stale file means the set or the training changed.
func TestWordModelIsFresh(t *testing.T) {
	want, err := wordmodel.Generate("testdata/search", "gen/catalog.json")
	requireFresh(t, "wordmodel_gen.go", want, err)
}

// requireFresh fails the test unless generating succeeded (err is nil) and
// the checked-in file name holds exactly want; it returns the file.
func requireFresh(t *testing.T, name string, want []byte, err error) []byte {
	t.Helper()
	require.NoError(t, err)
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatal(name + " is stale; run go generate")
	}
	return got
}

// TestAskPrior checks the ask prior's order and range: the code that
// people ask about most weighs 1, a code nobody asks about 0, and the
// everyday codes more than their rare neighbours.
func TestAskPrior(t *testing.T) {
	var top float32
	for d := range entries {
		assert.GreaterOrEqual(t, askPrior[d], float32(0), "%d", entries[d].code)
		top = max(top, askPrior[d])
	}
	assert.Equal(t, float32(1), top)
	at := func(c Code) float32 { return askPrior[position(c)] }
	assert.Greater(t, at(404), at(431))
	assert.Greater(t, at(400), at(428))
	assert.Greater(t, at(403), at(451))
	assert.Zero(t, at(103))
}

func TestProducers(t *testing.T) {
	for _, c := range []int{444, 499, 460} {
		s, _ := Lookup(c)
		assert.True(t, s.LogOnly(), "%d is only ever written to logs", c)
	}
	// nginx's 494 to 497 are neither sent nor logged: without an
	// error_page for them nginx answers and logs 400.
	for _, c := range []int{200, 404, 502, 522, 494, 495, 496, 497} {
		s, _ := Lookup(c)
		assert.False(t, s.LogOnly(), "%d is sent", c)
	}
	s, _ := Lookup(522)
	assert.Equal(t, ProducerCDN, s.Producers())
	s, _ = Lookup(499)
	assert.Equal(t, "reverse_proxy, logs_only", s.Producers().String())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"produced_by":["reverse_proxy","logs_only"]`)
	var p Producer
	require.NoError(t, json.Unmarshal([]byte(`["cdn","load_balancer"]`), &p))
	assert.Equal(t, ProducerCDN|ProducerLoadBalancer, p)
	assert.Error(t, json.Unmarshal([]byte(`["akamai"]`), &p))
	for s := range All() {
		assert.NotZero(t, s.Producers(), "%s has producers", s)
	}
	// Producers are searchable.
	res := Search("written to logs only", &SearchOptions{Limit: 10})
	var logOnly int
	for _, r := range res {
		if r.Status.LogOnly() {
			logOnly++
		}
	}
	assert.GreaterOrEqual(t, logOnly, 3, "a search for log-only codes finds them")
}

// TestSignatureSourcesOutsideEvaluation checks that no signature cites as
// its source a thread of the evaluation sets (an issue, a pull request or a
// question that a real-world text or an Explain text was taken from): a
// signature found in the thread that a text came from would be measured on
// its own evidence. A vendor's documentation page may be both, since it
// is where the message is defined.
func TestSignatureSourcesOutsideEvaluation(t *testing.T) {
	evalURLs := map[string]bool{}
	for _, it := range readRealWorld(t) {
		evalURLs[it.URL] = true
	}
	origins, err := evalset.ReadOrigins(filepath.Join("testdata", "explain", "realworld.jsonl"))
	require.NoError(t, err)
	for _, o := range origins {
		evalURLs[o.URL] = true
	}
	threads := 0
	for _, g := range AllSignatures() {
		if !threadPage(g.Source()) {
			continue
		}
		threads++
		assert.False(t, evalURLs[g.Source()], "%s: its source %s is a page of the evaluation sets", g.ID(), g.Source())
	}
	assert.Greater(t, threads, 0, "some signatures cite threads")
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c", false},
		{"https://github.com/amoeba/TownCrier/issues/87", true},
		{"https://github.com/cloudflare/cloudflare-docs/pull/14767", true},
		{"https://stackoverflow.com/questions/1/x", true},
		{"https://developers.cloudflare.com/support/troubleshooting/", false},
	} {
		assert.Equal(t, tc.want, threadPage(tc.url), tc.url)
	}
}

// threadPage reports whether url is a page where people post: an issue,
// pull request or discussion on GitHub or GitLab, or a question on a Q&A
// site or forum.
func threadPage(url string) bool {
	u, err := neturl.Parse(url)
	if err != nil {
		return false
	}
	host := strings.TrimPrefix(u.Host, "www.")
	switch {
	case host == "github.com" || host == "gitlab.com":
		return strings.Contains(u.Path, "/issues/") || strings.Contains(u.Path, "/pull/") ||
			strings.Contains(u.Path, "/discussions/") || strings.Contains(u.Path, "/merge_requests/")
	case host == "stackoverflow.com" || host == "serverfault.com" || host == "superuser.com" ||
		strings.HasSuffix(host, ".stackexchange.com") || host == "reddit.com":
		return true
	}
	return strings.HasPrefix(host, "community.") || strings.HasPrefix(host, "forum") || strings.HasPrefix(host, "discuss.")
}

// TestAskSources checks the provenance file of mined asks: each ask is in
// the concept table with the codes it was found for, comes from an https
// page, and that page is none of the evaluation set's.
func TestAskSources(t *testing.T) {
	var tab struct {
		Concepts []struct {
			Asks  []string `json:"asks"`
			Codes []int    `json:"codes"`
		} `json:"concepts"`
	}
	require.NoError(t, json.Unmarshal(readSourceTable(t), &tab))
	codesOf := map[string][]int{}
	for _, c := range tab.Concepts {
		for _, a := range c.Asks {
			codesOf[a] = c.Codes
		}
	}
	evalURLs := map[string]bool{}
	for _, it := range readRealWorld(t) {
		evalURLs[it.URL] = true
	}
	src, err := os.ReadFile(filepath.Join("gen", "asks_sources.jsonl"))
	require.NoError(t, err)
	n := 0
	for i, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		var s struct {
			Ask   string `json:"ask"`
			Codes []int  `json:"codes"`
			URL   string `json:"url"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &s), "line %d", i+1)
		codes, ok := codesOf[s.Ask]
		require.True(t, ok, "line %d: %q is in no concept", i+1, s.Ask)
		assert.Equal(t, s.Codes, codes, "line %d: %q", i+1, s.Ask)
		assert.True(t, strings.HasPrefix(s.URL, "https://"), "line %d: %s", i+1, s.URL)
		assert.False(t, evalURLs[s.URL], "line %d: %s is a page of the evaluation set", i+1, s.URL)
		n++
	}
	assert.Greater(t, n, 0)
}

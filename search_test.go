package httpref

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/textkey"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update", false, "rewrite the search golden file testdata/search/golden_top5.txt")

// evalQuery is one line of testdata/search/queries.txt.
type evalQuery struct {
	category string
	query    string
	want     []Code
	line     int
}

func readEvalSet(t testing.TB) []evalQuery {
	t.Helper()
	items, err := evalset.ReadQueries(filepath.Join("testdata", "search"))
	require.NoError(t, err)
	qs := make([]evalQuery, 0, len(items))
	for _, it := range items {
		q := evalQuery{category: it.Category, query: it.Text, line: it.Line}
		for _, v := range it.Codes {
			_, ok := Lookup(v)
			require.True(t, ok, "line %d: %d is not in the catalog", it.Line, v)
			q.want = append(q.want, Code(v))
		}
		qs = append(qs, q)
	}
	return qs
}

// rankOf returns the 1-based rank of the first acceptable code in results,
// or 0 when none is there.
func rankOf(results []Result, want []Code) int {
	for i, r := range results {
		if slices.Contains(want, r.Status.Code()) {
			return i + 1
		}
	}
	return 0
}

// Floors for TestSearchQuality: the measured values minus a small margin,
// so that a ranking regression fails the build.
const (
	minTop1 = 0.97
	minMRR  = 0.98
)

func TestSearchQuality(t *testing.T) {
	qs := readEvalSet(t)
	require.GreaterOrEqual(t, len(qs), 200)
	type stat struct {
		n, top1 int
		rr      float64
	}
	var total stat
	cats := map[string]*stat{}
	var order []string
	for _, q := range qs {
		res := Search(q.query, &SearchOptions{Limit: 10})
		r := rankOf(res, q.want)
		c := cats[q.category]
		if c == nil {
			c = &stat{}
			cats[q.category] = c
			order = append(order, q.category)
		}
		for _, s := range []*stat{c, &total} {
			s.n++
			if r == 1 {
				s.top1++
			}
			if r > 0 {
				s.rr += 1 / float64(r)
			}
		}
		if r != 1 {
			var got []string
			for _, x := range res[:min(3, len(res))] {
				got = append(got, strconv.Itoa(int(x.Status.Code())))
			}
			t.Logf("line %d %s %q: want %v, rank %d, got %s", q.line, q.category, q.query, q.want, r, strings.Join(got, " "))
		}
	}
	for _, name := range order {
		c := cats[name]
		t.Logf("%-17s n=%3d top-1=%.3f MRR@10=%.3f", name, c.n, float64(c.top1)/float64(c.n), c.rr/float64(c.n))
	}
	top1 := float64(total.top1) / float64(total.n)
	mrr := total.rr / float64(total.n)
	t.Logf("all               n=%3d top-1=%.3f MRR@10=%.3f", total.n, top1, mrr)
	assert.GreaterOrEqual(t, top1, minTop1, "top-1 accuracy")
	assert.GreaterOrEqual(t, mrr, minMRR, "MRR@10")
}

// goldenQueries are the queries whose top 5 is kept in
// testdata/search/golden_top5.txt, so that ranking changes show in review.
var goldenQueries = []string{
	"404", "HTTP/1.1 503 Service Unavailable", "５xx", "50x", "Bad Gateway",
	"payload too large", "unprocessable entity", "StatusTooManyRequests", "http.StatusTeapot",
	"rate limit", "websocket", "cache", "cors", "timeout", "maintenance", "csrf",
	"redirect loop", "upload too large", "cloudflare timeout", "nginx client closed",
	"alb authentication", "timeouts", "unauthorised", "gatway timout", "too many reqeusts",
	"I’m a teapot", "Unauthorized", "request header fields too large", "nöt fóund",
	"upstream timed out while reading response header from upstream",
}

func TestSearchGolden(t *testing.T) {
	var b strings.Builder
	for _, q := range goldenQueries {
		fmt.Fprintf(&b, "%q\n", q)
		for _, r := range Search(q, &SearchOptions{Limit: 5}) {
			fmt.Fprintf(&b, "\t%-45s %7.3f  %s\n", r.Status, r.Score, r.Matched)
		}
	}
	path := filepath.Join("testdata", "search", "golden_top5.txt")
	if *updateGolden {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestSearchGolden -update to create it")
	assert.Equal(t, string(want), b.String(), "ranking changed; review and run go test -run TestSearchGolden -update")
}

func TestSearchTopResult(t *testing.T) {
	tests := []struct {
		query string
		want  Code
	}{
		{"404", 404},
		{"HTTP 404", 404},
		{"status=404", 404},
		{"HTTP/1.1 503 Service Unavailable", 503},
		{"４２９", 429},
		{"CORS 预检响应未能成功）。状态码：403。", 403}, // a label in another script, a full-width colon
		{"This configuration section cannot be used at this path. This happens when the section is locked at a parent level.", 500}, // IIS sends it with 500.19
		{"Bad Gateway", 502},
		{"payload too large", 413},
		{"request entity too large", 413},
		{"unprocessable entity", 422},
		{"StatusTooManyRequests", 429},
		{"http.StatusTeapot", 418},
		{"rate limit", 429},
		{"throttle", 429},
		{"csrf", 403},                        // most frameworks; 403 is the label of most CSRF texts in the real-world set
		{"laravel csrf token mismatch", 419}, // Laravel's own
		{"cloudflare timeout", 524},          // the origin answering too late: 10 of the 14 real-world texts that name both

		{"nginx client closed", 499},
		{"alb authentication", 561},
		{"gatway timout", 504},
		{"too many reqeusts", 429},
		{"I’m a teapot", 418},
		{"ＴＥＡＰＯＴ", 418},
		{"unauthorised", 401},
		// A vendor's code needs its vendor, its code, its phrase as the
		// whole query or its software's message; otherwise the standard
		// code the words are about comes first.
		{"Header is too large 8193>8192", 431},
		{"494", 494},
		// nginx's pages for its internal 494-497 are sent with 400: the
		// message names the code its software sends with it (the first
		// code of the signature), not the internal one.
		{"The plain HTTP request was sent to HTTPS port", 400},
		{"why do I keep getting the plain HTTP request was sent to HTTPS port error?", 400},
		{"Request Header Or Cookie Too Large", 400},
		{"nginx 497", 497},
		{"HTTP Request Sent to HTTPS Port", 497},
		// On equal relevance the standard code comes first.
		{"Unauthorized", 401},
		{"request header fields too large", 431},
		// A message that gives the status names that code, not the
		// usual ones of its signature.
		{"(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 503.", 503},
		// A message whose words are all in a longer one that the text
		// holds word for word belongs to the longer one: Flask-WTF's
		// 400, not Django's "CSRF token missing." (403); Tomcat's
		// 400, not Jetty's "Header is too large" (431).
		{"Bad Request\nThe CSRF session token is missing.", 400},
		{"java.lang.IllegalArgumentException: Request header is too large", 400},
		{"Response for preflight has invalid HTTP status code 404", 404},
		// Chinese and Japanese are read as pairs of letters, so a word
		// of a concept's ask is found inside a sentence.
		{"检测到该服务器正在将此地址的请求循环重定向", 302},
		{"点击下载按钮会提示需要获得授权", 401},
		{"ゲートウェイで网关超时が出る", 504},
		// Filler inside an ask does not break it.
		{"Failed to load resource: too many HTTP redirects", 302},
		// Pairs that no entry or ask holds do not use up the 32 terms.
		{"我们把网站从旧服务器迁移到新的服务器以后发现浏览器仍然记得先前设定的永久重定向", 301},
		// A 500 reported for a client's mistake is the bug; a 500 reported
		// for the server's own trouble is the answer.
		{"the endpoint returns 500 when the request has a duplicate email", 409},
		{"the server returns 500 for malformed JSON", 400},
		{"the server returns 500 when the database is down", 500},
		// "Expectation" is 417's word, though "expect" is a filler of
		// questions ("what do you expect").
		{"Uncaught Network error: Expectation Failed. The expectation given in the Expect request-header field could not be met by this server.", 417},
		// A status after the first 32 terms still counts.
		{"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/json?url=https://example.org/a/b/c/d/e/f/g/h/i/j. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 500", 500},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := Search(tt.query, nil)
			require.NotEmpty(t, res)
			assert.Equal(t, tt.want, res[0].Status.Code(), "top result, got %v", res[0].Status)
		})
	}
}

// TestSearchVendorName checks that a vendor's name in a query lifts the
// vendor's codes only when the other words name the code too: nginx's and
// the ALB's own codes say nothing of a timeout, so their timeouts are
// 504, while "client closed" and "authentication" are 499's and 561's.
func TestSearchVendorName(t *testing.T) {
	assertSearchFirst(t, map[string]Code{
		"nginx timeout":        504,
		"alb timeout":          504,
		"elb timeout":          504,
		"nginx client closed":  499,
		"alb authentication":   561,
		"alb auth error":       561,
		"iis login timeout":    440,
		"cloudflare ssl":       525,
		"laravel page expired": 419,
	})
	// A vendor's name alone still finds its codes.
	rs := Search("cloudflare", nil)
	require.NotEmpty(t, rs)
	assert.Equal(t, Cloudflare, rs[0].Status.Vendor())
	// More names than the postings set aside hold: the rest count at once.
	names := strings.Repeat("cloudflare nginx alb iis laravel cpanel shopify ", 4)
	require.Greater(t, deferredCount(names), maxDeferred-1, "the query fills the postings set aside")
	assert.NotEmpty(t, Search(names, nil))
}

func TestSearchAskWords(t *testing.T) {
	// Texts of the tune part of the real-world set with no code, no
	// whole ask and no signature: the words of the asks decide.
	askWords := map[string]Code{
		"Location header for new resource":                                        201,
		"Request hits the wrong backend when there are no more servers available": 503,
		"Return timeout error to user for identity server calls":                  504,
		"What HTTP status should I return during temporary site outage/downtime?": 503,
		// Two codes and no contrast between them: the words decide.
		"Should MVC/REST return a 403 or 404 for resources belonging to other users?": 404,
	}
	assertSearchFirst(t, askWords)
	for text := range askWords {
		assert.NotZero(t, Search(text, nil)[0].Matched&FieldAsks, text)
	}
	// Where something firmer speaks, or the query is short, they do not
	// count at all.
	for _, text := range []string{
		"returns 404 for a new resource location",                              // a code
		"use 409 instead of 400 when the email is already registered",          // a contrast
		"signup fails because the username is already taken",                   // a whole ask
		"Response could not be serialized, input data was nil or zero length.", // a signature (Alamofire's)
		"new resource location",                                                // three terms
	} {
		for _, r := range Search(text, nil) {
			assert.Zero(t, r.Matched&FieldAsks, "%s: %s", text, r.Status)
		}
	}
}

// deferredCount returns how many postings Search sets aside for q.
func deferredCount(q string) int {
	var st searchState
	st.run(q, nil)
	return st.ndeferred
}

func TestSearchTieBreakStandardFirst(t *testing.T) {
	for _, tt := range []struct {
		query          string
		first, further Code
	}{
		{"Unauthorized", 401, 561},
		{"request header fields too large", 431, 430},
	} {
		res := Search(tt.query, nil)
		var i, j = -1, -1
		for k, r := range res {
			switch r.Status.Code() {
			case tt.first:
				i = k
			case tt.further:
				j = k
			}
		}
		require.True(t, i >= 0 && j >= 0, "%q: both %d and %d must be found", tt.query, tt.first, tt.further)
		assert.Less(t, i, j, "%q: %d before %d", tt.query, tt.first, tt.further)
	}
}

func TestSearchClassPattern(t *testing.T) {
	tests := []struct {
		query  string
		prefix string // the codes that must come first
	}{
		{"5xx", "5"}, {"4XX", "4"}, {"50x", "50"}, {"５ｘｘ", "5"}, {"1xx", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := Search(tt.query, &SearchOptions{Limit: -1})
			require.NotEmpty(t, res)
			n := 0
			for s := range All() {
				if strings.HasPrefix(s.String(), tt.prefix) {
					n++
				}
			}
			require.GreaterOrEqual(t, len(res), n)
			for _, r := range res[:n] {
				assert.True(t, strings.HasPrefix(r.Status.String(), tt.prefix), "%v", r.Status)
				assert.NotZero(t, r.Matched&FieldClass)
			}
			// Within the class, standard codes come before the others.
			seenOther := false
			for _, r := range res[:n] {
				if r.Status.Lifecycle() != Standard {
					seenOther = true
				} else {
					assert.False(t, seenOther, "standard %v after a non-standard code", r.Status)
				}
			}
		})
	}
}

func TestSearchEmpty(t *testing.T) {
	for _, q := range []string{"", " ", "\t\n", "   \r\n  ", "!!!", "---", "\x00\x01", "a", "the of and"} {
		assert.Nil(t, Search(q, nil), "%q", q)
		assert.Empty(t, AppendSearch(nil, q, nil), "%q", q)
	}
	assert.Nil(t, Search("zzzzqqqq", nil), "no match gives nil")
}

func TestSearchLimit(t *testing.T) {
	tests := []struct {
		opts *SearchOptions
		want int
	}{
		{nil, DefaultLimit},
		{&SearchOptions{Limit: 3}, 3},
		{&SearchOptions{Limit: 1}, 1},
		{&SearchOptions{Limit: 0}, DefaultLimit},
		{nil, DefaultLimit},
		{&SearchOptions{Limit: -1}, Len()},
		{&SearchOptions{Limit: 1000}, Len()},
		{&SearchOptions{Limit: math.MaxInt}, Len()},
		{&SearchOptions{Limit: math.MinInt}, Len()},
	}
	for _, tt := range tests {
		// "5xx 4xx 3xx 2xx 1xx" matches every entry.
		res := Search("5xx 4xx 3xx 2xx 1xx", tt.opts)
		assert.Len(t, res, tt.want, "%v", tt.opts)
	}
}

func TestSearchFilters(t *testing.T) {
	tests := []struct {
		name  string
		query string
		opts  *SearchOptions
		keep  func(Status) bool
	}{
		{"class", "timeout", &SearchOptions{Class: ServerError}, func(s Status) bool { return s.Class() == ServerError }},
		{"lifecycle", "header too large", &SearchOptions{Lifecycle: Standard}, func(s Status) bool { return s.Lifecycle() == Standard }},
		{"vendor", "timeout", &SearchOptions{Vendor: Cloudflare}, func(s Status) bool { return s.Vendor() == Cloudflare }},
		{"recommendation", "redirect", &SearchOptions{Recommendation: Recommended},
			func(s Status) bool { return s.Recommendation() == Recommended }},
		{"composed", "timeout", &SearchOptions{Class: ServerError, Lifecycle: NonStandard, Limit: 3},
			func(s Status) bool { return s.Class() == ServerError && s.Lifecycle() == NonStandard }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Search(tt.query, tt.opts)
			require.NotEmpty(t, res)
			for _, r := range res {
				assert.True(t, tt.keep(r.Status), "%v", r.Status)
			}
			// The filtered list is the unfiltered one with entries removed.
			var want []Code
			for _, r := range Search(tt.query, &SearchOptions{Limit: -1}) {
				if tt.keep(r.Status) {
					want = append(want, r.Status.Code())
				}
			}
			var got []Code
			for _, r := range res {
				got = append(got, r.Status.Code())
			}
			assert.Equal(t, want[:len(got)], got)
		})
	}
	assert.Equal(t, Search("timeout", nil), Search("timeout", &SearchOptions{Class: ClassUnknown}), "the unknown class filters nothing")
	assert.Nil(t, Search("timeout", &SearchOptions{Class: Class(200)}), "an invalid class matches nothing")
	assert.Nil(t, Search("timeout", &SearchOptions{Vendor: Vendor(255), Lifecycle: Lifecycle(99)}), "invalid values match nothing")
	assert.Nil(t, Search("teapot", &SearchOptions{Vendor: Cloudflare}))
}

func TestSearchMatchedFields(t *testing.T) {
	res := Search("404", nil)
	require.NotEmpty(t, res)
	assert.NotZero(t, res[0].Matched&FieldCode)
	res = Search("payload too large", nil)
	require.NotEmpty(t, res)
	assert.NotZero(t, res[0].Matched&FieldAlias)
	res = Search("StatusTooManyRequests", nil)
	require.NotEmpty(t, res)
	assert.NotZero(t, res[0].Matched&FieldConstant)
	assert.NotZero(t, res[0].Matched&FieldPhrase)
	res = Search("cloudflare", nil)
	require.NotEmpty(t, res)
	assert.NotZero(t, res[0].Matched&FieldSource)
}

func TestFieldsString(t *testing.T) {
	tests := []struct {
		f    Fields
		want string
	}{
		{0, ""},
		{FieldPhrase, "phrase"},
		{FieldPhrase | FieldAlias, "phrase, alias"},
		{FieldCode | FieldClass, "code, class"},
		{FieldAvoidWhen | FieldSummary, "summary, avoid_when"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.f.String())
		if tt.want == "" {
			assert.Empty(t, tt.f.Names())
		} else {
			assert.Equal(t, strings.Split(tt.want, ", "), tt.f.Names())
		}
	}
}

func TestSearchHostileInput(t *testing.T) {
	big := strings.Repeat("gateway timeout ", 1<<16) // 1 MiB
	tests := []string{
		big,
		strings.Repeat("x", 1<<20),
		strings.Repeat("é", 1<<19),
		strings.Repeat("\xff", 1<<20),
		"\xff\xfe\xfd gateway",
		"gate\x00way\x1b[31m timeout",
		strings.Repeat("Ａ", 1000) + " 404",
		strings.Repeat("a-", 5000),
		strings.Repeat("aB", 5000),
		strings.Repeat("9", 5000),
		"\u0301\u0301\u0301",
		"ﬁ ﬂ ǅ İstanbul ΣΑΣ",
	}
	for _, q := range tests {
		assert.NotPanics(t, func() {
			res := Search(q, &SearchOptions{Limit: -1})
			checkResults(t, res, nil)
		})
	}
	res := Search(big, nil)
	require.NotEmpty(t, res)
	assert.Equal(t, Code(504), res[0].Status.Code())
}

// checkResults asserts the invariants of any search result list.
func checkResults(t testing.TB, res []Result, keep func(Status) bool) {
	t.Helper()
	seen := map[Code]bool{}
	for i, r := range res {
		if !r.Status.IsValid() {
			t.Fatalf("result %d is not a catalog entry", i)
		}
		if s, ok := Lookup(int(r.Status.Code())); !ok || s != r.Status {
			t.Fatalf("result %d (%v) is not the catalog entry", i, r.Status)
		}
		if seen[r.Status.Code()] {
			t.Fatalf("%v listed twice", r.Status)
		}
		seen[r.Status.Code()] = true
		if i > 0 && r.Score > res[i-1].Score {
			t.Fatalf("result %d scores %v above result %d (%v)", i, r.Score, i-1, res[i-1].Score)
		}
		if !(r.Score > 0) || math.IsInf(r.Score, 0) {
			t.Fatalf("result %d has score %v", i, r.Score)
		}
		if r.Matched == 0 {
			t.Fatalf("result %d matched no field", i)
		}
		if keep != nil && !keep(r.Status) {
			t.Fatalf("result %v passed the filters", r.Status)
		}
	}
}

func TestAppendSearch(t *testing.T) {
	prefix := []Result{{Score: -1}}
	got := AppendSearch(prefix, "gateway timeout", &SearchOptions{Limit: 4})
	require.Len(t, got, 5)
	assert.Equal(t, prefix[0], got[0])
	assert.Equal(t, Search("gateway timeout", &SearchOptions{Limit: 4}), got[1:])
}

func TestSearchAllocations(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under -cover and -race")
	}
	dst := make([]Result, 0, 64)
	for _, q := range benchQueries {
		t.Run(q.name, func(t *testing.T) {
			assert.Zero(t, testing.AllocsPerRun(100, func() {
				dst = AppendSearch(dst[:0], q.query, &SearchOptions{Limit: 5, Class: ServerError})
				dst = AppendSearch(dst[:0], q.query, nil)
			}), "AppendSearch")
			assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _ = Search(q.query, &SearchOptions{Limit: 5}) }), 1.0, "Search")
		})
	}
}

func TestSearchConcurrent(t *testing.T) {
	want := Search("cloudflare timeout", nil)
	done := make(chan bool)
	for range 8 {
		go func() {
			ok := true
			for range 200 {
				ok = ok && slices.Equal(want, Search("cloudflare timeout", nil)) && Search("ｔｉｍｅｏｕｔ", nil) != nil
			}
			done <- ok
		}()
	}
	for range 8 {
		assert.True(t, <-done)
	}
}

// TestFirstSearchBuildsNothing runs the first Search of a fresh process:
// it must allocate only its result slice, so nothing (no map, no index) is
// built lazily on first use. Its time is logged, not asserted: what it
// costs beyond a warm Search is the first touch of code and table pages.
func TestFirstSearchBuildsNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	bin := buildProgram(t, `package main

import (
	"fmt"
	"runtime"
	"time"

	"github.com/httpref/httpref"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	r := httpref.Search("cloudflare timeout", nil)
	first := time.Since(t0)
	runtime.ReadMemStats(&after)
	t0 = time.Now()
	httpref.Search("cloudflare timeout", nil)
	fmt.Println(after.Mallocs-before.Mallocs, len(r), first.Nanoseconds(), time.Since(t0).Nanoseconds())
}
`)
	out, err := exec.Command(bin).CombinedOutput()
	require.NoError(t, err, string(out))
	var mallocs, n, first, second int64
	_, err = fmt.Sscan(string(out), &mallocs, &n, &first, &second)
	require.NoError(t, err, string(out))
	t.Logf("first Search %v, second %v", time.Duration(first), time.Duration(second))
	assert.Positive(t, n)
	assert.Equal(t, int64(1), mallocs, "the first Search allocates only its result slice")
}

func FuzzSearch(f *testing.F) {
	for _, q := range goldenQueries {
		f.Add(q, uint8(0), uint8(0))
	}
	f.Add("timeout", uint8(5), uint8(3))
	f.Add("\xff\xfe", uint8(1), uint8(11))
	f.Add("ＡＢ-ｃ'd’e", uint8(4), uint8(0))
	f.Add("returns 404 instead of an empty list vs 404 rather than a", uint8(0), uint8(0))
	f.Add("I get Status Code: 403, status=503 HTTP/1.1 200", uint8(0), uint8(0))
	f.Add("currently returning an HTTP 302, they should be returning an HTTP 404; 500 instead of 404", uint8(0), uint8(0))
	f.Add("Status 500 when 过期的JWT，应当使用401", uint8(0), uint8(0))
	f.Add("[error] 403#403: *12 \"POST /x HTTP/1.1\" 499 0 \"-\" \"ua\" 409\nJOB-104 non-200 HTTP-429 -404", uint8(0), uint8(0))
	f.Add("Несуществующий id даёт 500; 参数无效; Internal server error instead of 404; the API throws an internal error when the token has expired", uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, q string, class, vendor uint8) {
		opts := &SearchOptions{Limit: -1}
		keep := func(Status) bool { return true }
		if class%6 != 0 {
			c := Class(class % 6)
			opts.Class = c
			keep = func(s Status) bool { return s.Class() == c }
		}
		if vendor%12 != 0 {
			v, k := Vendor(vendor%12), keep
			opts.Vendor = v
			keep = func(s Status) bool { return k(s) && s.Vendor() == v }
		}
		res := Search(q, opts)
		checkResults(t, res, keep)
		if !utf8.ValidString(q) {
			return
		}
		if strings.TrimSpace(q) == "" {
			require.Nil(t, res)
		}
	})
}

// benchQueries are the benchmark queries, one per query type.
var benchQueries = []struct{ name, query string }{
	{"code", "404"},
	{"status_line", "HTTP/1.1 503 Service Unavailable"},
	{"phrase", "payload too large"},
	{"constant", "StatusTooManyRequests"},
	{"symptom", "rate limit"},
	{"vendor", "cloudflare timeout"},
	{"typo", "gatway timout"},
	{"log_line", "upstream timed out (110: Connection timed out) while reading response header from upstream"},
	{"non_ascii", "I’m a ｔｅａｐｏｔ"},
	{"non_ascii_long", "Cloudflare “Error 522” – the origin didn’t answer: ｃｏｎｎｅｃｔｉｏｎ timed out"},
}

func BenchmarkSearch(b *testing.B) {
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Search(q.query, nil)
			}
		})
	}
}

func BenchmarkAppendSearch(b *testing.B) {
	dst := make([]Result, 0, 16)
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dst = AppendSearch(dst[:0], q.query, nil)
			}
		})
	}
}

// BenchmarkSearchEvalSet runs every query of the evaluation set once per
// iteration and reports the mean time per query.
func BenchmarkSearchEvalSet(b *testing.B) {
	qs := readEvalSet(b)
	dst := make([]Result, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			dst = AppendSearch(dst[:0], q.query, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(qs)), "ns/query")
}

func TestSearchConcepts(t *testing.T) {
	// The words of a question count for what they mean together.
	tests := []struct {
		query string
		want  Code
	}{
		{"which status when the username is already taken", 409},
		{"status for a partial success in a batch", 207},
		{"what to return for an async job", 202},
		{"the site shows too many redirects", 302},
		// "stock" is in no entry: it stays as it is, not corrected as a
		// typo to some other term, so the ask still matches.
		{"return code for out of stock item", 409},
		// An OAuth redirect URI that does not match is a bad request, not
		// a redirect.
		{"login fails: redirect_uri does not match the redirect URIs registered for the client", 400},
		// A status named in another language, as localized references
		// name it: a resumed download that the server refuses (Chinese),
		// a request that timed out (Korean), too many requests (German).
		{"断点续传下载报：请求范围不符合要求", 416},
		{"요청 시간 만료 에러가 납니다", 408},
		{"zu viele Anfragen beim Login", 429},
		// A server that refuses clients by their User-Agent (API usage
		// policies, bot rules) answers 403; an ETag alone is about
		// conditional requests, 304 first.
		{"our scraper is blocked: the site requires a user agent", 403},
		{"how should the tile server use the ETag it sends", 304},
		{"what to send when the list is empty", 200},
		// Response headers too large for the proxy's buffer are nginx's
		// 502 ("upstream sent too big header"); request headers too large
		// are the client's 400 or 431.
		{"response headers too big behind nginx", 502},
		{"request header too large", 400},
	}
	for _, tc := range tests {
		res := Search(tc.query, &SearchOptions{Limit: 3})
		if assert.NotEmpty(t, res, tc.query) {
			assert.Equal(t, tc.want, res[0].Status.Code(), tc.query)
			assert.NotZero(t, res[0].Matched&FieldConcept, "%s: %s", tc.query, res[0].Matched)
		}
	}
}

func TestSearchNumberedErrors(t *testing.T) {
	// Cloudflare's error pages carry a number ("Error 1102"), and people
	// write the number without the rest of the page. Every numbered page
	// of the signature table is asked for by its number (a whole concept
	// of gen/catalog.json), so that the number alone finds the page's code.
	numbered := regexp.MustCompile(`^Error (1[0-9]{3}) `)
	n := 0
	for _, g := range AllSignatures() {
		m := numbered.FindStringSubmatch(g.Text())
		if g.Product() != "Cloudflare" || m == nil {
			continue
		}
		n++
		want := g.Codes()[0]
		for _, q := range []string{
			"error " + m[1],
			"I'm getting an error " + m[1] + " when I open the site",
			"Cloudflare error " + m[1] + " on every request",
		} {
			res := Search(q, &SearchOptions{Limit: 3})
			if assert.NotEmpty(t, res, q) {
				assert.Equal(t, want, res[0].Status.Code(), "%s (%s)", q, g.ID())
			}
		}
	}
	assert.GreaterOrEqual(t, n, 20, "Cloudflare's numbered error pages in the signature table")
}

func TestSearchBigrams(t *testing.T) {
	// Two words of a phrase in a row count for more than the same words
	// apart: "found" alone is 302's phrase.
	for _, tc := range []struct {
		query string
		want  Code
	}{
		{"we send NOT FOUND where we used to send GONE", 404},
		{"the gateway says bad gateway again", 502},
	} {
		res := Search(tc.query, &SearchOptions{Limit: 3})
		if assert.NotEmpty(t, res, tc.query) {
			assert.Equal(t, tc.want, res[0].Status.Code(), tc.query)
		}
	}
}

func TestConceptLongerAskWins(t *testing.T) {
	// "token expired" (401) lies inside "refresh token expired" (400, then
	// 401): only the longer ask counts, so 401 gains as the second code of
	// the longer ask and not also as the first of the shorter.
	var q queryTerms
	q.text = textkey.Append(nil, "refresh token expired")
	for start := 0; start < len(q.text); {
		end := start + bytes.IndexByte(q.text[start:], ' ')
		q.start[q.n], q.hash[q.n] = uint16(start), textkey.Hash(q.text[start:end])
		q.n++
		start = end + 1
		q.start[q.n] = uint16(start)
	}
	require.Equal(t, 3, q.n)
	var s searchScorer
	s.conceptGains(&q)
	assert.InDelta(t, conceptBonus, s.acc[position(400)], 1e-6)
	assert.InDelta(t, conceptBonus*conceptOther, s.acc[position(401)], 1e-6)
}

// TestConceptFilters checks that the term filters of the concept table
// stay sparse: a filter that most terms pass (1,024 bits for a few
// thousand asks were three quarters set) saves no probe.
func TestConceptFilters(t *testing.T) {
	for name, filter := range map[string][]uint64{"searchConceptStart": searchConceptStart[:], "searchConceptInner": searchConceptInner[:]} {
		set := 0
		for _, w := range filter {
			set += bits.OnesCount64(w)
		}
		assert.Less(t, set*4, len(filter)*64, "%s: %d of %d bits set", name, set, len(filter)*64)
	}
}

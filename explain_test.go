package httpref

import (
	"cmp"
	"encoding/json"
	"maps"
	"math/bits"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fill replaces a signature's placeholders with values such as a log
// line would carry.
func fill(text string) string {
	r := strings.NewReplacer("{num}", "110", "{host}", "api.example.com", "{addr}", "203.0.113.7:443",
		"{path}", "/v1/orders", "{url}", "https://api.example.com/v1/orders", "{id}", "8f2c1a7e", "{text}", "something odd",
		"{{", "{", "}}", "}")
	return r.Replace(text)
}

func TestExplainFindsEverySignature(t *testing.T) {
	sigs := AllSignatures()
	require.GreaterOrEqual(t, len(sigs), 300)
	for _, g := range sigs {
		text := fill(g.Text())
		ms := Explain(text)
		i := slices.IndexFunc(ms, func(m Match) bool { return m.Signature == g })
		if assert.GreaterOrEqual(t, i, 0, "%s: %q is not explained by its own signature", g.ID(), text) {
			assert.Equal(t, 1.0, ms[i].Score, "%s", g.ID())
			assert.Equal(t, 1.0, ms[0].Score, "%s: the best match is complete", g.ID())
		}
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name, text string
		product    string // of the best match; "" for no match
		code       Code
	}{
		{"nginx error_log", `2024/11/25 10:20:30 [error] 1046#1046: *2094 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: localhost, request: "GET /update HTTP/1.1"`, "nginx", 504},
		{"heroku router", `at=error code=H12 desc="Request timeout" method=GET path="/" host=example.herokuapp.com status=503`, "Heroku", 503},
		{"cloudflare 1020", "Error 1020 Access denied", "Cloudflare", 403},
		{"case and spacing", "UPSTREAM  CONNECT ERROR or disconnect/reset before headers. reset reason: connection failure", "envoy", 503},
		{"django csrf", "Forbidden (403) CSRF verification failed. Request aborted.", "Django", 403},
		{"words of the message used before it", `Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.`, "Browser CORS", 302},
		{"unrelated", "the quick brown fox jumps over the lazy dog", "", 0},
		{"empty", "", "", 0},
		{"only a common word", "error", "", 0},
		{"common words of a short message", "request took too long and the browser gave up", "", 0},
		{"a short message in full", "Bad Request - Request line too long", "ASP.NET Core", 414},
		{"a long message without its code", "CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.", "Amazon CloudFront", 504},
		{"an event-log line", `Application 'MACHINE/WEBROOT/APPHOST/DEFAULT WEB SITE' with physical root 'C:\inetpub\wwwroot\' failed to start process with commandline '"dotnet" .\app.dll', ErrorCode = '0x80004005 : 80008083.`, "ASP.NET Core", 502},
		{"a short message still needs its code", "Connection timed out Error code", "", 0},
		{"a product's code alone", "we keep getting H12 errors after the deploy", "Heroku", 503},
		{"Apache's message id alone", "the proxy logs AH00957 every few minutes", "Apache HTTP Server", 503},
		{"no product code: one or many digits", "an h1 title and the h123456 build", "", 0},
		{"a page's number after its error", "I'm getting an error 1102 when I open the site", "Cloudflare", 503},
		{"a page's number after error and a colon", "Cloudflare says Error: 1020 on every POST", "Cloudflare", 403},
		{"a page's number alone", "it fails with 1102 after a minute", "", 0},
		{"a page's number whose page says error twice", "it constantly gives error 1033 in the browser", "Cloudflare", 530},
		{"a page's number another message holds after another word", "User got rate limited error 1015 upon visiting the dashboard", "Cloudflare", 429},
		{"that other message", "Error Domain=NSURLErrorDomain Code=-1011", "Apple URLSession", 500},
		{"a product's code whose message repeats a word", "got TF31003 again after the update", "Azure DevOps Services", 401},
		{"a page's number far from an error", "Server error when blood pressure values not within 0 <= 1000", "", 0},
		{"a status line in a sentence", "The endpoint should answer 405 Method Not Allowed instead of 404 for known paths", "", 0},
		{"a status line pasted alone", "HTTP ERROR 500", "Chrome", 500},
		{"a status line that the text talks about", "Return 405 Method Not Allowed for unknown verbs", "", 0},
		{"common words that the text talks about", "Add Bad credentials message to login", "", 0},
		{"a message that holds a word of talk itself", "No response returned.", "Starlette", 500},
		{"envoy's access log flags", `[2026-06-28T15:11:44.812Z] "GET /api HTTP/1.1" 503 UF,URX "-" 0 95 1 - "10.0.4.9" "curl/8.5.0"`, "envoy", 503},
		{"a substatus before a status line", "IIS 500.19 Internal Server Error", "IIS", 500},
		{"nginx's page with its footer", "502 Bad Gateway\n\nnginx/1.18.0 (Ubuntu)", "nginx", 502},
		{"nginx's page words without nginx", "Change 200 OK status to 500 Internal Server Error when user already exists.", "", 0},
		{"nginx's TLS handshake with an upstream", `2017/10/05 21:39:23 [error] 10#10: *12 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream, client: 203.0.113.7`, "nginx", 502},
		{"nginx serving a missing file", `2024/01/01 10:00:00 [error] 7#7: *1 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 203.0.113.7`, "nginx", 404},
		{"nginx and a missing PHP-FPM socket", `connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream`, "nginx", 502},
		{"older Chrome's preflight redirect", "XMLHttpRequest cannot load https://api.example.com/v1/items. Response for preflight is invalid (redirect)", "Browser CORS", 302},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := Explain(tc.text)
			if tc.product == "" {
				assert.Empty(t, ms)
				return
			}
			require.NotEmpty(t, ms)
			assert.Equal(t, tc.product, ms[0].Signature.Product(), "best: %s", ms[0].Signature)
			assert.Contains(t, ms[0].Signature.Codes(), tc.code)
			for i := 1; i < len(ms); i++ {
				if ms[i-1].Signature.s.generic == ms[i].Signature.s.generic {
					assert.GreaterOrEqual(t, ms[i-1].Score, ms[i].Score, "best first")
				} else {
					assert.True(t, ms[i].Signature.s.generic, "generic messages last")
				}
			}
		})
	}
}

// TestNamingWordsReachMinScore checks, over the generated table, that the
// words sigNaming marks weigh explainMinScore of their signature's whole
// weight (sigWordWeight, which counts a repeated word at each of its
// places), and that a page's number without its "error" does not.
func TestNamingWordsReachMinScore(t *testing.T) {
	var named, pairs int
	var at [sigCount][64]uint16 // the weight of each signature's word at each position
	for _, w := range sigWords {
		for _, p := range sigPlaces[w.places.off : w.places.off+w.places.n] {
			if pos := uint8(p); pos < 64 {
				at[p>>16][pos] = w.weight
			}
		}
	}
	for sig, m := range sigNaming {
		if m == 0 {
			continue
		}
		named++
		got, least := 0, 0
		for pos := range 64 {
			if m&(1<<pos) != 0 {
				got += int(at[sig][pos])
				least = int(at[sig][pos]) // the later place: the number of a pair
			}
		}
		total := float64(sigWordWeight[sig])
		assert.GreaterOrEqual(t, float64(got)/total, float64(explainMinScore), "signature %d (%s)", sig, signatures[sig].id)
		if bits.OnesCount64(m) == 2 {
			pairs++
			assert.Less(t, float64(least)/total, float64(explainMinScore), "signature %d (%s): the number alone", sig, signatures[sig].id)
		}
	}
	assert.Greater(t, named, 400)
	assert.GreaterOrEqual(t, pairs, 18)
}

func TestExplainNumberedFamilies(t *testing.T) {
	// A message that names a number matches only with that number: one
	// member of a family does not stand for another.
	for _, tc := range []struct{ text, want, not string }{
		{"Error 1020 Access denied", "1020", "1012"},
		{`code=H13 desc="Connection closed without response"`, "h13", "h12"},
	} {
		for _, m := range Explain(tc.text) {
			assert.NotContains(t, strings.ToLower(m.Signature.Text()), tc.not, "%q matched %s", tc.text, m.Signature)
		}
	}
}

func TestExplainHostileInput(t *testing.T) {
	junk := strings.Repeat("upstream \xff\xfe timed (((( out 104: ", 1<<20/32)
	assert.NotPanics(t, func() { Explain(junk) })
	assert.NotPanics(t, func() { Explain(strings.Repeat("a", 1<<20)) })
	assert.NotPanics(t, func() { Explain("\x00\x01\x02") })
	assert.Empty(t, Explain(strings.Repeat("\xff", 1000)))
}

func TestExplainAllocations(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under -cover and -race")
	}
	dst := make([]Match, 0, 64)
	text := `upstream timed out (110: Connection timed out) while reading response header from upstream`
	assert.Zero(t, testing.AllocsPerRun(50, func() { dst = AppendExplain(dst[:0], text) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(50, func() { _ = Explain(text) }), 1.0)
	assert.Zero(t, testing.AllocsPerRun(50, func() { _ = Explain("nothing to see") }))
	// A text over maxScanQueryBytes takes the scan of every signature.
	long := strings.Repeat("The request could not be satisfied. ", 14) + text
	require.Greater(t, len(long), maxScanQueryBytes)
	dst = AppendExplain(dst[:0], long)
	require.NotEmpty(t, dst)
	assert.Zero(t, testing.AllocsPerRun(20, func() { dst = AppendExplain(dst[:0], long) }))
	assert.LessOrEqual(t, testing.AllocsPerRun(20, func() { _ = Explain(long) }), 1.0)
}

func TestStatusSignatures(t *testing.T) {
	st, ok := Lookup(504)
	require.True(t, ok)
	sigs := st.Signatures()
	require.NotEmpty(t, sigs)
	products := map[string]bool{}
	for _, g := range sigs {
		assert.Contains(t, g.Codes(), Code(504), g.ID())
		assert.True(t, strings.HasPrefix(g.Source(), "https://"), g.ID())
		products[g.Product()] = true
	}
	assert.GreaterOrEqual(t, len(products), 3, "504 is produced by several products")
	assert.Empty(t, Status{}.Signatures())
	// The slice is the caller's: changing it changes nothing for the next one.
	sigs[0] = Signature{}
	assert.True(t, st.Signatures()[0].IsValid())
}

func TestSignatureCoverage(t *testing.T) {
	products := map[string]int{}
	for _, g := range AllSignatures() {
		products[g.Product()]++
		assert.NotEqual(t, LayerUnknown, g.Layer(), g.ID())
	}
	assert.GreaterOrEqual(t, len(products), 20, "products: %v", products)
}

func TestMatchJSON(t *testing.T) {
	ms := Explain("Error 1020 Access denied")
	require.NotEmpty(t, ms)
	b, err := json.Marshal(ms[0].Signature)
	if err == nil {
		assert.Contains(t, string(b), "1020")
	}
}

func FuzzExplain(f *testing.F) {
	for _, s := range []string{"", "Error 1020 Access denied", "upstream timed out (110: Connection timed out)", "\xff\xfe", "code=H12 desc=\"Request timeout\"",
		"nginx nginx 413 Request Entity Too Large nginx", "No route was found that matches the URL and the request method."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Explain(text)
		for i, m := range ms {
			if m.Score < explainMinScore || m.Score > 1 || !m.Signature.IsValid() {
				t.Fatalf("match %d: %+v", i, m)
			}
			// Best first: a message of status-line words after the
			// others (see appendMatches), and by score within each.
			if i > 0 && (ms[i-1].Signature.s.generic && !m.Signature.s.generic ||
				ms[i-1].Signature.s.generic == m.Signature.s.generic && ms[i-1].Score < m.Score) {
				t.Fatalf("not best first: %v", ms)
			}
		}
		if full := explainFull(text); !slices.Equal(ms, full) {
			t.Fatalf("Explain %v, the scan of every signature %v", ms, full)
		}
		if len(text) > maxScanQueryBytes {
			text = text[:maxScanQueryBytes]
		}
		if sig, full, anchored, ok := explainAgree(text); !ok {
			t.Fatalf("%s scores %v in full, %v anchored", signatures[sig].id, full, anchored)
		}
	})
}

// explainAgree reports the first signature on which explainState and
// anchoredScan
// disagree about text: its score, when either reaches explainMinScore.
func explainAgree(text string) (sig int, full, anchored float32, ok bool) {
	var b anchoredScan
	if !b.scan(text) {
		return 0, 0, 0, true // Search scans this text in full
	}
	score, cover := fullScan(text)
	for i := range sigCount {
		x, y, xc, yc := score[i], float32(0), cover[i], float32(0)
		if sig := uint32(i); b.cand[sig>>6]&(1<<(sig&63)) != 0 {
			y, yc = b.measure(sig)
		}
		if (x >= explainMinScore || y >= explainMinScore) && (x != y || xc != yc) {
			return i, x, y, false
		}
	}
	return 0, 0, 0, true
}

// TestScanQueryAgrees checks that following only anchored signatures
// (anchoredScan, which Search uses) finds every score that counts, as the
// full scan does, on real pastes and on every signature's own text.
func TestScanQueryAgrees(t *testing.T) {
	texts := []string{"", "error error error", "a a a a"}
	for _, it := range readRealWorld(t) {
		texts = append(texts, it.Text)
	}
	for _, g := range AllSignatures() {
		texts = append(texts, fill(g.Text()), "Got this in prod: "+fill(g.Text())+" and then nothing")
	}
	for _, text := range texts {
		if len(text) > maxScanQueryBytes {
			text = text[:maxScanQueryBytes]
		}
		sig, full, anchored, ok := explainAgree(text)
		assert.True(t, ok, "%q: %s scores %v in full, %v anchored", text, signatures[sig].id, full, anchored)
	}
}

// TestExplainShortMessageStaysTogether checks that the words of a message
// without placeholders must stand together (sigtable.WindowBytes): Chrome's
// download bar says "Failed - Forbidden", a console line that says
// "Failed" and, much later, "(Forbidden)" is another message.
func TestExplainShortMessageStaysTogether(t *testing.T) {
	has := func(text, id string) bool {
		return slices.ContainsFunc(Explain(text), func(m Match) bool { return m.Signature.ID() == id })
	}
	assert.True(t, has(`Chrome says "Failed - Forbidden" in the download bar`, "chrome-download-failed-forbidden"))
	assert.False(t, has("Failed to load resource: the server responded with a status of 403 (Forbidden)", "chrome-download-failed-forbidden"))
	assert.True(t, has("Page Expired", "laravel-page-expired"))
	assert.False(t, has("the login page reloads, and after twenty minutes the session token has expired", "laravel-page-expired"))
}

// TestExplainHalfTheWords checks that a window holding fewer than half a
// signature's words is no match, however rare those words are among
// signatures, while half or more is, and a text that is mostly a long
// message's start still matches it (the cover measure).
func TestExplainHalfTheWords(t *testing.T) {
	has := func(text, id string) bool {
		return slices.ContainsFunc(Explain(text), func(m Match) bool { return m.Signature.ID() == id })
	}
	assert.False(t, has("proxy authentication required", "spring-security-full-authentication-required"))
	assert.True(t, has("Full authentication is required to access this resource", "spring-security-full-authentication-required"))
	assert.False(t, has("Return status code 503 if a service is (temporary) unavailable", "grpc-go-unavailable"))
	assert.True(t, has("rpc error: code = Unavailable desc = connection refused", "grpc-go-unavailable"))
	assert.True(t, has("Invalid HTTP_HOST header: '127.0.0.1:8000'", "django-invalid-http-host"))
}

// TestExplainAlone checks that a signature of common words (marked alone
// in the source table) matches a text that is mostly the message, and not
// the same words inside a sentence.
func TestExplainAlone(t *testing.T) {
	has := func(text, id string) bool {
		for _, m := range Explain(text) {
			if m.Signature.ID() == id {
				return true
			}
		}
		return false
	}
	tests := []struct {
		text, id string
		want     bool
	}{
		{"Unauthenticated.", "laravel-unauthenticated", true},
		{"{\"message\":\"Unauthenticated.\"}", "laravel-unauthenticated", true},
		{"My unauthenticated users get sent to the home page instead of the login page", "laravel-unauthenticated", false},
		{"rate limit exceeded", "echo-rate-limit-exceeded", true},
		{"The GitHub API says rate limit exceeded for my IP when the nightly tests run", "echo-rate-limit-exceeded", false},
		{"Bad credentials", "spring-security-bad-credentials", true},
		{"The login form says bad credentials even though the password is right", "spring-security-bad-credentials", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, has(tt.text, tt.id), "%q", tt.text)
	}
}

// firstMatchID returns the ID of Explain's first match in text, or "".
func firstMatchID(text string) string {
	if ms := Explain(text); len(ms) > 0 {
		return ms[0].Signature.ID()
	}
	return ""
}

// TestExplainNamedProduct checks that a signature marked alone, of words
// only, matches inside a sentence that names its product, and nowhere
// else: not without the name, not when the sentence talks about the
// message, not for a name inside a longer word, and not for a signature
// with a placeholder (Chrome's "HTTP ERROR {num}" would take any URL and
// the word "error").
func TestExplainNamedProduct(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"named", "Grafana shows origin not allowed after the upgrade", "grafana-origin-not-allowed"},
		{"named in capitals", "GRAFANA shows origin not allowed after the upgrade", "grafana-origin-not-allowed"},
		{"not named", "The proxy shows origin not allowed after the upgrade", ""},
		{"named inside a word", "Grafanalike tools show origin not allowed after the upgrade", ""},
		{"named, but talked about", "Grafana should return origin not allowed here", ""},
		{"named, a placeholder", "Chrome fails to open http://localhost:3000/ due to an SSL error", ""},
		{"named after the first bytes read", strings.Repeat("x ", maxNamingBytes/2) + "origin not allowed, says Grafana", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, firstMatchID(tt.text))
		})
	}
	for i := range signatures {
		s := &signatures[i]
		if s.naming != "" {
			assert.True(t, s.alone, "%s: naming words, but not marked alone", s.id)
			assert.NotContains(t, s.text, "{", "%s: naming words for a text with a placeholder", s.id)
		}
	}
}

// TestExplainNameBefore checks that a status line that its product's
// name closes ("413 Request Entity Too Large nginx", nginx's page) matches
// with the name before it as well as after it, within the signature's
// window, and not without the name.
func TestExplainNameBefore(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"name after", "413 Request Entity Too Large nginx", "nginx-page-413"},
		{"name before", "nginx 413 Request Entity Too Large", "nginx-page-413"},
		{"name before, in a sentence", "nginx returns 413 Request Entity Too Large when uploading", "nginx-page-413"},
		{"name before, glued to other script", "Nginx出现413 Request Entity Too Large错误解决方法", "nginx-page-413"},
		{"name before, status line out of order", "nginx Request Entity Too Large 413", ""},
		{"no name", "413 Request Entity Too Large when uploading", ""},
		{"name inside a word", "nginxlike 413 Request Entity Too Large", ""},
		{"name too far before", "nginx " + strings.Repeat("and more words ", 20) + "413 Request Entity Too Large", ""},
		{"another product's name", "caddy 413 Request Entity Too Large", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, firstMatchID(tt.text))
		})
	}
}

// wideMeasures returns the score and cover of each signature that reaches
// explainMinScore in text, as wideScan and the full scan (explainState)
// find them, and whether wideScan could finish. (anchoredScan's agreement
// with the full scan is explainAgree's.)
func wideMeasures(text string) (wide, all map[uint16][2]float32, wideOK bool) {
	keep := func(seen []uint16, measure func(sig uint32) (score, cover float32)) map[uint16][2]float32 {
		m := map[uint16][2]float32{}
		for _, x := range seen {
			if sc, cover := measure(uint32(x)); sc >= explainMinScore {
				m[x] = [2]float32{sc, cover}
			}
		}
		return m
	}
	var w wideScan
	if wideOK = w.scan(text); wideOK {
		wide = keep(w.seen[:w.nseen], w.measure)
	}
	all = map[uint16][2]float32{}
	var ex explainState
	for lo := 0; lo < sigCount; lo += explainChunk {
		ex.scan(text, lo)
		maps.Copy(all, keep(ex.seen[:ex.nseen], ex.measure))
	}
	return wide, all, wideOK
}

// fullScan returns the score and cover of every signature in text, as
// explainState finds them chunk by chunk.
func fullScan(text string) (score, cover []float32) {
	score, cover = make([]float32, sigCount), make([]float32, sigCount)
	var st explainState
	for lo := 0; lo < sigCount; lo += explainChunk {
		st.scan(text, lo)
		for i := lo; i < st.hi; i++ {
			score[i], cover[i] = st.score(i), st.cover(i)
		}
	}
	return score, cover
}

// explainInRanges is Explain with the signatures followed n at a time, as
// it follows them explainChunk at a time once the table is larger.
func explainInRanges(text string, n int) []Match {
	var (
		st  explainState
		dst []Match
	)
	for lo := 0; lo < sigCount; lo += n {
		st.scanRange(text, lo, min(lo+n, sigCount))
		dst = st.appendMatches(dst)
	}
	sortMatches(dst)
	return dst
}

// TestExplainInChunks checks that following the signatures a chunk at a
// time, as Explain does once the table outgrows explainChunk, finds the
// same matches with the same scores as following them all at once, in the
// same order but for ties between chunks; and that the chunk the state
// holds fits the stack (see explainChunkMax).
func TestExplainInChunks(t *testing.T) {
	require.LessOrEqual(t, int(unsafe.Sizeof(explainState{})), 128<<10)
	texts := []string{"", "error error error"}
	for i, it := range readRealWorld(t) {
		if i%7 == 0 {
			texts = append(texts, it.Text)
		}
	}
	for i, g := range AllSignatures() {
		if i%5 == 0 {
			texts = append(texts, "Got this in prod: "+fill(g.Text())+" and then nothing")
		}
	}
	// More matches than explainFull gathers on the stack.
	var many strings.Builder
	for _, g := range AllSignatures()[:2*explainFullBuffer] {
		many.WriteString(fill(g.Text()) + "\n")
	}
	require.Greater(t, len(explainFull(many.String())), explainFullBuffer)
	texts = append(texts, many.String())
	byScore := func(ms []Match) []Match {
		ms = slices.Clone(ms)
		slices.SortFunc(ms, func(a, b Match) int {
			if a.Score != b.Score {
				return cmp.Compare(b.Score, a.Score)
			}
			return strings.Compare(a.Signature.ID(), b.Signature.ID())
		})
		return ms
	}
	matched := 0
	for _, text := range texts {
		whole := explainFull(text)
		require.Equal(t, whole, explainInRanges(text, explainChunk), text)
		if len(whole) > 0 {
			matched++
		}
		for _, n := range []int{1000, 333} {
			assert.Equal(t, byScore(whole), byScore(explainInRanges(text, n)), "%q in chunks of %d", text, n)
		}
	}
	assert.Greater(t, matched, len(texts)/3)
}

// TestExplainShortAgrees checks that Explain and AppendExplain, which read
// a short text with Search's scans (see explainShort), find what the scan
// of every signature finds (explainFull): the same matches, scores and
// order, on the real-world texts of both evaluation sets, on every
// signature's text inside a sentence, and on a text that anchors more
// signatures than maxAnchored, which only the full scan reads.
func TestExplainShortAgrees(t *testing.T) {
	texts := []string{"", "error error error", strings.Repeat("x", maxScanQueryBytes+1)}
	for _, it := range readRealWorld(t) {
		texts = append(texts, it.Text)
	}
	origins, err := evalset.ReadOrigins(filepath.Join("testdata", "explain", "realworld.jsonl"))
	require.NoError(t, err)
	for _, o := range origins {
		texts = append(texts, o.Text)
	}
	for _, g := range AllSignatures() {
		texts = append(texts, "Got this in prod: "+fill(g.Text())+" and then nothing")
	}
	texts = append(texts, anchorHeavyText(t))
	var short, matched, full int
	var dst []Match
	for _, text := range texts {
		want := explainFull(text)
		got := Explain(text)
		require.Equal(t, want, got, "%q", text)
		dst = AppendExplain(dst[:0], text)
		if len(want) == 0 {
			assert.Empty(t, dst, "%q", text)
		} else {
			require.Equal(t, want, dst, "%q: AppendExplain", text)
		}
		if _, ok := explainShort(text); ok {
			short++
			if len(want) > 0 {
				matched++
			}
		} else {
			full++
		}
	}
	assert.Greater(t, short, len(texts)*9/10, "texts read with Search's scans")
	assert.Greater(t, matched, len(texts)/4, "of which matched")
	assert.Positive(t, full, "texts only the full scan reads")
}

// anchorHeavyText returns the words that anchor the most signatures, as a
// text of about 200 bytes: it anchors more than maxAnchored.
func anchorHeavyText(t *testing.T) string {
	byAnchors := make([]int, len(sigWords))
	for i := range byAnchors {
		byAnchors[i] = i
	}
	slices.SortStableFunc(byAnchors, func(a, b int) int { return int(sigWords[b].anchors.n) - int(sigWords[a].anchors.n) })
	var salad []byte
	for _, i := range byAnchors {
		if len(salad)+len(sigWords[i].word) >= 200 {
			break
		}
		salad = append(append(salad, sigWords[i].word...), ' ')
	}
	var a anchoredSet
	var found [maxScanQueryBytes/2 + 1]sigFound
	nf, chars, _ := readSigWords(string(salad), &found)
	require.Greater(t, a.mark(found[:nf], chars), maxAnchored)
	return string(salad)
}

// TestSignatureScansAgree checks that the three scans of Search's
// signatureGains find the same signatures with the same score and cover,
// where each can finish, on the real-world texts and on a run of the words
// that anchor the most signatures (more than maxAnchored, so that only
// the full scan finishes); and that each fallback is taken by some text.
func TestSignatureScansAgree(t *testing.T) {
	var texts []string
	for _, it := range readRealWorld(t) {
		texts = append(texts, it.Text)
	}
	salad := anchorHeavyText(t)
	texts = append(texts, salad)
	assert.NotEmpty(t, Search(salad, nil), "Search through the full scan")
	var wideOnly, fullOnly int
	for _, text := range texts {
		if len(text) > maxScanQueryBytes {
			text = text[:maxScanQueryBytes]
		}
		sig, full, anchored, ok := explainAgree(text)
		require.True(t, ok, "%q: %s scores %v in full, %v anchored", text, signatures[sig].id, full, anchored)
		var a anchoredScan
		anchoredOK := a.scan(text)
		wide, all, wideOK := wideMeasures(text)
		if wideOK {
			require.Equal(t, all, wide, "%q: wideScan", text)
		}
		switch {
		case !anchoredOK && wideOK:
			wideOnly++
		case !wideOK:
			fullOnly++
		}
	}
	assert.Positive(t, wideOnly, "texts that only wideScan and the full scan finish")
	assert.Positive(t, fullOnly, "texts that only the full scan finishes")
}

// TestGenericIsDistinctless checks that the generated generic flag, which
// Explain's ordering reads, says what sigDistinct says: no word of the
// signature is one that status lines lack.
func TestGenericIsDistinctless(t *testing.T) {
	n := 0
	for i := range signatures {
		assert.Equal(t, sigDistinct[i] == 0, signatures[i].generic, signatures[i].id)
		if signatures[i].generic {
			n++
		}
	}
	assert.Positive(t, n)
	assert.Less(t, n, sigCount/10, "most signatures have a word of their own")
}

// TestSigStopWords checks the stop-word lookup of sigWordIter against the
// generated list: every stop word in any case, and no other word.
func TestSigStopWords(t *testing.T) {
	stop := func(w string) bool {
		start, end, h, _ := nextSigWord(w, 0)
		require.Equal(t, len(w), end-start, w)
		return isSigStop(h, w)
	}
	n := 0
	for _, w := range sigStopWords {
		if w == "" {
			continue
		}
		n++
		assert.True(t, stop(w), w)
		assert.True(t, stop(strings.ToUpper(w)), w)
	}
	assert.Equal(t, 23, n)
	for _, w := range []string{"error", "not", "thi", "thes", "ofs", "x", "request", "timeout", "502", "HTTP"} {
		assert.False(t, stop(w), w)
	}
}

// TestExplainCoverSkipsStopWords checks that a message pasted in part
// matches when its words, the stop words aside, are most of the text: the
// first sentence of CloudFront's two-sentence message is 58 bytes of
// words it explains and 25 of stop words.
func TestExplainCoverSkipsStopWords(t *testing.T) {
	got := Explain("This distribution is not configured to allow the HTTP request method that was used for this request.")
	require.NotEmpty(t, got)
	assert.Equal(t, "cloudfront-method-not-allowed", got[0].Signature.ID())
	// The alone rule still counts the stop words: Spring Security's "Bad
	// credentials" inside a sentence is no match.
	assert.Empty(t, Explain("it is the bad credentials of a user that is at the door"))
}

// TestExplainRepeatedWord checks that a word the message holds twice
// continues the track where it waits rather than starting it over: the
// second "websocket" of gorilla/websocket's "websocket: not a websocket
// handshake" is the message's third word, not a new start.
func TestExplainRepeatedWord(t *testing.T) {
	got := Explain("websocket: not a websocket handshake: 'Sec-WebSocket-Key' header is missing or blank")
	require.NotEmpty(t, got)
	assert.Equal(t, "gorilla-websocket-sec-key-missing", got[0].Signature.ID())
	assert.InDelta(t, 1, got[0].Score, 1e-6)
}

func TestExplainWordsScatteredBeforeTheMessage(t *testing.T) {
	// Some of a message's words stand earlier in the text, out of order
	// and apart; the message itself follows in full. The scan does not
	// stay with the scattered start: the full message scores 1.
	tests := []struct{ text, id string }{
		{"upstream connect failed: reset before headers; then upstream connect error or disconnect/reset before headers. reset reason: connection failure", "envoy-upstream-connect-error"},
		{"origin timed out, web page broken. The initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed.", "cloudflare-522-body-initial-connection-timed-out"},
	}
	for _, tc := range tests {
		ms := Explain(tc.text)
		i := slices.IndexFunc(ms, func(m Match) bool { return m.Signature.ID() == tc.id })
		if assert.GreaterOrEqual(t, i, 0, "%q: %s not found", tc.text, tc.id) {
			assert.Equal(t, 1.0, ms[i].Score, "%s", tc.id)
		}
	}
}

// TestExplainEarlyWordUndone checks that a word of a message that
// stands just before the message, out of its place (the "Request" of the
// status line nginx's page shows above its text, the "http" of a URL),
// does not keep the scan from the message that follows: the track takes
// the word back when the next word is the one it waited for. Without
// that, the message's words after the early one's place were all that
// could advance it, and the page pasted from a browser matched nothing.
func TestExplainEarlyWordUndone(t *testing.T) {
	tests := []struct{ text, id string }{
		{"400 Bad Request\nThe plain HTTP request was sent to HTTPS port\nnginx", "nginx-page-plain-http-to-https"},
		{"400 Bad Request The plain HTTP request was sent to HTTPS port", "nginx-page-plain-http-to-https"},
	}
	for _, tc := range tests {
		ms := Explain(tc.text)
		require.NotEmpty(t, ms, "%q", tc.text)
		assert.Equal(t, tc.id, ms[0].Signature.ID(), "%q", tc.text)
		assert.InDelta(t, 1, ms[0].Score, 1e-6, "%q", tc.text)
	}
}

// TestSigTrackUndoSkip follows one track through words by hand: a word
// further on moves it past the one it waits for, and that word, coming
// next, takes the early one back; a word between them leaves the skip
// in place.
func TestSigTrackUndoSkip(t *testing.T) {
	sig := slices.IndexFunc(signatures[:], func(s signature) bool { return s.id == "nginx-page-plain-http-to-https" })
	require.GreaterOrEqual(t, sig, 0)
	word := func(w string) int {
		_, _, h, _ := nextSigWord(w, 0)
		i := findSigWord(h, w)
		require.GreaterOrEqual(t, i, 0, w)
		return i
	}
	// Positions: 400 0, plain 1, http 2, request 3 (stop words aside).
	step := func(tr *sigTrack, w string, pos uint8, off int) bool {
		advanced, _ := tr.step(uint32(sig), pos, 0, off, len(w), word(w))
		return advanced
	}
	var tr sigTrack
	require.True(t, step(&tr, "400", 0, 0))
	require.True(t, step(&tr, "request", 3, 8)) // early: skips plain and http
	assert.NotZero(t, tr.skip)
	require.True(t, step(&tr, "plain", 1, 20)) // the word waited for: takes request back
	assert.Zero(t, tr.skip)
	assert.Equal(t, uint8(2), tr.next)
	assert.Equal(t, uint8(2), tr.words)
	assert.Equal(t, uint64(0b11), tr.got)
	assert.Equal(t, sigWords[word("400")].weight+sigWords[word("plain")].weight, tr.weight)

	var late sigTrack
	require.True(t, step(&late, "400", 0, 0))
	require.True(t, step(&late, "http", 2, 8)) // skips plain
	require.True(t, step(&late, "request", 3, 13))
	assert.False(t, step(&late, "plain", 1, 20), "a word after the skip keeps it")
	assert.Equal(t, uint8(4), late.next)
}

// TestSigCommonTables checks the tables of the common words against
// sigPlaces: a word is common exactly when it has more than
// sigCommonPlaces places, and its mask, ranks and signature starts
// give back its places, signature by signature, in order.
func TestSigCommonTables(t *testing.T) {
	n := 0
	for i := range sigWords {
		w := &sigWords[i]
		places := sigPlaces[w.places.off : w.places.off+w.places.n]
		require.Equal(t, len(places) > sigCommonPlaces, w.common != 0, w.word)
		if w.common == 0 {
			continue
		}
		n++
		c := int(w.common - 1)
		mask, rank := &sigCommonMask[c], &sigCommonRank[c]
		start := sigCommonSigStart[sigCommonSigOff[c]:]
		var got []uint32
		r := 0
		for b, m := range mask {
			require.Equal(t, r, int(rank[b]), "%s: rank of block %d", w.word, b)
			for ; m != 0; m &= m - 1 {
				sig := uint32(b*64 + bits.TrailingZeros64(m))
				ps := places[start[r]:start[r+1]]
				require.NotEmpty(t, ps, w.word)
				for _, p := range ps {
					require.Equal(t, sig, p>>16, w.word)
				}
				got = append(got, ps...)
				r++
			}
		}
		require.Equal(t, len(places), int(start[r]), w.word)
		require.Equal(t, places, got, w.word)
	}
	assert.Equal(t, len(sigCommonMask), n)
	assert.Positive(t, n, "common words")
}

// BenchmarkExplain times Explain on a pasted log line, a short console
// message, a text that matches nothing and a long error page.
func BenchmarkExplain(b *testing.B) {
	page := strings.Repeat("<p>The server encountered an internal error and was unable to complete your request.</p>\n", 12)
	for _, c := range []struct{ name, text string }{
		{"log_line", `2024/01/02 03:04:05 [error] 12#12: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1, server: example.com, request: "GET /api HTTP/1.1", upstream: "http://127.0.0.1:8080/api"`},
		{"console", "net::ERR_TOO_MANY_REDIRECTS"},
		{"no_match", "what status should my API return when the user already exists"},
		{"page", page},
	} {
		b.Run(c.name, func(b *testing.B) {
			dst := make([]Match, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst = AppendExplain(dst[:0], c.text)
			}
		})
	}
}

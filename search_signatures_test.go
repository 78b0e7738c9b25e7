package httpref

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/httpref/httpref/internal/sigtable"
)

// TestSigTextWords checks that sigTextWords reads a signature text as
// sigtable.TextWords does, numbers aside, for every signature.
func TestSigTextWords(t *testing.T) {
	for i := range signatures {
		var want []string
		for _, w := range sigtable.TextWords(signatures[i].text) {
			if !allDigits(w) {
				want = append(want, w)
			}
		}
		var got []string
		for it := (sigTextWords{text: signatures[i].text}); ; {
			w, ok := it.next()
			if !ok {
				break
			}
			got = append(got, lowerASCIIString(w))
		}
		require.Equal(t, want, got, signatures[i].text)
	}
}

// lowerASCIIString is strings.ToLower for ASCII, for the test.
func lowerASCIIString(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerASCII(c)
	}
	return string(b)
}

func TestWordsWithin(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"CSRF token missing.", "The CSRF session token is missing.", true},
		{"CSRF token missing.", "The CSRF token is missing.", false}, // the same words: neither is the longer
		{"The CSRF session token is missing.", "CSRF token missing.", false},
		{"Header is too large {num}>{num}", "Request header is too large", true},
		{"upstream timed out", "upstream prematurely closed connection", false},
		{"{num}s timeout", "timeout", false}, // "s" is glued to a placeholder: no word of its own
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wordsWithin(tt.a, tt.b), "%q within %q", tt.a, tt.b)
	}
}

func TestHoldsWords(t *testing.T) {
	tests := []struct {
		query, text string
		want        bool
	}{
		{"Bad Request\nThe CSRF session token is missing.", "The CSRF session token is missing.", true},
		{"the csrf SESSION token, missing", "The CSRF session token is missing.", true}, // case, stop words and punctuation aside
		{"CSRF session token was not found", "The CSRF session token is missing.", false},
		{"Request Header Fields Too Large", "Request header is too large", false}, // a word between
		{"JSON payload (70000 bytes) is larger than allowed (limit: 65536 bytes).", "JSON payload ({num} bytes) is larger than allowed (limit: {num} bytes).", true},
		{"", "Request header is too large", false},
		{"Request header is", "Request header is too large", false}, // the text ends first
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, holdsWords(tt.query, tt.text), "%q holds %q", tt.query, tt.text)
	}
}

// TestWithinLonger checks the rule on a scan: in Flask-WTF's message,
// Django's shorter one gains nothing, and with the words scattered
// neither yields.
func TestWithinLonger(t *testing.T) {
	find := func(product, text string) int {
		for i := range signatures {
			if signatures[i].product == product && signatures[i].text == text {
				return i
			}
		}
		t.Fatalf("no signature %s %q", product, text)
		return -1
	}
	django := find("Django", "CSRF token missing.")
	tomcat := find("Apache Tomcat", "Request header is too large")
	jetty := find("Eclipse Jetty", "Header is too large {num}>{num}")
	tests := []struct {
		query string
		sig   int
		want  bool
	}{
		{"The CSRF session token is missing.", django, true},
		{"CSRF token missing", django, false},
		{"Request header is too large", jetty, true},
		{"Request header is too large", tomcat, false},
		{"Request Header Fields Too Large", jetty, false},
	}
	for _, tt := range tests {
		var a anchoredScan
		require.True(t, a.scan(tt.query), tt.query)
		sc, _ := a.measure(uint32(tt.sig))
		require.GreaterOrEqual(t, sc, float32(1), tt.query)
		full, n := fullMatches(a.seen[:a.nseen], a.measure)
		assert.Equal(t, tt.want, withinLonger(tt.query, tt.sig, full[:n]), "%q: %s %q", tt.query, signatures[tt.sig].product, signatures[tt.sig].text)
	}
}

// TestFullMatchesCap checks that a text matching more signatures in full
// than maxFullMatches leaves withinLonger nothing to compare, so that no
// text costs a comparison of every pair, and that the real-world texts
// stay within the cap.
func TestFullMatchesCap(t *testing.T) {
	// Short messages of one product, pasted one after the other.
	var text string
	for i := range signatures {
		s := &signatures[i]
		if s.product != "Amazon S3" || len(s.text) > 24 || strings.ContainsRune(s.text, '{') {
			continue
		}
		if len(text)+len(s.text)+1 > maxScanQueryBytes {
			break
		}
		text += s.text + " "
	}
	count := func(text string) (full, n int) {
		var a anchoredScan
		require.True(t, a.scan(text), text)
		for _, x := range a.seen[:a.nseen] {
			if sc, _ := a.measure(uint32(x)); sc >= 1 {
				full++
			}
		}
		_, n = fullMatches(a.seen[:a.nseen], a.measure)
		return full, n
	}
	full, n := count(text)
	require.Greater(t, full, maxFullMatches, text)
	assert.Zero(t, n)
	assert.NotEmpty(t, Search(text, nil))

	most := 0
	for _, it := range readRealWorld(t) {
		if len(it.Text) > maxScanQueryBytes {
			continue
		}
		var a anchoredScan
		if !a.scan(it.Text) {
			continue
		}
		full, _ := count(it.Text)
		most = max(most, full)
	}
	assert.LessOrEqual(t, most, maxFullMatches)
	t.Logf("the real-world texts match %d signatures in full at most", most)
}

// TestProductBest checks that a message matched in part gains nothing
// when another message of its product matches better: nginx's 502
// messages share the tail of its 504 "upstream timed out", and their
// parts once put 502 first.
func TestProductBest(t *testing.T) {
	assertSearchFirst(t, map[string]Code{
		"upstream timed out while reading response header from upstream":                                504,
		"upstream timed out (110: Connection timed out) while reading response header from upstream":    504,
		"upstream prematurely closed connection while reading response header from upstream, client: x": 502,
	})

	var g sigGains
	for i := range signatures {
		g.noteBest(i, 0.5)
	}
	assert.Zero(t, g.bestOf(signatures[0].product), "more products than maxProductBests: known for none")

	g = sigGains{}
	g.noteBest(0, 0.6)
	g.noteBest(0, 0.9)
	assert.InDelta(t, 0.9, g.bestOf(signatures[0].product), 1e-6)
	assert.Zero(t, g.bestOf("no such product"))
}

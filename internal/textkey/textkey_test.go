package textkey

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func terms(s string) string { return strings.TrimSuffix(string(Append(nil, s)), " ") }

func TestAppend(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   \t\n", ""},
		{"Bad Gateway", "bad gateway"},
		{"404 Not Found", "404 not found"},
		{"HTTP/1.1 503 Service Unavailable", "http 1 1 503 servic unavailabl"},
		{"status=404", "status 404"},
		{"5xx 4XX 50x", "5xx 4xx 50x"},
		// Compound words give their parts and the joined word.
		{"Gateway Time-out", "gateway tim out timeout"},
		{"StatusTooManyRequests", "status too many request statustoomanyrequest"},
		{"http.StatusTeapot", "http status teapot statusteapot"},
		{"StatusRequestURITooLong", "status request uri too long statusrequesturitoolong"},
		{"WebSocket", "web socket websocket"},
		{"websocket", "websocket"},
		// Apostrophes inside words are dropped; stop words and single letters go.
		{"I'm a teapot", "im teapot"},
		{"user isn't authenticated", "user not authentic"},
		{"DOESN'T exist, can't, won't", "not exist not not"},
		{"n't 't", "nt"},
		{"HTTP401 Denied", "http 401 http401 deni"},
		{"x509 sha2560 ab123", "x509 sha2560 ab 123 ab123"},
		{"the server's response", "server respons"},
		// Chinese, Japanese and Korean put no space between words: a run
		// of their letters, apart from digits and Latin, gives each pair
		// of adjacent letters.
		{"返回401状态码", "返回 401 状态 态码"},
		{"关于API参数错误", "关于 api 参数 数错 错误"},
		{"ログイン直後に302リダイレクト", "ロク クイ イン ン直 直後 後に 302 リタ タイ イレ レク クト"}, // voicing marks go with the other marks
		{"サーバー", "サー ーハ ハー"},
		{"重", "重"},
		{"한국어", "한국 국어"},
		{"Ärger über 404", "arger uber 404"},
		// Word forms.
		{"timeouts", "timeout"},
		{"limited limiting limits", "limit limit limit"},
		{"redirecting redirected redirects redirection", "redirect redirect redirect redirect"},
		{"caching caches cached cache", "cach cach cach cach"},
		{"proxies", "proxy"},
		// British and American spelling.
		{"authorisation authorization", "authoriz authoriz"},
		{"unauthorised unauthorized", "unauthoriz unauthoriz"},
		{"colour behaviour", "color behavior"},
		{"cancelled canceled", "cancel cancel"},
		{"catalogue catalog", "catalog catalog"},
		{"analyse analyze", "analyz analyz"},
		{"centre center", "center center"},
		{"licence license", "licens licens"},
		// Unicode: width, case, marks, quotes, dashes.
		{"４２９", "429"},
		{"ＢＡＤ ＧＡＴＥＷＡＹ", "bad gateway"},
		{"I’m a teapot", "im teapot"},
		{"“Bad Gateway”", "bad gateway"},
		{"forbídden", "forbidden"},
		{"NÖT FÓUND", "not found"},
		{"straße", "strass"},
		{"time–out", "tim out timeout"},
		{"ΣΑΣ", "σασ"},
		// Invalid UTF-8 and control characters separate words.
		{"gate\xffway", "gat way"},
		{"gate\x00way", "gat way"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, terms(tt.in))
		})
	}
}

func TestASCIIAndUnicodePathsAgree(t *testing.T) {
	for _, s := range []string{
		"Bad Gateway", "StatusTooManyRequests", "I'm a teapot", "Gateway Time-out",
		"upstream timed out (110: Connection timed out) while reading response header",
		"authorisation cancelled colours", "a-b-c aBcD URIToo 5xx",
	} {
		var scratch []byte
		assert.Equal(t, string(AppendASCII(nil, s)), string(unicodeTerms(s, &scratch)), s)
	}
}

func TestAppendASCIIBound(t *testing.T) {
	// The documented bound on the output holds for nasty inputs.
	for _, s := range []string{
		strings.Repeat("aB", 300), strings.Repeat("ab-", 200), strings.Repeat("Ab-cD", 100),
		strings.Repeat("x", 600), strings.Repeat("9 ", 300),
	} {
		out := AppendASCII(nil, s)
		assert.LessOrEqual(t, len(out), 3*len(s)+2*MaxWord, "%.20q...", s)
	}
}

func TestAppendASCIIAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		var buf [512]byte
		out := AppendASCII(buf[:0], "StatusTooManyRequests gateway time-out authorised")
		if len(out) == 0 {
			t.Fatal("no terms")
		}
	})
	assert.Zero(t, allocs)
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"request", "request"}, {"requests", "request"}, {"status", "status"}, {"https", "https"},
		{"retries", "retry"}, {"statuses", "status"}, {"matches", "match"}, {"access", "access"},
		{"authenticate", "authentic"}, {"authentication", "authentic"}, {"authenticated", "authentic"},
		{"stopped", "stop"}, {"installing", "instal"}, {"404", "404"}, {"5xx", "5xx"}, {"ab", "ab"},
		{"naïve", "naïve"}, {"expectation", "expectation"}, {"expectations", "expectation"},
		{"expected", "expect"}, {"validation", "valid"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(Stem([]byte(tt.in))), tt.in)
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"Bad Gateway", "I’m a ｔｅａｐｏｔ", "\xff\xfe", "a-B-c", "ǅ ﬁ İ", "4xx404 HTTP401 x509", "isn't o'clock -a- HTTPServer"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Append(nil, s)
		require.True(t, utf8.Valid(out), "%q gives invalid UTF-8 %q", s, out)
		for _, term := range strings.Fields(string(out)) {
			require.LessOrEqual(t, len(term), 2*MaxWord+8, "term %q", term)
		}
		if IsASCII(s) {
			require.LessOrEqual(t, len(out), 3*len(s)+2*MaxWord)
			// AppendASCII's fast path for one-part words gives what the
			// general splitting gives.
			require.Equal(t, string(appendWords(nil, s)), string(out), "%q", s)
		}
	})
}

func unicodeTerms(s string, scratch *[]byte) []byte {
	terms, folded := AppendUnicode(nil, s, (*scratch)[:0])
	*scratch = folded
	return terms
}

// BenchmarkAppendRealWorld turns every text of the real-world evaluation
// set into terms once per iteration and reports the mean time per text.
func BenchmarkAppendRealWorld(b *testing.B) {
	items, err := evalset.ReadRealWorld("../../testdata/search")
	require.NoError(b, err)
	var buf [8 << 10]byte
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			_ = Append(buf[:0], it.Text)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/text")
}

// TestCJKBlocks checks the fast path of the CJK Unified Ideographs block
// and the Hangul Syllables against the general one for every character in
// them: folding keeps the character as it is, its kind is kCJK, and Append
// gives what the reference tokenizer gives for it alone and beside its
// neighbour.
func TestCJKBlocks(t *testing.T) {
	for _, block := range [][2]rune{{hanBlockFirst, hanBlockLast}, {hangulBlockFirst, hangulBlockLast}} {
		for r := block[0]; r <= block[1]; r++ {
			enc := string(r)
			require.Equal(t, enc, string(appendFoldedRune(nil, enc, r)), "%U folds", r)
			k, n := refKindRune(enc, 0)
			require.Equal(t, kCJK, k, "%U kind", r)
			require.Equal(t, len(enc), n, "%U size", r)
			require.True(t, isCJKBlock(r))
			pair := enc + string(r+1)
			require.Equal(t, string(refAppend(nil, pair)), string(Append(nil, pair)), "%U", r)
		}
		require.False(t, isCJKBlock(block[0]-1))
		require.False(t, isCJKBlock(block[1]+1))
	}
}

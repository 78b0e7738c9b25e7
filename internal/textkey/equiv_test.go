package textkey

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusLines returns the lines of the repository's Go files and test data:
// catalog text, signatures, queries and the real-world texts.
func corpusLines(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"../../*.go", "../../testdata/*/*", "../../gen/*/*", "../../gen/*"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	var lines []string
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	require.NotEmpty(t, lines)
	return lines
}

// requireSameTerms checks Append, AppendASCII and AppendUnicode on s
// against the reference implementation in ref_test.go.
func requireSameTerms(t testing.TB, s string) {
	require.Equal(t, refIsASCII(s), IsASCII(s), "IsASCII(%q)", s)
	want := string(refAppend(nil, s))
	require.Equal(t, want, string(Append(nil, s)), "Append(%q)", s)
	if IsASCII(s) {
		require.Equal(t, want, string(AppendASCII([]byte("x "), s)[2:]), "AppendASCII(%q)", s)
		require.Equal(t, want, string(appendWords(nil, s)), "appendWords(%q)", s)
	}
	wantTerms, wantFolded := refAppendUnicode(nil, s, nil)
	terms, folded := AppendUnicode(nil, s, nil)
	require.Equal(t, string(wantTerms), string(terms), "AppendUnicode(%q)", s)
	require.Equal(t, string(wantFolded), string(folded), "AppendUnicode(%q) folded", s)
}

// requireSameStem checks Stem and isStop on w against the reference.
func requireSameStem(t testing.TB, w []byte) {
	require.Equal(t, refIsStop(w), isStop(w), "isStop(%q)", w)
	want := string(refStem(bytes.Clone(w)))
	require.Equal(t, want, string(Stem(bytes.Clone(w))), "Stem(%q)", w)
}

// TestMatchesReferenceOnCorpus compares the tokenizer with the reference
// on every line of the corpus, and the stemmer on every word of it.
func TestMatchesReferenceOnCorpus(t *testing.T) {
	seen := map[string]bool{}
	for _, line := range corpusLines(t) {
		requireSameTerms(t, line)
		for _, w := range strings.FieldsFunc(line, func(r rune) bool {
			return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r >= 0x80)
		}) {
			w = strings.ToLower(w)
			if !seen[w] {
				seen[w] = true
				requireSameStem(t, []byte(w))
			}
		}
	}
}

// TestMatchesReferenceOnEndings stems every short stem of a few letters
// followed by every ending and spelling that the rules look at.
func TestMatchesReferenceOnEndings(t *testing.T) {
	stems := []string{"", "a", "e", "s", "ab", "ss", "us", "is", "ll", "tt", "ee", "cach", "limit", "stop",
		"authoris", "analys", "colour", "behaviour", "licenc", "gre", "programm", "cancel", "stat", "succ",
		"xyz", "qu", "ch", "sh", "x", "ie", "ur", "at", "iz", "og", "tr", "oo", "aa"}
	endings := []string{"", "s", "es", "ies", "sses", "uses", "ches", "shes", "xes", "ss", "us", "is",
		"e", "ed", "ing", "er", "ers", "ation", "ations", "ise", "ised", "ises", "ising", "iser", "isers", "isation",
		"yse", "ysed", "ysing", "ogue", "ogues", "tre", "tres", "ily", "ly", "ure", "ures", "ate", "ated",
		"ating", "ates", "ion", "ions", "y", "ey", "our", "ours", "ence", "ences", "me", "mme", "mmes", "que", "ques"}
	for _, a := range stems {
		for _, b := range stems {
			for _, e := range endings {
				w := a + b + e
				requireSameStem(t, []byte(w))
				requireSameTerms(t, w)
			}
		}
	}
	for _, w := range []string{"https", "status", "cors", "always", "alias", "canvas", "across", "series", "news",
		"analogue", "behaviour", "cheque", "colour", "defence", "favour", "flavour", "grey", "honour", "labour",
		"licence", "neighbour", "offence", "programme", "instead", "getting", "the", "a"} {
		for _, v := range []string{w, w + "s", strings.ToUpper(w[:1]) + w[1:], w[1:], w[:len(w)-1]} {
			requireSameStem(t, []byte(v))
			requireSameTerms(t, v)
		}
	}
}

// TestMatchesReferenceRandom compares the tokenizer with the reference on
// random texts built from characters that the splitting tells apart
// (fewer with -short).
func TestMatchesReferenceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "b", "e", "s", "i", "n", "t", "y", "d", "g", "r", "o", "u", "z",
		"A", "B", "E", "S", "T", "N", "Z", "0", "4", "9", "-", "'", " ", ".", "/", "_",
		"ing", "ed", "ies", "ation", "ise", "the", "n't", "N'T", "HTTP", "404", "Status", "é", "ü", "重定向", "ｔ", "\xff"}
	n := 100000
	if testing.Short() {
		n /= 10
	}
	var sb strings.Builder
	for range n {
		sb.Reset()
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		if r.IntN(50) == 0 {
			sb.WriteString(strings.Repeat(pieces[r.IntN(len(pieces))], r.IntN(60)))
		}
		s := sb.String()
		requireSameTerms(t, s)
		requireSameStem(t, []byte(strings.ToLower(s)))
	}
}

// FuzzMatchesReference compares the tokenizer and the stemmer with the
// reference on any input.
func FuzzMatchesReference(f *testing.F) {
	for _, s := range []string{"Bad Gateway", "I’m a ｔｅａｐｏｔ", "\xff\xfe", "a-B-c", "ǅ ﬁ İ", "4xx404 HTTP401 x509",
		"isn't o'clock -a- HTTPServer", "authorisations cancelled colours", "analysing programmes", "the instead getting"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		requireSameTerms(t, s)
		if len(s) > 0 {
			requireSameStem(t, []byte(s))
		}
	})
}

// TestReferenceCopyIsFaithful checks the reference itself on examples
// of the package documentation.
func TestReferenceCopyIsFaithful(t *testing.T) {
	assert.Equal(t, "status too many request statustoomanyrequest ", string(refAppend(nil, "StatusTooManyRequests")))
	assert.Equal(t, "authoriz authoriz ", string(refAppend(nil, "authorisation authorization")))
}

// stopWordList is the list of stop words that stopWords holds.
var stopWordList = strings.Fields(`a an the to of and or in on at by for with
	is are be was were been being it its as this that
	these those from into than then there their if but so
	do does can may might will would should could has have
	had such which when where what who how why your you
	we our me my also any some about i get getting got
	instead`)

// TestStopWords checks that stopWords holds exactly the words of
// stopWordList, each at its stopSlot. When it does not, the test prints
// the table to paste into textkey.go (or, when two words share a slot,
// asks for a new stopMul).
func TestStopWords(t *testing.T) {
	var want [256]string
	for _, w := range stopWordList {
		k := stopSlot([]byte(w))
		require.Empty(t, want[k], "%q and %q share slot %#02x: choose another stopMul", want[k], w, k)
		want[k] = w
	}
	if want != stopWords {
		var sb strings.Builder
		for k, w := range want {
			if w != "" {
				fmt.Fprintf(&sb, "%#02x: %q,\n", k, w)
			}
		}
		t.Errorf("stopWords differs from stopWordList; it should be\n%s", sb.String())
	}
	for _, w := range stopWordList {
		assert.True(t, isStop([]byte(w)), w)
		assert.Equal(t, slices.Contains(stopWordList, w+"s"), isStop([]byte(w+"s")), w+"s")
		assert.False(t, isStop([]byte(strings.ToUpper(w))), strings.ToUpper(w))
	}
	assert.False(t, isStop(nil))
	assert.False(t, isStop([]byte("instead ")))
}

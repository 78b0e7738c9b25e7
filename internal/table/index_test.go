package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpandSynonyms(t *testing.T) {
	groups := [][][]string{
		{terms("throttle"), terms("rate limit"), terms("ratelimit")},
		{terms("timeout"), terms("timed out")},
	}
	tests := []struct {
		text string
		want []string
	}{
		{"requests are throttled", []string{"request", "throttl", "rat", "limit", "ratelimit"}},
		{"the rate limit applies", []string{"rat", "limit", "apply", "throttl", "ratelimit"}},
		{"connection timed out", []string{"connect", "tim", "out", "timeout"}},
		{"nothing here", []string{"noth", "her"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, expand(terms(tt.text), groups), tt.text)
	}
}

func TestIndexIsDeterministic(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "gen", "catalog.json"))
	require.NoError(t, err)
	a, err := Generate(src)
	require.NoError(t, err)
	b, err := Generate(src)
	require.NoError(t, err)
	require.Equal(t, string(a), string(b))
	for _, name := range []string{
		"const searchTermText", "var searchTermOff", "var searchTermPost", "var searchPostings",
		"var searchTypo ", "var searchTypoMask", "var searchTypoLen", "var searchPhraseKeys", "var searchPhraseDoc",
		"var searchAskPost", "var searchAskPostings",
	} {
		assert.Contains(t, string(a), name)
	}
	assert.NotContains(t, string(a), "map[")
	assert.NotContains(t, string(a), "func init")
}

// sourceIndex parses gen/catalog.json and builds its index.
func sourceIndex(t *testing.T) (*Table, *index) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "gen", "catalog.json"))
	require.NoError(t, err)
	tab, err := Parse(src)
	require.NoError(t, err)
	return tab, tab.buildIndex()
}

func TestBuildIndex(t *testing.T) {
	tab, ix := sourceIndex(t)
	require.True(t, len(ix.terms) > 500)
	for i := 1; i < len(ix.terms); i++ {
		require.Less(t, ix.terms[i-1], ix.terms[i], "terms are sorted and unique")
	}
	askTerms := map[string]bool{}
	for _, c := range tab.Concepts {
		for _, a := range c.Asks {
			for _, term := range terms(a) {
				askTerms[term] = true
			}
		}
	}
	for i, list := range ix.postings {
		// Only the words of asks may be terms without postings, so that
		// typo correction leaves them as they are.
		if !askTerms[ix.terms[i]] {
			require.NotEmpty(t, list, "term %q has postings", ix.terms[i])
		}
		for j, p := range list {
			const docMask = 1<<PostingDocBits - 1
			require.Less(t, int(p&docMask), len(tab.Entries))
			require.NotZero(t, p>>PostingFieldShift&(1<<PostingFieldBits-1), "fields of %q", ix.terms[i])
			require.NotZero(t, p>>PostingScoreShift, "score of %q", ix.terms[i])
			if j > 0 {
				require.Less(t, list[j-1]&docMask, p&docMask, "postings in entry order")
			}
		}
	}
	for i := 1; i < len(ix.typo); i++ {
		require.LessOrEqual(t, len(ix.terms[ix.typo[i-1]]), len(ix.terms[ix.typo[i]]))
	}
	for i := 1; i < len(ix.keys); i++ {
		require.LessOrEqual(t, ix.keys[i-1].key, ix.keys[i].key)
	}
	// A rare word in a phrase outweighs the same word in the details.
	id := func(term string) int {
		for i, s := range ix.terms {
			if s == term {
				return i
			}
		}
		t.Fatalf("no term %q", term)
		return -1
	}
	score := func(term string, code int) uint64 {
		for _, p := range ix.postings[id(term)] {
			if tab.Entries[p&(1<<PostingDocBits-1)].Code == code {
				return p >> PostingScoreShift
			}
		}
		return 0
	}
	assert.Greater(t, score("teapot", 418), score("teapot", 226)+100)
	assert.True(t, strings.HasPrefix(ix.terms[0], "0") || ix.terms[0] < "a")
}

func TestNumbersOf(t *testing.T) {
	assert.Equal(t, "1102", numbersOf("error 1102"))
	assert.Equal(t, "", numbersOf("origin dns error"))
	assert.Equal(t, "h12 30", numbersOf("heroku h12 after 30 seconds"))
}

func TestAskPostings(t *testing.T) {
	tab, ix := sourceIndex(t)
	require.Len(t, ix.asks, len(ix.terms))
	const docMask = 1<<PostingDocBits - 1
	has := map[[2]int]uint64{} // term id, code → score
	for id, list := range ix.asks {
		for j, p := range list {
			require.Less(t, int(p&docMask), len(tab.Entries))
			require.Equal(t, uint64(AskField.Bit>>1), p>>PostingFieldShift&(1<<PostingFieldBits-1), "only the asks field")
			require.NotZero(t, p>>PostingScoreShift)
			if j > 0 {
				require.Less(t, list[j-1]&docMask, p&docMask, "postings in entry order")
			}
			has[[2]int{id, tab.Entries[p&docMask].Code}] = p >> PostingScoreShift
		}
	}
	id := map[string]int{}
	for i, term := range ix.terms {
		id[term] = i
	}
	// Every word of every ask is under every code of its concept, and
	// under no code whose concepts' asks lack it; of a whole concept's
	// asks, only the numbers.
	inAsks := map[[2]int]bool{}
	for _, c := range tab.Concepts {
		for _, a := range c.Asks {
			if c.Whole {
				a = numbersOf(a)
			}
			for _, term := range terms(a) {
				for _, code := range c.Codes {
					inAsks[[2]int{id[term], code}] = true
					require.Contains(t, has, [2]int{id[term], code}, "%q of %q under %d", term, a, code)
				}
			}
		}
	}
	for k := range has {
		if !inAsks[k] {
			// Only a synonym that expand adds may stand outside the asks.
			found := false
			for _, g := range tab.Synonyms {
				for _, m := range g {
					if strings.Contains(" "+strings.Join(terms(m), " ")+" ", " "+ix.terms[k[0]]+" ") {
						found = true
					}
				}
			}
			require.True(t, found, "%q under %d", ix.terms[k[0]], k[1])
		}
	}
	// A word that many codes' asks hold weighs less than a rare one.
	common, rare := [2]int{id["error"], 500}, [2]int{id["taken"], 409}
	require.Contains(t, has, common)
	require.Contains(t, has, rare)
	assert.Less(t, has[common], has[rare])
}

func TestLayoutLimits(t *testing.T) {
	big := &Table{Entries: make([]Entry, 300)}
	err := big.checkLayout()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "300 entries")
	assert.Contains(t, err.Error(), "at most 255")

	_, err = big.Render()
	assert.ErrorContains(t, err, "300 entries", "Render refuses a table that outgrows the layout")

	fits := &Table{Entries: make([]Entry, MaxEntries)}
	assert.NoError(t, fits.checkLayout())

	items := &Table{Entries: []Entry{{Situations: make([]string, MaxSpan+1)}}}
	assert.ErrorContains(t, items.checkLayout(), "list items")
}

// TestLayoutConstantsInGeneratedCode checks that catalog_gen.go carries the
// layout this package computes with.
func TestLayoutConstantsInGeneratedCode(t *testing.T) {
	src, err := os.ReadFile("../../catalog_gen.go")
	require.NoError(t, err)
	for _, want := range []string{
		fmt.Sprintf("postingDocMask    = 1<<%d - 1", PostingDocBits),
		fmt.Sprintf("postingScoreShift = %d", PostingScoreShift),
		fmt.Sprintf("docInfoVendorShift         = %d", DocInfoVendorShift),
		"var searchPostings = [", "]uint64{", "var searchDocInfo = [", "]uint32{",
		`var classNames = [...]string{"Unknown", "Informational"`,
		"_ = x[ClientError-4]",
	} {
		assert.Contains(t, string(src), want)
	}
}

package table

import (
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
	} {
		assert.Contains(t, string(a), name)
	}
	assert.NotContains(t, string(a), "map[")
	assert.NotContains(t, string(a), "func init")
}

func TestBuildIndex(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "gen", "catalog.json"))
	require.NoError(t, err)
	tab, err := Parse(src)
	require.NoError(t, err)
	ix := tab.buildIndex()
	require.True(t, len(ix.terms) > 500)
	for i := 1; i < len(ix.terms); i++ {
		require.Less(t, ix.terms[i-1], ix.terms[i], "terms are sorted and unique")
	}
	for i, list := range ix.postings {
		require.NotEmpty(t, list, "term %q has postings", ix.terms[i])
		for j, p := range list {
			require.Less(t, int(p&0x7f), len(tab.Entries))
			require.NotZero(t, p>>fieldShift&0x7ff, "fields of %q", ix.terms[i])
			require.NotZero(t, p>>scoreShift, "score of %q", ix.terms[i])
			if j > 0 {
				require.Less(t, list[j-1]&0x7f, p&0x7f, "postings in entry order")
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
	score := func(term string, code int) uint32 {
		for _, p := range ix.postings[id(term)] {
			if tab.Entries[p&0x7f].Code == code {
				return p >> scoreShift
			}
		}
		return 0
	}
	assert.Greater(t, score("teapot", 418), score("teapot", 226)+100)
	assert.True(t, strings.HasPrefix(ix.terms[0], "0") || ix.terms[0] < "a")
}

package evalset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadTheSets(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "search")
	rw, err := ReadRealWorld(dir)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(rw), 200)
	tune := 0
	for _, it := range rw {
		if it.Tune() {
			tune++
		}
	}
	assert.InDelta(t, 0.6, float64(tune)/float64(len(rw)), 0.1, "the split keeps about 60% to tune on")
	qs, err := ReadQueries(dir)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(qs), 300)
}

func TestReadErrorsNameTheLine(t *testing.T) {
	dir := t.TempDir()
	good := `{"text": "x", "codes": [404], "category": "api-design", "url": "https://example.com/a", "note": ""}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "realworld_a.jsonl"), []byte(good+"\n"+`{"text": "y", "codes": [], "category": "browser", "url": "https://example.com/b", "note": ""}`+"\n"), 0o644))
	_, err := ReadRealWorld(dir)
	assert.ErrorContains(t, err, "realworld_a.jsonl:2: want a text and at least one code")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "realworld_a.jsonl"), []byte(`{"text": "x", "codes": [404], "colour": "red"}`+"\n"), 0o644))
	_, err = ReadRealWorld(dir)
	assert.ErrorContains(t, err, "realworld_a.jsonl:1:")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "queries.txt"), []byte("# comment\nphrase | not found | 404\nphrase | no codes\n"), 0o644))
	_, err = ReadQueries(dir)
	assert.ErrorContains(t, err, "queries.txt:3: want")

	_, err = ReadRealWorld(t.TempDir())
	assert.ErrorContains(t, err, "no realworld_*.jsonl")
}

func TestRankAndStat(t *testing.T) {
	assert.Equal(t, 2, RankOf([]int{500, 404, 410}, []int{410, 404}))
	assert.Equal(t, 0, RankOf([]int{500}, []int{404}))
	var s Stat
	s.Add(1)
	s.Add(2)
	s.Add(0)
	assert.InDelta(t, 1.0/3, s.Top1(), 1e-9)
	assert.InDelta(t, 0.5, s.MRR(), 1e-9)
	assert.Zero(t, Stat{}.Top1())
}

func TestShares(t *testing.T) {
	// FNV-32a mod 10 puts "a" (0) in the tune part and "c" (8) in the
	// score part; the test checks that first.
	tune, score := Item{Text: "a", Codes: []int{404}}, Item{Text: "c", Codes: []int{500}}
	require.True(t, tune.Tune())
	require.False(t, score.Tune())
	two := tune
	two.Codes = []int{400, 422}
	shares := Shares([]Item{tune, tune, two, score})
	assert.Equal(t, map[int]float64{404: 2, 400: 0.5, 422: 0.5}, shares)
}

func TestPrior(t *testing.T) {
	got := Prior(map[int]float64{404: 3, 400: 1}, []int{200, 400, 404})
	require.Len(t, got, 3)
	assert.Equal(t, 0.0, got[0])
	assert.InDelta(t, 0.5, got[1], 1e-12) // log 2 / log 4
	assert.Equal(t, 1.0, got[2])
	assert.Equal(t, []float64{0, 0}, Prior(nil, []int{200, 404}))
}

func TestGeneratePriorErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	write("realworld_a.jsonl", `{"text":"a","codes":[418],"category":"api-design","url":"https://example.com/","note":"n"}`+"\n")
	catalog := write("catalog.json", `{"entries":[{"code":404,"phrase":"Not Found"}]}`)
	_, err := GeneratePrior(dir, catalog)
	assert.ErrorContains(t, err, "code 418 is not in")
	_, err = GeneratePrior(dir, write("empty.json", `{"entries":[]}`))
	assert.ErrorContains(t, err, "no entries")
	catalog = write("catalog2.json", `{"entries":[{"code":418,"phrase":"I'm a teapot"},{"code":404,"phrase":"Not Found"}]}`)
	src, err := GeneratePrior(dir, catalog)
	require.NoError(t, err)
	assert.Contains(t, string(src), "DO NOT EDIT")
	assert.Less(t, strings.Index(string(src), "// 404"), strings.Index(string(src), "// 418"), "code order")
}

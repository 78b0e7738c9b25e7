package evalset

import (
	"os"
	"path/filepath"
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

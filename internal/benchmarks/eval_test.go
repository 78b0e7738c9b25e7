package benchmarks

import (
	"path/filepath"
	"testing"

	"github.com/httpref/httpref"
	"github.com/httpref/httpref/internal/evalset"
	"github.com/stretchr/testify/require"
)

// searchDir is the root module's evaluation data.
var searchDir = filepath.Join("..", "..", "testdata", "search")

// evalItem is one item of a set with the part it belongs to: "tune" or
// "score" for the real-world set (see evalset.Item.Tune), "queries" for
// queries.txt.
type evalItem struct {
	evalset.Item
	part string
}

// readRealWorld reads testdata/search/realworld_*.jsonl.
func readRealWorld(t testing.TB) []evalItem {
	t.Helper()
	all, err := evalset.ReadRealWorld(searchDir)
	require.NoError(t, err)
	items := make([]evalItem, len(all))
	for i, it := range all {
		items[i] = evalItem{it, "score"}
		if it.Tune() {
			items[i].part = "tune"
		}
	}
	return items
}

// readQueries reads testdata/search/queries.txt.
func readQueries(t testing.TB) []evalItem {
	t.Helper()
	all, err := evalset.ReadQueries(searchDir)
	require.NoError(t, err)
	items := make([]evalItem, len(all))
	for i, it := range all {
		items[i] = evalItem{it, "queries"}
	}
	return items
}

// rankOf returns the 1-based rank of the first acceptable code in got, or
// 0 when none is there.
func rankOf(got, want []int) int { return evalset.RankOf(got, want) }

// httprefCodes runs httpref.Search and returns the codes of the top 10.
func httprefCodes(query string) []int {
	res := httpref.Search(query, &httpref.SearchOptions{Limit: 10})
	out := make([]int, len(res))
	for i, r := range res {
		out[i] = int(r.Status.Code())
	}
	return out
}

// evalStat accumulates top-1 and reciprocal rank (MRR@10 when the ranks
// come from 10 results).
type evalStat = evalset.Stat

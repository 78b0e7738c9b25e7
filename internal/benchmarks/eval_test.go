package benchmarks

import (
	"bufio"
	"encoding/json"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/httpref/httpref"
	"github.com/stretchr/testify/require"
)

// searchDir is the root module's evaluation data.
var searchDir = filepath.Join("..", "..", "testdata", "search")

// evalItem is one query with the codes that are an acceptable answer (any
// of them counts).
type evalItem struct {
	Text     string `json:"text"`
	Codes    []int  `json:"codes"`
	Category string `json:"category"`
	URL      string `json:"url"`
	Note     string `json:"note"`
	part     string // "tune" or "score" for the real-world set, "queries" for queries.txt
	where    string // file:line
}

// tunePart reports whether a real-world text is in the tune part, the way
// the root package's tests split the set: FNV-32a of the text mod 10 < 6.
func tunePart(text string) bool {
	h := fnv.New32a()
	h.Write([]byte(text))
	return h.Sum32()%10 < 6
}

// readRealWorld reads testdata/search/realworld_*.jsonl.
func readRealWorld(t testing.TB) []evalItem {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(searchDir, "realworld_*.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no realworld_*.jsonl in %s", searchDir)
	var items []evalItem
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			where := filepath.Base(name) + ":" + strconv.Itoa(n)
			var it evalItem
			require.NoError(t, json.Unmarshal([]byte(line), &it), where)
			require.NotEmpty(t, it.Text, where)
			require.NotEmpty(t, it.Codes, where)
			it.where = where
			it.part = "score"
			if tunePart(it.Text) {
				it.part = "tune"
			}
			items = append(items, it)
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	return items
}

// readQueries reads testdata/search/queries.txt: "category | query | codes"
// lines and '#' comments.
func readQueries(t testing.TB) []evalItem {
	t.Helper()
	name := filepath.Join(searchDir, "queries.txt")
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	var items []evalItem
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := "queries.txt:" + strconv.Itoa(n)
		parts := strings.Split(line, " | ")
		require.Len(t, parts, 3, "%s: want \"category | query | codes\"", where)
		it := evalItem{Category: parts[0], Text: parts[1], part: "queries", where: where}
		for _, c := range strings.Fields(parts[2]) {
			v, err := strconv.Atoi(c)
			require.NoError(t, err, where)
			it.Codes = append(it.Codes, v)
		}
		require.NotEmpty(t, it.Codes, where)
		items = append(items, it)
	}
	require.NoError(t, sc.Err())
	return items
}

// rankOf returns the 1-based rank of the first acceptable code in got, or
// 0 when none is there.
func rankOf(got []int, want []int) int {
	for i, c := range got {
		if slices.Contains(want, c) {
			return i + 1
		}
	}
	return 0
}

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
type evalStat struct {
	n, top1 int
	rr      float64
}

func (s *evalStat) add(rank int) {
	s.n++
	if rank == 1 {
		s.top1++
	}
	if rank > 0 {
		s.rr += 1 / float64(rank)
	}
}

func (s evalStat) Top1() float64 { return float64(s.top1) / float64(max(s.n, 1)) }
func (s evalStat) MRR() float64  { return s.rr / float64(max(s.n, 1)) }

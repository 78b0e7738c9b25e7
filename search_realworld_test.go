package httpref

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realWorldItem is one text of the real-world evaluation set
// (testdata/search/realworld_*.jsonl; see REALWORLD.md): something a
// person typed, saw or pasted, where it was found, and the codes its
// answer names.
type realWorldItem struct {
	Text     string `json:"text"`
	Codes    []int  `json:"codes"`
	Category string `json:"category"`
	URL      string `json:"url"`
	Note     string `json:"note"`
	file     string
	line     int
}

// realWorldCategories are the categories of the set, in report order.
var realWorldCategories = []string{"api-design", "auth-cache-redirect", "browser", "proxy-cdn-lb", "server-framework"}

// tune reports whether the item belongs to the part that ranking changes
// may be tuned on; the rest is only scored. The split is fixed by the
// text: 60% tune, 40% score.
func (it realWorldItem) tune() bool {
	h := fnv.New32a()
	h.Write([]byte(it.Text))
	return h.Sum32()%10 < 6
}

func (it realWorldItem) want() []Code {
	out := make([]Code, len(it.Codes))
	for i, c := range it.Codes {
		out[i] = Code(c)
	}
	return out
}

// readRealWorld reads and validates the real-world evaluation set.
func readRealWorld(t testing.TB) []realWorldItem {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "search", "realworld_*.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var items []realWorldItem
	seen := map[string]string{}
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		for n := 1; sc.Scan(); n++ {
			where := fmt.Sprintf("%s:%d", name, n)
			dec := json.NewDecoder(strings.NewReader(sc.Text()))
			dec.DisallowUnknownFields()
			var it realWorldItem
			require.NoError(t, dec.Decode(&it), where)
			it.file, it.line = name, n
			require.NotEmpty(t, it.Text, where)
			require.LessOrEqual(t, len(it.Text), 600, where)
			require.Contains(t, realWorldCategories, it.Category, where)
			u, err := url.Parse(it.URL)
			require.NoError(t, err, where)
			require.Equal(t, "https", u.Scheme, "%s: want an https URL", where)
			require.NotEmpty(t, u.Host, where)
			require.NotEmpty(t, it.Codes, where)
			for _, c := range it.Codes {
				_, ok := Lookup(c)
				require.True(t, ok, "%s: %d is not in the catalog", where, c)
			}
			key := strings.ToLower(it.Text)
			require.NotContains(t, seen, key, "%s: the same text as %s", where, seen[key])
			seen[key] = where
			items = append(items, it)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return items
}

// evalStat accumulates top-1 and reciprocal rank.
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

// Floors for the real-world set, per part: the measured values minus a
// small margin, so that a ranking regression fails the build.
const (
	minRealWorldTop1 = 0.77
	minRealWorldMRR  = 0.82
)

func TestSearchQualityRealWorld(t *testing.T) {
	items := readRealWorld(t)
	require.GreaterOrEqual(t, len(items), 200)
	type key struct{ part, category string }
	stats := map[key]*evalStat{}
	long := map[string]*evalStat{"tune": {}, "score": {}}
	for _, it := range items {
		part := "score"
		if it.tune() {
			part = "tune"
		}
		res := Search(it.Text, &SearchOptions{Limit: 10})
		r := rankOf(res, it.want())
		for _, k := range []key{{part, it.Category}, {part, "all"}} {
			if stats[k] == nil {
				stats[k] = &evalStat{}
			}
			stats[k].add(r)
		}
		if len(it.Text) > 80 {
			long[part].add(r)
		}
		if r != 1 && part == "tune" && testing.Verbose() {
			var got []string
			for _, x := range res[:min(3, len(res))] {
				got = append(got, strconv.Itoa(int(x.Status.Code())))
			}
			t.Logf("%s:%d %s %q: want %v, rank %d, got %s", filepath.Base(it.file), it.line, it.Category, trimText(it.Text, 100), it.Codes, r, strings.Join(got, " "))
		}
	}
	t.Logf("%-20s %6s %6s %6s   %6s %6s %6s", "category", "tune n", "top-1", "MRR", "score n", "top-1", "MRR")
	for _, c := range append(slices.Clone(realWorldCategories), "all") {
		tu, sc := stats[key{"tune", c}], stats[key{"score", c}]
		if tu == nil {
			tu = &evalStat{}
		}
		if sc == nil {
			sc = &evalStat{}
		}
		t.Logf("%-20s %6d %6.3f %6.3f   %6d %6.3f %6.3f", c, tu.n, tu.Top1(), tu.MRR(), sc.n, sc.Top1(), sc.MRR())
	}
	t.Logf("%-20s %6d %6.3f %6.3f   %6d %6.3f %6.3f", "texts over 80 bytes", long["tune"].n, long["tune"].Top1(), long["tune"].MRR(), long["score"].n, long["score"].Top1(), long["score"].MRR())
	for _, part := range []string{"tune", "score"} {
		s := stats[key{part, "all"}]
		assert.GreaterOrEqual(t, s.Top1(), minRealWorldTop1, "%s part: top-1", part)
		assert.GreaterOrEqual(t, s.MRR(), minRealWorldMRR, "%s part: MRR@10", part)
	}
}

func trimText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func TestSearchAllocationsRealWorld(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under -cover and -race")
	}
	dst := make([]Result, 0, DefaultLimit)
	mdst := make([]Match, 0, 64)
	for _, it := range readRealWorld(t) {
		assert.Zero(t, testing.AllocsPerRun(5, func() { dst = AppendSearch(dst[:0], it.Text, nil) }), "AppendSearch %q", it.Text)
		assert.LessOrEqual(t, testing.AllocsPerRun(5, func() { _ = Search(it.Text, nil) }), 1.0, "Search %q", it.Text)
		assert.Zero(t, testing.AllocsPerRun(5, func() { mdst = AppendExplain(mdst[:0], it.Text) }), "AppendExplain %q", it.Text)
	}
}

// BenchmarkSearchRealWorld runs Search over every text of the real-world
// set once per iteration and reports the mean time per query.
func BenchmarkSearchRealWorld(b *testing.B) {
	items := readRealWorld(b)
	dst := make([]Result, 0, DefaultLimit)
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			dst = AppendSearch(dst[:0], it.Text, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/query")
}

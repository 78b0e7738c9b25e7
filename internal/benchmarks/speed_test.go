package benchmarks

import (
	"testing"

	"github.com/httpref/httpref"
)

// realWorldTexts returns every text of the real-world set.
func realWorldTexts(tb testing.TB) []string {
	items := readRealWorld(tb)
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.Text
	}
	return texts
}

// reportPerQuery reports the mean time of one query.
func reportPerQuery(b *testing.B, queries int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*queries), "ns/query")
}

// benchHTTPRef runs httpref.Search over every text once per iteration.
func benchHTTPRef(texts []string) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		opts := &httpref.SearchOptions{Limit: 10}
		for b.Loop() {
			for _, q := range texts {
				_ = httpref.Search(q, opts)
			}
		}
		reportPerQuery(b, len(texts))
	}
}

// benchHTTPRefAppend is benchHTTPRef with AppendSearch into a reused
// slice.
func benchHTTPRefAppend(texts []string) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		opts := &httpref.SearchOptions{Limit: 10}
		dst := make([]httpref.Result, 0, 10)
		for b.Loop() {
			for _, q := range texts {
				dst = httpref.AppendSearch(dst[:0], q, opts)
			}
		}
		reportPerQuery(b, len(texts))
	}
}

// benchBleve runs bleve's match query (top 10) over every text once per
// iteration.
func benchBleve(texts []string) func(*testing.B) {
	return func(b *testing.B) {
		b.ReportAllocs()
		idx := catalogIndex(b)
		for b.Loop() {
			for _, q := range texts {
				if _, err := bleveSearch(idx, q); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportPerQuery(b, len(texts))
	}
}

func BenchmarkRealWorld(b *testing.B) {
	texts := realWorldTexts(b)
	b.Run("httpref", benchHTTPRef(texts))
	b.Run("httpref-append", benchHTTPRefAppend(texts))
	b.Run("bleve", benchBleve(texts))
}

// TestSpeedRatio measures both engines with testing.Benchmark and logs
// the time per query and the ratio. It asserts nothing about time.
func TestSpeedRatio(t *testing.T) {
	if testing.Short() {
		t.Skip("measures speed; skipped in -short mode")
	}
	texts := realWorldTexts(t)
	catalogIndex(t) // build outside the measurement, and fail here if it cannot be built
	perQuery := func(r testing.BenchmarkResult) float64 {
		return float64(r.T.Nanoseconds()) / float64(r.N*len(texts))
	}
	rh := testing.Benchmark(benchHTTPRef(texts))
	rb := testing.Benchmark(benchBleve(texts))
	if rh.N == 0 || rb.N == 0 {
		t.Fatalf("a benchmark did not run: httpref N=%d, bleve N=%d", rh.N, rb.N)
	}
	h, bl := perQuery(rh), perQuery(rb)
	t.Logf("%d real-world texts: httpref %.0f ns/query, %d B/op, %d allocs/op; bleve %.0f ns/query, %d B/op, %d allocs/op",
		len(texts), h, rh.AllocedBytesPerOp(), rh.AllocsPerOp(), bl, rb.AllocedBytesPerOp(), rb.AllocsPerOp())
	t.Logf("bleve/httpref time per query: %.1fx", bl/h)
}

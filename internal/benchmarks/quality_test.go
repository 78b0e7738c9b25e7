package benchmarks

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/stretchr/testify/require"
)

// TestCompareQuality prints top-1 and MRR@10 of httpref.Search and of
// bleve's default match query, per evaluation part and category: the
// real-world set split into its tune and score parts, and queries.txt. It
// asserts nothing about the numbers; the root package's tests hold the
// floors for httpref.
func TestCompareQuality(t *testing.T) {
	idx := catalogIndex(t)
	items := append(readRealWorld(t), readQueries(t)...)
	require.NotEmpty(t, items)

	type key struct{ part, category string }
	type pair struct{ httpref, bleve evalStat }
	stats := map[key]*pair{}
	for _, it := range items {
		rh := rankOf(httprefCodes(it.Text), it.Codes)
		rb := rankOf(bleveCodes(t, idx, it.Text), it.Codes)
		for _, k := range []key{{it.part, it.Category}, {it.part, "all"}} {
			p := stats[k]
			if p == nil {
				p = &pair{}
				stats[k] = p
			}
			p.httpref.Add(rh)
			p.bleve.Add(rb)
		}
	}

	partOrder := map[string]int{"tune": 0, "score": 1, "queries": 2}
	keys := make([]key, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if d := partOrder[a.part] - partOrder[b.part]; d != 0 {
			return d
		}
		if (a.category == "all") != (b.category == "all") {
			if a.category == "all" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.category, b.category)
	})

	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "part\tcategory\tn\thttpref top1\thttpref MRR@10\tbleve top1\tbleve MRR@10\t")
	for _, k := range keys {
		p := stats[k]
		fmt.Fprintf(w, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", k.part, k.category, p.httpref.N,
			p.httpref.Top1(), p.httpref.MRR(), p.bleve.Top1(), p.bleve.MRR())
	}
	require.NoError(t, w.Flush())
	t.Log("quality (a hit is any acceptable code at rank 1; MRR over the top 10):\n" + b.String())
}

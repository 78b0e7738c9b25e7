package benchmarks

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/httpref/httpref"
	"github.com/stretchr/testify/require"
)

// catalogDoc is the bleve document of one catalog entry: the text that
// httpref.Search indexes, one document field per catalog field. The
// default mapping indexes every string field with the standard analyzer
// and also into the composite _all field that a match query without a
// field searches.
type catalogDoc struct {
	Code       string   `json:"code"`
	Phrase     string   `json:"phrase"`
	Aliases    []string `json:"aliases"`
	Constant   string   `json:"constant"`
	Variants   []string `json:"variants"`
	Source     string   `json:"source"`
	Category   []string `json:"category"`
	Summary    string   `json:"summary"`
	Details    string   `json:"details"`
	Situations []string `json:"situations"`
	Checks     []string `json:"checks"`
	AvoidWhen  []string `json:"avoid_when"`
	Signatures []string `json:"signatures"`
}

func docOf(s httpref.Status) catalogDoc {
	d := catalogDoc{
		Code:       strconv.Itoa(int(s.Code())),
		Phrase:     s.Phrase(),
		Aliases:    s.Aliases(),
		Constant:   s.GoConstant(),
		Source:     s.Source(),
		Category:   []string{s.Class().String(), s.Lifecycle().String(), s.Recommendation().String()},
		Summary:    s.Summary(),
		Details:    s.Details(),
		Situations: s.Situations(),
		Checks:     s.Checks(),
		AvoidWhen:  s.AvoidWhen(),
	}
	for _, v := range s.Variants() {
		d.Variants = append(d.Variants, v.Vendor+" "+v.Phrase)
	}
	for _, g := range s.Signatures() {
		d.Signatures = append(d.Signatures, g.Text())
	}
	return d
}

// buildIndex indexes the whole catalog in a new in-memory bleve index
// with the default mapping; the document ID is the code.
func buildIndex() (bleve.Index, error) {
	idx, err := bleve.NewMemOnly(bleve.NewIndexMapping())
	if err != nil {
		return nil, err
	}
	batch := idx.NewBatch()
	for s := range httpref.All() {
		if err := batch.Index(strconv.Itoa(int(s.Code())), docOf(s)); err != nil {
			return nil, err
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, err
	}
	n, err := idx.DocCount()
	if err != nil {
		return nil, err
	}
	if int(n) != httpref.Len() {
		return nil, fmt.Errorf("bleve index has %d documents, catalog has %d", n, httpref.Len())
	}
	return idx, nil
}

// sharedIndex builds the index once per test binary.
var sharedIndex = sync.OnceValues(buildIndex)

func catalogIndex(t testing.TB) bleve.Index {
	t.Helper()
	idx, err := sharedIndex()
	require.NoError(t, err)
	return idx
}

// bleveSearch runs bleve's default match query (OR of the analyzed terms
// over _all) and returns up to 10 hits.
func bleveSearch(idx bleve.Index, query string) (*bleve.SearchResult, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(query), 10, 0, false)
	return idx.Search(req)
}

// bleveCodes returns the codes of bleve's top 10 for query.
func bleveCodes(t testing.TB, idx bleve.Index, query string) []int {
	t.Helper()
	res, err := bleveSearch(idx, query)
	require.NoError(t, err, "query %q", query)
	out := make([]int, 0, len(res.Hits))
	for _, h := range res.Hits {
		c, err := strconv.Atoi(h.ID)
		require.NoError(t, err)
		out = append(out, c)
	}
	return out
}

func TestIndexCoversCatalog(t *testing.T) {
	idx := catalogIndex(t)
	n, err := idx.DocCount()
	require.NoError(t, err)
	require.Equal(t, uint64(httpref.Len()), n)
	// A phrase query for a reason phrase finds its entry first.
	require.Equal(t, 404, bleveCodes(t, idx, "Not Found")[0])
}

package httpref

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// explainStat counts, for one part of the Explain evaluation set, what
// Explain said about each kind of text.
type explainStat struct {
	message, first, named, other, silent int // texts that quote a known product's output
	quiet, quietSilent                   int // texts that quote no software's output (app, none)
	generic, genericMatched              int
}

func (s *explainStat) add(o evalset.Origin, got []Match) {
	known := slices.DeleteFunc(slices.Clone(o.Products), func(p string) bool { return strings.HasPrefix(p, "other:") })
	switch {
	case o.Kind == evalset.OriginMessage && len(known) > 0:
		s.message++
		switch {
		case len(got) == 0:
			s.silent++
		case slices.Contains(known, got[0].Signature.Product()):
			s.first++
		default:
			s.other++
		}
		if slices.ContainsFunc(got, func(m Match) bool { return slices.Contains(known, m.Signature.Product()) }) {
			s.named++
		}
	case o.Kind == evalset.OriginApp || o.Kind == evalset.OriginNone:
		s.quiet++
		if len(got) == 0 {
			s.quietSilent++
		}
	case o.Kind == evalset.OriginGeneric:
		s.generic++
		if len(got) > 0 {
			s.genericMatched++
		}
	}
}

func share(n, of int) float64 { return float64(n) / float64(max(of, 1)) }

// Floors for the Explain evaluation set, per part: the measured values
// minus a small margin (tune 0.765, 0.045 and 0.915; score 0.685, 0.080
// and 0.948 over 1,368 texts when they were set). Of the texts that quote a known product's output,
// the share whose first match is that product, and the most whose first
// match is another product; of the texts that quote no software's output,
// the share for which Explain says nothing.
const (
	minExplainFirst = 0.66
	maxExplainOther = 0.10
	minExplainQuiet = 0.90
)

// TestExplainRealWorld measures Explain on texts of the real-world search
// set labelled with the software that printed what they quote
// (testdata/explain/realworld.jsonl; see its README.md): does the first
// match name that product, and does Explain stay silent on a person's own
// words?
func TestExplainRealWorld(t *testing.T) {
	origins, err := evalset.ReadOrigins(filepath.Join("testdata", "explain", "realworld.jsonl"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(origins), 1000)
	products := map[string]bool{}
	for i := range signatures {
		products[signatures[i].product] = true
	}
	stats := map[string]*explainStat{"tune": {}, "score": {}}
	for _, o := range origins {
		for _, p := range o.Products {
			assert.True(t, products[p] || strings.HasPrefix(p, "other:"), "realworld.jsonl:%d: product %q has no signatures; write other:%s", o.Line, p, p)
		}
		part := "score"
		if o.Tune() {
			part = "tune"
		}
		got := Explain(o.Text)
		stats[part].add(o, got)
		if testing.Verbose() && part == "tune" && o.Kind == evalset.OriginMessage && len(got) > 0 && !slices.Contains(o.Products, got[0].Signature.Product()) {
			t.Logf("realworld.jsonl:%d: want %v, got %s (%s): %q", o.Line, o.Products, got[0].Signature.Product(), got[0].Signature.ID(), trimText(o.Text, 100))
		}
		if testing.Verbose() && part == "tune" && (o.Kind == evalset.OriginNone || o.Kind == evalset.OriginApp) && len(got) > 0 {
			t.Logf("realworld.jsonl:%d: own words, got %s (%s): %q", o.Line, got[0].Signature.Product(), got[0].Signature.ID(), trimText(o.Text, 100))
		}
	}
	t.Logf("%-44s %14s %14s", "", "tune", "score")
	row := func(name string, f func(s *explainStat) (int, int)) {
		tn, td := f(stats["tune"])
		sn, sd := f(stats["score"])
		t.Logf("%-44s %5d/%-4d %.3f %5d/%-4d %.3f", name, tn, td, share(tn, td), sn, sd, share(sn, sd))
	}
	row("product's output: first match is it", func(s *explainStat) (int, int) { return s.first, s.message })
	row("product's output: a match is it", func(s *explainStat) (int, int) { return s.named, s.message })
	row("product's output: first match is another", func(s *explainStat) (int, int) { return s.other, s.message })
	row("product's output: no match", func(s *explainStat) (int, int) { return s.silent, s.message })
	row("own words or an app's output: no match", func(s *explainStat) (int, int) { return s.quietSilent, s.quiet })
	row("words many products print: a match", func(s *explainStat) (int, int) { return s.genericMatched, s.generic })
	for part, s := range stats {
		assert.GreaterOrEqual(t, share(s.first, s.message), minExplainFirst, "%s part: first match names the product", part)
		assert.LessOrEqual(t, share(s.other, s.message), maxExplainOther, "%s part: first match names another product", part)
		assert.GreaterOrEqual(t, share(s.quietSilent, s.quiet), minExplainQuiet, "%s part: silent on own words", part)
	}
}

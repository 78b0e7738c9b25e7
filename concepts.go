package httpref

import "github.com/httpref/httpref/internal/textkey"

// Concepts map the ways people ask about a situation to the codes that
// answer it ("already taken", "duplicate entry" → 409; "partial success",
// "batch request" → 207), from the concept table of gen/catalog.json. A
// query that holds an ask's terms in a row gives the concept's first code
// conceptBonus and its others conceptOther of it, once per concept: the
// words of a question count for what they mean together, not only one by
// one ("too many redirects" is a redirect loop, not 429's "too many").
// With the asks mined from public questions, guides and forums (1,443 in
// all then, gen/asks_sources.jsonl), an ask is firmer evidence than when
// the table was small: conceptBonus went from 8 to 12 on the tune part of
// the real-world set (top-1 0.853 at 8, 0.854 at 10, 0.856 at 12, 0.855 at
// 14, 0.854 at 16), and the score part rose from 0.824 to 0.826. With
// 1,923 asks it stays: 0.859 at 10, 0.860 at 12, 0.858 at 14 and 16.
const (
	conceptBonus = 12
	conceptOther = 0.7
)

// The concept table fits the set of concepts hit by one query, and
// askMatch.key holds any index into searchConceptKeys.
var (
	_ = [1]struct{}{}[searchConceptCount>>8]
	_ = [1]struct{}{}[len(searchConceptStart)*64-searchConceptFilterMask-1]
	_ = [1]struct{}{}[len(searchConceptInner)*64-searchConceptFilterMask-1]
	_ = [1]struct{}{}[len(searchConceptKeys)>>16]
)

// conceptGains adds the gains of the asks found in the query's terms.
// An ask inside a longer ask of another concept does not count: the
// longer one is the more specific ("refresh token expired" is OAuth's
// invalid_grant, not the expired session that "token expired" is).
//
// Filler words inside an ask do not break it ("too many HTTP redirects" is
// the ask "too many redirects"): when the query has terms that weigh
// nothing between other terms, its terms are read a second time without
// them, for the concepts the first reading did not find.
func (s *searchScorer) conceptGains(q *queryTerms) {
	if len(searchConceptKeys) == 0 {
		return
	}
	var hit [4]uint64 // the concepts already counted
	s.conceptPass(q, &hit)
	// Read again without the terms that weigh nothing, only when one
	// stands after another term and before one that may go on an ask.
	if q.light == 0 {
		return
	}
	kept := false
	for i := range q.n {
		if q.light&(1<<i) == 0 {
			kept = true
			continue
		}
		if kept && i+1 < q.n {
			if b := q.hash[i+1] & searchConceptFilterMask; searchConceptInner[b/64]&(1<<(b%64)) != 0 {
				s.leanConceptPass(q, &hit)
				return
			}
		}
	}
}

// leanConceptPass is conceptPass over the terms of q that weigh something.
func (s *searchScorer) leanConceptPass(q *queryTerms, hit *[4]uint64) {
	var (
		lean queryTerms
		buf  [maxQueryTerms * (textkey.MaxWord + 1)]byte
		text = buf[:0]
	)
	for i := range q.n {
		if q.light&(1<<i) != 0 {
			continue
		}
		t := q.term(i)
		lean.start[lean.n], lean.hash[lean.n] = uint16(len(text)), q.hash[i]
		lean.n++
		text = append(append(text, t...), ' ')
	}
	lean.text, lean.start[lean.n] = text, uint16(len(text))
	s.conceptPass(&lean, hit)
}

// conceptPass adds the gains of the asks found in q's terms, for the
// concepts not yet in hit, and adds those to hit.
func (s *searchScorer) conceptPass(q *queryTerms, hit *[4]uint64) {
	var (
		found [maxConceptMatches]askMatch
		nf    int
	)
	for i := range q.n {
		h := q.hash[i]
		if b := h & searchConceptFilterMask; searchConceptStart[b/64]&(1<<(b%64)) == 0 {
			continue // no ask starts with this term
		}
		for k := 1; k <= searchConceptMaxTerms && i+k <= q.n; k++ {
			if k > 1 {
				h = textkey.Extend(textkey.Extend(h, " "), q.term(i+k-1))
			}
			key := q.span(i, i+k)
			j := probe(searchConceptHash[:], h, func(j int) bool { return searchConceptKeys[j] == string(key) })
			if j < 0 {
				break // no ask starts with these terms
			}
			if searchConceptID[j] != searchConceptPrefix && nf < len(found) {
				found[nf] = askMatch{uint16(j), uint8(i), uint8(i + k)}
				nf++
			}
		}
	}
	for _, m := range found[:nf] {
		c := searchConceptID[m.key]
		if hit[c/64]&(1<<(c%64)) != 0 || m.insideLonger(found[:nf]) {
			continue
		}
		hit[c/64] |= 1 << (c % 64)
		for r, p := range searchConceptDocs[m.key] {
			if p == 0 {
				break
			}
			g := float32(conceptBonus)
			if r > 0 {
				g *= conceptOther
			}
			d := int(p - 1)
			s.acc[d] += g
			s.fields[d] |= FieldConcept
			s.hit(d)
		}
	}
}

// maxConceptMatches bounds the asks one query can match: asks are short,
// and a query has at most maxQueryTerms terms.
const maxConceptMatches = 2 * maxQueryTerms

// askMatch is an ask found in a query: its key in searchConceptKeys and
// the terms it spans, from start to end.
type askMatch struct {
	key        uint16
	start, end uint8
}

// insideLonger reports whether m lies within a longer match of another
// concept among found.
func (m askMatch) insideLonger(found []askMatch) bool {
	for _, o := range found {
		if o.end-o.start > m.end-m.start && o.start <= m.start && m.end <= o.end &&
			searchConceptID[o.key] != searchConceptID[m.key] {
			return true
		}
	}
	return false
}

package httpref

import "github.com/httpref/httpref/internal/textkey"

// Concepts map the ways people ask about a situation to the codes that
// answer it ("already taken", "duplicate entry" → 409; "partial success",
// "batch request" → 207), from the concept table of gen/catalog.json. A
// query that holds an ask's terms in a row gives the concept's first code
// conceptBonus and its others conceptOther of it, once per concept: the
// words of a question count for what they mean together, not only one by
// one ("too many redirects" is a redirect loop, not 429's "too many").
const (
	conceptBonus = 8
	conceptOther = 0.7
)

// The concept table fits the set of concepts hit by one query, and
// askMatch.key holds any index into searchConceptKeys.
var (
	_ = [1]struct{}{}[searchConceptCount>>8]
	_ = [1]struct{}{}[len(searchConceptKeys)>>16]
)

// conceptGains adds the gains of the asks found in the query's terms.
// An ask inside a longer ask of another concept does not count: the
// longer one is the more specific ("refresh token expired" is OAuth's
// invalid_grant, not the expired session that "token expired" is).
func (s *searchScorer) conceptGains(q *queryTerms) {
	if len(searchConceptKeys) == 0 {
		return
	}
	var (
		found [maxConceptMatches]askMatch
		nf    int
	)
	for i := range q.n {
		h := q.hash[i]
		if b := h & 1023; searchConceptStart[b/64]&(1<<(b%64)) == 0 {
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
	var hit [4]uint64 // the concepts already counted
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

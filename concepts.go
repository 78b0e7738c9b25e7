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

// The concept table fits the set of concepts hit by one query.
var _ = [1]struct{}{}[searchConceptCount>>8]

// conceptGains adds the gains of the asks found in the query's terms.
func (s *searchScorer) conceptGains(q *queryTerms) {
	if len(searchConceptKeys) == 0 {
		return
	}
	var hit [4]uint64 // the concepts already counted
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
			c := searchConceptID[j]
			if c == searchConceptPrefix {
				continue
			}
			if hit[c/64]&(1<<(c%64)) != 0 {
				continue
			}
			hit[c/64] |= 1 << (c % 64)
			for m, p := range searchConceptDocs[j] {
				if p == 0 {
					break
				}
				g := float32(conceptBonus)
				if m > 0 {
					g *= conceptOther
				}
				d := int(p - 1)
				s.acc[d] += g
				s.fields[d] |= FieldConcept
				s.hit(d)
			}
		}
	}
}

package httpref

import "github.com/httpref/httpref/internal/textkey"

// A query that holds two adjacent terms of an entry's phrase or an alias
// in a row ("NOT FOUND", "bad gateway") gives that entry bigramBonus for
// each such pair: words that stand together in a phrase mean more than
// the same words apart ("found" alone is 302's phrase).
const bigramBonus = 4

// bigramGains adds the gains of the phrase bigrams among the query's
// terms. A pair is hashed and probed only when its first and its second
// term may stand there in a bigram (see searchBigramFirst).
func (s *searchScorer) bigramGains(q *queryTerms) {
	if len(searchBigramKeys) == 0 {
		return
	}
	for i := 1; i < q.n; i++ {
		// No pair has these terms in these places (see
		// searchBigramFirst): no need to hash the pair.
		a, z := q.hash[i-1]&1023, q.hash[i]&1023
		if searchBigramFirst[a/64]&(1<<(a%64)) == 0 || searchBigramSecond[z/64]&(1<<(z%64)) == 0 {
			continue
		}
		key := q.span(i-1, i+1)
		h := textkey.Extend(textkey.Extend(q.hash[i-1], " "), q.term(i))
		if k := probe(searchBigramHash[:], h, func(k int) bool { return searchBigramKeys[k] == string(key) }); k >= 0 {
			sp := searchBigramDocs[k]
			for _, d := range searchBigramList[sp.off : sp.off+sp.n] {
				s.acc[d] += bigramBonus
				s.fields[d] |= FieldPhrase
				s.hit(int(d))
			}
		}
	}
}

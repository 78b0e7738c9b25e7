package httpref

import "github.com/httpref/httpref/internal/textkey"

// A query that holds two adjacent terms of an entry's phrase or an alias
// in a row ("NOT FOUND", "bad gateway") gives that entry bigramBonus for
// each such pair: words that stand together in a phrase mean more than
// the same words apart ("found" alone is 302's phrase).
const bigramBonus = 4

// bigramGains adds the gains of the phrase bigrams in terms, the query's
// terms (typos corrected), each followed by a space.
func (s *searchScorer) bigramGains(terms []byte) {
	if len(searchBigramKeys) == 0 {
		return
	}
	prev, n := -1, 0 // the start of the previous term; terms seen
	for i := 0; i < len(terms) && n < maxQueryTerms; n++ {
		j := i
		for j < len(terms) && terms[j] != ' ' {
			j++
		}
		if prev >= 0 && j > i {
			key := terms[prev:j]
			if k := probe(searchBigramHash[:], textkey.Hash(key), func(k int) bool { return searchBigramKeys[k] == string(key) }); k >= 0 {
				sp := searchBigramDocs[k]
				for _, d := range searchBigramList[sp.off : sp.off+sp.n] {
					s.acc[d] += bigramBonus
					s.fields[d] |= FieldPhrase
					s.hit(int(d))
				}
			}
		}
		prev, i = i, j+1
	}
}

package httpref

import (
	"math"
	"math/bits"
	"slices"

	"github.com/httpref/httpref/internal/textkey"
)

// Search reads a query's words through the word model too: a multinomial
// logistic regression from the words of a text to the code it asks about,
// learnt from the tune part of the real-world set by gen/prior (see
// internal/wordmodel) into wordmodel_gen.go. Its features are the distinct
// terms among the first wordModelMaxTerms terms of the query; each has a
// weight for some entries, and an entry's probability is the softmax of
// its bias plus the weights of the query's terms. The catalog's fields say
// what each code means; the model knows how people who meet a code write
// about it ("my API returns 404 for an empty list, should it be 200?"
// reads as a question about 200), which no field holds.
//
// Once the hits are ranked, each of the first wordModelDepth gains
// wordModelWeight × p × top, where p is the probability the model gives its
// code and top the first hit's score, and those hits are ranked again. The
// model decides among the candidates the fields found; it adds none.
//
// On the real-world set (14,925 texts then), with the model trained on
// four fifths of the tune part and scored on the fifth left out (five
// folds), top-1 over the tune part rose from 0.845 to 0.849 at a weight
// of 0.5 and 0.75 and to 0.848 at 1 (in a harness that reordered Search's
// first ten by the model's probabilities, its weights unrounded); trained
// on the whole tune part, the score part, which it never sees, rose from
// 0.829 to 0.843 at 0.5, 0.843 at 0.75 and 0.845 at 1.
// Applying it only where no code stands in the query did as well on the
// tune part and less well on the score part. Figures on the tune part are
// in-sample once the model is trained on all of it; the score part and
// fresh texts are the honest measure (see testdata/search/REALWORLD.md):
// 801 texts gathered after it was trained went from 0.809 to 0.824, and
// 796 gathered a session later scored 0.832 without the model and 0.862
// with it; 781 more, after the model was retrained on those, 0.873 and
// 0.881.
//
// A query of fewer than wordModelMinTerms terms that weigh something, or
// one that is a phrase, alias or constant name of the catalog ("request
// header fields too large"), is a lookup by name, and the model, which
// learnt from what people paste and ask, is left out: there it put 400
// before 431 for 431's own phrase, and the project's query set fell from
// 0.978 to 0.956 top-1; with both conditions it is at 0.975, and the
// real-world set is as above. A query that matches a product's message
// (see signatureGains) gets wordModelSentShare of the model's share, and
// the code sent with the message gains as much as the best of the others:
// nginx's "upstream timed out while reading response header from upstream"
// is a 504 however often people who paste "upstream" meet a 502, but the
// words beside a message can still order the codes after it, or choose
// between two products' messages. Over the tune part of the 15,725
// texts, cross-validated as above, without the model 0.842 / 0.888;
// leaving such queries alone gave 0.848 / 0.895, the full share
// 0.849 and the message's code unguarded (which turns nginx's timeout into
// a 502) 0.850; 0.45 with the guard 0.850 / 0.895. The score part went
// from 0.846 / 0.893 to 0.847 / 0.894. The model leaves alone a text
// whose structure the rules read: a contrast ("returns 422 instead of
// 400", see askedCode) or a client's mistake beside a 500 or a 200 (see
// reportedAgainstConcept), which a bag of words cannot see ("Lookups of
// unknown ids answer 200 with an empty object" is a soft 404, though
// "empty" reads as 200 to the model); over
// the 15,725 texts the score part stays at 0.846 / 0.893 either way
// (before wordModelSentShare).
const (
	wordModelWeight    = 0.75
	wordModelSentShare = 0.45
	wordModelDepth     = 10
	wordModelMinTerms  = 2
)

// The model reads what Search reads, and stores entry positions in a byte.
var (
	_ = [1]struct{}{}[wordModelMaxBytes-maxQueryBytes]
	_ = [1]struct{}{}[maxQueryBytes-wordModelMaxBytes]
	_ = [1]struct{}{}[catalogSize>>8]
	_ = [1]struct{}{}[len(wordModelBias)-catalogSize]
	_ = [1]struct{}{}[len(wordModelExpBias)-catalogSize]
	_ = [1]struct{}{}[len(wordModelOff)-wordModelTerms-1]
	_ = [1]struct{}{}[len(wordModelRows)-wordModelTerms-1]
)

// modelReads reports whether the word model weighs in on the query (see
// wordModelWeight), so that readWordModel is worth running.
func (st *searchState) modelReads() bool {
	if st.nterms < wordModelMinTerms || st.phrase.count() > 0 {
		return false // a lookup by a code's name, not a text someone wrote
	}
	// Where the text's own structure names the code (a contrast, a
	// client's mistake), the rules have read it.
	return st.asked < 0 && !st.faulted
}

// readWordModel sets s.logit to the model's logits for the query whose
// space-terminated terms are terms: each entry's bias plus the weights of
// the distinct terms among the first wordModelMaxTerms.
func (s *searchScorer) readWordModel(terms []byte) {
	s.logit, s.weighed = wordModelBias, entrySet{}
	var (
		seen  [wordModelMaxTerms]uint16
		nseen int
	)
	for n := 0; len(terms) > 0 && n < wordModelMaxTerms; {
		i := 0
		for i < len(terms) && terms[i] != ' ' {
			i++
		}
		t := terms[:i]
		terms = terms[min(i+1, len(terms)):]
		if len(t) == 0 {
			continue
		}
		n++
		id := probe(wordModelSlots[:], textkey.Hash(t), func(id int) bool {
			return wordModelText[wordModelOff[id]:wordModelOff[id+1]] == string(t)
		})
		if id < 0 || slices.Contains(seen[:nseen], uint16(id)) {
			continue
		}
		seen[nseen] = uint16(id)
		nseen++
		for k := wordModelRows[id]; k < wordModelRows[id+1]; k++ {
			d := int(wordModelWeights[2*k])
			s.logit[d] += float32(int8(wordModelWeights[2*k+1])) * wordModelStep
			s.weighed.add(d)
		}
	}
}

// rerankByWordModel adds to each of the first min(n, wordModelDepth) keys
// wordModelWeight times the model's probability of its entry times the
// first key's score, and sorts those keys again (see wordModelWeight). In
// a query that matches a product's message the weight is
// wordModelSentShare times smaller, and the entries sent with the message
// gain as much as the most probable of the keys.
func (st *searchState) rerankByWordModel(n int) {
	n = min(n, wordModelDepth)
	if n < 2 || !st.modelReads() {
		return
	}
	weight := wordModelWeight
	if st.sent.count() > 0 {
		weight *= wordModelSentShare // a product's message names its code (see signatureGains)
	}
	// The softmax's sum: each entry's e**logit. For an entry no word
	// weighs for, that is e**bias, which the generator adds up.
	z := wordModelExpBiasSum
	for i, w := range st.weighed {
		for ; w != 0; w &= w - 1 {
			d := i*64 + bits.TrailingZeros64(w)
			z += math.Exp(float64(st.logit[d])) - wordModelExpBias[d]
		}
	}
	share := weight * float64(math.Float32frombits(uint32(st.keys[0]>>32))) / z
	keys := st.keys[:n]
	var (
		e    [wordModelDepth]float64 // each key's e**logit
		most float64                 // the largest
	)
	for i, k := range keys {
		e[i] = math.Exp(float64(st.logit[255-uint8(k)]))
		most = max(most, e[i])
	}
	for i, k := range keys {
		if st.sent.has(int(255 - uint8(k))) {
			e[i] = most // a message's code gains as much as any
		}
		s := math.Float32frombits(uint32(k>>32)) + float32(share*e[i])
		keys[i] = uint64(math.Float32bits(s))<<32 | k&(1<<32-1)
	}
	for i := 1; i < n; i++ {
		for j := i; j > 0 && keys[j] > keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

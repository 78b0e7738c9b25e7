package httpref

import (
	"math"
	"sort"
	"testing"

	"github.com/httpref/httpref/internal/textkey"
	"github.com/httpref/httpref/internal/wordmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordModelTerm returns the index of term t in the generated model, or -1.
func wordModelTerm(t string) int {
	i := sort.Search(wordModelTerms, func(i int) bool { return wordModelText[wordModelOff[i]:wordModelOff[i+1]] >= t })
	if i < wordModelTerms && wordModelText[wordModelOff[i]:wordModelOff[i+1]] == t {
		return i
	}
	return -1
}

// TestWordModelReadsWhatItLearnt checks that Search reads a text through
// the word model as the model was trained to read it: for every text of
// the real-world set, the logits Search computes are the bias plus the
// weights of the features internal/wordmodel finds in the text; and
// where the model does not weigh in (see modelReads), Search does not
// read it.
func TestWordModelReadsWhatItLearnt(t *testing.T) {
	read, skipped := 0, 0
	for _, it := range readRealWorld(t) {
		want := wordModelBias
		for _, term := range wordmodel.ModelTerms(it.Text) {
			id := wordModelTerm(term)
			if id < 0 {
				continue
			}
			for k := wordModelRows[id]; k < wordModelRows[id+1]; k++ {
				want[wordModelWeights[2*k]] += float32(int8(wordModelWeights[2*k+1])) * wordModelStep
			}
		}
		var st searchState
		st.run(it.Text, nil)
		if !st.modelReads() {
			require.Equal(t, [catalogSize]float32{}, st.logit, it.Where())
			skipped++
			continue
		}
		require.Equal(t, want, st.logit, it.Where())
		read++
	}
	assert.Positive(t, read)
	assert.Positive(t, skipped)
	t.Logf("the model read %d texts and left %d alone", read, skipped)
}

// TestWordModelTable checks the generated table: terms sorted and unique,
// each found through wordModelSlots, and every weight's entry in range.
func TestWordModelTable(t *testing.T) {
	require.Positive(t, wordModelTerms)
	prev := ""
	for i := range wordModelTerms {
		term := wordModelText[wordModelOff[i]:wordModelOff[i+1]]
		require.Greater(t, term, prev, "term %d", i)
		prev = term
		got := probe(wordModelSlots[:], textkey.Hash(term), func(id int) bool {
			return wordModelText[wordModelOff[id]:wordModelOff[id+1]] == term
		})
		require.Equal(t, i, got, term)
		require.Less(t, wordModelRows[i], wordModelRows[i+1], "term %q has no weights", term)
		for k := wordModelRows[i]; k < wordModelRows[i+1]; k++ {
			require.Less(t, int(wordModelWeights[2*k]), catalogSize, term)
		}
	}
	require.Equal(t, len(wordModelWeights), 2*int(wordModelRows[wordModelTerms]))
}

// TestWordModelRerank checks rerankByWordModel on made-up logits: the
// first key's score is shared out by probability, and keys beyond
// wordModelDepth and the rest of each key stay as they were.
func TestWordModelRerank(t *testing.T) {
	var st searchState
	st.nterms, st.asked = wordModelMinTerms, -1
	a, b := position(404), position(200)
	st.keys[0] = sortKey(a, 10)
	st.keys[1] = sortKey(b, 9)
	for d := range st.logit {
		st.logit[d] = -20
		st.weighed.add(d)
	}
	st.logit[b] = 0 // the model is sure of 200
	st.rerankByWordModel(2)
	require.Equal(t, b, int(255-uint8(st.keys[0])), "200 first")
	assert.InDelta(t, 9+wordModelWeight*10, float64(keyScore(st.keys[0])), 1e-3, "200 gains the share, all but certain")
	assert.InDelta(t, 10, float64(keyScore(st.keys[1])), 1e-3, "404 gains next to nothing")
	assert.Equal(t, sortKey(b, 0)&(1<<32-1), st.keys[0]&(1<<32-1))

	// A product's message sent with 404: the share is smaller, and 404
	// gains as much as 200, so it stays first.
	st.sent.add(a)
	st.keys[0], st.keys[1] = sortKey(a, 10), sortKey(b, 9)
	st.rerankByWordModel(2)
	require.Equal(t, a, int(255-uint8(st.keys[0])), "the message's code first")
	assert.InDelta(t, 10+wordModelSentShare*wordModelWeight*10, float64(keyScore(st.keys[0])), 1e-3)
	assert.InDelta(t, 9+wordModelSentShare*wordModelWeight*10, float64(keyScore(st.keys[1])), 1e-3)
	st.sent = entrySet{}

	// A lookup by name, or by a word, is left alone.
	for _, lookup := range []func(st *searchState){
		func(st *searchState) { st.phrase.add(a) },
		func(st *searchState) { st.nterms = wordModelMinTerms - 1 },
	} {
		lookup(&st)
		st.keys[0], st.keys[1] = sortKey(a, 10), sortKey(b, 9)
		st.rerankByWordModel(2)
		assert.Equal(t, a, int(255-uint8(st.keys[0])))
		assert.InDelta(t, 10, float64(keyScore(st.keys[0])), 1e-6)
		st.phrase, st.nterms = entrySet{}, wordModelMinTerms
	}
}

// keyScore returns the score that key k holds (see sortKey).
func keyScore(k uint64) float32 { return math.Float32frombits(uint32(k >> 32)) }

// TestWordModelOrdersQuestions checks, on questions of the kind the model
// learnt from, that it puts the code the answers name first, and that a
// lookup by a code's phrase keeps that code first.
func TestWordModelOrdersQuestions(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  Code
	}{
		{"request header fields too large", 431},
		// Without the model, 403, 429 and 522 come first.
		{"Cors preflight requires authorization", 401},
		{"Can't pass cloudflare protection", 403},
		{"cloudflare timeout", 524},
		// A product's message keeps its code: nginx's 504, though
		// "upstream" reads as 502 to the model.
		{"upstream timed out while reading response header from upstream", 504},
	} {
		res := Search(tc.query, nil)
		require.NotEmpty(t, res, tc.query)
		assert.Equal(t, tc.want, res[0].Status.Code(), tc.query)
	}
}

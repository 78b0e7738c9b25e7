// Package wordmodel trains the word model of package httpref and renders
// it as Go source: a multinomial logistic regression from the words of a
// text to the code it asks about, learnt from the tune part of the
// real-world evaluation set (testdata/search/realworld_*.jsonl). Search
// reads a query's words through it and adds to each of its first results
// a share of the top score in proportion to the probability the model
// gives that result's code (see wordmodel.go in package httpref).
//
// A tour: ModelTerms says which words of a text are features, the same
// ones Search reads at run time; TrainModel fits the model; Generate
// reads the set and the catalog and returns wordmodel_gen.go.
package wordmodel

import (
	"bytes"
	"fmt"
	"go/format"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/evalset"
	"github.com/httpref/httpref/internal/genfile"
	"github.com/httpref/httpref/internal/textkey"
)

// The limits and settings of the model's training.
const (
	// ModelMaxBytes is how much of a text the model reads: Search reads
	// no more of a query (maxQueryBytes in package httpref).
	ModelMaxBytes = 512
	// ModelMaxTerms is how many of a text's terms (see textkey.Append)
	// the model reads; each distinct one is a feature.
	ModelMaxTerms = 32
	// ModelMinTexts is how many tune-part texts must hold a term for it
	// to be a feature: a word seen once teaches nothing that carries over.
	ModelMinTexts = 2
	// ModelEpochs is how many times training goes over the tune part.
	ModelEpochs = 5
	// ModelRate is AdaGrad's learning rate.
	ModelRate = 0.5
	// ModelL2 is the L2 penalty on the weights of a text's features.
	ModelL2 = 1e-2
	// ModelPrune is the least weight kept, once each feature's weights
	// are centred on their median (which leaves every probability as it
	// is): smaller ones are dropped, which keeps the table small and, on
	// the real-world set, the scores as good.
	ModelPrune = 0.3
	// ModelStep is the step of the weights as stored: each is a
	// multiple of it between -128 and 127 steps.
	ModelStep = 1.0 / 32
)

// Model is a trained word model: for each feature, in sorted order, its
// weights by class (a class is an index into the codes it was trained
// for), and the bias of each class.
type Model struct {
	Terms   []string
	Weights [][]int8 // by feature, by class, in steps of ModelStep
	Bias    []float64
}

// ModelTerms returns the distinct terms that the word model reads in
// text, in order: those of the first ModelMaxTerms terms of its first
// ModelMaxBytes bytes (cut at the start of a character).
func ModelTerms(text string) []string {
	if len(text) > ModelMaxBytes {
		cut := ModelMaxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	terms := strings.Fields(string(textkey.Append(nil, text)))
	if len(terms) > ModelMaxTerms {
		terms = terms[:ModelMaxTerms]
	}
	var out []string
	for _, t := range terms {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// TrainModel trains the word model on the tune part of items (see Tune),
// for classes codes: a text with n codes among them counts 1/n for each;
// texts with none are left out. Training is deterministic: the same items
// in the same order give the same model on every platform (products are
// rounded before they are added, so no platform fuses them, and exp is
// computed here rather than by the math package).
func TrainModel(items []evalset.Item, codes []int) Model {
	type text struct {
		x []int
		y []int
	}
	var tune [][]string
	var labels [][]int
	for _, it := range items {
		if !it.Tune() {
			continue
		}
		var y []int
		for _, c := range it.Codes {
			if i, ok := slices.BinarySearch(codes, c); ok {
				y = append(y, i)
			}
		}
		if len(y) == 0 {
			continue
		}
		tune = append(tune, ModelTerms(it.Text))
		labels = append(labels, y)
	}
	df := map[string]int{}
	for _, terms := range tune {
		for _, t := range terms {
			df[t]++
		}
	}
	var vocab []string
	for t, n := range df {
		if n >= ModelMinTexts {
			vocab = append(vocab, t)
		}
	}
	slices.Sort(vocab)
	texts := make([]text, len(tune))
	for i, terms := range tune {
		for _, t := range terms {
			if f, ok := slices.BinarySearch(vocab, t); ok {
				texts[i].x = append(texts[i].x, f)
			}
		}
		texts[i].y = labels[i]
	}

	nc := len(codes)
	w := make([][]float64, len(vocab))
	g2 := make([][]float64, len(vocab))
	for f := range w {
		w[f] = make([]float64, nc)
		g2[f] = make([]float64, nc)
	}
	bias, gb := make([]float64, nc), make([]float64, nc)
	p := make([]float64, nc)
	for range ModelEpochs {
		for _, t := range texts {
			probabilities(p, bias, w, t.x)
			for _, y := range t.y {
				p[y] -= 1 / float64(len(t.y))
			}
			for c, g := range p {
				gb[c] += float64(g * g)
				bias[c] -= ModelRate * g / math.Sqrt(gb[c]+1e-8)
				for _, f := range t.x {
					gg := g + float64(ModelL2*w[f][c])
					g2[f][c] += float64(gg * gg)
					w[f][c] -= ModelRate * gg / math.Sqrt(g2[f][c]+1e-8)
				}
			}
		}
	}

	m := Model{Bias: bias}
	sorted := make([]float64, nc)
	for f, ws := range w {
		copy(sorted, ws)
		slices.Sort(sorted)
		median := sorted[nc/2]
		q := make([]int8, nc)
		any := false
		for c, x := range ws {
			x -= median
			if math.Abs(x) < ModelPrune {
				continue
			}
			q[c] = int8(max(-128, min(127, math.Round(x/ModelStep))))
			any = q[c] != 0 || any
		}
		if any {
			m.Terms = append(m.Terms, vocab[f])
			m.Weights = append(m.Weights, q)
		}
	}
	return m
}

// probabilities sets p to the model's probability of each class for a
// text with features x.
func probabilities(p, bias []float64, w [][]float64, x []int) {
	top := math.Inf(-1)
	for c := range p {
		s := bias[c]
		for _, f := range x {
			s += w[f][c]
		}
		p[c] = s
		top = max(top, s)
	}
	var z float64
	for c := range p {
		p[c] = exp(p[c] - top)
		z += p[c]
	}
	for c := range p {
		p[c] /= z
	}
}

// exp returns e**x for x <= 0, the same on every platform: x is reduced
// to r = x - k ln 2 with |r| <= ln 2 / 2, e**r summed as its Taylor series
// to the 14th term (the rest is below 1e-17), and scaled by 2**k. It
// returns 0 below -745, where e**x is below the least float64.
func exp(x float64) float64 {
	if x < -745 {
		return 0
	}
	k := math.Floor(x/math.Ln2 + 0.5)
	r := x - float64(k*math.Ln2)
	sum, term := 1.0, 1.0
	for i := 1; i <= 14; i++ {
		term = float64(term*r) / float64(i)
		sum += term
	}
	return math.Ldexp(sum, int(k))
}

// Generate returns wordmodel_gen.go: the word model trained on the
// realworld_*.jsonl sets of dir (see TrainModel), for the codes of the
// source table at catalog in code order, so that a class is an entry's
// position in package httpref.
func Generate(dir, catalog string) ([]byte, error) {
	items, err := evalset.ReadRealWorld(dir)
	if err != nil {
		return nil, err
	}
	entries, err := evalset.ReadCatalog(catalog)
	if err != nil {
		return nil, err
	}
	if len(entries) > 256 {
		return nil, fmt.Errorf("%s: %d entries; the model stores an entry's position in a byte", catalog, len(entries))
	}
	codes := make([]int, len(entries))
	for i, e := range entries {
		codes[i] = e.Code
	}
	if err := evalset.CheckCodes(items, codes); err != nil {
		return nil, fmt.Errorf("%s: %w (%s)", dir, err, catalog)
	}
	m := TrainModel(items, codes)
	if len(m.Terms) == 0 || len(m.Terms) >= 1<<16-1 {
		return nil, fmt.Errorf("%s: %d terms with weights; the model needs 1 to %d", dir, len(m.Terms), 1<<16-2)
	}
	return render(m, entries)
}

// render writes the model as Go source.
func render(m Model, entries []evalset.CatalogEntry) ([]byte, error) {
	var (
		b       bytes.Buffer
		text    strings.Builder
		off     = []int{0}
		rows    = []int{0}
		weights []byte
		n       int
	)
	for f, t := range m.Terms {
		text.WriteString(t)
		off = append(off, text.Len())
		for c, w := range m.Weights[f] {
			if w != 0 {
				weights = append(weights, byte(c), byte(w))
				n++
			}
		}
		rows = append(rows, n)
	}
	b.WriteString("// Code generated by gen/prior from testdata/search/realworld_*.jsonl; DO NOT EDIT.\n\n")
	b.WriteString("package httpref\n\n")
	fmt.Fprintf(&b, "// The word model's limits and weight step, as it was trained (see\n")
	fmt.Fprintf(&b, "// internal/wordmodel): %d terms, %d weights.\n", len(m.Terms), n)
	fmt.Fprintf(&b, "const (\n\twordModelMaxBytes = %d\n\twordModelMaxTerms = %d\n\twordModelStep = %g\n\twordModelTerms = %d\n)\n\n",
		ModelMaxBytes, ModelMaxTerms, ModelStep, len(m.Terms))
	b.WriteString("// wordModelText holds the model's terms, sorted, one after another: term i\n")
	b.WriteString("// is wordModelText[wordModelOff[i]:wordModelOff[i+1]].\n")
	fmt.Fprintf(&b, "const wordModelText = %s\n\n", genfile.QuoteLong(text.String()))
	genfile.WriteInts(&b, "wordModelOff", "uint32", off, 16)
	b.WriteString("// wordModelSlots finds a term by its textkey.Hash (see probe).\n")
	genfile.WriteInts(&b, "wordModelSlots", "uint16", genfile.HashSlots(m.Terms), 16)
	b.WriteString("// wordModelRows gives the weights of term i: the pairs\n")
	b.WriteString("// wordModelRows[i] to wordModelRows[i+1] of wordModelWeights.\n")
	genfile.WriteInts(&b, "wordModelRows", "uint32", rows, 16)
	b.WriteString("// wordModelWeights holds pairs of bytes: an entry's position, then the\n")
	b.WriteString("// term's weight for it as an int8, in steps of wordModelStep.\n")
	fmt.Fprintf(&b, "const wordModelWeights = %s\n\n", genfile.QuoteLong(string(weights)))
	top := math.Inf(-1)
	for _, x := range m.Bias {
		top = max(top, x)
	}
	b.WriteString("// wordModelBias holds each entry's bias, in code order, less the largest\n")
	b.WriteString("// (which leaves every probability as it is), so that none is above 0.\n")
	b.WriteString("var wordModelBias = [...]float32{\n")
	expBias := make([]float64, len(entries))
	var sum float64
	for i, e := range entries {
		x := m.Bias[i] - top
		fmt.Fprintf(&b, "\t%.4f, // %d %s\n", x, e.Code, e.Phrase)
		f, err := strconv.ParseFloat(fmt.Sprintf("%.4f", x), 32)
		if err != nil {
			return nil, err
		}
		expBias[i] = exp(float64(float32(f)))
		sum += expBias[i]
	}
	b.WriteString("}\n\n")
	b.WriteString("// wordModelExpBias holds e to the power of each entry's bias: its share of\n")
	b.WriteString("// the softmax's sum for a text none of whose words weigh for it.\n")
	b.WriteString("var wordModelExpBias = [...]float64{\n")
	for i, e := range entries {
		fmt.Fprintf(&b, "\t%s, // %d\n", strconv.FormatFloat(expBias[i], 'g', -1, 64), e.Code)
	}
	b.WriteString("}\n\n")
	b.WriteString("// wordModelExpBiasSum is the sum of wordModelExpBias, in order.\n")
	fmt.Fprintf(&b, "const wordModelExpBiasSum = %s\n", strconv.FormatFloat(sum, 'g', -1, 64))
	return format.Source(b.Bytes())
}

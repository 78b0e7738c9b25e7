package table

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/httpref/httpref/internal/genfile"
	"github.com/httpref/httpref/internal/textkey"
)

// The search index is computed here, at generate time, and rendered into
// catalog_gen.go as constant strings and fixed arrays, so that package
// httpref builds nothing at run time. Terms come from internal/textkey,
// the same tokenizer that the package runs on queries.

// Field is one searchable field of an entry. Bit is its bit in
// httpref.Fields, and Const the name of that bit's constant there, which
// catalog_gen.go checks at compile time; Weight and B are its BM25F
// weight and length normalization.
type Field struct {
	Name   string
	Const  string
	Bit    uint16
	Weight float64
	B      float64
}

// SearchFields lists the indexed fields in the order of their bits in
// httpref.Fields. Bit 0 (the code), bit 12 (a class pattern), bit 13 (a
// signature) and bit 14 (a whole ask of the concept table) are matched at
// query time and have no postings. The weights put code, phrase and alias
// matches above the summary, and the summary above the long texts.
var SearchFields = []Field{
	{"phrase", "FieldPhrase", 1 << 1, 8, 0.5},
	{"alias", "FieldAlias", 1 << 2, 6, 0.5},
	{"constant", "FieldConstant", 1 << 3, 5, 0},
	{"variant", "FieldVariant", 1 << 4, 2, 0.5},
	{"source", "FieldSource", 1 << 5, 4, 0.3},
	{"category", "FieldCategory", 1 << 6, 1, 0},
	{"summary", "FieldSummary", 1 << 7, 3, 0.75},
	{"details", "FieldDetails", 1 << 8, 1, 0.75},
	{"situations", "FieldSituations", 1 << 9, 1, 0.75},
	{"checks", "FieldChecks", 1 << 10, 0.6, 0.75},
	{"avoid_when", "FieldAvoidWhen", 1 << 11, 0.4, 0.75},
}

// AskField indexes the words of the concept table's asks under each code
// that their concept gives, apart from the other fields: Search adds these
// postings only where nothing firmer speaks (see askGains in score.go),
// so that the words people use for a situation still count a little for
// its codes there. Weight and B were chosen on the tune part of the
// real-world set: weights 0.5 to 2 and B 0 to 1 move it by a few texts,
// and 0.5 and 0.5 are the best of them there and on the score part.
var AskField = Field{"asks", "FieldAsks", 1 << 15, 0.5, 0.5}

// BM25F parameters, and the fixed-point scale of posting scores.
const (
	bm25K1     = 1.2
	maxDelTerm = 8 // the longest term in the deletion index
)

// typoFields are the fields whose terms a misspelled query word may be
// corrected to: the short, descriptive ones.
var typoFields = map[string]bool{
	"phrase": true, "alias": true, "constant": true, "variant": true, "source": true,
	"category": true, "summary": true,
}

// terms splits s into its terms.
func terms(s string) []string {
	return strings.Fields(string(textkey.Append(nil, s)))
}

// fieldTexts returns the texts of each search field of e, in SearchFields
// order.
func fieldTexts(e Entry) [][]string {
	var variants []string
	for _, v := range e.Variants {
		variants = append(variants, v.Phrase+" ("+v.Vendor+")")
	}
	var constant []string
	if e.GoConstant != "" {
		constant = []string{e.GoConstant}
	}
	source := []string{e.Source}
	if e.Vendor != "IETF" && !strings.Contains(e.Source, e.Vendor) {
		source = append(source, e.Vendor)
	}
	class := Classes[e.Code/100-1].Table
	category := []string{
		fmt.Sprintf("%dxx %s", e.Code/100, class), e.Lifecycle, e.Recommendation,
	}
	for _, p := range e.ProducedBy {
		// "load_balancer" is searchable as "load balancer"; logs_only as
		// "written to logs only".
		if p == "logs_only" {
			category = append(category, "written to logs only, never sent")
		} else {
			category = append(category, strings.ReplaceAll(p, "_", " "))
		}
	}
	return [][]string{
		{e.Phrase}, e.Aliases, constant, variants, source, category,
		{e.Summary}, {e.Details}, e.Situations, e.Checks, e.AvoidWhen,
	}
}

// expand returns the terms of one text item followed by the terms of every
// synonym of a group member that occurs in it.
func expand(item []string, groups [][][]string) []string {
	out := slices.Clone(item)
	for _, g := range groups {
		hit := -1
		for m, member := range g {
			if containsSeq(item, member) {
				hit = m
				break
			}
		}
		if hit < 0 {
			continue
		}
		for m, member := range g {
			if m != hit && !containsSeq(item, member) {
				out = append(out, member...)
			}
		}
	}
	return out
}

func containsSeq(s, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// index is the computed search index.
type index struct {
	terms    []string
	postings [][]uint64 // per term, by entry
	asks     [][]uint64 // per term, by entry: the asks field (see AskField)
	typo     []int      // term ids eligible for typo correction, by (length, term)
	keys     []phraseKey
}

type phraseKey struct {
	key string
	doc int
}

// buildIndex computes the index of a validated, sorted table.
func (t *Table) buildIndex() *index {
	var groups [][][]string
	for _, g := range t.Synonyms {
		var tg [][]string
		for _, s := range g {
			if ts := terms(s); len(ts) > 0 {
				tg = append(tg, ts)
			}
		}
		groups = append(groups, tg)
	}
	n := len(t.Entries)
	nf := len(SearchFields)
	tf := make([][]map[string]int, n) // entry, field, term
	length := make([][]float64, n)
	avg := make([]float64, nf)
	typo := map[string]bool{}
	var keys []phraseKey
	for d, e := range t.Entries {
		tf[d] = make([]map[string]int, nf)
		length[d] = make([]float64, nf)
		for f, items := range fieldTexts(e) {
			tf[d][f] = map[string]int{}
			for _, it := range items {
				ts := expand(terms(it), groups)
				for _, term := range ts {
					tf[d][f][term]++
					if typoFields[SearchFields[f].Name] {
						typo[term] = true
					}
				}
				length[d][f] += float64(len(ts))
			}
			avg[f] += length[d][f] / float64(n)
		}
		for _, s := range append([]string{e.Phrase}, e.Aliases...) {
			keys = append(keys, phraseKey{strings.Join(terms(s), " "), d})
		}
		if c := e.GoConstant; c != "" {
			keys = append(keys, phraseKey{strings.Join(terms(c), " "), d})
			keys = append(keys, phraseKey{strings.Join(terms(strings.TrimPrefix(c, "http.")), " "), d})
		}
	}
	for _, g := range groups {
		for _, m := range g {
			for _, term := range m {
				typo[term] = true
			}
		}
	}
	df := map[string]int{}
	for d := range tf {
		seen := map[string]bool{}
		for f := range tf[d] {
			for term := range tf[d][f] {
				if !seen[term] {
					seen[term] = true
					df[term]++
				}
			}
		}
	}
	// The words of the concept table's asks are index terms too: a query
	// word that an ask needs ("stock" in "out of stock") is then found as
	// it is instead of being corrected as a typo to some other term, which
	// would keep the ask from matching. Their postings in the asks field
	// are apart (see askPostings).
	for _, c := range t.Concepts {
		for _, a := range c.Asks {
			for _, term := range terms(a) {
				if _, ok := df[term]; !ok {
					df[term] = 0
				}
			}
		}
	}
	ix := &index{}
	for term := range df {
		ix.terms = append(ix.terms, term)
	}
	slices.Sort(ix.terms)
	for _, term := range ix.terms {
		idf := bm25IDF(n, df[term])
		var list []uint64
		for d := range tf {
			var w float64
			var fields uint64
			for f, fd := range SearchFields {
				c := tf[d][f][term]
				if c == 0 {
					continue
				}
				fields |= uint64(fd.Bit >> 1)
				norm := 1 - fd.B
				if avg[f] > 0 {
					norm += fd.B * length[d][f] / avg[f]
				}
				w += fd.Weight * float64(c) / norm
			}
			if fields == 0 {
				continue
			}
			list = append(list, posting(d, fields, idf, w))
		}
		ix.postings = append(ix.postings, list)
	}
	ix.asks = t.askPostings(ix.terms, groups)
	for id, term := range ix.terms {
		if typo[term] && len(term) >= 4 && isLetters(term) {
			ix.typo = append(ix.typo, id)
		}
	}
	slices.SortStableFunc(ix.typo, func(a, b int) int { return len(ix.terms[a]) - len(ix.terms[b]) })
	slices.SortFunc(keys, func(a, b phraseKey) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return a.doc - b.doc
	})
	ix.keys = slices.CompactFunc(keys, func(a, b phraseKey) bool { return a == b })
	return ix
}

// askPostings returns the postings of each term in the asks field
// (AskField), laid out as the other postings are: BM25 over that field
// alone, with the inverse document frequency of the term among the
// entries' asks, so that a word that many codes' asks hold ("error",
// "request") counts little. Of a whole concept's asks, only the numbers
// are in the field (see Concept).
func (t *Table) askPostings(words []string, groups [][][]string) [][]uint64 {
	asks := map[int][]string{} // by code
	for _, c := range t.Concepts {
		for _, code := range c.Codes {
			for _, a := range c.Asks {
				if c.Whole {
					a = numbersOf(a)
				}
				asks[code] = append(asks[code], a)
			}
		}
	}
	n := len(t.Entries)
	tf := make([]map[string]int, n)
	length := make([]float64, n)
	var avg float64
	df := map[string]int{}
	for d, e := range t.Entries {
		tf[d] = map[string]int{}
		for _, a := range asks[e.Code] {
			ts := expand(terms(a), groups)
			for _, term := range ts {
				if tf[d][term] == 0 {
					df[term]++
				}
				tf[d][term]++
			}
			length[d] += float64(len(ts))
		}
		avg += length[d] / float64(n)
	}
	out := make([][]uint64, len(words))
	for id, term := range words {
		if df[term] == 0 {
			continue
		}
		idf := bm25IDF(n, df[term])
		for d := range tf {
			c := tf[d][term]
			if c == 0 {
				continue
			}
			w := AskField.Weight * float64(c) / (1 - AskField.B + AskField.B*length[d]/avg)
			out[id] = append(out[id], posting(d, uint64(AskField.Bit>>1), idf, w))
		}
	}
	return out
}

// bm25IDF returns the inverse document frequency of a term that df of n
// entries hold.
func bm25IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// posting returns the posting of a term for entry d, in the layout of the
// posting constants: the entry, the fields it occurs in (shifted right
// by one), and its BM25 score from idf and w, its weighted term frequency
// (saturated by bm25K1), in units of 1/PostingScoreScale and at least 1.
func posting(d int, fields uint64, idf, w float64) uint64 {
	score := min(idf*w*(bm25K1+1)/(bm25K1+w), maxPostingScore)
	q := max(uint64(math.Round(score*PostingScoreScale)), 1)
	return uint64(d) | fields<<PostingFieldShift | q<<PostingScoreShift
}

// flatten returns lists laid end to end, and where each starts, with the
// end of the last: list i is all[starts[i]:starts[i+1]].
func flatten(lists [][]uint64) (all []uint64, starts []int) {
	starts = []int{0}
	for _, l := range lists {
		all = append(all, l...)
		starts = append(starts, len(all))
	}
	return all, starts
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// letterMask has bit c-'a' set for each letter c of s.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		m |= 1 << (s[i] - 'a')
	}
	return m
}

// renderIndex writes the search tables of catalog_gen.go.
func (t *Table) renderIndex(b *bytes.Buffer) {
	ix := t.buildIndex()
	var text strings.Builder
	for _, term := range ix.terms {
		text.WriteString(term)
	}
	b.WriteString(`
// The search index, computed by internal/table at generate time. Terms are
// produced by internal/textkey, which Search also runs on queries.
//
// searchTermText holds all index terms in byte order, concatenated: term i
// is searchTermText[searchTermOff[i]:searchTermOff[i+1]]. Its postings are
// searchPostings[searchTermPost[i]:searchTermPost[i+1]], one per entry that
// has the term, in entry order.
//
// A posting is a uint64 laid out as the posting constants above say: the
// position of the entry in entries, the Fields in which the term occurs
// shifted right by one (the code bit is never stored), and the term's BM25F
// score for the entry in units of 1/postingScoreScale.
`)
	b.WriteString("\n// The postings store these bits of Fields; search.go must agree.\nvar (\n")
	for _, f := range append(SearchFields, AskField) {
		fmt.Fprintf(b, "\t_ = [1]struct{}{}[%s^%d]\n", f.Const, f.Bit)
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(b, "const searchTermText = %s\n\n", genfile.QuoteLong(text.String()))
	b.WriteString("// searchTermOff holds the start of each term in searchTermText, and its end.\n")
	off := 0
	offs := []int{0}
	for _, term := range ix.terms {
		off += len(term)
		offs = append(offs, off)
	}
	genfile.WriteInts(b, "searchTermOff", "uint32", offs, 16)
	b.WriteString("// searchTermPost holds the start of each term's postings in\n// searchPostings, and their end.\n")
	posts, starts := flatten(ix.postings)
	genfile.WriteInts(b, "searchTermPost", "uint32", starts, 16)
	askPosts, askStarts := flatten(ix.asks)
	b.WriteString("// searchAskPost holds the start of each term's postings in\n// searchAskPostings, and their end: one more than there are terms.\n")
	genfile.WriteInts(b, "searchAskPost", "uint32", askStarts, 16)
	b.WriteString("var _ = [1]struct{}{}[len(searchAskPost)-len(searchTermOff)]\n\n")

	// The hash table of the terms, for lookups without a binary search.
	slots := genfile.HashSlots(ix.terms)
	fmt.Fprintf(b, `// searchTermHash is an open-addressing hash table of the terms: the
// slot textkey.Hash(term) mod %d, or the first of the following slots
// (wrapping around) that holds 1 + the term's id or 0 for an absent term.
`, len(slots))
	genfile.WriteInts(b, "searchTermHash", "uint16", slots, 16)
	b.WriteString("// searchPostings holds the postings of all terms (see searchTermText).\n")
	genfile.WriteList(b, "searchPostings", "uint64", len(posts), 4, func(i int) string { return fmt.Sprintf("0x%016x", posts[i]) })
	b.WriteString(`// searchAskPostings holds the postings of all terms in the asks field,
// which Search adds only where nothing firmer speaks (see askWordsCount
// and internal/table.AskField). They are laid out as searchPostings are,
// with the FieldAsks bit.
`)
	genfile.WriteList(b, "searchAskPostings", "uint64", len(askPosts), 4, func(i int) string { return fmt.Sprintf("0x%016x", askPosts[i]) })

	b.WriteString(`// searchTypo lists the terms that a misspelled query word may be corrected
// to (all-letter terms of at least four letters from the short fields and
// the synonym table), ordered by length: those of length n are
// searchTypo[searchTypoLen[n]:searchTypoLen[n+1]]. searchTypoMask holds,
// for each, a bit per letter a-z that occurs in it, to skip hopeless
// candidates before computing an edit distance.
`)
	var ids []int
	var masks []int
	for _, id := range ix.typo {
		ids = append(ids, id)
		masks = append(masks, int(letterMask(ix.terms[id])))
	}
	genfile.WriteInts(b, "searchTypo", "uint16", ids, 16)
	writeHex(b, "searchTypoMask", masks)
	lens := make([]int, textkey.MaxWord+2)
	for l := range lens {
		lens[l] = len(ix.typo)
		for i, id := range ix.typo {
			if len(ix.terms[id]) >= l {
				lens[l] = i
				break
			}
		}
	}
	genfile.WriteInts(b, "searchTypoLen", "uint16", lens, 16)

	// The deletion index: each typo term of at most 8 letters under itself
	// and under each string made by deleting one of its letters.
	dels := map[string][]int{}
	for _, id := range ix.typo {
		term := ix.terms[id]
		if len(term) > maxDelTerm {
			continue
		}
		seen := map[string]bool{}
		for i := -1; i < len(term); i++ {
			k := term
			if i >= 0 {
				k = term[:i] + term[i+1:]
			}
			if !seen[k] {
				seen[k] = true
				dels[k] = append(dels[k], id)
			}
		}
	}
	var delKeys []string
	for k := range dels {
		delKeys = append(delKeys, k)
	}
	slices.Sort(delKeys)
	var delText strings.Builder
	delOff, delStart, delIDs := []int{0}, []int{0}, []int{}
	for _, k := range delKeys {
		delText.WriteString(k)
		delOff = append(delOff, delText.Len())
		ids := slices.Clone(dels[k])
		slices.Sort(ids)
		delIDs = append(delIDs, ids...)
		delStart = append(delStart, len(delIDs))
	}
	dslots := genfile.HashSlots(delKeys)
	fmt.Fprintf(b, `// The deletion index finds typo candidates within one edit without a scan:
// every searchTypo term of at most %d letters is listed under itself and
// under each string made by deleting one of its letters. Key i is
// searchDelText[searchDelOff[i]:searchDelOff[i+1]]; its term ids are
// searchDelIDs[searchDelStart[i]:searchDelStart[i+1]]. searchDelHash is an
// open-addressing table of the keys like searchTermHash (1 + key index).
// Two words within one edit (transpositions included) share a key.
`, maxDelTerm)
	fmt.Fprintf(b, "const searchDelText = %s\n\n", genfile.QuoteLong(delText.String()))
	genfile.WriteInts(b, "searchDelOff", "uint32", delOff, 16)
	genfile.WriteInts(b, "searchDelStart", "uint16", delStart, 16)
	genfile.WriteInts(b, "searchDelIDs", "uint16", delIDs, 16)
	genfile.WriteInts(b, "searchDelHash", "uint16", dslots, 16)

	b.WriteString(`// searchPhraseKeys holds, sorted, the terms (joined by spaces) of every
// phrase, alias and net/http constant name; searchPhraseDoc holds the
// position in entries of the entry each key belongs to. A query whose terms
// are exactly a key gets the exact-phrase bonus for that entry.
`)
	fmt.Fprintf(b, "var searchPhraseKeys = [%d]string{\n", len(ix.keys))
	var docs []int
	for _, k := range ix.keys {
		fmt.Fprintf(b, "\t%q,\n", k.key)
		docs = append(docs, k.doc)
	}
	b.WriteString("}\n\n")
	genfile.WriteInts(b, "searchPhraseDoc", "uint8", docs, 16)

	phraseKeys := make([]string, len(ix.keys))
	for i, k := range ix.keys {
		phraseKeys[i] = k.key
	}
	pslots := genfile.HashSlots(phraseKeys)
	b.WriteString(`// searchPhraseHash is an open-addressing table of the distinct phrase keys
// like searchTermHash: 1 + the index of the first of the equal keys in
// searchPhraseKeys, or 0.
`)
	genfile.WriteInts(b, "searchPhraseHash", "uint16", pslots, 16)
	longest := 0
	for _, k := range phraseKeys {
		longest = max(longest, len(k))
	}
	fmt.Fprintf(b, `// searchPhraseMaxLen is the length in bytes of the longest phrase key: a
// query whose terms are longer is no phrase.
const searchPhraseMaxLen = %d

`, longest)

	t.renderConcepts(b)
	t.renderBigrams(b)

	b.WriteString(`// searchDocInfo packs, for each entry, what ranking and filters need, so
// that a search reads one small array instead of every entry: the Class,
// Lifecycle, Recommendation and Vendor, laid out as the docInfo constants
// say.
`)
	var info []int
	for _, e := range t.Entries {
		info = append(info, index1(Classes, e.Class)<<DocInfoClassShift|index1(Lifecycles, e.Lifecycle)<<DocInfoLifecycleShift|
			index1(Recommendations, e.Recommendation)<<DocInfoRecommendationShift|index1(Vendors, e.Vendor)<<DocInfoVendorShift)
	}
	genfile.WriteInts(b, "searchDocInfo", "uint32", info, 8)
}

// index1 returns the Go constant value of the table spelling s: its
// position in vals plus one.
func index1(vals []Value, s string) int {
	for i, v := range vals {
		if v.Table == s {
			return i + 1
		}
	}
	return 0
}

func writeHex(b *bytes.Buffer, name string, vals []int) {
	genfile.WriteList(b, name, "uint32", len(vals), 8, func(i int) string { return fmt.Sprintf("0x%08x", vals[i]) })
}

// conceptPrefix is the concept ID of a key that is only a prefix of asks.
const conceptPrefix = 0xffff

// renderConcepts writes the concept table: each ask's terms, joined by
// spaces, with the entries its concept points to.
func (t *Table) renderConcepts(b *bytes.Buffer) {
	pos := map[int]int{}
	for i, e := range t.Entries {
		pos[e.Code] = i
	}
	var keys []string
	var docs [][3]int
	var concept []int
	full := map[string]bool{}
	for ci, c := range t.Concepts {
		var d [3]int
		for k, code := range c.Codes {
			d[k] = pos[code] + 1
		}
		for _, a := range c.Asks {
			key := strings.Join(terms(a), " ")
			full[key] = true
			keys = append(keys, key)
			docs = append(docs, d)
			concept = append(concept, ci)
		}
	}
	// The proper prefixes of the asks, so that a search stops extending a
	// run of terms as soon as no ask starts with it.
	var prefixes []string
	seen := map[string]bool{}
	for _, c := range t.Concepts {
		for _, a := range c.Asks {
			ts := terms(a)
			for n := 1; n < len(ts); n++ {
				p := strings.Join(ts[:n], " ")
				if !full[p] && !seen[p] {
					seen[p] = true
					prefixes = append(prefixes, p)
				}
			}
		}
	}
	slices.Sort(prefixes)
	for _, p := range prefixes {
		keys = append(keys, p)
		docs = append(docs, [3]int{})
		concept = append(concept, conceptPrefix)
	}
	fmt.Fprintf(b, `// searchConceptKeys holds the terms (joined by spaces) of every way of
// asking in the concept table; searchConceptDocs holds, for each, the
// positions in entries + 1 of the codes that answer it, best first (0:
// none), and searchConceptID the concept it belongs to. A query that holds
// an ask's terms in a row gains the concept bonus for those entries, once
// per concept. An ask has at most searchConceptMaxTerms terms. The keys
// whose ID is searchConceptPrefix are the proper prefixes of asks, which
// are not asks themselves: a search extends a run of terms while it is a
// key.
const (
	searchConceptMaxTerms = %d
	searchConceptPrefix   = %d
)

// searchConceptCount is the number of concepts.
const searchConceptCount = %d

`, MaxConceptTerms, conceptPrefix, len(t.Concepts))
	fmt.Fprintf(b, "var searchConceptKeys = [%d]string{\n", len(keys))
	for _, k := range keys {
		fmt.Fprintf(b, "\t%q,\n", k)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "var searchConceptDocs = [%d][3]uint8{\n", len(docs))
	for _, d := range docs {
		fmt.Fprintf(b, "\t{%d, %d, %d},\n", d[0], d[1], d[2])
	}
	b.WriteString("}\n\n")
	genfile.WriteInts(b, "searchConceptID", "uint16", concept, 16)
	// The two filters have conceptFilterBits bits: with a few thousand
	// asks, 1,024 bits were three quarters set and let most terms
	// through to a probe.
	var bloom, inner [conceptFilterBits / 64]uint64
	for _, c := range t.Concepts {
		for _, a := range c.Asks {
			ts := terms(a)
			h := textkey.Hash(ts[0]) & (conceptFilterBits - 1)
			bloom[h/64] |= 1 << (h % 64)
			for _, term := range ts[1:] {
				h := textkey.Hash(term) & (conceptFilterBits - 1)
				inner[h/64] |= 1 << (h % 64)
			}
		}
	}
	fmt.Fprintf(b, "// searchConceptFilterMask masks a term's textkey.Hash to its bit in\n// searchConceptStart and searchConceptInner.\nconst searchConceptFilterMask = %d\n\n", conceptFilterBits-1)
	b.WriteString("// searchConceptStart has bit textkey.Hash(term) & searchConceptFilterMask\n// set for the first term of every ask, so that a search skips most terms\n// without a probe.\n")
	genfile.WriteList(b, "searchConceptStart", "uint64", len(bloom), 4, func(i int) string { return fmt.Sprintf("%#016x", bloom[i]) })
	b.WriteString("// searchConceptInner has bit textkey.Hash(term) & searchConceptFilterMask\n// set for every term of an ask but the first, so that a search reads a\n// query again without its filler only when a term after a filler word\n// may go on an ask.\n")
	genfile.WriteList(b, "searchConceptInner", "uint64", len(inner), 4, func(i int) string { return fmt.Sprintf("%#016x", inner[i]) })
	b.WriteString("// searchConceptHash is an open-addressing table of searchConceptKeys like\n// searchTermHash: 1 + the key's index, or 0.\n")
	genfile.WriteInts(b, "searchConceptHash", "uint16", genfile.HashSlots(keys), 16)
}

// renderBigrams writes the phrase bigrams: every pair of adjacent terms of
// an entry's phrase and aliases, with the entries it belongs to, so that
// a query holding "not found" in a row favours 404 over 302 Found.
func (t *Table) renderBigrams(b *bytes.Buffer) {
	docs := map[string][]int{}
	for d, e := range t.Entries {
		for _, s := range append([]string{e.Phrase}, e.Aliases...) {
			ts := terms(s)
			for i := 0; i+1 < len(ts); i++ {
				k := ts[i] + " " + ts[i+1]
				if l := docs[k]; len(l) == 0 || l[len(l)-1] != d {
					docs[k] = append(docs[k], d)
				}
			}
		}
	}
	keys := make([]string, 0, len(docs))
	for k := range docs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString(`// searchBigramKeys holds, sorted, every pair of adjacent terms (joined by
// a space) of the phrases and aliases; searchBigramDocs the span of
// searchBigramList holding the positions in entries of the entries whose
// phrase or an alias holds the pair. A query that holds a pair in a row
// gains the bigram bonus for those entries.
`)
	fmt.Fprintf(b, "var searchBigramKeys = [%d]string{\n", len(keys))
	var list []int
	var spans []string
	for _, k := range keys {
		fmt.Fprintf(b, "\t%q,\n", k)
		spans = append(spans, fmt.Sprintf("{%d, %d}", len(list), len(docs[k])))
		list = append(list, docs[k]...)
	}
	b.WriteString("}\n\n")
	genfile.WriteList(b, "searchBigramDocs", "span", len(spans), 8, func(i int) string { return spans[i] })
	genfile.WriteInts(b, "searchBigramList", "uint8", list, 16)
	b.WriteString("// searchBigramHash is an open-addressing table of searchBigramKeys like\n// searchTermHash: 1 + the key's index, or 0.\n")
	genfile.WriteInts(b, "searchBigramHash", "uint16", genfile.HashSlots(keys), 16)
	var first, second [16]uint64
	for _, k := range keys {
		a, z, _ := strings.Cut(k, " ")
		h := textkey.Hash(a) & 1023
		first[h/64] |= 1 << (h % 64)
		h = textkey.Hash(z) & 1023
		second[h/64] |= 1 << (h % 64)
	}
	b.WriteString("// searchBigramFirst has bit textkey.Hash(term) % 1024 set for the first\n// term of every pair, and searchBigramSecond for the second, so that a\n// search skips most pairs of a query without hashing or probing them.\n")
	genfile.WriteList(b, "searchBigramFirst", "uint64", len(first), 4, func(i int) string { return fmt.Sprintf("%#016x", first[i]) })
	genfile.WriteList(b, "searchBigramSecond", "uint64", len(second), 4, func(i int) string { return fmt.Sprintf("%#016x", second[i]) })
}

// conceptFilterBits is the size in bits of the concept table's two term
// filters (searchConceptStart and searchConceptInner), a power of two.
const conceptFilterBits = 1 << 14

// numbersOf returns the words of ask that hold a digit, joined by spaces:
// what a whole concept's ask puts in the asks field ("1102" of "error
// 1102").
func numbersOf(ask string) string {
	var out []string
	for _, w := range strings.Fields(ask) {
		if strings.ContainsAny(w, "0123456789") {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

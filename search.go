package httpref

import (
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/textkey"
)

// Fields is a set of catalog fields, as matched by a search query. Its
// String method lists them, such as "phrase, alias".
type Fields uint16

// The searchable fields. FieldCode and FieldClass match a code ("404") or
// a class pattern ("5xx", "50x") in the query; the others match words.
const (
	FieldCode       Fields = 1 << iota // the status code itself
	FieldPhrase                        // the reason phrase
	FieldAlias                         // former and alternative phrases
	FieldConstant                      // the net/http constant name
	FieldVariant                       // other meanings given by vendors
	FieldSource                        // the defining document or vendor
	FieldCategory                      // class, lifecycle and recommendation names
	FieldSummary                       // the one-sentence summary
	FieldDetails                       // the longer description
	FieldSituations                    // the common situations
	FieldChecks                        // what to check
	FieldAvoidWhen                     // when not to use the code
	FieldClass                         // a class pattern such as "5xx"
)

var fieldNames = [...]string{
	"code", "phrase", "alias", "constant", "variant", "source", "category",
	"summary", "details", "situations", "checks", "avoid_when", "class",
}

// String lists the fields in f by name, most specific first, separated by
// ", " (for example "phrase, alias"); the empty set gives "".
func (f Fields) String() string {
	var b strings.Builder
	for i, name := range fieldNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(name)
		}
	}
	return b.String()
}

// Names returns the names of the fields in f, in the order of String.
func (f Fields) Names() []string {
	names := make([]string, 0, bits.OnesCount16(uint16(f)))
	for i, name := range fieldNames {
		if f&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return names
}

// Result is one entry found by Search.
type Result struct {
	Status  Status  // the catalog entry
	Score   float64 // relevance, higher is better; comparable within one call only
	Matched Fields  // the fields in which the query matched
}

// SearchOption is an option of Search and AppendSearch: a result limit or
// a filter. It is a small value, so passing options allocates nothing.
// Filters of different kinds must all hold (class and vendor, ...); filters
// of the same kind accept any of their values (InClass(ClientError) and
// InClass(ServerError) keep 4xx and 5xx entries).
type SearchOption struct {
	kind optionKind
	n    int
}

type optionKind uint8

const (
	optLimit optionKind = iota + 1
	optClass
	optLifecycle
	optVendor
	optRecommendation
)

// DefaultLimit is the number of results Search returns without a Limit
// option.
const DefaultLimit = 10

// Limit is an option that returns at most n results (DefaultLimit without
// it). A limit of zero or less returns every matching entry.
func Limit(n int) SearchOption { return SearchOption{optLimit, n} }

// InClass is a filter option that keeps entries of class c.
func InClass(c Class) SearchOption { return SearchOption{optClass, int(c)} }

// WithLifecycle is a filter option that keeps entries whose lifecycle is l.
func WithLifecycle(l Lifecycle) SearchOption { return SearchOption{optLifecycle, int(l)} }

// FromVendor is a filter option that keeps entries defined by v.
func FromVendor(v Vendor) SearchOption { return SearchOption{optVendor, int(v)} }

// WithRecommendation is a filter option that keeps entries whose
// recommendation is r.
func WithRecommendation(r Recommendation) SearchOption {
	return SearchOption{optRecommendation, int(r)}
}

// searchFilter is the parsed form of a list of options.
type searchFilter struct {
	limit                           int
	class, lifecycle, vendor, recom uint32 // bit sets of accepted values; 0 accepts all
}

func parseOptions(opts []SearchOption) searchFilter {
	f := searchFilter{limit: DefaultLimit}
	for _, o := range opts {
		bit := uint32(1) << (uint(o.n) & 31)
		if o.n < 0 || o.n > 31 {
			bit = 1 << 31 // an impossible value: matches nothing
		}
		switch o.kind {
		case optLimit:
			f.limit = o.n
		case optClass:
			f.class |= bit
		case optLifecycle:
			f.lifecycle |= bit
		case optVendor:
			f.vendor |= bit
		case optRecommendation:
			f.recom |= bit
		}
	}
	return f
}

func searchAccepts(set uint32, v uint16) bool { return set == 0 || set&(1<<v) != 0 }

// accepts reports whether the entry with searchDocInfo info passes the
// filters.
func (f *searchFilter) accepts(info uint16) bool {
	return searchAccepts(f.class, info&15) && searchAccepts(f.lifecycle, info>>4&15) &&
		searchAccepts(f.recom, info>>8&15) && searchAccepts(f.vendor, info>>12)
}

// Search finds the catalog entries that best match query, best first. The
// query may be a code ("404", "HTTP/1.1 503 Service Unavailable", "４２９"),
// a class pattern ("5xx", "50x"), a phrase ("payload too large"), a net/http
// constant ("StatusTooManyRequests"), or words from a symptom or log line
// ("cloudflare timeout", "redirect loop"), in any case, with plural and
// verb forms, British or American spelling and small typos. Options limit
// the number of results (Limit, 10 by default) and filter them (InClass,
// WithLifecycle, FromVendor, WithRecommendation).
//
// Search returns nil when nothing matches or the query has no words. It
// accepts any input (invalid UTF-8 separates words) and reads at most the
// first 512 bytes and 32 terms. Apart from the returned slice it allocates
// nothing, and it is safe for concurrent use.
//
// # Scoring
//
// The score of an entry is a field-weighted BM25 (BM25F) sum over the
// query's terms. Each field has a weight (phrase 8, alias 6, net/http
// constant 5, source 4, summary 3, variant 2, category, details and
// situations 1, checks 0.6, avoid-when 0.4) and a length normalization;
// the weighted term frequencies of an entry are summed, saturated
// (k1 = 1.2) and multiplied by the term's inverse document frequency, so
// words found in most entries ("request", "response", "upstream") count
// little. The synonym groups of the source table are applied when the index
// is built: a text that says "throttled" is also indexed under "rate limit".
// The per-term scores are computed at generate time and stored in the
// index (see catalog_gen.go). At query time:
//
//   - a term missing from the index is corrected to the nearest index terms
//     of the short fields (at most three), within edit distance 1 for words
//     of 4-7 letters or 2 for longer ones, at 0.7 or 0.5 of their weight;
//     transposed letters count as one edit;
//   - two adjacent words also match the compound they form ("retry after"
//     matches "Retry-After", "web socket" matches "WebSocket");
//   - a catalog code in the query adds 30 to its entry, and a class pattern
//     such as "5xx" or "50x" adds 3 to each entry it covers;
//   - a query whose terms (typos corrected) are exactly those of a phrase,
//     alias or constant name adds 12 to that entry;
//   - an entry's sum is scaled by 0.5 + 0.5 × the share of the query's terms
//     it matched, so entries that match all words win over entries that
//     match one word often;
//   - finally the score is multiplied by a prior: 1 for standard codes,
//     0.97 for temporary registrations and 0.94 for deprecated, reserved
//     and non-standard ones, so that on equal relevance the standard code
//     comes first ("Unauthorized": 401 before 561). Ties then go to the
//     standard code and then to the lower code.
func Search(query string, opts ...SearchOption) []Result {
	var st searchState
	st.run(query, opts)
	if st.n == 0 {
		return nil
	}
	out := make([]Result, st.n)
	for i := range out {
		out[i] = st.result(i)
	}
	return out
}

// AppendSearch is Search that appends the results to dst and returns the
// extended slice. With a dst of enough capacity it allocates nothing.
func AppendSearch(dst []Result, query string, opts ...SearchOption) []Result {
	var st searchState
	st.run(query, opts)
	for i := range st.n {
		dst = append(dst, st.result(i))
	}
	return dst
}

// searchState is one search: the scores, then the ranked hits.
type searchState struct {
	searchScorer
	keys [catalogSize]uint64 // the hits, best first (see sortKey)
	n    int                 // the number of hits
}

// result returns hit i.
func (st *searchState) result(i int) Result {
	k := st.keys[i]
	d := 255 - uint8(k)
	return Result{Status: Status{&entries[d]}, Score: float64(math.Float32frombits(uint32(k >> 32))), Matched: st.fields[d]}
}

// Limits on the work done for one query.
const (
	maxQueryBytes   = 512
	smallQueryBytes = 64
	maxQueryTerms   = 32
	termBufSize     = 3*maxQueryBytes + 2*textkey.MaxWord // what AppendASCII can write
	maxKeyBytes     = 128                                 // longer queries are no phrase
	maxJoinTerms    = 8                                   // join adjacent terms in queries this short
)

// Score parts that are not BM25F (see Search).
const (
	codeBonus   = 30
	classBonus  = 3
	phraseBonus = 12
	typoWeight1 = 0.7
	typoWeight2 = 0.5
	maxTypoHits = 3
	coordBase   = 0.5
)

// unicodeBufs are the buffers of the Unicode path of the tokenizer, which
// must live on the heap; they are reused through a pool.
type unicodeBufs struct{ terms, scratch []byte }

var unicodePool = sync.Pool{New: func() any { return new(unicodeBufs) }}

// run scores the catalog against query and ranks the hits that pass the
// options.
func (st *searchState) run(query string, opts []SearchOption) {
	f := parseOptions(opts)
	if len(query) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(query[cut]) {
			cut--
		}
		query = query[:cut]
	}
	switch {
	case !textkey.IsASCII(query):
		ub := unicodePool.Get().(*unicodeBufs)
		ub.terms = textkey.AppendUnicode(ub.terms[:0], query, &ub.scratch)
		st.score(ub.terms)
		unicodePool.Put(ub)
	case len(query) <= smallQueryBytes:
		// Most queries are short: do not clear the large buffer for them.
		var buf [3*smallQueryBytes + 2*textkey.MaxWord]byte
		st.score(textkey.AppendASCII(buf[:0], query))
	default:
		var buf [termBufSize]byte
		st.score(textkey.AppendASCII(buf[:0], query))
	}
	// Keep the best limit hits in order, by insertion: the list is short
	// unless the caller asks for everything.
	limit := f.limit
	if limit <= 0 || limit > catalogSize {
		limit = catalogSize
	}
	keys, n := &st.keys, 0
	filtered := f.class|f.lifecycle|f.vendor|f.recom != 0
	var last float32 // the score of keys[n-1] when the list is full
	for _, h := range st.hits[:st.nhits] {
		d := int(h)
		// The prior is at most 1: a raw score below the last kept one
		// cannot make the list.
		if st.acc[d] <= 0 || n == limit && st.acc[d] < last ||
			filtered && !f.accepts(searchDocInfo[d]) {
			continue
		}
		k := sortKey(d, st.acc[d])
		j := n
		if n < limit {
			n++
		} else if k > keys[n-1] {
			j = n - 1
		} else {
			continue
		}
		for ; j > 0 && k > keys[j-1]; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
		if n == limit {
			last = math.Float32frombits(uint32(keys[n-1] >> 32))
		}
	}
	st.n = n
}

// sortKey weighs the score of entry d by its prior and packs the result
// into one number that orders hits, greater first: by weighted score, then
// standard before temporary before the other lifecycles, then by code
// (entries are in code order). Scores are positive, and the bits of
// positive float32 values order like the values.
func sortKey(d int, score float32) uint64 {
	rank := uint64(0) // 2: standard, 1: temporary, 0: others
	switch Lifecycle(searchDocInfo[d] >> 4 & 15) {
	case Standard:
		rank = 2
	case Temporary:
		rank, score = 1, score*0.97
	default:
		score *= 0.94
	}
	return uint64(math.Float32bits(score))<<32 | rank<<8 | uint64(255-d)
}

// searchScorer accumulates the scores of one query.
type searchScorer struct {
	acc    [catalogSize]float32
	fields [catalogSize]Fields
	cover  [catalogSize]uint32 // bit i: the entry matched query term i
	bit    uint32              // the bit of the current query term
	nterms int
	hits   [catalogSize + 1]uint8 // the entries with a nonzero cover, in the order they were hit (one spare slot for hit)
	nhits  int
}

// hit records that entry d matched the current query term.
func (s *searchScorer) hit(d int) {
	// Branch-free: always write the slot, advance only for a new entry.
	s.hits[s.nhits] = uint8(d)
	first := 0
	if s.cover[d] == 0 {
		first = 1
	}
	s.nhits += first
	s.cover[d] |= s.bit
}

// score adds the contributions of the space-terminated terms, then the
// exact-phrase bonus, then scales each entry by the share of the query's
// terms that it matched (see coordination).
func (s *searchScorer) score(terms []byte) {
	var (
		kbuf [maxKeyBytes]byte
		key  = kbuf[:0] // the query's terms, typos corrected
		rest = terms
		prev []byte // the previous term
	)
	for ; len(rest) > 0 && s.nterms < maxQueryTerms; s.nterms++ {
		i := 0
		for i < len(rest) && rest[i] != ' ' {
			i++
		}
		t := rest[:i]
		if i < len(rest) {
			i++
		}
		rest = rest[i:]
		s.bit = 1 << s.nterms
		id := s.term(t)
		// A compound typed as two words ("retry after", "web socket")
		// also matches the joined term ("Retry-After", "WebSocket").
		if s.nterms > 0 && s.nterms < maxJoinTerms && len(prev)+len(t) <= textkey.MaxWord {
			var jbuf [textkey.MaxWord]byte
			if jid := findTerm(append(append(jbuf[:0], prev...), t...)); jid >= 0 {
				s.postings(jid, 1)
			}
		}
		prev = t
		n := len(t)
		if id >= 0 {
			n = int(searchTermOff[id+1] - searchTermOff[id])
		}
		if len(key)+1+n > cap(key) {
			key = kbuf[:cap(kbuf)] // too long for any phrase
			continue
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		if id >= 0 {
			key = append(key, searchTermText[searchTermOff[id]:searchTermOff[id+1]]...)
		} else {
			key = append(key, t...)
		}
	}
	// Exact phrase: the query's terms are those of a phrase, alias or
	// constant name.
	h := textkey.Hash(key)
	const mask = len(searchPhraseHash) - 1
	for i := int(h) & mask; searchPhraseHash[i] != 0; i = (i + 1) & mask {
		k := int(searchPhraseHash[i]) - 1
		if searchPhraseKeys[k] != string(key) {
			continue
		}
		for ; k < len(searchPhraseKeys) && searchPhraseKeys[k] == string(key); k++ {
			s.acc[searchPhraseDoc[k]] += phraseBonus
		}
		break
	}
	if s.nterms > 1 {
		step := (1 - coordBase) / float32(s.nterms)
		for _, d := range s.hits[:s.nhits] {
			s.acc[d] *= coordBase + step*float32(bits.OnesCount32(s.cover[d]))
		}
	}
}

// term adds the contribution of one query term. It returns the id of the
// index term that matched it, or of its typo correction, or -1.
func (s *searchScorer) term(t []byte) int {
	if len(t) == 0 {
		return -1
	}
	if len(t) == 3 && isASCIIDigit(t[0]) {
		switch {
		case isASCIIDigit(t[1]) && isASCIIDigit(t[2]):
			code := int(t[0]-'0')*100 + int(t[1]-'0')*10 + int(t[2]-'0')
			if p := position(Code(code)); p >= 0 {
				s.acc[p] += codeBonus
				s.fields[p] |= FieldCode
				s.hit(p)
			}
		case t[2] == 'x' && (t[1] == 'x' || isASCIIDigit(t[1])):
			s.classPattern(t)
			return -1
		}
	}
	if id := findTerm(t); id >= 0 {
		s.postings(id, 1)
		return id
	}
	return s.typo(t)
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// classPattern adds classBonus to each entry whose code matches a pattern
// such as "5xx" or "50x".
func (s *searchScorer) classPattern(t []byte) {
	for d := range entries {
		c := entries[d].text
		if c[0] == t[0] && (t[1] == 'x' || c[1] == t[1]) {
			s.acc[d] += classBonus
			s.fields[d] |= FieldClass
			s.hit(d)
		}
	}
}

// postings adds the postings of term id, scaled by w.
func (s *searchScorer) postings(id int, w float32) {
	for _, p := range searchPostings[searchTermPost[id]:searchTermPost[id+1]] {
		d := p & 0x7f
		s.acc[d] += w * float32(p>>18) / 1024
		s.fields[d] |= Fields(p>>7&0x7ff) << 1
		s.hit(int(d))
	}
}

// findTerm returns the id of term t in the index, or -1. It probes
// searchTermHash, whose hash is textkey.Hash (32-bit FNV-1a).
func findTerm(t []byte) int {
	h := textkey.Hash(t)
	const mask = len(searchTermHash) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		v := int(searchTermHash[i])
		if v == 0 {
			return -1
		}
		if searchTermText[searchTermOff[v-1]:searchTermOff[v]] == string(t) {
			return v - 1
		}
	}
}

// typo corrects a term that is not in the index to the nearest terms of
// searchTypo and adds their postings at a reduced weight.
func (s *searchScorer) typo(t []byte) int {
	n := len(t)
	if n < 4 || n > textkey.MaxWord {
		return -1
	}
	var mask uint32
	for _, c := range t {
		if c < 'a' || c > 'z' {
			return -1
		}
		mask |= 1 << (c - 'a')
	}
	maxDist := 1
	if n >= 8 {
		maxDist = 2
	}
	if maxDist == 1 {
		return s.typo1(t)
	}
	lo := searchTypoLen[n-maxDist]
	hi := searchTypoLen[min(n+maxDist+1, len(searchTypoLen)-1)]
	var (
		best  = maxDist + 1
		found [maxTypoHits]uint16
		nf    int
	)
	for i := lo; i < hi; i++ {
		m := searchTypoMask[i]
		if bits.OnesCount32(mask&^m) > maxDist || bits.OnesCount32(m&^mask) > maxDist {
			continue
		}
		id := searchTypo[i]
		cand := searchTermText[searchTermOff[id]:searchTermOff[id+1]]
		d := editDistance(t, cand, min(best, maxDist))
		switch {
		case d < best:
			best, nf = d, 0
			fallthrough
		case d == best && nf < maxTypoHits:
			found[nf] = id
			nf++
		}
	}
	if nf == 0 || best > maxDist {
		return -1
	}
	w := float32(typoWeight1)
	if best > 1 {
		w = typoWeight2
	}
	for _, id := range found[:nf] {
		s.postings(int(id), w)
	}
	return int(found[0])
}

// typo1 is typo for words of 4-7 letters: it finds the index terms within
// one edit through the deletion index (see searchDelText) and adds the
// first maxTypoHits of them in searchTypo order (by length, then term).
func (s *searchScorer) typo1(t []byte) int {
	var (
		found [16]uint16
		nf    int
		vbuf  [textkey.MaxWord]byte
	)
	for i := -1; i < len(t); i++ {
		v := t
		if i >= 0 {
			v = append(append(vbuf[:0], t[:i]...), t[i+1:]...)
		}
		k := findDel(v)
		if k < 0 {
			continue
		}
	ids:
		for _, id := range searchDelIDs[searchDelStart[k]:searchDelStart[k+1]] {
			for _, f := range found[:nf] {
				if f == id {
					continue ids
				}
			}
			if nf < len(found) && editDistance(t, searchTermText[searchTermOff[id]:searchTermOff[id+1]], 1) == 1 {
				found[nf] = id
				nf++
			}
		}
	}
	if nf == 0 {
		return -1
	}
	termLen := func(id uint16) uint32 { return searchTermOff[id+1] - searchTermOff[id] }
	for i := 1; i < nf; i++ { // insertion sort by (length, id)
		for j := i; j > 0 && (termLen(found[j]) < termLen(found[j-1]) ||
			termLen(found[j]) == termLen(found[j-1]) && found[j] < found[j-1]); j-- {
			found[j], found[j-1] = found[j-1], found[j]
		}
	}
	for _, id := range found[:min(nf, maxTypoHits)] {
		s.postings(int(id), typoWeight1)
	}
	return int(found[0])
}

// findDel returns the index of key v in the deletion index, or -1.
func findDel(v []byte) int {
	h := textkey.Hash(v)
	const mask = len(searchDelHash) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		k := int(searchDelHash[i])
		if k == 0 {
			return -1
		}
		if searchDelText[searchDelOff[k-1]:searchDelOff[k]] == string(v) {
			return k - 1
		}
	}
}

// editDistance returns the optimal string alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// letters), or limit+1 when it exceeds limit. Both are at most
// textkey.MaxWord bytes.
func editDistance(a []byte, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [3][textkey.MaxWord + 1]uint8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = uint8(i)
		rowMin := uint8(i)
		for j := 1; j <= len(b); j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if int(rowMin) > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(int(prev[len(b)]), limit+1)
}

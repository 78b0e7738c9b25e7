package httpref

import "strings"

// Search reads a query as a pasted message too. When it matches error
// signatures (see Explain), the first code of each signature, the one its
// product sends with it, gains
//
//	score × strength × sigBonus + sigTakeOver × cover² × top
//
// where score is the match's score, strength the matched words' length up
// to sigFullChars ("request timeout" inside a paragraph is weak evidence,
// a whole log message or an error code such as invalid_grant strong; see
// sigEvidenceChars) or the cover when larger, cover the share of
// the query's words the signature explains, and top the best score the
// words alone gave any entry: a message that is most of the query takes
// over from the words. A message matched in full gains sigFullBonus in
// place of score × sigBonus. The signature's other codes gain sigOtherCode of
// the first term only, so that a whole message decides for its own code
// rather than leaving the choice among its codes to the words around it.
// An entry gains its best signature's gain in full and the others' at
// sigMore, so that a message many products print does not outweigh one
// that names its product, while two messages that agree count for more
// than one. A signature marked alone (common words such as Spring
// Security's "Bad credentials" or Echo's "rate limit exceeded") gains
// nothing: the catalog's phrases and asks read those words, and the
// product they may name is Explain's answer, not a code. Nor does a
// signature matched in part when another, matched in full, gives the
// response's status itself (see noteStated), or when another of its
// product's matches better: nginx's "upstream timed out ... while reading
// response header from upstream" holds the tail that a dozen of nginx's
// 502 messages share, and those parts of other messages added up to put
// 502 first.
//
// sigFullBonus was sigBonus, 20, while the table was smaller. With about
// 6,100 signatures, 28 was chosen on the tune part of the real-world set
// with the word model off (the model is trained on that part, and learns
// to make up for a weight that is off): tune part 29 texts gained and 16
// lost (net gains, with this file's other change and refuse's: 22 at
// 24, 26 at 28, 27 at 32, 22 at 40);
// with the model on, tune part 25 gained and 17 lost, score part 18 and
// 16. Raising sigBonus as well did as well on the tune part, but put the
// parts of messages that a question shares words with first ("duplicate
// resource already exists" read as sabre/dav's 405 for an existing
// collection).
const (
	sigBonus     = 20
	sigFullBonus = 28
	sigOtherCode = 0.8
	sigFullChars = 40
	sigTakeOver  = 1.0
	sigMore      = 0.3
)

// signatureGains adds the gains of the signatures that query matches.
func (st *searchState) signatureGains(query string) {
	if sigCount == 0 {
		return
	}
	var a anchoredScan
	if a.scan(query) {
		st.addSignatureGains(query, a.seen[:a.nseen], a.measure)
		return
	}
	st.wideSignatureGains(query)
}

// wideSignatureGains is signatureGains for a query that anchoredScan
// cannot finish: it follows every anchored signature (wideScan), or every
// signature when the query anchors more than maxAnchored.
func (st *searchState) wideSignatureGains(query string) {
	var a wideScan
	if a.scan(query) {
		st.addSignatureGains(query, a.seen[:a.nseen], a.measure)
		return
	}
	st.allSignatureGains(query)
}

// addSignatureGains adds the gains of the signatures in seen, the ones
// that one scan of query followed, given the score and cover of each.
func (st *searchState) addSignatureGains(query string, seen []uint16, measure func(sig uint32) (score, cover float32)) {
	var g sigGains
	g.noteStated(st, seen, measure)
	g.add(st, query, seen, measure)
	g.apply(st)
}

// allSignatureGains is signatureGains for a query that anchors more than
// maxAnchored signatures: it follows every signature, a chunk at a time
// (see explainChunk), twice when the table is more than one chunk (first
// for noteStated). withinLonger compares the signatures of one chunk.
func (st *searchState) allSignatureGains(query string) {
	var (
		ex explainState
		g  sigGains
	)
	for lo := 0; lo < sigCount; lo += explainChunk {
		ex.follow(query, lo)
		g.noteStated(st, ex.seen[:ex.nseen], ex.measure)
	}
	for lo := 0; lo < sigCount; lo += explainChunk {
		ex.follow(query, lo)
		g.add(st, query, ex.seen[:ex.nseen], ex.measure)
	}
	g.apply(st)
}

// sigGains adds up the gains of the signatures a query matches, over one
// scan or the chunks of one, before apply adds them to the scores.
type sigGains struct {
	top        float32                      // the best score the words gave, once a signature matched
	gain, best [catalogSize]float32         // the sum of an entry's gains, and the best
	any        bool                         // whether an entry gained
	stated     bool                         // whether a message that gives the status matched in full (see noteStated)
	products   [maxProductBests]productBest // each product's best match score, while they fit (see noteStated)
	nproducts  int                          // the number of products, or more than maxProductBests when they did not fit
}

// productBest is a product's best match score among a text's signatures.
type productBest struct {
	product string
	score   float32
}

// maxProductBests is how many products' best scores sigGains keeps; a
// text that matches more keeps every partial match's gain.
const maxProductBests = 16

// bestOf returns the best match score of product's signatures, or 0 when
// that is not known.
func (g *sigGains) bestOf(product string) float32 {
	if g.nproducts > maxProductBests {
		return 0
	}
	for _, p := range g.products[:g.nproducts] {
		if p.product == product {
			return p.score
		}
	}
	return 0
}

// noteBest notes the match score of signature i for its product.
func (g *sigGains) noteBest(i int, sc float32) {
	if g.nproducts > maxProductBests {
		return
	}
	product := signatures[i].product
	for k := range g.products[:g.nproducts] {
		if p := &g.products[k]; p.product == product {
			p.score = max(p.score, sc)
			return
		}
	}
	if g.nproducts == maxProductBests {
		g.nproducts++ // too many: known for none
		return
	}
	g.products[g.nproducts] = productBest{product, sc}
	g.nproducts++
}

// noteStated notes, for the signatures of seen that match, each
// product's best match score (see bestOf), and whether one whose text
// gives the response's status ("… Status code: {num}." in Firefox's CORS
// errors) matched in full in a query that names one status: add then
// gives nothing to the signatures matched in part that do not give it,
// such as the other CORS messages of Firefox that share its words
// ("(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match
// ‘…’)") and would otherwise add their usual codes, 200 and 204, to the
// one the text states.
func (g *sigGains) noteStated(st *searchState, seen []uint16, measure func(sig uint32) (score, cover float32)) {
	for _, x := range seen {
		sc, _ := measure(uint32(x))
		if sc < explainMinScore {
			continue
		}
		g.noteBest(int(x), sc)
		if sc >= 1 && signatures[x].statusInText && st.status.only() >= 0 {
			g.stated = true
		}
	}
}

// add adds the gains of the signatures in seen, those that a scan of
// query followed, given the score and cover of each (see sigTrack.score
// and sigTrack.cover).
func (g *sigGains) add(st *searchState, query string, seen []uint16, measure func(sig uint32) (score, cover float32)) {
	// Most texts match no signature: look before the work.
	matched := false
	for _, x := range seen {
		if sc, _ := measure(uint32(x)); sc >= explainMinScore {
			matched = true
			break
		}
	}
	if !matched {
		return
	}
	if g.top == 0 {
		for _, d := range st.hits[:st.nhits] {
			g.top = max(g.top, st.acc[d])
		}
	}
	top, gain, best := g.top, &g.gain, &g.best
	full, nfull := fullMatches(seen, measure)
	for _, x := range seen {
		sc, cover := measure(uint32(x))
		if sc < explainMinScore || g.stated && sc < 1 && !signatures[x].statusInText {
			continue // a message that gives the status outweighs a part of another
		}
		i := int(x)
		s := &signatures[i]
		if sc >= 1 && withinLonger(query, i, full[:nfull]) {
			continue // a part of a longer message the text holds
		}
		if sc < 1 && sc < g.bestOf(s.product) {
			continue // a part of a message of the product that another of its messages matches better
		}
		if s.alone {
			// Common words ("Bad credentials", "rate limit
			// exceeded"): the catalog's own fields read them, and the
			// product they may name is Explain's answer, not a code.
			continue
		}
		strength := max(min(1, sc*float32(sigEvidenceChars[i])/sigFullChars), cover)
		codes := sigCodes[s.codes.off : s.codes.off+s.codes.n]
		var stated [1]Code
		if d := st.status.only(); s.statusInText && d >= 0 {
			// The message gives the status itself ("Status code: 503"):
			// that code is its only one, and the usual ones do not count.
			stated[0] = entries[d].code
			codes = stated[:]
		}
		bonus := sc * sigBonus
		if sc >= 1 {
			bonus = sigFullBonus // a whole message
		}
		for k, c := range codes {
			d := position(c)
			v := strength * bonus
			if k > 0 {
				v *= sigOtherCode
			} else {
				v += sigTakeOver * cover * cover * top
				st.sent.add(d)
			}
			gain[d] += v
			best[d] = max(best[d], v)
			g.any = true
		}
	}
}

// apply adds to each entry its best signature's gain in full and the
// others' at sigMore.
func (g *sigGains) apply(st *searchState) {
	if !g.any {
		return
	}
	for d, x := range g.gain {
		if x > 0 {
			st.acc[d] += g.best[d] + sigMore*(x-g.best[d])
			st.fields[d] |= FieldSignature
			st.hit(d)
		}
	}
}

// maxFullMatches is the most signatures matched in full among which
// withinLonger looks for a longer message: a text that matches more
// (a paste of many messages, or junk built to match them) keeps every
// signature's gain rather than cost a comparison of each pair. The
// 33,423 real-world texts match six at most (TestFullMatchesCap).
const maxFullMatches = 8

// fullMatches returns the signatures of seen matched in full (score 1)
// and their number, which is 0 when there are more than maxFullMatches.
func fullMatches(seen []uint16, measure func(sig uint32) (score, cover float32)) (full [maxFullMatches]uint16, n int) {
	for _, x := range seen {
		if sc, _ := measure(uint32(x)); sc >= 1 {
			if n == len(full) {
				return full, 0
			}
			full[n] = x
			n++
		}
	}
	return full, n
}

// withinLonger reports whether signature i, matched in full in query, is
// part of a longer message that query holds: another signature of full
// (the signatures matched in full, see fullMatches) whose words include
// all of i's and more, and which query holds word for word (see
// holdsWords). Its words then belong to that message, and the product
// that prints them alone did not send it: Flask-WTF's "The CSRF session
// token is missing." holds every word of Django's "CSRF token missing."
// (403), and is a 400. A text that holds both messages only in scattered
// words ("Request Header Fields Too Large" holds Tomcat's "Request header
// is too large" and Jetty's "Header is too large") keeps both. Over the
// tune part of the real-world set eleven texts gained and none lost; the
// score part gained four.
func withinLonger(query string, i int, full []uint16) bool {
	for _, x := range full {
		j := int(x)
		if j == i || !wordsWithin(signatures[i].text, signatures[j].text) {
			continue
		}
		if holdsWords(query, signatures[j].text) {
			return true
		}
	}
	return false
}

// wordsWithin reports whether every word of signature text a is a word
// of signature text b and b has a word that a lacks (see sigTextWords).
func wordsWithin(a, b string) bool {
	for it := (sigTextWords{text: a}); ; {
		w, ok := it.next()
		if !ok {
			break
		}
		if !sigTextHolds(b, w) {
			return false
		}
	}
	for it := (sigTextWords{text: b}); ; {
		w, ok := it.next()
		if !ok {
			return false
		}
		if !sigTextHolds(a, w) {
			return true
		}
	}
}

// sigTextHolds reports whether signature text t has the word w (see
// sigTextWords), in any case.
func sigTextHolds(t, w string) bool {
	for it := (sigTextWords{text: t}); ; {
		v, ok := it.next()
		if !ok {
			return false
		}
		if strings.EqualFold(v, w) {
			return true
		}
	}
}

// holdsWords reports whether query holds the words of signature text t
// one after another, in any case: the words of each that are neither
// stop words nor numbers (a number fills a placeholder), with nothing
// else between them.
func holdsWords(query, t string) bool {
	for i := 0; ; {
		start, end, next := nextTextWord(query, i)
		if start == end {
			return false
		}
		if holdsWordsAt(query, start, t) {
			return true
		}
		i = next
	}
}

// holdsWordsAt reports whether the words of query from byte i on start
// with those of signature text t (see holdsWords).
func holdsWordsAt(query string, i int, t string) bool {
	for it := (sigTextWords{text: t}); ; {
		w, ok := it.next()
		if !ok {
			return true
		}
		start, end, next := nextTextWord(query, i)
		if start == end || !strings.EqualFold(query[start:end], w) {
			return false
		}
		i = next
	}
}

// nextTextWord returns the first word of query at or after byte i that
// is neither a stop word nor a number (see nextSigWord), as its start and
// end, and where to look for the next; start == end when there is none.
func nextTextWord(query string, i int) (start, end, next int) {
	for {
		start, end, h, number := nextSigWord(query, i)
		if start == end {
			return start, end, end
		}
		if !number && !isSigStop(h, query[start:end]) {
			return start, end, end
		}
		i = end
	}
}

// sigTextWords reads the words of a signature text as Explain matches
// them (sigtable.TextWords): runs of word bytes outside placeholders,
// stop words and numbers aside, and any word glued to a placeholder
// ("s" in "{num}s"), which a filled-in text holds only inside a longer
// word.
type sigTextWords struct {
	text  string
	i     int
	after bool // the byte before i ends a placeholder
}

// next returns the next word, as it is written, or false at the end.
func (it *sigTextWords) next() (string, bool) {
	t := it.text
	for it.i < len(t) {
		c := t[it.i]
		switch {
		case c == '{' && it.i+1 < len(t) && t[it.i+1] == '{', c == '}' && it.i+1 < len(t) && t[it.i+1] == '}':
			it.i += 2 // a literal brace
			it.after = false
		case c == '{':
			end := strings.IndexByte(t[it.i:], '}')
			if end < 0 {
				it.i = len(t)
				return "", false
			}
			it.i += end + 1
			it.after = true
		case sigLower[c] != 0:
			j := it.i
			for j < len(t) && sigLower[t[j]] != 0 {
				j++
			}
			w := t[it.i:j]
			glued := it.after || j+1 < len(t) && t[j] == '{' && t[j+1] != '{' || j+1 == len(t) && t[j] == '{'
			it.i, it.after = j, false
			if glued || allDigits(w) || isSigStop(sigHash(w), w) {
				continue
			}
			return w, true
		default:
			it.i++
			it.after = false
		}
	}
	return "", false
}

// sigHash is the FNV-1a hash of w's lower-case form, as nextSigWord
// computes it.
func sigHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(sigLower[w[i]])) * 16777619
	}
	return h
}

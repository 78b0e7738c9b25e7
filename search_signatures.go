package httpref

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
// over from the words. The signature's other codes gain sigOtherCode of
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
// response's status itself (see noteStated).
const (
	sigBonus     = 20
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
		st.addSignatureGains(a.seen[:a.nseen], a.measure)
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
		st.addSignatureGains(a.seen[:a.nseen], a.measure)
		return
	}
	st.allSignatureGains(query)
}

// addSignatureGains adds the gains of the signatures in seen, the ones
// that one scan followed, given the score and cover of each.
func (st *searchState) addSignatureGains(seen []uint16, measure func(sig uint32) (score, cover float32)) {
	var g sigGains
	g.noteStated(st, seen, measure)
	g.add(st, seen, measure)
	g.apply(st)
}

// allSignatureGains is signatureGains for a query that anchors more than
// maxAnchored signatures: it follows every signature, a chunk at a time
// (see explainChunk), twice when the table is more than one chunk (first
// for noteStated).
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
		g.add(st, ex.seen[:ex.nseen], ex.measure)
	}
	g.apply(st)
}

// sigGains adds up the gains of the signatures a query matches, over one
// scan or the chunks of one, before apply adds them to the scores.
type sigGains struct {
	top        float32              // the best score the words gave, once a signature matched
	gain, best [catalogSize]float32 // the sum of an entry's gains, and the best
	any        bool                 // whether an entry gained
	stated     bool                 // whether a message that gives the status matched in full (see noteStated)
}

// noteStated notes whether a signature of seen whose text gives the
// response's status ("… Status code: {num}." in Firefox's CORS errors)
// matched in full in a query that names one status: add then gives
// nothing to the signatures matched in part that do not give it, such as
// the other CORS messages of Firefox that share its words ("(Reason: CORS
// header ‘Access-Control-Allow-Origin’ does not match ‘…’)") and would
// otherwise add their usual codes, 200 and 204, to the one the text
// states.
func (g *sigGains) noteStated(st *searchState, seen []uint16, measure func(sig uint32) (score, cover float32)) {
	if g.stated || st.status.only() < 0 {
		return
	}
	for _, x := range seen {
		if sc, _ := measure(uint32(x)); sc >= 1 && signatures[x].statusInText {
			g.stated = true
			return
		}
	}
}

// add adds the gains of the signatures in seen, given the score and cover
// of each (see sigTrack.score and sigTrack.cover).
func (g *sigGains) add(st *searchState, seen []uint16, measure func(sig uint32) (score, cover float32)) {
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
	for _, x := range seen {
		sc, cover := measure(uint32(x))
		if sc < explainMinScore || g.stated && sc < 1 && !signatures[x].statusInText {
			continue // a message that gives the status outweighs a part of another
		}
		i := int(x)
		s := &signatures[i]
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
		for k, c := range codes {
			d := position(c)
			v := sc * strength * sigBonus
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

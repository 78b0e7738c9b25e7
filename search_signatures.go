package httpref

// Search reads a query as a pasted message too: when it matches error
// signatures (see Explain), the codes those signatures go with gain
// sigBonus times the match's score, the first code of a signature in full
// and the others at sigOtherCode of it. An entry keeps the best such gain
// over all signatures, so that a message many products print does not
// outweigh one that names its product.
const (
	sigBonus     = 20
	sigOtherCode = 0.8
)

// signatureGains adds the gains of the signatures that query matches.
func (st *searchState) signatureGains(query string) {
	if sigCount == 0 {
		return
	}
	ex := &st.ex
	ex.scan(query)
	var gain [catalogSize]float32
	any := false
	for i := range signatures {
		sc := ex.best[i]
		if sc < explainMinScore {
			continue
		}
		s := &signatures[i]
		for k, c := range sigCodes[s.codes.off : s.codes.off+s.codes.n] {
			d := position(c)
			g := sigBonus * sc
			if k > 0 {
				g *= sigOtherCode
			}
			if g > gain[d] {
				gain[d], any = g, true
			}
		}
	}
	if !any {
		return
	}
	for d, g := range gain {
		if g > 0 {
			st.acc[d] += g
			st.fields[d] |= FieldSignature
			st.hit(d)
		}
	}
}

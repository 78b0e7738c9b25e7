package httpref

// Search reads a query as a pasted message too: when it matches error
// signatures (see Explain), the codes those signatures go with gain
// sigBonus times the match's score times its strength, the matched words'
// length up to sigFullChars: "request timeout" inside a paragraph is weak
// evidence, a whole log message strong. The first code of a signature
// gains in full, the others sigOtherCode of it. An entry keeps its best
// gain over all signatures, so that a message many products print does
// not outweigh one that names its product.
const (
	sigBonus     = 20
	sigOtherCode = 0.8
	sigFullChars = 40
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
		strength := min(1, sc*float32(sigWordChars[i])/sigFullChars)
		for k, c := range sigCodes[s.codes.off : s.codes.off+s.codes.n] {
			d := position(c)
			g := sc * strength * sigBonus
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

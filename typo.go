package httpref

import (
	"math/bits"

	"github.com/httpref/httpref/internal/textkey"
)

// typo corrects a term that is not in the index to the nearest terms of
// searchTypo and adds their postings at a reduced weight.
func (s *searchScorer) typo(t []byte) int {
	n := len(t)
	if n < 4 || n > textkey.MaxWord || s.typos >= maxTypoTerms {
		return -1
	}
	s.typos++
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
		pat   osaPattern
	)
	pat.init(t)
	for i := lo; i < hi; i++ {
		m := searchTypoMask[i]
		if bits.OnesCount32(mask&^m) > maxDist || bits.OnesCount32(m&^mask) > maxDist {
			continue
		}
		id := searchTypo[i]
		cand := searchTermText[searchTermOff[id]:searchTermOff[id+1]]
		d := pat.distance(cand, min(best, maxDist))
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
		pat   osaPattern
		ready bool // pat holds t
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
			if nf == len(found) {
				continue
			}
			if !ready {
				pat.init(t)
				ready = true
			}
			if pat.distance(searchTermText[searchTermOff[id]:searchTermOff[id+1]], 1) == 1 {
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
	return probe(searchDelHash[:], textkey.Hash(v), func(k int) bool {
		return searchDelText[searchDelOff[k]:searchDelOff[k+1]] == string(v)
	})
}

// osaPattern is a word prepared for editDistance's bit-parallel
// algorithm: peq[slot[c]] has bit i set where the word's byte i is c.
// Slot 0 stands for the bytes that the word does not hold, so peq[0] is 0.
type osaPattern struct {
	slot [256]uint8
	peq  [textkey.MaxWord + 1]uint64
	n    int
}

// The bit-parallel distance keeps one bit per byte of the pattern word in
// a uint64: this constant does not compile if textkey.MaxWord exceeds 64.
const _ = uint(64 - textkey.MaxWord)

// init prepares a (at most textkey.MaxWord bytes) for
// (*osaPattern).distance.
func (p *osaPattern) init(a []byte) {
	p.slot = [256]uint8{}
	p.n = len(a)
	p.peq[0] = 0
	next := uint8(1)
	for i, c := range a {
		k := p.slot[c]
		if k == 0 {
			k, next = next, next+1
			p.slot[c] = k
			p.peq[k] = 0
		}
		p.peq[k] |= 1 << i
	}
}

// editDistance returns the optimal string alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// letters), or limit+1 when it exceeds limit. Both are at most
// textkey.MaxWord bytes. A caller that measures one word against many
// prepares it once with (*osaPattern).init instead.
func editDistance(a []byte, b string, limit int) int {
	var p osaPattern
	p.init(a)
	return p.distance(b, limit)
}

// distance is editDistance from the pattern word to b. It runs Hyyrö's
// bit-parallel algorithm (Myers's bit vectors, with Hyyrö's extension for
// transpositions): bit i of vp and vn tells whether, in the current
// column j of the dynamic programming table D, D[i+1][j]-D[i][j] is +1 or
// -1, and d follows D[n][j] along the last row.
func (p *osaPattern) distance(b string, limit int) int {
	n := p.n
	if d := n - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if n == 0 {
		return min(len(b), limit+1)
	}
	var (
		vp     = ^uint64(0)
		vn     uint64
		d0     uint64
		pmPrev uint64
		last   = uint64(1) << (n - 1)
		d      = n
	)
	for i := 0; i < len(b); i++ {
		pm := p.peq[p.slot[b[i]]]
		tr := ((^d0 & pm) << 1) & pmPrev
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&last != 0 {
			d++
		} else if hn&last != 0 {
			d--
		}
		hp = hp<<1 | 1
		vp = hn<<1 | ^(d0 | hp)
		vn = hp & d0
		pmPrev = pm
	}
	return min(d, limit+1)
}

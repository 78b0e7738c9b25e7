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
	return probe(searchDelHash[:], textkey.Hash(v), func(k int) bool {
		return searchDelText[searchDelOff[k]:searchDelOff[k+1]] == string(v)
	})
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

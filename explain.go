package httpref

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unsafe"
)

// Match is one error signature that a text matches, as Explain finds it.
type Match struct {
	Signature Signature `json:"signature"` // the message, its product, layer and codes
	Score     float64   `json:"score"`     // how much of the signature the text holds, from 0.6 to 1 (see Explain)
}

// explainShortWords (declared with the generated tables, which anchor a
// short message by its rarest word for it) is the most words a signature
// may have and still need every one of them: in a message of four words or
// fewer, the common ones ("request", "too", "long") fill the share
// explainMinScore asks for, so "request took too long" would match
// "Request line too long".

// explainMinScore (declared with the generated tables) is the least share
// of a signature's words that a text must hold, in order and close
// together, for Explain to report it.

// Explain returns the error signatures that a pasted log line, error page
// or console message matches, best first (a message made only of words
// that status lines hold, such as Next.js's "500: Internal Server Error",
// after every message with a word of its own): for the incident question
// "who produced this, and what does it mean". A signature matches when most of
// its words (case aside, placeholders and stop words skipped) appear in
// the text in order and close together; words count by their length and
// by how rare they are among signatures, so the words that tell two
// messages apart weigh most. A product's error code that names one message
// (Heroku's "H12", Apache httpd's "AH00957") matches it alone, at the
// least score, and so does a page's number right after its "error"
// (Cloudflare's "error 1102"). A message of words that people and other software also
// write (Spring Security's "Bad credentials", Laravel's
// "Unauthenticated.") matches only when it is much of the text, not
// inside a sentence, unless the sentence names its product and the
// message has no placeholder ("Grafana shows origin not allowed"); so
// does a status line and nothing more (nginx's
// bare "502 Bad Gateway", Chrome's "HTTP ERROR 500"), and a match needs
// a word that no status line holds ("Method not allowed" alone is not
// Slim's "Method not allowed. Must be one of: ..."); neither kind matches
// a text that talks about a status rather than pastes it ("Return 405
// Method Not Allowed for unknown verbs"; see talkWords). Explain returns
// nothing rather than a guess when nothing matches; it accepts any input,
// invalid UTF-8 and megabytes of junk included, and allocates only its
// result. A text of up to 512 bytes is read as Search reads it: once for
// its words, then only the signatures that those words anchor are
// followed (about 6 µs for a pasted nginx error line); a longer text in
// one pass over it for every 3,840 signatures of the table. A second
// pass, over its letters only, tells a text that talks about a message
// when a message of those kinds matched.
func Explain(text string) []Match {
	if len(text) <= maxScanQueryBytes {
		if ms, ok := explainShort(text); ok {
			return ms
		}
	}
	return explainFull(text)
}

// explainShort is Explain for a text of at most maxScanQueryBytes, with
// the scans that Search makes (see appendExplainShort); ok is false when
// neither could finish.
func explainShort(text string) ([]Match, bool) {
	var buf [maxAnchored]Match // a scan has at most maxAnchored signatures with a score
	found, ok := appendExplainShort(buf[:0], text)
	if len(found) == 0 {
		return nil, ok
	}
	sortMatches(found)
	return slices.Clone(found), true
}

// explainFull is Explain with a scan of every signature, a chunk at a
// time (see explainChunk). The matches gather in a buffer on the stack;
// only when they outgrow it (more than explainFullBuffer) is the text read
// a second time, chunk by chunk, to fill a slice of their number.
func explainFull(text string) []Match {
	var (
		st  explainState
		buf [explainFullBuffer]Match
	)
	found := buf[:0]
	n := 0
	for lo := 0; lo < sigCount; lo += explainChunk {
		st.scan(text, lo)
		if k := st.matches(); n+k <= len(buf) {
			found = st.appendMatches(found)
			n += k
		} else {
			n = len(buf) + 1 // outgrown: count them all below
			break
		}
	}
	if n == 0 {
		return nil
	}
	if n <= len(buf) {
		sortMatches(found)
		return slices.Clone(found)
	}
	n = 0
	for lo := 0; lo < sigCount; lo += explainChunk {
		st.scan(text, lo)
		n += st.matches()
	}
	dst := make([]Match, 0, n)
	for lo := 0; lo < sigCount; lo += explainChunk {
		st.scan(text, lo)
		dst = st.appendMatches(dst)
	}
	sortMatches(dst)
	return dst
}

// explainFullBuffer is how many matches explainFull gathers on the stack
// before it reads the text again to count them.
const explainFullBuffer = 256

// AppendExplain is Explain that appends the matches to dst and returns the
// extended slice; with a reused dst it allocates nothing.
func AppendExplain(dst []Match, text string) []Match {
	start := len(dst)
	if len(text) <= maxScanQueryBytes {
		if out, ok := appendExplainShort(dst, text); ok {
			sortMatches(out[start:])
			return out
		}
	}
	var st explainState
	for lo := 0; lo < sigCount; lo += explainChunk {
		st.scan(text, lo)
		dst = st.appendMatches(dst)
	}
	sortMatches(dst[start:])
	return dst
}

// appendExplainShort appends to dst, unsorted, the matches of text, of
// at most maxScanQueryBytes, that the scans Search makes find
// (anchoredScan, else wideScan): they follow only the signatures that the
// text's words anchor, and find the same matches with the same scores, in
// the same order, as the scan of every signature (explainState; see
// TestExplainShortAgrees). It reports false when neither could finish.
func appendExplainShort(dst []Match, text string) ([]Match, bool) {
	r := talkReader{text: text}
	var a anchoredScan
	if a.scan(text) {
		return r.appendMatches(dst, a.seen[:a.nseen], a.measure, a.rawScore), true
	}
	var w wideScan
	if w.scan(text) {
		return r.appendMatches(dst, w.seen[:w.nseen], w.measure, w.rawScore), true
	}
	return dst, false
}

// appendMatches appends the matches among seen, the signatures a scan of
// Search (anchoredScan or wideScan) followed, in the order they first
// advanced (see explainState.appendMatches), given the score of each and
// its score before the rule for signatures marked alone.
func (r *talkReader) appendMatches(dst []Match, seen []uint16, measure func(sig uint32) (score, cover float32), raw func(sig uint32) float32) []Match {
	for _, i := range seen {
		sc, _ := measure(uint32(i))
		if sc < explainMinScore && signatures[i].naming != "" {
			sc = r.namedScore(raw(uint32(i)), int(i))
		}
		if sc = r.explained(sc, int(i)); sc >= explainMinScore {
			dst = append(dst, Match{Signature{&signatures[i]}, float64(sc)})
		}
	}
	return dst
}

// matches returns how many signatures of the chunk the scan followed
// match (see appendMatches).
func (st *explainState) matches() int {
	n := 0
	for _, i := range st.seen[:st.nseen] {
		if st.explained(int(i)) >= explainMinScore {
			n++
		}
	}
	return n
}

// appendMatches appends the signatures of the chunk the scan followed that
// match, in the order they first advanced.
func (st *explainState) appendMatches(dst []Match) []Match {
	return st.talkReader.appendMatches(dst, st.seen[:st.nseen], st.measure, st.rawScore)
}

// rawScore returns the score of signature sig of the chunk followed
// before the rule for signatures marked alone (see sigScore).
func (st *explainState) rawScore(sig uint32) float32 {
	return st.track[int(sig)-st.lo].score(st.chars)
}

// follow scans the chunk that starts at lo, unless the state holds it
// already.
func (st *explainState) follow(text string, lo int) {
	if st.hi == 0 || st.lo != lo {
		st.scan(text, lo)
	}
}

// sortMatches puts ms best first: a message with a word of its own before
// a status line, then by score, then the more specific message first; ties
// keep their order, that in which the scan met the signatures (chunk by
// chunk, when the table has more than one; see explainChunk).
func sortMatches(ms []Match) {
	slices.SortStableFunc(ms, func(a, b Match) int {
		switch {
		case a.Signature.s.generic != b.Signature.s.generic:
			// A status line is what many products print: a message
			// with a word of its own says more, whatever the scores.
			if b.Signature.s.generic {
				return -1
			}
			return 1
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		case a.Signature.s.literal != b.Signature.s.literal:
			return b.Signature.s.literal - a.Signature.s.literal // the more specific message first
		}
		// Ties of two chunks in the order of their chunks, as the scan
		// of every signature meets them; Search's scans, which meet
		// them all at once, give them in that order too.
		return sigChunk(a.Signature.s) - sigChunk(b.Signature.s)
	})
}

// sigChunk returns the chunk of explainState (see explainChunk) that holds
// s, which points into signatures.
func sigChunk(s *signature) int {
	i := (uintptr(unsafe.Pointer(s)) - uintptr(unsafe.Pointer(&signatures[0]))) / unsafe.Sizeof(signatures[0])
	return int(i) / explainChunk
}

// explainState follows the signatures of one chunk (see explainChunk)
// through the text at once (see sigTrack), and counts the bytes of the
// text's words.
type explainState struct {
	talkReader                        // the text read
	lo, hi     int                    // the signatures of the chunk followed: lo to hi-1
	track      [explainChunk]sigTrack // the track of signature lo+i at i
	chars      int                    // the bytes of the text's words, numbers and stop words aside
	stops      int                    // the bytes of its stop words
	seen       [explainChunk]uint16   // the signatures with a score, in the order they got one
	nseen      int
}

// explainChunk is the most signatures one scan of explainState follows:
// the whole table while it has no more than explainChunkMax, so that the
// text is read once, else explainChunkMax at a time, the text read once
// for each. The state lives on the stack of Explain and AppendExplain (and
// of Search's scan of every signature), where the compiler keeps a local
// variable of at most 128 KiB; a larger one moves to the heap, and Explain
// would allocate on every call. At 34 bytes a signature (its track and its
// place in seen), explainChunkMax of them stay under it, which the guard
// below checks.
const (
	explainChunkMax = 3840
	explainChunk    = min(sigCount, explainChunkMax)
)

var _ = [1]struct{}{}[unsafe.Sizeof(explainState{})>>17]

// sigTrack is what the scan knows of one signature: the next word
// position it waits for, what it has matched in the current window, and
// its best score. The fields of one signature sit together, so that a
// word advancing it touches one cache line.
type sigTrack struct {
	got       uint64  // the positions (below 64) matched in the window
	first     int32   // where the window started, + 1; 0 when empty
	best      float32 // the best share of the signature's words matched
	full      float32 // the best share in a window with half the signature's words or more
	matched   uint16  // bytes of the words matched in the window
	weight    uint16  // the weight of the words matched in the window
	most      uint16  // the most word bytes matched in a window of three words or more
	bestBytes uint16  // the word bytes matched in the window of the best score
	next      uint8   // the position of the word it waits for
	words     uint8   // words matched in the window
	skip      uint16  // 1 + the sigWords index of the last word that moved it past positions it waited for, while undoSkip may take it back; else 0
}

// Explain's second measure: a text that is mostly part of a long message
// ("Invalid HTTP_HOST header: '127.0.0.1:8000'", the start of Django's
// message) matches it when the signature's words make up at least
// explainMinCover of the text's words (numbers and stop words aside), with
// three words and explainMinCoverChars bytes at least, and
// explainMinCoverShare of the signature's words: three words of a long
// message are no match. The three constants are declared with the
// generated tables.

// score returns how well signature i and the text agree (see
// sigScore).
func (st *explainState) score(i int) float32 {
	return sigScore(&st.track[i-st.lo], i, st.chars, st.stops)
}

// explained returns the score with which Explain reports signature i (see
// talkReader.explained).
func (st *explainState) explained(i int) float32 {
	sc := st.score(i)
	if sc < explainMinScore && signatures[i].naming != "" {
		sc = st.talkReader.namedScore(st.rawScore(uint32(i)), i)
	}
	return st.talkReader.explained(sc, i)
}

// talkReader tells, for a text, whether it talks about a message rather
// than pastes it (see talkWords), and whether it names a product (see
// names).
type talkReader struct {
	text string
	talk uint32 // the words of talkWords it holds (see talks)
	read bool   // whether talk is known
}

// namedScore returns the score with which Explain reports signature i,
// marked alone and too little of the text for the rule of such
// signatures (see sigScore), whose score before that rule is raw: raw
// when the text names its product ("Grafana" beside its "origin not
// allowed", "Django" beside its "Bad Request (400)"; see names), else 0.
// Search, which gives such signatures nothing, does not ask.
func (r *talkReader) namedScore(raw float32, i int) float32 {
	if raw >= explainMinScore && r.names(signatures[i].naming) {
		return raw
	}
	return 0
}

// explained returns the score with which Explain reports signature i,
// whose score in the text is sc: sc, or 0 for a signature marked alone
// when the text talks about it (see talkWords). Search, which gives such
// signatures nothing, reads the score.
func (r *talkReader) explained(sc float32, i int) float32 {
	if sc >= explainMinScore && signatures[i].alone {
		if t := r.talks(); t != 0 && t&^talkIn(signatures[i].text) != 0 {
			return 0 // the text talks about the message with a word the message lacks
		}
	}
	return sc
}

// names reports whether the text holds, as a word of its own in any case,
// one of the space-separated naming words of a product within its first
// maxNamingBytes: on the Explain set, each of the four texts where this
// decides (two of each part) quotes the product it names.
func (r *talkReader) names(naming string) bool {
	text := r.text[:min(len(r.text), maxNamingBytes)]
	for rest := naming; rest != ""; {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if holdsWordFold(text, w) {
			return true
		}
	}
	return false
}

// maxNamingBytes is how much of a text names reads: a product is named in
// a title or the first lines of a paste, and a megabyte of junk is not
// read in full for each message that nearly matches it.
const maxNamingBytes = 4096

// holdsWordFold reports whether text holds w, lower case, as one of its
// words as the signature index reads them (see nextSigWord), ASCII case
// aside.
func holdsWordFold(text, w string) bool {
	for i := 0; i < len(text); {
		start, end, _, _ := nextSigWord(text, i)
		if start == end {
			return false
		}
		if end-start == len(w) && equalFoldASCII(w, text[start:end]) {
			return true
		}
		i = end
	}
	return false
}

// talks returns the words of talkWords that the text holds, bit k for
// talkWords[k]; it reads the text once, the first time a signature marked
// alone matches.
func (r *talkReader) talks() uint32 {
	if !r.read {
		r.talk, r.read = talkIn(r.text), true
	}
	return r.talk
}

// talkIn returns the words of talkWords that text holds, bit k for
// talkWords[k], in any case.
func talkIn(text string) uint32 {
	var m uint32
	for i, j := nextLetterWord(text, 0); i < j; i, j = nextLetterWord(text, j) {
		for k, w := range talkWords {
			if equalFoldASCII(w, text[i:j]) {
				m |= 1 << k
			}
		}
	}
	return m
}

// talkWords are words with which a text talks about a status rather than
// pastes it: "Use 405 for Method Not Allowed", "Return '405 Method not
// allowed' when a route exists", "Add support for HTTP 405 (Method Not
// Allowed)". Explain reports no signature marked alone (a status line, or
// words that people also write) for a text that holds one of them, in any
// case, that the signature's own message lacks ("No response returned."
// keeps its "returned"), however much of the text the signature is. On
// the Explain set, texts of a person's own words that Explain left silent
// went from 0.915 to 0.926 (tune part) and from 0.948 to 0.955 (score
// part), and the texts that quote a product kept their first matches.
var talkWords = [...]string{
	"use", "return", "returns", "returned", "returning", "add", "added", "support", "send", "sends",
	"change", "changed", "raise", "respond", "responds", "should", "must", "instead", "rather",
}

// The words of talkWords fit the bits of a uint32.
var _ = [1]struct{}{}[len(talkWords)>>5]

// aloneCover is the least share of a text's words (numbers aside, stop
// words counted: they are what a sentence has and a message lacks) that a
// signature marked alone must explain to match: "Bad credentials" or
// "Unauthenticated." pasted as they are, or under a few response headers,
// name Spring Security's or Laravel's reply; the same words inside a
// question name nothing.
const aloneCover = 0.4

// sigScore returns how well signature sig, followed by track t, and a
// text whose words have chars bytes (numbers and stop words aside) and
// whose stop words have stops bytes agree: t's score, or 0 for a
// signature marked alone that is less than aloneCover of the text.
func sigScore(t *sigTrack, sig, chars, stops int) float32 {
	if signatures[sig].alone && t.cover(chars+stops) < aloneCover {
		return 0
	}
	return t.score(chars)
}

// cover returns the share of the text's words (numbers and stop words
// aside) that signature i explains, from 0 to 1.
func (st *explainState) cover(i int) float32 { return st.track[i-st.lo].cover(st.chars) }

// measure returns the score (see sigScore) and the cover (see
// sigTrack.cover) of signature sig of the chunk followed: what Search's
// sigGains reads of a scan.
func (st *explainState) measure(sig uint32) (score, cover float32) {
	return st.score(int(sig)), st.cover(int(sig))
}

// measure is explainState.measure for a signature that the scan anchored.
func (a *anchoredScan) measure(sig uint32) (score, cover float32) {
	return measureTrack(&a.track[a.slot(sig)], sig, a.chars, a.stops)
}

// rawScore is explainState.rawScore for a signature that the scan anchored.
func (a *anchoredScan) rawScore(sig uint32) float32 {
	return a.track[a.slot(sig)].score(a.chars)
}

// rawScore is explainState.rawScore for a signature that the scan anchored.
func (a *wideScan) rawScore(sig uint32) float32 {
	return a.track[a.slot(sig)].score(a.chars)
}

// measure is explainState.measure for a signature that the scan anchored.
func (a *wideScan) measure(sig uint32) (score, cover float32) {
	return measureTrack(&a.track[a.slot(sig)], sig, a.chars, a.stops)
}

// measureTrack returns the score and the cover of signature sig, followed
// by track t, in a text whose words (numbers and stop words aside) have
// chars bytes and whose stop words have stops.
func measureTrack(t *sigTrack, sig uint32, chars, stops int) (score, cover float32) {
	return sigScore(t, int(sig), chars, stops), t.cover(chars)
}

// score returns how well a signature and a text whose words (numbers
// aside) have chars bytes agree: the share of the signature's words found
// in a window that holds at least half of them (two rare words of a long
// message, "authentication required" of "Full authentication is required
// to access this resource", are no match however much they weigh), or,
// when larger, the share of the text's words the signature explains
// scaled so that explainMinCover gives explainMinScore.
func (t *sigTrack) score(chars int) float32 {
	sc := t.full
	if m := t.most; m >= explainMinCoverChars && chars > 0 && t.best >= explainMinCoverShare {
		sc = max(sc, min(1, float32(m)/float32(chars)*explainMinScore/explainMinCover))
	}
	return sc
}

// cover returns the share of a text's words, whose bytes (numbers and stop
// words aside) are chars, that the signature explains, from 0 to 1.
func (t *sigTrack) cover(chars int) float32 {
	if chars == 0 {
		return 0
	}
	return min(1, float32(max(t.most, t.bestBytes))/float32(chars))
}

// scan reads the text's words once for the chunk of signatures that starts
// at lo (see explainChunk), forgetting any chunk followed before. Each word
// found in the index advances the signatures of the chunk that contain it
// at or after the position they wait for; a window that grows past four
// times its signature's length starts over.
func (st *explainState) scan(text string, lo int) {
	st.scanRange(text, lo, min(lo+explainChunk, sigCount))
}

// scanRange is scan for the signatures lo to hi-1, at most explainChunk.
func (st *explainState) scanRange(text string, lo, hi int) {
	if st.hi != 0 { // a chunk was followed before: forget it
		clear(st.track[:])
		st.nseen = 0
	}
	st.lo, st.hi = lo, hi
	it := sigWordIter{text: text}
	for {
		w, start, end := it.next()
		if start == end {
			break
		}
		if w >= 0 {
			st.advance(w, start, end-start)
		}
	}
	st.chars, st.stops = it.chars, it.stops
	st.text = text
}

// sigWordIter reads the words of a text (runs of bytes that
// sigLower maps) and counts the bytes of those that are not numbers,
// the stop words apart. No signature holds a stop word (internal/sigtable
// drops them), so a signature's cover is the share of the other words it
// explains: "This distribution is not configured to allow the HTTP request
// method that was used for this request.", the first sentence of
// CloudFront's message, has 83 bytes of words, 25 of them stop words: the
// signature explains all of the other 58, where it explained 0.699 of the
// 83 and missed explainMinCover. On the Explain set, the score part's
// first match names the product for one text more (0.706 to 0.711), the
// tune part is level (0.774), and neither part speaks up on more of
// people's own words; the alone rule (see aloneCover) still counts the
// stop words, since leaving them out there made Explain speak on three
// more texts of people's own words in the tune part (0.913 to 0.906).
// Search: tune part 0.851 to 0.852 top-1, score part 0.822 to 0.823.
type sigWordIter struct {
	text  string
	i     int // where the next word starts or the bytes before it
	chars int // the bytes of the words read that are neither numbers nor stop words
	stops int // the bytes of the stop words read (see isSigStop)
}

// next returns the next word as its index in sigWords (-1 when the index
// does not hold it) and its start and end; start == end at the end of the
// text.
func (it *sigWordIter) next() (w, start, end int) {
	start, end, h, number := nextSigWord(it.text, it.i)
	if start == end {
		return -1, start, end
	}
	it.i = end
	if !number {
		if isSigStop(h, it.text[start:end]) {
			it.stops += end - start
		} else {
			it.chars += end - start
		}
	}
	return findSigWord(h, it.text[start:end]), start, end
}

// advance records word (its index in sigWords), n bytes at offset off of
// the text, for the signatures of the chunk.
func (st *explainState) advance(word, off, n int) {
	w := &sigWords[word]
	last := uint32(1 << 31)
	places := sigPlaces[w.places.off : w.places.off+w.places.n]
	if st.lo > 0 || st.hi < sigCount {
		places = placesIn(places, st.lo, st.hi)
	}
	lo := uint32(st.lo)
	for k, p := range places {
		sig := p >> 16
		if sig == last {
			continue // one word of the text advances a signature once
		}
		advanced, first := st.track[sig-lo].step(sig, uint8(p), laterPlace(places, k), off, n, word)
		if advanced {
			last = sig
		}
		if first && st.nseen < len(st.seen) {
			st.seen[st.nseen] = uint16(sig)
			st.nseen++
		}
	}
}

// placesIn returns the places of the signatures lo to hi-1 among places,
// which are in the order of their signatures.
func placesIn(places []uint32, lo, hi int) []uint32 {
	i, _ := slices.BinarySearchFunc(places, uint32(lo), func(p, sig uint32) int { return cmp.Compare(p>>16, sig) })
	j, _ := slices.BinarySearchFunc(places[i:], uint32(hi), func(p, sig uint32) int { return cmp.Compare(p>>16, sig) })
	return places[i : i+j]
}

// sigFound is a word of a text that the signature index holds: its index
// in sigWords, and where it is in the text.
type sigFound struct {
	word, off, n uint16
}

// maxScanQueryBytes is the longest text anchoredScan takes.
const maxScanQueryBytes = maxQueryBytes

// maxAnchored is the most signatures anchoredScan follows; Search scans a
// text that anchors more in full (explainState). The 33,423 real-world
// texts anchor 89 at the median, 227 at the 99th percentile and 424 at
// most (with the anchors of sigtable.SignatureAnchors and 6,119
// signatures), so 113 take the full scan; with the looser
// anchors of an earlier generator, at 128, 139 of 4,696 took the full
// scan, which clears a track for every signature (Search 10.6 µs a text
// then, 9.4 µs with this and the two limits below, same results).
const maxAnchored = 256

// anchoredScan is the scan Search makes of a query: it notes the words
// the index holds, marks the signatures that one of them anchors (see
// sigtable.SignatureAnchors), and only then follows those signatures
// through the words. The others cannot reach explainMinScore, so the
// scores that count (explainMinScore and above) are explainState's, found with a fraction
// of the work and of the memory. Of the anchored signatures it follows
// only the live ones, those that the words found could bring to
// explainMinScore (see reachable), each with a track in the order of
// their indexes; the others share one track that stays empty.
type anchoredScan struct {
	anchoredSet
	live     sigSet                // the anchored signatures followed
	liveRank [len(sigSet{})]uint8  // the signatures of live in the words before each word
	track    [maxLive + 1]sigTrack // the last one stays empty
	chars    int                   // the bytes of the text's words, numbers and stop words aside
	stops    int                   // the bytes of its stop words
	seen     [maxLive]uint16       // the signatures with a score, in the order they got one
	nseen    int
}

// maxLive is the most live signatures anchoredScan follows; Search scans
// a text with more as wideScan does. The 33,423 real-world texts have 4
// at the median, 44 at the 99th percentile and 91 at most (of those that
// anchoredScan reaches); 47 have more than maxLive.
const maxLive = 64

// slot returns where the track of anchored signature sig is: its own
// for a live signature, else the empty track at maxLive.
func (a *anchoredScan) slot(sig uint32) int {
	w := a.live[sig>>6]
	if w&(1<<(sig&63)) == 0 {
		return maxLive
	}
	return int(a.liveRank[sig>>6]) + bits.OnesCount64(w&(1<<(sig&63)-1))
}

// anchoredSet is the set of signatures that a text's words anchor (see
// markAnchored), with the rank of each among them: both scans of Search
// start from it.
type anchoredSet struct {
	cand sigSet
	rank [len(sigSet{})]uint16 // the signatures of cand in the words before each word
}

// mark adds the signatures that the words found anchor, in a text whose
// words (numbers and stop words aside) have chars bytes, ranks them, and
// returns how many there are.
func (a *anchoredSet) mark(found []sigFound, chars int) int {
	markAnchored(&a.cand, found, chars)
	total := 0
	for i, c := range a.cand {
		a.rank[i] = uint16(total)
		total += bits.OnesCount64(c)
	}
	return total
}

// index returns the rank of anchored signature sig among the anchored
// ones, below maxAnchored.
func (a *anchoredSet) index(sig uint32) int {
	return int(a.rank[sig>>6]) + bits.OnesCount64(a.cand[sig>>6]&(1<<(sig&63)-1))
}

// maxCandPlaces is the most places of anchored signatures that
// anchoredScan notes; Search scans a text with more as wideScan does. The
// 33,423 real-world texts hold 139 at the median and 591 at the 99th
// percentile, and three hold more than maxCandPlaces (43 of 8,284 took wideScan when
// a common word's places counted against the limit before they were
// sorted out; at 512, 880 of 4,696 took it with an earlier generator's
// anchors).
const maxCandPlaces = 1024

// A noted place is a place of sigPlaces with, in its bits 8 to 15 (which
// sigPlaces leaves zero: positions are below 256), the index of the word
// found that holds it; so only the first 256 words found can be noted.
const (
	notedFoundShift = 8
	maxNotedFound   = 256
)

// scan reads text, of at most maxScanQueryBytes, and reports whether it
// could follow the signatures that count: whether the text anchors at
// most maxAnchored signatures, their places that the words hold fit
// maxCandPlaces, and at most maxLive of them are live. If not, the scan
// is incomplete.
func (a *anchoredScan) scan(text string) bool {
	var (
		found [maxScanQueryBytes/2 + 1]sigFound // a word and the byte after it
		nf    int
	)
	nf, a.chars, a.stops = readSigWords(text, &found)
	total := a.mark(found[:nf], a.chars)
	if total > maxAnchored {
		return false
	}
	if total == 0 {
		return true
	}
	var noted [maxCandPlaces]uint32
	np := a.note(found[:nf], &noted)
	if np < 0 {
		return false // too many places to note
	}
	a.live = a.reachable(found[:nf], noted[:np], total)
	nlive := 0
	for i, c := range a.live {
		a.liveRank[i] = uint8(nlive)
		nlive += bits.OnesCount64(c)
	}
	if nlive > maxLive {
		return false
	}
	np = keepLive(noted[:np], &a.live)
	a.followNoted(found[:nf], noted[:np])
	return true
}

// readSigWords reads the words of text into found, those the index
// holds, and returns how many it found and the bytes of the text's words
// that are neither numbers nor stop words, and those of the stop words (see
// sigWordIter).
func readSigWords(text string, found *[maxScanQueryBytes/2 + 1]sigFound) (nf, chars, stops int) {
	it := sigWordIter{text: text}
	for {
		w, start, end := it.next()
		if start == end {
			break
		}
		if w >= 0 && nf < len(found) {
			found[nf] = sigFound{uint16(w), uint16(start), uint16(end - start)}
			nf++
		}
	}
	return nf, it.chars, it.stops
}

// markAnchored adds to cand the signatures that the words found anchor,
// in a text whose words (numbers and stop words aside) have chars bytes:
// for a cover anchor, only a signature whose words are large enough to
// explain explainMinCover of the text (see sigAnchorCoverPercent). It
// decides without a branch, since which anchor counts follows no pattern.
func markAnchored(cand *sigSet, found []sigFound, chars int) {
	coverChars := uint32(chars * sigAnchorCoverPercent)
	for _, f := range found {
		w := &sigWords[f.word]
		for _, x := range sigAnchors[w.anchors.off : w.anchors.off+w.anchors.n] {
			sig := x &^ sigAnchorFull
			full := uint64(x>>15) & 1 // sigAnchorFull is bit 15
			large := uint64(0)
			if uint32(sigWordChars[sig])*100 >= coverChars {
				large = 1
			}
			cand[sig>>6] |= (full | large) << (sig & 63)
		}
	}
}

// The anchor bit is bit 15, as markAnchored reads it.
var _ = [1]struct{}{}[sigAnchorFull^1<<15]

// note writes to noted the places of anchored signatures that the words
// found hold (see notedFoundShift), in the order of the words and of
// sigPlaces, and returns how many; -1 when they do not fit or a word found
// lies beyond maxNotedFound. Of a common word (see
// sigtable.CommonPlaces: a dozen words such as "error", "not", "request"
// and "http", which hold seven in ten of the places a text's words hold)
// it reads only the places of the anchored signatures that hold it, found
// through sigCommonMask; of any other word it reads every place and keeps,
// without a branch, those of anchored signatures (see notePlaces).
func (a *anchoredScan) note(found []sigFound, noted *[maxCandPlaces]uint32) int {
	if len(found) > maxNotedFound {
		return -1
	}
	cand := &a.cand
	np := 0
	for i, f := range found {
		w := &sigWords[f.word]
		places := sigPlaces[w.places.off : w.places.off+w.places.n]
		if w.common == 0 {
			if np = notePlaces(places, i, cand, noted, np); np < 0 {
				return -1
			}
			continue
		}
		// A common word: only the places of its anchored signatures.
		c := int(w.common - 1)
		mask, rank := &sigCommonMask[c], &sigCommonRank[c]
		start := sigCommonSigStart[sigCommonSigOff[c]:]
		for b, m := range mask {
			for held := m & cand[b]; held != 0; held &= held - 1 {
				r := int(rank[b]) + bits.OnesCount64(m&(held&-held-1))
				ps := places[start[r]:start[r+1]]
				if np+len(ps) > len(noted) {
					return -1
				}
				for k, p := range ps {
					noted[np+k] = p | uint32(i)<<notedFoundShift
				}
				np += len(ps)
			}
		}
	}
	return np
}

// notePlaces writes to noted, from np on, the places of anchored
// signatures among places, those of the word found at index i, and
// returns the new count; -1 when they do not fit.
func notePlaces(places []uint32, i int, cand *sigSet, noted *[maxCandPlaces]uint32, np int) int {
	if np+len(places) > len(noted) {
		return -1
	}
	out := noted[np : np+len(places)]
	k := 0
	for _, p := range places {
		out[k] = p | uint32(i)<<notedFoundShift
		k += int(cand[p>>22] >> (p >> 16 & 63) & 1)
	}
	return np + k
}

// reachable returns the anchored signatures that can score
// explainMinScore (see sigTrack.score) given the noted places, for a scan
// that anchors total signatures: a window's share of a signature's weight
// is at most the weight of the noted places of the signature over its
// total, and the bytes it matches are at most theirs. The bounds are loose
// by a point, as the anchors are, so that float32 rounding cannot matter.
// It decides without a branch.
func (a *anchoredScan) reachable(found []sigFound, noted []uint32, total int) sigSet {
	var (
		weight, matched [maxAnchored]uint32
		sigOf           [maxAnchored]uint32 // the signature of each slot with a noted place
	)
	for _, p := range noted {
		f := &found[p>>notedFoundShift&(maxNotedFound-1)]
		k := a.index(p >> 16)
		weight[k] += uint32(sigWords[f.word].weight)
		matched[k] += uint32(f.n)
		sigOf[k] = p >> 16
	}
	var live sigSet
	coverChars := uint32(a.chars * (explainMinCover*100 - 1))
	for k := range total {
		// A slot without a noted place has no weight, and its sigOf
		// of 0 gains nothing.
		sig := sigOf[k]
		heavy, long, large := uint64(0), uint64(0), uint64(0)
		if weight[k]*100 >= uint32(sigWordWeight[sig])*(explainMinScore*100-1) {
			heavy = 1
		}
		if matched[k] >= explainMinCoverChars {
			long = 1
		}
		if matched[k]*100 >= coverChars {
			large = 1
		}
		live[sig>>6] |= (heavy | long&large) << (sig & 63)
	}
	return live
}

// keepLive keeps, in order and without a branch, the noted places of the
// signatures in live, and returns how many.
func keepLive(noted []uint32, live *sigSet) int {
	k := 0
	for _, p := range noted {
		noted[k] = p
		k += int(live[p>>22] >> (p >> 16 & 63) & 1)
	}
	return k
}

// followNoted advances the tracks of the signatures of the noted places,
// in order: one word of the text advances a signature once.
func (a *anchoredScan) followNoted(found []sigFound, noted []uint32) {
	last, lastFound := uint32(1<<31), uint32(1<<31)
	for k, p := range noted {
		sig, i := p>>16, p>>notedFoundShift&(maxNotedFound-1)
		if i != lastFound {
			last, lastFound = 1<<31, i
		}
		if sig == last {
			continue
		}
		f := &found[i]
		advanced, first := a.track[a.slot(sig)].step(sig, uint8(p), laterPlace(noted, k), int(f.off), int(f.n), int(f.word))
		if advanced {
			last = sig
		}
		if first {
			a.seen[a.nseen] = uint16(sig) // at most once per anchored signature
			a.nseen++
		}
	}
}

// wideScan is the scan Search makes of a query that anchoredScan cannot
// finish (more live signatures than maxLive, or more places than
// maxCandPlaces) but that anchors at most maxAnchored signatures: it
// follows every anchored signature, each with a track in the order of
// their indexes, through every place of the words.
type wideScan struct {
	anchoredSet
	track [maxAnchored]sigTrack
	chars int                 // the bytes of the text's words, numbers and stop words aside
	stops int                 // the bytes of its stop words
	seen  [maxAnchored]uint16 // the signatures with a score, in the order they got one
	nseen int
}

// slot returns where the track of anchored signature sig is: its rank.
func (a *wideScan) slot(sig uint32) int { return a.index(sig) }

// scan reads text, of at most maxScanQueryBytes, and reports whether it
// anchors at most maxAnchored signatures; if not, the scan is incomplete.
func (a *wideScan) scan(text string) bool {
	var found [maxScanQueryBytes/2 + 1]sigFound
	nf, chars, stops := readSigWords(text, &found)
	a.chars, a.stops = chars, stops
	if a.mark(found[:nf], a.chars) > maxAnchored {
		return false
	}
	for _, f := range found[:nf] {
		w := &sigWords[f.word]
		last := uint32(1 << 31)
		places := sigPlaces[w.places.off : w.places.off+w.places.n]
		for k, p := range places {
			sig := p >> 16
			if a.cand[sig>>6]&(1<<(sig&63)) == 0 || sig == last {
				continue
			}
			advanced, first := a.track[a.slot(sig)].step(sig, uint8(p), laterPlace(places, k), int(f.off), int(f.n), int(f.word))
			if advanced {
				last = sig
			}
			if first {
				a.seen[a.nseen] = uint16(sig) // at most once per anchored signature
				a.nseen++
			}
		}
	}
	return true
}

// sigSet is a set of signatures, bit i%64 of word i/64 for signature i.
type sigSet [(sigCount + 63) / 64]uint64

// nextSigWord returns the first word of text at or after byte i (a run of
// bytes that sigLower maps) as its start and end, the FNV-1a hash
// of its lower-case form, and whether it is all digits; start == end when
// there is none.
func nextSigWord(text string, i int) (start, end int, h uint32, number bool) {
	for i < len(text) && sigLower[text[i]] == 0 {
		i++
	}
	h = 2166136261
	var letters byte // bit 0x40 is set in letters and '_', not in digits
	j := i
	for ; j < len(text); j++ {
		c := sigLower[text[j]]
		if c == 0 {
			break
		}
		letters |= c
		h = (h ^ uint32(c)) * 16777619
	}
	return i, j, h, letters&0x40 == 0
}

// sigLower maps a byte to its lower-case form when it belongs to a word
// (ASCII letters, digits and the underscore, as sigtable.IsWordByte
// accepts them), and to 0 otherwise: one load per byte, where comparisons
// would take a branch each.
var sigLower = [256]byte{
	'0': '0', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5', '6': '6', '7': '7', '8': '8',
	'9': '9', 'A': 'a', 'B': 'b', 'C': 'c', 'D': 'd', 'E': 'e', 'F': 'f', 'G': 'g', 'H': 'h',
	'I': 'i', 'J': 'j', 'K': 'k', 'L': 'l', 'M': 'm', 'N': 'n', 'O': 'o', 'P': 'p', 'Q': 'q',
	'R': 'r', 'S': 's', 'T': 't', 'U': 'u', 'V': 'v', 'W': 'w', 'X': 'x', 'Y': 'y', 'Z': 'z',
	'_': '_', 'a': 'a', 'b': 'b', 'c': 'c', 'd': 'd', 'e': 'e', 'f': 'f', 'g': 'g', 'h': 'h',
	'i': 'i', 'j': 'j', 'k': 'k', 'l': 'l', 'm': 'm', 'n': 'n', 'o': 'o', 'p': 'p', 'q': 'q',
	'r': 'r', 's': 's', 't': 't', 'u': 'u', 'v': 'v', 'w': 'w', 'x': 'x', 'y': 'y', 'z': 'z',
}

// findSigWord looks a word up in the hash table and returns its index in
// sigWords, or -1.
func findSigWord(h uint32, word string) int {
	if len(word) > 64 || len(sigWords) == 0 {
		return -1
	}
	return probe(sigWordTable[:], h, func(i int) bool { return equalFoldASCII(sigWords[i].word, word) })
}

// equalFoldASCII reports whether lower, a lower-case word, equals word
// with ASCII letters folded.
func equalFoldASCII[T ~string | ~[]byte](lower string, word T) bool {
	if len(lower) != len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// laterPlace returns the position of the next place of places[k]'s word
// in the same signature, places[k+1] when it is of that word and signature
// (the places of one word in one signature are in order), or 0 when there
// is none: a later place is never at position 0. It reads places of
// sigPlaces and noted places alike: bits 8 to 15, zero in sigPlaces, hold
// the word found in a noted place.
func laterPlace(places []uint32, k int) uint8 {
	if k+1 < len(places) && places[k+1]>>notedFoundShift == places[k]>>notedFoundShift {
		return uint8(places[k+1])
	}
	return 0
}

// step advances the track of signature sig by a word of n bytes at
// offset off of the text (word, its index in sigWords, whose weight it
// adds) that stands at position pos of the signature; later is the word's
// next position in the signature, or 0 when it has no other after pos.
// It reports whether the word advanced the track (one word of the text
// advances a signature once), and whether the signature got its first
// score, which happens once: every weight is positive. A word that moves
// the track past positions it waits for is taken back when the next word
// that comes is the one it waited for (see undoSkip).
func (t *sigTrack) step(sig uint32, pos, later uint8, off, n, word int) (advanced, first bool) {
	weight := sigWords[word].weight
	if t.first != 0 && off-int(t.first-1) > int(sigWindow[sig]) {
		t.restart() // the window is too wide: start over
	}
	if pos < t.next {
		if later == t.next {
			// The word stands again right where the track waits
			// ("websocket" in "websocket: not a websocket handshake"):
			// that place advances it, not a start over here.
			return false, false
		}
		switch {
		case t.skip != 0 && pos == t.skippedFrom():
			// The word the track waited for when a word of the
			// message further on moved it ahead ("request" of "400
			// Bad Request" before nginx's "The plain HTTP request was
			// sent to HTTPS port"): the word further on was early,
			// and the message goes on here.
			t.undoSkip()
			goto advance
		case pos != 0 || t.words > 2 && t.dense():
			return false, false
		}
		// The message's first word after a start of at most two
		// words, or of words that skip some of the message's ("connect
		// failed ... reset before headers" before "upstream connect
		// error or disconnect/reset before headers"): those may have
		// been words of it used elsewhere in the text ("preflight
		// request ... Redirect is not allowed for a preflight
		// request"), so start over here. The best score so far is
		// kept. A start of three words or more in a row is the message
		// itself, and goes on ("websocket: not a websocket handshake:
		// 'Sec-WebSocket-Key' ...").
		if t.nameOnly(sig) {
			// The product's name that closes a status line, met
			// before it ("nginx 413 Request Entity Too Large"):
			// the window keeps the name and goes on from the
			// status line's first word.
			t.next = 0
			goto advance
		}
		t.restart()
	}
advance:
	t.skip = 0
	if pos > t.next && t.words > 0 && pos < 64 { // n is the word's length: the text holds it as the index does
		t.skip = uint16(word) + 1
	}
	if t.first == 0 {
		t.first = int32(min(off, 1<<30)) + 1
	}
	t.next = pos + 1
	t.matched += uint16(n)
	t.weight += weight
	t.words++
	if pos < 64 {
		t.got |= 1 << pos
	}
	switch {
	case t.got&sigMust[sig] != sigMust[sig]:
		return true, false // a numbered message needs its numbers
	case sigDistinct[sig] != 0 && t.got&sigDistinct[sig] == 0:
		return true, false // words that any status line holds are no evidence
	case t.named(sig, off):
		// The product's code that names the message ("H12"), or a
		// page's number right after its "error" ("Error 1102"), is a
		// match by itself.
	case t.words < 2 && sigWordCount[sig] > 1:
		return true, false // one word of several is no evidence
	case sigWordCount[sig] <= explainShortWords && t.words < sigWordCount[sig]:
		return true, false // a short message needs all its words
	}
	first = t.best == 0 && t.most == 0
	if t.words >= 3 && t.matched > t.most {
		t.most = t.matched
	}
	sc := min(float32(t.weight)/float32(sigWordWeight[sig]), 1)
	if sc > t.best {
		t.best, t.bestBytes = sc, t.matched
	}
	if sc > t.full && (int(t.words)*2 >= int(sigWordCount[sig]) || t.named(sig, off)) {
		t.full = sc
	}
	return true, first
}

// pageNumberGap is the most bytes from the start of a page's "error" to
// the start of its number for the two to name the page: "error 1102",
// "Error: 1102", "error #1102" (see sigtable.NamingWith). Farther apart
// ("Server error when values are not within 0 <= 1000"), the number is
// some other number.
const pageNumberGap = len("error") + 3

// named reports whether the window holds the words that name signature
// sig by themselves (sigNaming): a product's code, or a page's number
// that stands, at offset off, right after the "error" that starts the
// window.
func (t *sigTrack) named(sig uint32, off int) bool {
	m := sigNaming[sig]
	if m == 0 || t.got&m != m {
		return false
	}
	return m&(m-1) == 0 || t.words > 2 || off-int(t.first-1) <= pageNumberGap
}

// nameOnly reports whether the window holds nothing but the words that
// close signature sig by naming its product (see sigNameTail).
func (t *sigTrack) nameOnly(sig uint32) bool {
	n := int(sigNameTail[sig])
	if n == 0 || t.got == 0 {
		return false
	}
	c := int(sigWordCount[sig])
	return t.got&^(uint64(1)<<c-1<<(c-n)) == 0
}

// dense reports whether the window's words stand at neighbouring
// positions of the signature, with none skipped between its first and its
// last.
func (t *sigTrack) dense() bool {
	g := t.got >> bits.TrailingZeros64(t.got)
	return g&(g+1) == 0
}

// restart empties the window; the best score and the most bytes stay.
func (t *sigTrack) restart() {
	t.next, t.matched, t.weight, t.words, t.first, t.got, t.skip = 0, 0, 0, 0, 0, 0, 0
}

// skippedFrom returns the position the track waited for before the word
// of t.skip moved it on: the one after the last position matched before
// that word's. Both are below 64, where got holds them.
func (t *sigTrack) skippedFrom() uint8 {
	before := t.got &^ (1 << (t.next - 1))
	return uint8(64 - bits.LeadingZeros64(before))
}

// undoSkip takes back the word of t.skip: the track waits again where it
// waited before that word. The best score and the most bytes stay.
func (t *sigTrack) undoSkip() {
	w := &sigWords[t.skip-1]
	t.next = t.skippedFrom()
	t.matched -= uint16(len(w.word))
	t.weight -= w.weight
	t.words--
	t.got &= 1<<t.next - 1
	t.skip = 0
}

// explainState.seen holds signature indexes as uint16, as sigPlaces does.
var _ = [1]struct{}{}[sigCount>>16]

// The stop-word table has a slot for every value of the hash's top
// sigStopBits bits, as isSigStop reads it.
var (
	_ = [1]struct{}{}[len(sigStopWords)-1<<sigStopBits]
	_ = [1]struct{}{}[len(sigStopHash)-1<<sigStopBits]
)

// isSigStop reports whether word, whose lower-case form hashes to h, is
// one of the stop words that signatures skip (sigStopWords).
func isSigStop(h uint32, word string) bool {
	k := h * sigStopMul >> (32 - sigStopBits)
	return len(word) <= sigStopMaxLen && sigStopHash[k] == h && equalFoldASCII(sigStopWords[k], word)
}

package httpref

import (
	"math/bits"
	"strings"
)

// A text that names two codes usually says which one it asks for: "use
// 410 instead of 404", "returns 403 instead of 401", "a 500 error, not
// 413", "returns 404, but it should be 204". Both codes stand as a status
// and gain codeBonus, so without a reading of the contrast the other words
// decide between them. askedCode finds the contrast and contrastBonus goes
// to the code asked for:
//
//   - "A instead of B", "A rather than B", "A, not B", "A as against B":
//     A, the code put forward, unless a verb that reports what the
//     software does now comes before A ("returns", "gives", "throws",
//     "I'm getting", "results in"; a base form such as "return" after a
//     subject, "errors return" or "we return", but not at the start,
//     after "and", after "should" or after a comma, where it asks), or
//     a passive one after it ("a 404 is returned instead of 405", "422
//     being sent rather than 404"): then B, the code wanted instead;
//     but "A (not B)" in brackets puts A forward however it is
//     introduced ("returns 202 (not 200) on accepted work"); and B when
//     A is 500 and B a client error, since nobody asks for a 500 in
//     place of a 4xx;
//   - "A ... should be B", "A ... should return B", "A ... should be
//     returning B", "A ..., but shouldn't this be B?": B;
//   - "replace A with B", "change A to B", "A -> B": B;
//   - Chinese "应该为 B", "应当使用 B" ("should be B", "should use B") after
//     another code: B.
//
// A code's reason phrase written beside it ("400 Bad Request", "Bad
// Request (400)") is read as part of the code (see dropLabels).
//
// Search also gives contrastBonus to the client error of a text that names
// only it and 500 without a contrast (see specificOfTwo).
const contrastBonus = 10

// Limits of the contrast reading, in words.
const (
	contrastWords     = 48 // the words of the text read
	contrastMarkerGap = 6  // at most this many words from A to the marker
	contrastCodeGap   = 4  // and from the marker to B
	contrastVerbGap   = 7  // and from the verb to A
)

// contrastWord is a word of the text: its kind, its part in a
// refutation, for a code its entry, and whether it starts a sentence (the
// text's first word, or the first after ".", "?" or "!").
type contrastWord struct {
	kind   uint8
	ref    uint8
	d      uint8
	first  bool
	paren  bool  // right after "(": "returns 202 (not 200)"
	arrow  bool  // right after "->", "=>" or "→": "401 -> 400"
	comma  bool  // right after a comma: "if parsing fails, respond with 400"
	number bool  // digits only, and no code that stands as a status: "-999", "0"
	start  int32 // where the word starts in the text
	end    int32 // and ends
}

// Kinds of contrast words.
const (
	cwOther    = iota
	cwCode     // a code that stands as a status
	cwInstead  // "instead" (of), "rather" (than), "against" (as against)
	cwNot      // "not"
	cwShould   // "should", "must"
	cwBaseVerb // "be", "return", "throw", "use", ...: it reports unless it asks
	cwReports  // a verb that reports what happens now: "returns", "gives", ...
	cwSubject  // a pronoun or a plural noun: before a base verb, it reports
	cwMustNot  // "shouldn't", "mustn't"
	cwReplace  // "replace", "change", "switch", "convert": A with B asks for B
	cwWith     // "with", "by", "to", "into": what A is replaced with
	cwOf       // "of", "than": after cwInstead, before what is not wanted
	cwArticle  // "a", "an", "the"
	cwVersus   // "vs", "versus"
	cwStatus   // "status", "code", "response", "http", "error": a label before a code
	cwWhen     // "when", "after", "on", "for", "if", "while": the situation a code is seen in
)

// Parts of a refutation, the words after a code that call it wrong: "which
// is incorrect", "that is misleading", "that's not right", "this does not
// seem appropriate".
const (
	refNone    = iota
	refThat    // "which", "that", "this", "it"
	refThatIs  // "that's", "it's"
	refIs      // "is", "seems", "looks", ...
	refDoes    // "does"
	refDoesNot // "doesn't"
	refToBe    // "to", "be": "seems to be wrong"
	refWrong   // "incorrect", "wrong", "misleading", "inappropriate"
	refRight   // "correct", "right", "appropriate": wrong when negated
)

// refuteWords is how many words after a code refutedAfter reads.
const refuteWords = 12

// askedCode returns the entry of the code that q asks for when it
// contrasts two codes that stand as a status, or -1; and, when q names
// one code only to say it should not be the answer ("Permission Denied
// issues should not return 404", "a missing parameter should not trigger
// a 500", "return an empty list instead of 404"), that code's entry, or
// -1. A negation that starts a sentence or makes a question asks for the
// code instead ("Shouldn't it return 304?", "but shouldn't this be a
// 400?").
func askedCode[T ~string | ~[]byte](q T, status *entrySet) (asked, refused int) {
	asked, refused = -1, -1
	switch status.count() {
	case 0:
		return
	case 1:
		if !mayRefuse(q) {
			return // no contrast, and nothing that refuses the one code
		}
	}
	var words [contrastWords]contrastWord
	n, codes := readContrastWords(q, status, &words)
	if codes == 0 {
		return
	}
	for a := range n {
		if words[a].kind != cwCode {
			continue
		}
		if refusedBefore(words[max(0, a-contrastVerbGap):a]) || refutedAfter(words[a+1:min(n, a+1+refuteWords)]) ||
			declinedBefore(q, words[:a]) || reportedInstead(words[:n], a) {
			refused = int(words[a].d)
		}
		if asked >= 0 {
			continue
		}
		if b := replacedBy(words[:n], a); b >= 0 {
			asked = b
			continue
		}
		m, second := contrastMarker(words[a+1:n], int(words[a].d))
		if m < 0 {
			continue
		}
		m += a + 1
		for b := m + 1; b < n && b <= m+contrastCodeGap; b++ {
			if words[b].kind != cwCode || words[b].d == words[a].d {
				continue
			}
			if second || (reportsBefore(words[:a]) || reportedBetween(words[a+1:m])) && !words[m].paren || genericOverSpecific(int(words[a].d), int(words[b].d)) {
				asked = int(words[b].d)
			} else {
				asked = int(words[a].d)
			}
			break
		}
	}
	if asked < 0 && codes > 1 {
		asked = shouldBe(words[:n])
	}
	if asked < 0 && status.count() > 1 {
		asked = shouldBeCJK(q, status)
	}
	if asked >= 0 || status.count() > 1 {
		refused = -1 // a contrast, or other codes, say more than the negation
	}
	return asked, refused
}

// genericOverSpecific reports whether code a, put forward against code b,
// is 500 and b a client error: nobody asks for a 500 in place of a 4xx,
// so "500 instead of 404 when no homepage is defined" reports the 500 and
// asks for the 404, with or without a verb before it.
func genericOverSpecific(a, b int) bool {
	return entries[a].code == 500 && entries[b].code >= 400 && entries[b].code < 500
}

// specificOfTwo returns the client error of a text that names only it and
// 500, or -1: with no contrast read, the 500 is what went wrong ("an
// error occurs in the server, which leads to an HTTP code 500 instead",
// "422 errors are coming through as 500 errors"), as in genericOverSpecific.
func specificOfTwo(status *entrySet) int {
	var two [2]int
	n := 0
	for i, w := range status {
		for ; w != 0 && n < 2; w &= w - 1 {
			two[n] = i*64 + bits.TrailingZeros64(w)
			n++
		}
	}
	switch {
	case n != 2:
		return -1
	case genericOverSpecific(two[0], two[1]):
		return two[1]
	case genericOverSpecific(two[1], two[0]):
		return two[0]
	}
	return -1
}

// replacedBy finds the code that replaces code a, and returns its entry,
// or -1: "replace 301 with 303", "change status 400 with 422", "replace
// 403 error (forbidden) by 401", "401 -> 400". The verb comes at most
// contrastVerbGap words before A, the "with" at most contrastMarkerGap
// after it, and B at most contrastCodeGap after the "with".
func replacedBy(words []contrastWord, a int) int {
	if a+1 < len(words) && words[a+1].kind == cwCode && words[a+1].arrow && words[a+1].d != words[a].d {
		return int(words[a+1].d)
	}
	verb := false
	for _, w := range words[max(0, a-contrastVerbGap):a] {
		switch w.kind {
		case cwCode:
			verb = false
		case cwReplace:
			verb = true
		}
	}
	if !verb {
		return -1
	}
	for m := a + 1; m < len(words) && m <= a+contrastMarkerGap; m++ {
		if words[m].kind == cwCode {
			return -1
		}
		if words[m].kind != cwWith {
			continue
		}
		for b := m + 1; b < len(words) && b <= m+contrastCodeGap; b++ {
			if words[b].kind == cwCode {
				if words[b].d == words[a].d {
					return -1
				}
				return int(words[b].d)
			}
		}
		return -1
	}
	return -1
}

// isArrow reports whether b starts with a right arrow, U+2192.
func isArrow[T ~string | ~[]byte](b T) bool {
	return len(b) >= 3 && string(b[:3]) == "\u2192"
}

// shouldBe finds "should be B" or "should return B" (a word or two may
// stand between: "should return a 412") after another code
// that the text reports ("currently returns 404 for a resource that does
// not exist, but it should be 204"), however far apart, and returns B's
// entry, or -1.
func shouldBe(words []contrastWord) int {
	for b := 2; b < len(words); b++ {
		if words[b].kind != cwCode {
			continue
		}
		// "should be 204", "should return a 412", "should return HTTP
		// 405", "should be returning an HTTP 404"
		v := shouldBefore(words[:b])
		if v < 0 {
			continue
		}
		for a := range v {
			if words[a].kind == cwCode && words[a].d != words[b].d && reportsBefore(words[:a]) {
				return int(words[b].d)
			}
		}
	}
	return -1
}

// shouldBefore returns the index of the "should" or "must" that asks for
// the code right after before: at most five words back, with only verbs
// ("be", "return", "returning"), articles and status words ("HTTP",
// "status", "code") between, a base verb among them. It returns -1 when
// there is none.
func shouldBefore(before []contrastWord) int {
	verb := false
	for k := len(before) - 1; k >= 1 && k >= len(before)-6; k-- {
		switch before[k].kind {
		case cwBaseVerb:
			verb = true
		case cwReports, cwArticle, cwStatus:
		case cwSubject:
			// A question: "should this be a 400?", "shouldn't it
			// return 304?".
			if m := before[k-1].kind; verb && (m == cwShould || m == cwMustNot) {
				return k - 1
			}
			return -1
		case cwShould:
			if verb {
				return k
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// cjkShould are the ways Chinese writes "should be", "should use" or
// "should return" before a code ("返回的状态码为404，应该为200", "应当使用401").
var cjkShould = [...]string{"应该为", "应该是", "应为", "應該為", "應該是", "應為",
	"应当为", "应当是", "应该使用", "应当使用", "应使用", "应该返回", "应当返回", "应返回",
	"應當為", "應該使用", "應當使用", "應該返回", "應當返回"}

// shouldBeCJK finds a code that stands as a status within a few bytes
// after a Chinese "should be" and returns its entry, or -1.
func shouldBeCJK[T ~string | ~[]byte](q T, status *entrySet) int {
	for i := 0; i+3 <= len(q); i++ {
		if q[i] < 0xE4 { // the markers start with U+5E94 or U+61C9
			continue
		}
		for _, m := range cjkShould {
			if len(q)-i < len(m) || string(q[i:i+len(m)]) != m {
				continue
			}
			j := i + len(m)
			for k := j; k+3 <= len(q) && k < j+12; k++ {
				if k+3 < len(q) && isASCIIDigit(q[k+3]) || k > 0 && isASCIIDigit(q[k-1]) {
					continue // part of a longer number
				}
				if d := codeEntryAt(q, k); d >= 0 && status.has(d) {
					return d
				}
			}
		}
	}
	return -1
}

// readContrastWords reads the first contrastWords words of q into words
// and returns how many it read and how many of them are codes that stand
// as a status.
func readContrastWords[T ~string | ~[]byte](q T, status *entrySet, words *[contrastWords]contrastWord) (n, codes int) {
	first, paren, arrow, comma := true, false, false, false
	for i := 0; i < len(q) && n < len(words); {
		if c := q[i]; !isASCIILetter(c) && !isASCIIDigit(c) {
			switch {
			case c == '.' || c == '?' || c == '!':
				first = true
			case c == ',':
				comma = true
			case c == '>' && i > 0 && (q[i-1] == '-' || q[i-1] == '='), isArrow(q[i:]):
				arrow = true
			}
			paren = c == '('
			i++
			continue
		}
		j := i
		for j < len(q) {
			if isASCIILetter(q[j]) || isASCIIDigit(q[j]) || q[j] == '\'' {
				j++
			} else if isCurlyApostrophe(q[j:]) {
				j += len(curlyApostrophe) // "shouldn’t", as phones and word processors write it
			} else {
				break
			}
		}
		kind, ref := contrastKind(q[i:j])
		w := contrastWord{kind: kind, ref: ref, first: first, paren: paren, arrow: arrow, comma: comma, number: allDigits(q[i:j])}
		arrow, comma = false, false
		if d := codeEntryAt(q, i); j-i == 3 && d >= 0 && status.has(d) {
			w.kind, w.d, w.number = cwCode, uint8(d), false
			codes++
		}
		w.start, w.end = int32(i), int32(j)
		words[n] = w
		n++
		first = false
		i = j
	}
	return dropLabels(q, words, n), codes
}

// dropLabels removes from the first n words those that spell the reason
// phrase (or an alias) of a code they stand beside: after it ("400 Bad
// Request instead of 500") or, when the code is in brackets, before it
// ("Bad Request (400) instead of Internal Server Error (500)"). A label
// restates its code, and its words would put the codes of a contrast too
// far apart, or read as a negation ("404 Not Found, not 204"). It returns
// how many words are left; the first word after a dropped label starts a
// sentence if the label's first word did.
func dropLabels[T ~string | ~[]byte](q T, words *[contrastWords]contrastWord, n int) int {
	k := 0
	for a := 0; a < n; a++ {
		w := words[a]
		if w.kind == cwCode {
			if w.paren {
				if m := labelWords(q, words[k-min(k, maxLabelWords):k], int(w.d), true); m > 0 {
					w.first = words[k-m].first
					k -= m
				}
			}
			words[k] = w
			k++
			if m := labelWords(q, words[a+1:n], int(w.d), false); m > 0 {
				a += m
			}
			continue
		}
		words[k] = w
		k++
	}
	return k
}

// sameFoldASCII reports whether a and b are equal with ASCII letters
// folded.
func sameFoldASCII[T ~string | ~[]byte](a string, b T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

// maxLabelWords is the most words of a reason phrase or alias that
// dropLabels looks for.
const maxLabelWords = 6

// labelWords returns how many of words spell the reason phrase or an
// alias of entry d: the first ones, or with before the last ones; 0 if
// they do not.
func labelWords[T ~string | ~[]byte](q T, words []contrastWord, d int, before bool) int {
	e := &entries[d]
	best := 0
	try := func(label string) {
		var lw [maxLabelWords][2]int // the label's words, as byte ranges of label
		m := 0
		for i := 0; i < len(label); {
			if !isASCIILetter(label[i]) && !isASCIIDigit(label[i]) {
				i++
				continue
			}
			j := i
			for j < len(label) && (isASCIILetter(label[j]) || isASCIIDigit(label[j]) || label[j] == '\'') {
				j++
			}
			if m == maxLabelWords {
				return
			}
			lw[m] = [2]int{i, j}
			m++
			i = j
		}
		if m == 0 || m > len(words) || m <= best {
			return
		}
		at := 0
		if before {
			at = len(words) - m
		}
		for x := range m {
			w := words[at+x]
			if w.kind == cwCode || !sameFoldASCII(label[lw[x][0]:lw[x][1]], q[w.start:w.end]) {
				return
			}
		}
		best = m
	}
	try(e.text[4:])
	for _, a := range texts[e.aliases.off : e.aliases.off+e.aliases.n] {
		try(a)
	}
	return best
}

// refusedBefore reports whether the words before a code say it should not
// be returned: "should not", "must not", "shouldn't" or "mustn't", not at
// the start of a sentence, among the last words before it, and no other
// code between; or a word right before it that calls it wrong (see
// calledWrongBefore). Texts where such a word stands right before their
// one code: 3 in the real-world set, none labelled with that code.
func refusedBefore(before []contrastWord) bool {
	if calledWrongBefore(before) {
		return true
	}
	for k := len(before) - 1; k >= 0; k-- {
		switch w := before[k]; w.kind {
		case cwCode:
			return false
		case cwMustNot:
			// "but shouldn't this be a 400?": the subject after the
			// negation makes a question, which asks for the code.
			return !w.first && (k+1 >= len(before) || before[k+1].kind != cwSubject)
		case cwNot:
			if k > 0 && before[k-1].kind == cwShould {
				return !before[k-1].first
			}
			if k == len(before)-1 || k == len(before)-2 && before[k+1].kind == cwArticle {
				return askedBeforeNot(before[:k])
			}
		}
	}
	return false
}

// calledWrongBefore reports whether a word that calls something wrong
// ("incorrect", "wrong", "misleading", "inappropriate", "confusing")
// stands right before a code, or with only an article or a label between
// ("Fix incorrect 404 reply on inappropriate HTTP method", "Wrong 403
// status when token expired", "a misleading HTTP 500"): the text names the
// code as the mistake it is about.
func calledWrongBefore(before []contrastWord) bool {
	for k := len(before) - 1; k >= 0; k-- {
		switch w := before[k]; {
		case w.ref == refWrong:
			return true
		case w.kind != cwArticle && w.kind != cwStatus:
			return false
		}
	}
	return false
}

// askedBeforeNot reports whether the words before a "not" that stands right
// before a code hold "should" or "must", not at the start of a sentence,
// with no code and no verb that reports between: "should reply an empty
// collection, not 404", "must answer with the resource not a 404". What
// the text asks for stands between the verb and the negation.
func askedBeforeNot(before []contrastWord) bool {
	for k := len(before) - 1; k >= 0; k-- {
		switch w := before[k]; w.kind {
		case cwCode, cwReports:
			return false
		case cwShould:
			return !w.first
		}
	}
	return false
}

// declinedBefore reports whether the words right before a code set it
// aside for something the text asks for in words: "return an empty list
// instead of 404", "rather than a 404 on empty results, return an empty
// array", "empty list vs 404". A number before the marker is a value
// received in the code's place ("-999 instead of 401"), which keeps the
// code; so does a verb that reports what happens now before the marker
// ("I got a routing error instead of a 404", "ignores the parameters
// instead of returning 400"): the text then
// names the code it misses; and so does an error before the marker
// ("Internal server error instead of 404", "throws an exception rather
// than a 404"), which is what came in the code's place, not what the
// text asks for.
func declinedBefore[T ~string | ~[]byte](q T, before []contrastWord) bool {
	k := len(before) - 1
	if k >= 0 && before[k].kind == cwArticle {
		k--
	}
	switch {
	case k >= 0 && before[k].kind == cwVersus:
	case k >= 1 && before[k].kind == cwOf && before[k-1].kind == cwInstead:
		k--
	default:
		return false
	}
	if k >= 1 && before[k-1].number {
		return false // a value received in its place: "-999 instead of 401"
	}
	if k >= 1 && isErrorWord(q[before[k-1].start:before[k-1].end]) {
		return false // an error received in its place: "server error instead of 404"
	}
	return !reportsBefore(before[:k+1])
}

// allDigits reports whether w is one or more ASCII digits.
func allDigits[T ~string | ~[]byte](w T) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIIDigit(w[i]) {
			return false
		}
	}
	return len(w) > 0
}

// reportedInstead reports whether the code at a is reported in place of
// something the text asks for in words: "the API returns 404 Not Found
// instead of an empty list", "throws a 500 instead of an informing
// error". No other code may follow the marker: "returns 403 instead of
// 401" is a contrast of two codes.
func reportedInstead(words []contrastWord, a int) bool {
	if !reportsBefore(words[:a]) {
		return false
	}
	for m := a + 1; m < len(words) && m <= a+contrastMarkerGap; m++ {
		switch words[m].kind {
		case cwCode:
			return false
		case cwInstead:
			if m+1 >= len(words) || words[m+1].kind != cwOf {
				return false // "it returned a 301 instead": what came in place of the expected
			}
			for _, w := range words[m+1 : min(len(words), m+1+contrastCodeGap)] {
				if w.kind == cwCode {
					return false
				}
			}
			return true
		}
	}
	return false
}

// refutedAfter reports whether the words after a code call it wrong
// ("returns a 201 right now, which is incorrect", "return a 404 Not Found
// status code. That is misleading", "400 means Bad request ... This does
// not seem appropriate"), before any other code.
func refutedAfter(after []contrastWord) bool {
	for k, w := range after {
		if w.kind == cwCode {
			return false
		}
		if w.ref != refThat && w.ref != refThatIs {
			continue
		}
		// "that is", "that's", "this does not seem", "it seems to be", then
		// a word that calls it wrong, or a negated one that calls it right.
		verb, neg := w.ref == refThatIs, false
	words:
		for _, v := range after[k+1 : min(len(after), k+7)] {
			switch {
			case v.ref == refIs || v.ref == refDoes:
				verb = true
			case v.ref == refDoesNot:
				verb, neg = true, true
			case v.kind == cwNot:
				neg = true
			case v.ref == refToBe:
			case v.ref == refWrong:
				return verb && !neg
			case v.ref == refRight:
				return verb && neg
			default:
				break words
			}
		}
	}
	return false
}

// contrastMarker finds the marker of a contrast among the words after a
// code: its index, and whether it puts the code wanted second ("should
// be"). It returns -1 when none comes within contrastMarkerGap words.
func contrastMarker(after []contrastWord, d int) (int, bool) {
	for k := 0; k < len(after) && k < contrastMarkerGap; k++ {
		switch after[k].kind {
		case cwCode:
			return -1, false
		case cwNot:
			if k == 0 && strings.Contains(entries[d].text, " Not ") {
				continue // "404 Not Found": the phrase
			}
			return k, false
		case cwInstead:
			return k, false
		case cwShould:
			if k+1 < len(after) && after[k+1].kind == cwBaseVerb {
				return k + 1, true
			}
		}
	}
	return -1, false
}

// reportedBetween reports whether the words between a code and the
// marker of its contrast report it in the passive: "a 405 error is
// returned instead of 404", "Fix 422 being returned instead of 404". The
// code put forward is then what the software does, and the other one is
// asked for, as after a verb that reports before it.
func reportedBetween(between []contrastWord) bool {
	for _, w := range between {
		if w.kind == cwReports {
			return true
		}
	}
	return false
}

// reportsBefore reports whether one of the last contrastVerbGap words
// before a code is a verb that reports what the software does now.
func reportsBefore(before []contrastWord) bool {
	for k := len(before) - 1; k >= 0 && k >= len(before)-contrastVerbGap; k-- {
		switch before[k].kind {
		case cwReports:
			return true
		case cwBaseVerb:
			// After a subject it reports ("errors return 422 instead of
			// 400", "we return 401"); at the start, after "and", after
			// "should" or after a comma it asks ("return 410 instead of
			// 404", "validate the body and return 400 as against 500",
			// "if parsing fails, respond with 400 instead of 422": no
			// comma stands between a subject and its verb).
			return k > 0 && before[k-1].kind == cwSubject && !before[k].comma
		case cwCode:
			return false
		}
	}
	return false
}

// curlyApostrophe is the right single quotation mark, U+2019, which many
// keyboards and editors put for an apostrophe.
const curlyApostrophe = "\u2019"

// isCurlyApostrophe reports whether b starts with curlyApostrophe.
func isCurlyApostrophe[T ~string | ~[]byte](b T) bool {
	return len(b) >= len(curlyApostrophe) && string(b[:len(curlyApostrophe)]) == curlyApostrophe
}

// contrastKind returns the kind of word w, in any case, and its part in
// a refutation; a curly apostrophe counts as a straight one. It reads them
// from contrastEntries.
func contrastKind[T ~string | ~[]byte](w T) (kind, ref uint8) {
	var buf [16]byte
	n := 0
	for i := 0; i < len(w); i++ {
		if n == len(buf) {
			return cwOther, refNone
		}
		c := w[i]
		if isCurlyApostrophe(w[i:]) {
			c, i = '\'', i+len(curlyApostrophe)-1
		}
		buf[n] = lowerASCII(c)
		n++
	}
	if n == 0 {
		return cwOther, refNone
	}
	// A listed word is at its slot, with its kind and part; any other
	// plays no part in a refutation and has a kind by its ending only
	// (see pluralKind). One comparison decides.
	word := buf[:n]
	if e := contrastSlots[contrastSlot(word)]; e != 0 && contrastEntries[e-1].word == string(word) {
		return contrastEntries[e-1].kind, contrastEntries[e-1].ref
	}
	return pluralKind(word), refNone
}

// pluralKind returns the contrast kind of a lower-case word that
// contrastEntries does not list: cwSubject for what is most likely a plural noun
// ("errors", "endpoints"), else cwOther.
func pluralKind(w []byte) uint8 {
	if n := len(w); n > 3 && w[n-1] == 's' && w[n-2] != 's' {
		return cwSubject
	}
	return cwOther
}

// mayRefuse reports whether q holds a word that a refusal needs: "should"
// or "must" (with "shouldn't" and "mustn't"), or a word that calls
// something wrong ("incorrect", "misleading") or right ("correct",
// "appropriate"; see refutedAfter), or one that sets a code aside
// ("instead", "rather", "vs", "versus"; see declinedBefore), in any case.
// One code alone, without
// such a word, is neither refused nor contrasted.
func mayRefuse[T ~string | ~[]byte](q T) bool {
	for i, j := nextLetterWord(q, 0); i < j; i, j = nextLetterWord(q, j) {
		if w := refusalWord(j-i, q[i]|0x20); w != "" && equalFoldASCII(w, q[i:j]) {
			return true
		}
	}
	return false
}

// nextLetterWord returns the start and end of the first run of ASCII
// letters in q at or after byte i; start == end when there is none.
func nextLetterWord[T ~string | ~[]byte](q T, i int) (start, end int) {
	for i < len(q) && !isASCIILetter(q[i]) {
		i++
	}
	j := i
	for j < len(q) && isASCIILetter(q[j]) {
		j++
	}
	return i, j
}

// refusalWord returns the one word that mayRefuse looks for with n
// letters and first letter c (lower case), or "": the words' lengths and
// first letters tell them apart.
func refusalWord(n int, c byte) string {
	switch n<<8 | int(c) {
	case 4<<8 | 'm':
		return "must"
	case 5<<8 | 'm':
		return "mustn" // mustn't
	case 6<<8 | 's':
		return "should"
	case 7<<8 | 's':
		return "shouldn" // shouldn't
	case 5<<8 | 'w':
		return "wrong"
	case 5<<8 | 'r':
		return "right"
	case 7<<8 | 'c':
		return "correct"
	case 8<<8 | 'a':
		return "accurate"
	case 9<<8 | 'i':
		return "incorrect"
	case 9<<8 | 'c':
		return "confusing"
	case 10<<8 | 'm':
		return "misleading"
	case 11<<8 | 'a':
		return "appropriate"
	case 13<<8 | 'i':
		return "inappropriate"
	case 7<<8 | 'i':
		return "instead"
	case 6<<8 | 'r':
		return "rather"
	case 2<<8 | 'v':
		return "vs"
	case 6<<8 | 'v':
		return "versus"
	}
	return ""
}

// reportedCode reports whether a verb that reports what the software does
// now comes before the one code of q that stands as a status ("returns
// 404", "I'm getting 403", "results in a HTTP 500"), and no "should" or
// "must" ("should we return 404?" asks).
func reportedCode[T ~string | ~[]byte](q T, status *entrySet) bool {
	var words [contrastWords]contrastWord
	n, _ := readContrastWords(q, status, &words)
	for a := range n {
		if words[a].kind != cwCode {
			continue
		}
		for _, w := range words[max(0, a-contrastVerbGap):a] {
			if w.kind == cwShould || w.kind == cwMustNot {
				return false // "should we return 404?" asks
			}
		}
		return reportsBefore(words[:a]) || reportedAfter(words[a+1:n]) || titledReport(words[:n], a)
	}
	return false
}

// titledReport reports whether the code at a starts the text as a title
// that reports it, "Status code 200 after deleting a missing resource",
// "Status 500 when signing up with an existing email": nothing but labels
// ("HTTP status code") before it, and the situation it is seen in right
// after.
func titledReport(words []contrastWord, a int) bool {
	if a == 0 || a > 3 || a+1 >= len(words) || words[a+1].kind != cwWhen {
		return false
	}
	for _, w := range words[:a] {
		if w.kind != cwStatus {
			return false
		}
	}
	return true
}

// reportedAfter reports whether the words right after a code report it in
// the passive: "500 is returned when ...", "404 was thrown", "401 error
// returned when ...".
func reportedAfter(after []contrastWord) bool {
	if len(after) > 0 && after[0].kind == cwStatus {
		after = after[1:] // "401 error returned when ...", "500 status is returned"
	}
	switch {
	case len(after) >= 2 && after[0].ref == refIs && after[1].kind == cwReports:
		return true
	case len(after) >= 2 && after[0].kind == cwReports && after[1].kind == cwWhen:
		return true // "401 error returned when the user lacks privileges"
	}
	return false
}

// contrastSlotBits is the size of contrastSlots, in bits of a slot.
const contrastSlotBits = 10

// contrastSlot returns the slot of contrastSlots where the lower-case word
// w, of one byte or more, is when contrastEntries lists it: a
// perfect hash of its length and five of its bytes.
func contrastSlot(w []byte) uint16 {
	n := len(w)
	k := uint64(w[0]) | uint64(w[n/4])<<8 | uint64(w[n/2])<<16 | uint64(w[n*2/3])<<24 | uint64(w[n-1])<<32 | uint64(n)<<40
	return uint16(k * contrastMul >> (64 - contrastSlotBits))
}

// contrastMul is the multiplier of contrastSlot, chosen so that no two
// listed words share a slot.
const contrastMul = 0x9dc97dbd714c184f

// contrastEntry is a word with a contrast kind or a part in a
// refutation, with both.
type contrastEntry struct {
	word      string
	kind, ref uint8
}

// contrastEntries holds the words with a contrast kind or a part in a
// refutation (see the cw and ref constants), in byte order.
// TestContrastTable checks it, and contrastSlots, against the readable
// lists of its wordKind and refutePart.
var contrastEntries = [...]contrastEntry{
	{"a", cwArticle, refNone},
	{"accurate", cwOther, refRight},
	{"after", cwWhen, refNone},
	{"against", cwInstead, refNone},
	{"an", cwArticle, refNone},
	{"answer", cwBaseVerb, refNone},
	{"answered", cwReports, refNone},
	{"answers", cwReports, refNone},
	{"api", cwSubject, refNone},
	{"app", cwSubject, refNone},
	{"appropriate", cwOther, refRight},
	{"be", cwBaseVerb, refToBe},
	{"by", cwWith, refNone},
	{"caused", cwReports, refNone},
	{"causes", cwReports, refNone},
	{"causing", cwReports, refNone},
	{"change", cwReplace, refNone},
	{"changed", cwReplace, refNone},
	{"changes", cwReplace, refNone},
	{"changing", cwReplace, refNone},
	{"code", cwStatus, refNone},
	{"confusing", cwOther, refWrong},
	{"convert", cwReplace, refNone},
	{"converted", cwReplace, refNone},
	{"converting", cwReplace, refNone},
	{"correct", cwOther, refRight},
	{"currently", cwReports, refNone},
	{"displayed", cwReports, refNone},
	{"displays", cwReports, refNone},
	{"does", cwSubject, refDoes},
	{"doesn't", cwOther, refDoesNot},
	{"emits", cwReports, refNone},
	{"endpoints", cwSubject, refNone},
	{"error", cwStatus, refNone},
	{"errors", cwSubject, refNone},
	{"feels", cwSubject, refIs},
	{"for", cwWhen, refNone},
	{"gave", cwReports, refNone},
	{"get", cwReports, refNone},
	{"gets", cwReports, refNone},
	{"getting", cwReports, refNone},
	{"give", cwBaseVerb, refNone},
	{"gives", cwReports, refNone},
	{"giving", cwReports, refNone},
	{"got", cwReports, refNone},
	{"http", cwStatus, refNone},
	{"i", cwSubject, refNone},
	{"if", cwWhen, refNone},
	{"inappropriate", cwOther, refWrong},
	{"incorrect", cwOther, refWrong},
	{"instead", cwInstead, refNone},
	{"into", cwWith, refNone},
	{"is", cwOther, refIs},
	{"isn't", cwOther, refDoesNot},
	{"issued", cwReports, refNone},
	{"issues", cwReports, refNone},
	{"it", cwSubject, refThat},
	{"it's", cwSubject, refThatIs},
	{"leading", cwReports, refNone},
	{"leads", cwReports, refNone},
	{"looks", cwSubject, refIs},
	{"misleading", cwOther, refWrong},
	{"must", cwShould, refNone},
	{"mustn't", cwMustNot, refNone},
	{"not", cwNot, refNone},
	{"of", cwOf, refNone},
	{"on", cwWhen, refNone},
	{"produced", cwReports, refNone},
	{"produces", cwReports, refNone},
	{"producing", cwReports, refNone},
	{"raise", cwBaseVerb, refNone},
	{"raised", cwReports, refNone},
	{"raises", cwReports, refNone},
	{"raising", cwReports, refNone},
	{"rather", cwInstead, refNone},
	{"receive", cwReports, refNone},
	{"received", cwReports, refNone},
	{"receiving", cwReports, refNone},
	{"replace", cwReplace, refNone},
	{"replaced", cwReplace, refNone},
	{"replaces", cwReplace, refNone},
	{"replacing", cwReplace, refNone},
	{"replied", cwReports, refNone},
	{"replies", cwReports, refNone},
	{"replying", cwReports, refNone},
	{"respond", cwBaseVerb, refNone},
	{"responded", cwReports, refNone},
	{"responds", cwReports, refNone},
	{"response", cwStatus, refNone},
	{"resulting", cwReports, refNone},
	{"results", cwReports, refNone},
	{"return", cwBaseVerb, refNone},
	{"returned", cwReports, refNone},
	{"returning", cwReports, refNone},
	{"returns", cwReports, refNone},
	{"right", cwOther, refRight},
	{"seem", cwOther, refIs},
	{"seems", cwSubject, refIs},
	{"send", cwBaseVerb, refNone},
	{"sending", cwReports, refNone},
	{"sends", cwReports, refNone},
	{"sent", cwReports, refNone},
	{"serve", cwBaseVerb, refNone},
	{"server", cwSubject, refNone},
	{"should", cwShould, refNone},
	{"shouldn't", cwMustNot, refNone},
	{"showed", cwReports, refNone},
	{"showing", cwReports, refNone},
	{"shows", cwReports, refNone},
	{"sounds", cwSubject, refIs},
	{"status", cwStatus, refNone},
	{"switch", cwReplace, refNone},
	{"switched", cwReplace, refNone},
	{"switches", cwReplace, refNone},
	{"switching", cwReplace, refNone},
	{"than", cwOf, refNone},
	{"that", cwOther, refThat},
	{"that's", cwSubject, refThatIs},
	{"thats", cwSubject, refThatIs},
	{"the", cwArticle, refNone},
	{"they", cwSubject, refNone},
	{"this", cwSubject, refThat},
	{"threw", cwReports, refNone},
	{"throw", cwBaseVerb, refNone},
	{"throwing", cwReports, refNone},
	{"thrown", cwReports, refNone},
	{"throws", cwReports, refNone},
	{"to", cwWith, refToBe},
	{"triggered", cwReports, refNone},
	{"triggering", cwReports, refNone},
	{"triggers", cwReports, refNone},
	{"use", cwBaseVerb, refNone},
	{"versus", cwVersus, refNone},
	{"vs", cwVersus, refNone},
	{"was", cwOther, refIs},
	{"we", cwSubject, refNone},
	{"when", cwWhen, refNone},
	{"which", cwOther, refThat},
	{"while", cwWhen, refNone},
	{"with", cwWith, refNone},
	{"wrong", cwOther, refWrong},
	{"yields", cwReports, refNone},
	{"you", cwSubject, refNone},
}

// contrastSlots holds, at the contrastSlot of each word of
// contrastEntries, its index + 1; 0 marks an empty slot.
var contrastSlots = [1 << contrastSlotBits]uint8{
	0x00e: 61, 0x012: 132, 0x015: 82, 0x016: 140, 0x018: 129, 0x019: 22, 0x01b: 98, 0x035: 34,
	0x036: 92, 0x042: 141, 0x043: 64, 0x059: 60, 0x064: 66, 0x067: 19, 0x070: 57, 0x071: 115,
	0x078: 56, 0x079: 58, 0x07e: 91, 0x093: 45, 0x09d: 97, 0x0a9: 105, 0x0b6: 128, 0x0b7: 12,
	0x0d3: 9, 0x0d5: 43, 0x0d8: 120, 0x0dd: 16, 0x0e0: 119, 0x0ec: 87, 0x0ee: 39, 0x0f5: 123,
	0x0fd: 4, 0x0fe: 86, 0x0ff: 29, 0x101: 99, 0x114: 15, 0x118: 36, 0x122: 96, 0x12e: 42, 0x137: 117,
	0x138: 31, 0x13e: 104, 0x142: 49, 0x149: 41, 0x154: 102, 0x158: 125, 0x166: 51, 0x177: 79,
	0x180: 37, 0x188: 63, 0x189: 114, 0x18a: 50, 0x190: 21, 0x198: 69, 0x199: 126, 0x19a: 47,
	0x1ab: 111, 0x1af: 27, 0x1b1: 137, 0x1b4: 52, 0x1bc: 30, 0x1be: 53, 0x1c4: 121, 0x1cd: 33,
	0x1d8: 74, 0x1d9: 18, 0x1e0: 44, 0x1e1: 71, 0x1ea: 55, 0x1ee: 84, 0x1f0: 10, 0x1f3: 67, 0x202: 23,
	0x20c: 85, 0x20f: 73, 0x214: 94, 0x21f: 8, 0x226: 26, 0x227: 35, 0x229: 135, 0x22d: 59,
	0x232: 138, 0x235: 108, 0x23c: 2, 0x240: 95, 0x25a: 143, 0x25c: 112, 0x260: 93, 0x261: 81,
	0x26e: 17, 0x273: 127, 0x27a: 20, 0x27b: 11, 0x286: 14, 0x28e: 124, 0x298: 116, 0x29b: 136,
	0x29e: 13, 0x2aa: 130, 0x2ac: 28, 0x2ad: 75, 0x2b5: 48, 0x2b8: 134, 0x2cc: 109, 0x2d3: 106,
	0x2d8: 122, 0x2db: 77, 0x2df: 78, 0x2e5: 3, 0x2fa: 131, 0x2fb: 113, 0x30a: 68, 0x31b: 89,
	0x322: 1, 0x324: 90, 0x325: 101, 0x32a: 6, 0x34c: 70, 0x35a: 32, 0x35b: 5, 0x360: 83, 0x364: 76,
	0x36f: 100, 0x378: 118, 0x380: 103, 0x381: 72, 0x385: 40, 0x386: 139, 0x397: 62, 0x39e: 7,
	0x3c6: 54, 0x3ca: 142, 0x3d1: 110, 0x3d3: 80, 0x3de: 107, 0x3df: 65, 0x3e0: 133, 0x3e3: 88,
	0x3e6: 46, 0x3ea: 24, 0x3f4: 25, 0x3fe: 38,
}

// The entries fit contrastSlots' indexes.
var _ = [1]struct{}{}[len(contrastEntries)>>8]

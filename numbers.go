package httpref

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// A three-digit number in a query is a status code only where it stands
// as one. Pasted log lines are full of numbers that are not: errno values
// ("(104: Connection reset by peer)"), addresses and ports
// ("10.0.0.200:443"), connection numbers ("*502"), sizes ("200 bytes"),
// times ("302 ms") and the byte count after the status in an access log.
// statusNumbers reads the raw query once and returns the catalog entries
// whose code stands as a status somewhere in it.

// entrySet is a set of catalog entries by position.
type entrySet [(catalogSize + 63) / 64]uint64

func (s *entrySet) add(d int)      { s[d/64] |= 1 << (d % 64) }
func (s *entrySet) has(d int) bool { return s[d/64]&(1<<(d%64)) != 0 }

// only returns the entry when s holds exactly one, or -1.
func (s *entrySet) only() int {
	d := -1
	for i, w := range s {
		switch {
		case w == 0:
			continue
		case d >= 0 || w&(w-1) != 0:
			return -1
		}
		d = i*64 + bits.TrailingZeros64(w)
	}
	return d
}

// count returns the number of entries in s.
func (s *entrySet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// statusNumbers returns the entries whose code stands as a status in q,
// and those whose code appears in q only as some other number.
//
// A number is a status when a status word comes before it ("status=404",
// "HTTP/1.1 502", "Error 522", "HTTP ERROR 431", "code: 404",
// "resp.StatusCode == 404"), or is the value of a field named for a status
// or a code ("upstream_status:502"; see statusFieldBefore), or is glued to
// one ("HTTP401", "Error404") or to the "E" of npm's error code ("npm
// ERR! code E407"; see npmErrorCode),
// or follows a Squid result tag in an access log ("TCP_DENIED/407"), or
// is one of two codes joined by a slash ("307/308"; see codePair), or
// has "error" glued after it ("500error"),
// or the first word of its phrase follows it
// ("504 Gateway Time-out"). Otherwise it is a status when it stands alone
// as a word, unless it is part of an address, a version, a path, a time or
// an errno ("(104:"; an IIS substatus such as "500.19" is none of these),
// is the value of some other field ("?v=103", "per_page=100"),
// follows a word such as "port" or "pid", is followed
// by a unit ("ms", "bytes", "KB"), or follows another code directly (the
// size after the status in an access log; a comma between makes a list,
// "404, 403"), or stands later on the line of an access log's status
// (see accessLogStatus).
func statusNumbers[T ~string | ~[]byte](q T) (status, other entrySet) {
	lastEnd := -10 // where the last number taken as a status ended
	logEnd := -1   // where the line of an access log's status ends (see accessLogStatus)
	for i := 0; i < len(q); {
		if !isASCIIDigit(q[i]) {
			i++
			continue
		}
		j := i
		for j < len(q) && isASCIIDigit(q[j]) {
			j++
		}
		start, end := i, j
		i = j
		if end-start != 3 {
			continue
		}
		glued := start > 0 && isASCIILetter(q[start-1])
		underscored := start > 0 && q[start-1] == '_'
		if glued && !statusWordGlued(q, start) && !npmErrorCode(q, start) || underscored && !statusPartBefore(q, start, end) {
			continue
		}
		// A code can take an ending ("404s", "404ing"; see codeEndingAt),
		// and "500error" is a status glued to its word; any other letter
		// makes a word ("200ms", "500px").
		errorAfter := false
		if end < len(q) && isASCIILetter(q[end]) && !codeEndingAt(q, end) {
			if errorAfter = errorWordAt(q, end); !errorAfter {
				continue
			}
		}
		d := codeEntryAt(q, start)
		if d < 0 {
			continue
		}
		switch {
		case glued || underscored || errorAfter || statusWordBefore(q, start) || statusFieldBefore(q, start) ||
			slashStatus(q, start) || codePair(q, start, end) || phraseAfter(q, end, d):
			status.add(d)
			lastEnd = end
			if accessLogStatus(q, start) {
				logEnd = lineEnd(q, end)
			}
		case notAStatus(q, start, end) || start-lastEnd <= 2 && q[lastEnd] != ',' || start < logEnd:
			other.add(d)
		default:
			status.add(d)
			lastEnd = end
		}
	}
	return status, other
}

// accessLogStatus reports whether the number at start follows the quoted
// request of an access log line ("GET /x HTTP/1.1" 499): the status of
// the line, after which the line's other numbers are sizes, lengths and
// times (ingress-nginx's log format puts the request's length, "409", after
// the user agent).
func accessLogStatus[T ~string | ~[]byte](q T, start int) bool {
	return start >= 2 && q[start-1] == ' ' && q[start-2] == '"' && protocolBefore(q, start-2)
}

// protocolBefore reports whether the word that ends at k is a status
// line's protocol ("HTTP/1.1", "HTTP/2"), in any case.
func protocolBefore[T ~string | ~[]byte](q T, k int) bool {
	j := k
	for j > 0 && k-j < 8 && !isSep(q[j-1]) {
		j--
	}
	return k-j > 5 && equalFoldASCII("http/", q[j:j+5])
}

// lineEnd returns the index of the first newline at or after i, or the
// length of q.
func lineEnd[T ~string | ~[]byte](q T, i int) int {
	for i < len(q) && q[i] != '\n' {
		i++
	}
	return i
}

// statusWordBefore reports whether a word that introduces a status stands
// right before the number at start, separated by spaces, quotes, '=' or
// ':': "status", "code", "HTTP", "error", a status line's "HTTP/1.1", and
// field names such as "status_code" or "resp.StatusCode".
func statusWordBefore[T ~string | ~[]byte](q T, start int) bool {
	i := start
	for n := 0; i > 0 && n < 4 && isSep(q[i-1]); n++ {
		i--
	}
	if i == start {
		return false // glued to what comes before, or at the start
	}
	j := i
	for j > 0 && i-j < 24 && (isASCIILetter(q[j-1]) || isASCIIDigit(q[j-1]) || q[j-1] == '_' || q[j-1] == '/' || q[j-1] == '.') {
		j--
	}
	var buf [24]byte
	w := buf[:0]
	for k := j; k < i; k++ {
		w = append(w, lowerASCII(q[k]))
	}
	if len(w) > 5 && string(w[:5]) == "http/" {
		return true
	}
	for k := len(w) - 1; k >= 0; k-- {
		if w[k] == '.' || w[k] == '/' {
			w = w[k+1:] // "resp.StatusCode": the field name
			break
		}
	}
	return isStatusWord(w)
}

// fieldBefore returns the name of the field whose value the number at
// start is: a run of letters, digits, '_', '-' and '.' glued to an '='
// or ':' that is glued to the number, with at most a quote between
// ("status=503", "upstream_status:502", "?v=103", `code="404"`). It
// reports false when no such name stands there.
func fieldBefore[T ~string | ~[]byte](q T, start int) (name T, ok bool) {
	i := start
	if i > 0 && (q[i-1] == '"' || q[i-1] == '\'') {
		i--
	}
	if i == 0 || q[i-1] != '=' && q[i-1] != ':' {
		return name, false
	}
	i--
	j := i
	for j > 0 && i-j < 40 && (isASCIILetter(q[j-1]) || isASCIIDigit(q[j-1]) || q[j-1] == '_' || q[j-1] == '-' || q[j-1] == '.') {
		j--
	}
	if j == i || !isASCIILetter(q[j]) && q[j] != '_' {
		return name, false
	}
	return q[j:i], true
}

// statusFieldBefore reports whether the number at start is the value of a
// field named for a status or a code, whatever its prefix:
// "upstream_status:502", "elb_status_code=503", "rsp_status=500",
// "http-code=404" (see fieldBefore).
func statusFieldBefore[T ~string | ~[]byte](q T, start int) bool {
	name, ok := fieldBefore(q, start)
	if !ok {
		return false
	}
	for k := range len(name) {
		for _, w := range [...]string{"status", "code"} {
			if k+len(w) <= len(name) && equalFoldASCII(w, name[k:k+len(w)]) {
				return true
			}
		}
	}
	return false
}

// pastedStatus reports whether code d stands in q as a field of pasted
// output rather than in a sentence: after a status word and a ':' or '='
// ("Status Code: 403", "status=503", "code: 404"), or in a status line
// ("HTTP/1.1 403", "HTTP/2 403").
func pastedStatus[T ~string | ~[]byte](q T, d int) bool {
	c := entries[d].text[:3]
	for i := 0; i+3 <= len(q); i++ {
		if q[i] != c[0] || string(q[i:i+3]) != c || i > 0 && isASCIIDigit(q[i-1]) || i+3 < len(q) && isASCIIDigit(q[i+3]) ||
			!statusWordBefore(q, i) {
			continue
		}
		k := i
		for k > 0 && i-k < 4 && isSep(q[k-1]) {
			k--
		}
		if strings.ContainsAny(string(q[k:i]), ":=") {
			return true // "Status Code: 403", "status=503"
		}
		if protocolBefore(q, k) {
			return true // "HTTP/1.1 403", "HTTP/2 403"
		}
	}
	return false
}

// codeEntryAt returns the catalog entry whose code is the three digits
// at q[i:], or -1 when they are not three digits or no catalog code.
func codeEntryAt[T ~string | ~[]byte](q T, i int) int {
	if i < 0 || i+3 > len(q) || !isASCIIDigit(q[i]) || !isASCIIDigit(q[i+1]) || !isASCIIDigit(q[i+2]) {
		return -1
	}
	return position(Code(int(q[i]-'0')*100 + int(q[i+1]-'0')*10 + int(q[i+2]-'0')))
}

// errorWordAt reports whether the letters at i are an error word (see
// isErrorWord) and nothing more: "500error", "404Error".
func errorWordAt[T ~string | ~[]byte](q T, i int) bool {
	j := i
	for j < len(q) && isASCIILetter(q[j]) {
		j++
	}
	return isErrorWord(q[i:j])
}

// codeEndingAt reports whether the letters at i are an ending that a
// code takes as a word: a plural ("all 404s"), a verb ("images are
// 404ing") or German's noun ("ein 500er Fehler", "401ern").
func codeEndingAt[T ~string | ~[]byte](q T, i int) bool {
	j := i
	for j < len(q) && isASCIILetter(q[j]) {
		j++
	}
	var buf [16]byte
	switch string(lowerInto(&buf, q[i:j])) {
	case "s", "ing", "er", "ern", "ers":
		return true
	}
	return false
}

// isErrorWord reports whether w is "error", "err", "exception" or the
// plural of one, in any case.
func isErrorWord[T ~string | ~[]byte](w T) bool {
	var buf [16]byte
	switch string(lowerInto(&buf, w)) {
	case "error", "errors", "err", "exception", "exceptions":
		return true
	}
	return false
}

// slashStatus reports whether the number at start follows "HTTP/" ("runs
// into http/403") or a result tag of Squid's access log and a slash, as in
// "TCP_MISS/200",
// "TCP_DENIED/407" or "NONE/400": the log's code/status field (see
// https://wiki.squid-cache.org/Features/LogFormat). The tags are upper
// case and start with TCP_, UDP_, TAG_ or NONE.
func slashStatus[T ~string | ~[]byte](q T, start int) bool {
	if start == 0 || q[start-1] != '/' {
		return false
	}
	if start >= 5 && equalFoldASCII("http", q[start-5:start-1]) && (start == 5 || !isASCIILetter(q[start-6])) {
		return true // "runs into http/403"
	}
	j := start - 1
	for j > 0 && start-1-j < 32 && ('A' <= q[j-1] && q[j-1] <= 'Z' || q[j-1] == '_') {
		j--
	}
	if j > 0 && q[j-1] != ' ' && q[j-1] != '\t' {
		return false // part of a longer word or a path
	}
	tag := q[j : start-1]
	if len(tag) < 4 {
		return false
	}
	switch string(tag[:4]) {
	case "TCP_", "UDP_", "TAG_", "NONE":
		return true
	}
	return false
}

// codePair reports whether the number from start to end and another code
// stand as a pair of alternatives joined by a slash: "307/308", "a 402/429
// boundary". Both must be codes of the catalog and differ, and the pair
// must stand alone, so that a date ("2024/301/"), a path ("/api/200/404/")
// or a count ("200/200 done") is none.
func codePair[T ~string | ~[]byte](q T, start, end int) bool {
	a, b := start, end // the pair's bounds
	switch {
	case end+4 <= len(q) && q[end] == '/':
		b = end + 4
	case start >= 4 && q[start-1] == '/':
		a = start - 4
	default:
		return false
	}
	if a > 0 && (isASCIIDigit(q[a-1]) || isASCIILetter(q[a-1]) || q[a-1] == '/' || q[a-1] == '.') ||
		b < len(q) && (isASCIIDigit(q[b]) || isASCIILetter(q[b]) && lowerASCII(q[b]) != 's' || q[b] == '/') {
		return false
	}
	x, y := codeEntryAt(q, a), codeEntryAt(q, a+4) // each -1 unless three digits of a code
	return x >= 0 && y >= 0 && x != y
}

// isStatusWord reports whether w, in lower case, is a word that introduces
// a status code.
func isStatusWord(w []byte) bool {
	switch string(w) {
	case "status", "statuscode", "status_code", "httpstatus", "http_status", "code", "http", "https",
		"error", "err", "errorcode", "error_code", "responsecode", "response_code":
		return true
	}
	return false
}

// identifierBefore reports whether the hyphen at q[h] follows a word
// that makes the number after it part of a name: an issue key
// ("JOB-104", "DATAREST-661"), a thread's or a request's ("task-147",
// "req-251"); or "non", which names every code but that one ("a non-200
// status"). A word that introduces a status ("HTTP-429", "error-500")
// does not.
func identifierBefore[T ~string | ~[]byte](q T, h int) bool {
	j := h
	for j > 0 && h-j < 24 && (isASCIILetter(q[j-1]) || isASCIIDigit(q[j-1]) || q[j-1] == '_') {
		j--
	}
	if j == h || !isASCIILetter(q[j]) || j > 0 && q[j-1] == '-' {
		// No word, one that starts with a digit, or a word of a slug
		// that holds the status ("fix-return-404-when-not-found").
		return false
	}
	var buf [24]byte
	w := buf[:0]
	for k := j; k < h; k++ {
		w = append(w, lowerASCII(q[k]))
	}
	return !isStatusWord(w)
}

// statusWordGlued reports whether the number at start is glued to a whole
// word that introduces a status: "HTTP401", "Error404", "status500".
func statusWordGlued[T ~string | ~[]byte](q T, start int) bool {
	j := lettersBefore(q, start)
	if j > 0 && (isASCIILetter(q[j-1]) || isASCIIDigit(q[j-1]) || q[j-1] == '_') {
		return false // part of a longer word
	}
	var buf [statusWordLongest]byte
	return isStatusWord(lowerWord(q, j, start, &buf))
}

// statusWordLongest is the length of the longest word without a
// separator that isStatusWord holds ("responsecode").
const statusWordLongest = len("responsecode")

// lettersBefore returns where the run of ASCII letters that ends at k
// begins, looking back no further than statusWordLongest letters.
func lettersBefore[T ~string | ~[]byte](q T, k int) int {
	j := k
	for j > 0 && k-j < statusWordLongest && isASCIILetter(q[j-1]) {
		j--
	}
	return j
}

// lowerWord returns q[j:k], at most statusWordLongest bytes, in lower
// case, written into buf.
func lowerWord[T ~string | ~[]byte](q T, j, k int, buf *[statusWordLongest]byte) []byte {
	w := buf[:0]
	for ; j < k; j++ {
		w = append(w, lowerASCII(q[j]))
	}
	return w
}

// statusPartBefore reports whether the number from start to end is the
// last part of a name joined by underscores whose part before it
// introduces a status ("HTTP_403", "ERR_403", "http_error_401") or names a
// failed fetch ("ERR_PNPM_FETCH_403", and the "FETCH_" + status that code
// builds from a response's status alike). A number inside such a name
// ("HTTP_403_FORBIDDEN", a constant that names its code by its words), or
// after another part ("GENERATE_204", "BLAKE2_256"), names nothing.
func statusPartBefore[T ~string | ~[]byte](q T, start, end int) bool {
	if end < len(q) && (isASCIILetter(q[end]) || isASCIIDigit(q[end]) || q[end] == '_') {
		return false
	}
	h := start - 1 // the underscore
	j := lettersBefore(q, h)
	if j == h || j > 0 && (isASCIILetter(q[j-1]) || isASCIIDigit(q[j-1])) {
		return false // no part, or a longer one
	}
	var buf [statusWordLongest]byte
	w := lowerWord(q, j, h, &buf)
	return isStatusWord(w) || string(w) == "fetch"
}

// npmErrorCode reports whether the number at start is glued to the "E"
// of an npm error code after the word "code" ("npm ERR! code E407", "npm
// error code E404"): npm-registry-fetch names a failed response's error
// E and its status, and npm prints that name on a line of its own, often
// the only line people paste.
func npmErrorCode[T ~string | ~[]byte](q T, start int) bool {
	e := start - 1
	if e < 0 || q[e] != 'E' || e > 0 && (isASCIILetter(q[e-1]) || isASCIIDigit(q[e-1])) {
		return false
	}
	j := e
	for j > 0 && e-j < 3 && (q[j-1] == ' ' || q[j-1] == ':') {
		j--
	}
	const word = "code"
	return j < e && j >= len(word) && equalFoldASCII(word, q[j-len(word):j]) &&
		(j == len(word) || !isASCIILetter(q[j-len(word)-1]))
}

func isSep(c byte) bool {
	switch c {
	case ' ', '\t', '"', '\'', '=', ':', '[', '(', '`', '<', '>':
		return true
	}
	return false
}

// phraseAfter reports whether the first word of entry d's phrase follows
// the number that ends at end ("504 Gateway", "404 - Not").
func phraseAfter[T ~string | ~[]byte](q T, end, d int) bool {
	i := end
	for n := 0; i < len(q) && n < 4 && (q[i] == ' ' || q[i] == '-' || q[i] == ':' || q[i] == '"'); n++ {
		i++
	}
	if i == end {
		return false
	}
	text := entries[d].text
	w := text[4:] // the phrase
	k := 0
	for k < len(w) && isASCIILetter(w[k]) {
		k++
	}
	w = w[:k]
	if k == 0 || i+k > len(q) || i+k < len(q) && isASCIILetter(q[i+k]) {
		return false
	}
	for x := range k {
		if lowerASCII(q[i+x]) != lowerASCII(w[x]) {
			return false
		}
	}
	return true
}

// notAStatus reports whether the number in q[start:end] is glued to an
// address, a path, a version, a time, an errno, a process id (the
// "403#403" of nginx's error log: process#thread) or a name ("JOB-104";
// see identifierBefore), or is followed by a unit or preceded by a word
// that names some other number.
func notAStatus[T ~string | ~[]byte](q T, start, end int) bool {
	if start > 0 {
		switch p := q[start-1]; p {
		case ':':
			if !labelBefore(q, start-1) {
				return true // a port or a time: "localhost:443", "12:30:404"
			}
		case '.', '/', '\\', '#', '*', '$', '@', '+', '%':
			return true
		case '=', '"':
			if _, ok := fieldBefore(q, start); ok {
				return true // the value of some other field: "?v=103", "per_page=100"
			}
		case ',':
			if start > 1 && isASCIIDigit(q[start-2]) {
				return true // a thousands separator: "1,502 requests"
			}
			// A comma after a word separates clauses: Chinese and Japanese
			// write "，" (folded to ',') with no space after it ("如题，405报错").
		case '(':
			if end < len(q) && q[end] == ':' {
				return true // errno: "(104: Connection reset by peer)"
			}
		case '-':
			if start > 1 && isASCIIDigit(q[start-2]) {
				return true // a date or a range
			}
			if identifierBefore(q, start-1) {
				return true // "JOB-104", "task-147", "non-200"
			}
		}
	}
	if end+1 < len(q) {
		switch q[end] {
		case '.', ':', '/', ',', '-', '#':
			if q[end] == '.' && iisSubstatus(q, end) {
				return false
			}
			if isASCIIDigit(q[end+1]) {
				return true // "200.5", "404:12", "10.0.0.200", nginx's "403#403" (process#thread)
			}
		case '%':
			return true
		}
	} else if end < len(q) && q[end] == '%' {
		return true
	}
	return unitAfter(q, end) || otherNumberWordBefore(q, start)
}

// labelBefore reports whether the ':' at colon ends a label written in a
// script other than Latin ("状态码：403", "エラー：500", "ошибка:404",
// full-width colons folded): a field and its value, where after a host
// name or a number the colon starts a port or a time.
func labelBefore[T ~string | ~[]byte](q T, colon int) bool {
	k := colon
	for k > 0 && q[k-1] == ' ' {
		k--
	}
	return k > 0 && q[k-1] >= utf8.RuneSelf
}

// iisSubstatus reports whether the '.' at dot starts an IIS substatus,
// as in "500.19", "404.3" or "502.5": one or two digits that end the
// number, with no further dot, digit group or unit after them (not
// "10.0.0.200", "200.25.3", "413.5 KB").
func iisSubstatus[T ~string | ~[]byte](q T, dot int) bool {
	k := dot + 1
	for k < len(q) && isASCIIDigit(q[k]) {
		k++
	}
	if n := k - dot - 1; n < 1 || n > 2 {
		return false
	}
	if k < len(q) {
		switch c := q[k]; {
		case isASCIILetter(c), c == '_':
			return false
		case c == '.' || c == ':' || c == '/' || c == ',' || c == '-':
			if k+1 < len(q) && isASCIIDigit(q[k+1]) {
				return false
			}
		}
	}
	return !unitAfter(q, k)
}

// unitAfter reports whether a unit follows the number: "200 ms",
// "413 bytes", or "of" after its plural: "100s of requests".
func unitAfter[T ~string | ~[]byte](q T, end int) bool {
	i := end
	for i < len(q) && q[i] == ' ' {
		i++
	}
	j := i
	for j < len(q) && isASCIILetter(q[j]) {
		j++
	}
	if i == end && j == i+1 {
		// "404s": a plural, unless "of" follows, which makes it a
		// quantity ("100s of these entries in the error log").
		k := j
		for k < len(q) && q[k] == ' ' {
			k++
		}
		return k > j && k+2 <= len(q) && (k+2 == len(q) || !isASCIILetter(q[k+2])) && sameFoldASCII("of", q[k:k+2])
	}
	var buf [16]byte
	switch string(lowerInto(&buf, q[i:j])) {
	case "ms", "msec", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds",
		"min", "mins", "minute", "minutes", "b", "byte", "bytes", "kb", "mb", "gb", "kib", "mib",
		"k", "px", "times", "items", "records", "rows", "lines", "users", "percent":
		return true
	}
	return false
}

// otherNumberWordBefore reports whether a word that names some other kind
// of number comes right before the one at start: "port 443", "pid 502".
func otherNumberWordBefore[T ~string | ~[]byte](q T, start int) bool {
	var buf [16]byte
	j, w := wordBefore(q, start, &buf, func(c byte) bool { return c == ' ' || c == '=' || c == ':' })
	switch string(w) {
	case "port", "pid", "line", "errno", "worker", "thread", "tid", "uid", "gid", "id", "issue",
		"version", "size", "length", "len", "row", "column", "col", "bytes", "after", "top", "over", "under":
		return true
	case "than":
		// "more than 500" names an amount, but "rather than 404" and
		// "anything other than 200" name a code.
		_, w = wordBefore(q, j, &buf, func(c byte) bool { return c == ' ' })
		return string(w) != "rather" && string(w) != "other"
	}
	return false
}

// wordBefore returns the run of ASCII letters that ends where the bytes
// before start that sep accepts begin, lower-cased into buf (nil when
// longer, see lowerInto), and where it starts.
func wordBefore[T ~string | ~[]byte](q T, start int, buf *[16]byte, sep func(byte) bool) (int, []byte) {
	i := start
	for i > 0 && sep(q[i-1]) {
		i--
	}
	j := i
	for j > 0 && isASCIILetter(q[j-1]) {
		j--
	}
	return j, lowerInto(buf, q[j:i])
}

// lowerInto lower-cases a short ASCII word into buf; a longer word gives
// nil, which matches no case of a switch.
func lowerInto[T ~string | ~[]byte](buf *[16]byte, w T) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lowerASCII(w[i])
	}
	return buf[:len(w)]
}

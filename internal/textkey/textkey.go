// Package textkey turns text into search terms. The generator (gen/, through
// internal/table) uses it to index the catalog and package httpref uses it
// on queries, so both sides agree on every term by construction.
//
// A term is a lower-case word, lightly stemmed. The steps, in order:
//
//   - Unicode folding (only for non-ASCII input; ASCII text skips it):
//     full-width and half-width forms map to their canonical width
//     (golang.org/x/text/width), combining marks are removed after canonical
//     decomposition (golang.org/x/text/unicode/norm), curly quotes become
//     straight ones and dashes become hyphens, and letters are case folded
//     rune by rune (simple case folding with package unicode: x/text/cases
//     would import x/text/language, whose package init allocates in every
//     program that imports httpref).
//   - Splitting: words are runs of letters and digits. An apostrophe inside
//     a word is dropped ("I'm" gives "im"), except that a contraction with
//     n't gives "not" ("isn't", "doesn't", "can't"): the verb before it is
//     a stop word, and "isn't authenticated" asks what "not authenticated"
//     asks. Hyphenated and camelCase words
//     ("Time-out", "StatusTooManyRequests", "WebSocket") give their parts and
//     also the whole word joined, so "timeout" matches "Time-out" and
//     "websocket" matches "WebSocket"; so does a code glued to the word
//     before it ("HTTP401" gives "http", "401" and "http401").
//     Chinese, Japanese and Korean put no space between words: a run of
//     their letters gives each pair of adjacent letters ("重定向" gives
//     "重定" and "定向").
//   - Stop words ("the", "a", "of", ...) and single letters are dropped.
//   - Stemming (Stem): plural and verb endings are removed and British
//     spellings are mapped to American ones, so "timeouts" ~ "timeout",
//     "limited" ~ "limit", "authorisation" ~ "authorization".
//
// Terms are written to a byte slice, each followed by one space, so the
// caller can keep them in a fixed buffer without allocating.
package textkey

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// MaxWord is the longest word, in bytes, that becomes a term; longer runs
// of letters are cut to this length.
const MaxWord = 48

// maxParts bounds the parts of one hyphenated or camelCase word.
const maxParts = 12

// IsASCII reports whether s has only ASCII bytes.
func IsASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 { // eight bytes at a time, in one load
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Append appends the terms of s to dst, each followed by a space, and
// returns the extended slice. It handles any input, including invalid
// UTF-8 (invalid bytes separate words).
func Append(dst []byte, s string) []byte {
	if IsASCII(s) {
		return AppendASCII(dst, s)
	}
	terms, _ := AppendUnicode(dst, s, nil)
	return terms
}

// AppendASCII is Append for text known to be ASCII (see IsASCII). It does
// not let dst escape, so a caller may pass a slice of a stack array; the
// result fits when cap(dst)-len(dst) >= 2*len(s)+2*MaxWord.
func AppendASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k := asciiKinds[s[i]&(utf8.RuneSelf-1)]
		if !isWord(int(k)) {
			i++
			continue
		}
		// The word's extent, as appendWords finds it. A word that is
		// one part (no capital, hyphen or apostrophe after its first
		// letter, no digit after a letter) goes straight to
		// appendSimpleTerm; the others are cut into parts by appendWord.
		j, onePart, letter, digit := i+1, true, k != kDigit, k == kDigit
		for j < len(s) {
			k := asciiKinds[s[j]&(utf8.RuneSelf-1)]
			if k == kLower { // the common case, before the others
				letter = true
				j++
				continue
			}
			switch k {
			case kUpper:
				onePart = false
				j++
				continue
			case kDigit:
				onePart = onePart && !letter
				digit = true
				j++
				continue
			case kHyphen, kApos:
				if j+1 < len(s) && isWord(int(asciiKinds[s[j+1]&(utf8.RuneSelf-1)])) {
					onePart = false
					j++
					continue
				}
			}
			break
		}
		if onePart {
			dst = appendSimpleTerm(dst, s[i:j], digit)
		} else {
			dst = appendWord(dst, s[i:j])
		}
		i = j
	}
	return dst
}

// AppendUnicode is Append for text that may hold non-ASCII characters. It
// folds s into scratch (appending from its start; give it room for four
// bytes per byte of s and nothing is allocated), splits the folded text,
// and returns the terms and the folded text.
func AppendUnicode(dst []byte, s string, scratch []byte) (terms, folded []byte) {
	buf := scratch[:0]
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf { // a run of ASCII is copied as it is
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			buf = append(buf, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			buf = append(buf, ' ') // invalid UTF-8 separates words
			i++
			continue
		case isCJKBlock(r):
			buf = append(buf, s[i:i+size]...) // folding leaves it as it is
		default:
			buf = appendFoldedRune(buf, s[i:i+size], r)
		}
		i += size
	}
	if len(buf) == 0 {
		return dst, buf
	}
	// appendWords reads the folded text and keeps nothing of it, so it
	// can see buf as a string without a copy.
	return appendWords(dst, unsafe.String(&buf[0], len(buf))), buf
}

// appendFoldedRune appends the width-folded, mark-free, case-folded form of
// the non-ASCII rune r, whose UTF-8 encoding is enc. Runes that width
// folding turns into ASCII keep their case, so that splitting still sees
// camelCase in full-width text; appendWords lowers ASCII letters.
func appendFoldedRune(buf []byte, enc string, r rune) []byte {
	switch r {
	case '\u2018', '\u2019', '\u201B', '\u2032', '\uFF07': // curly and prime quotes
		return append(buf, '\'')
	case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB':
		return append(buf, '"')
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D':
		return append(buf, '-')
	case '\u00DF': // sharp s has no single-rune fold
		return append(buf, 's', 's')
	}
	var tmp [utf8.UTFMax]byte
	b := tmp[:copy(tmp[:], enc)]
	if p, _ := width.LookupString(enc); p.Folded() != 0 {
		f := p.Folded()
		r = f
		if r < utf8.RuneSelf {
			return append(buf, byte(r))
		}
		b = tmp[:utf8.EncodeRune(tmp[:], r)]
	}
	d := norm.NFD.Properties(b).Decomposition()
	if d == nil {
		return appendFoldedLetter(buf, r)
	}
	for len(d) > 0 {
		dr, n := utf8.DecodeRune(d)
		buf = appendFoldedLetter(buf, dr)
		d = d[n:]
	}
	return buf
}

// appendFoldedLetter appends the simple case fold of r when it is a letter
// or digit, nothing for a combining mark, and a word separator otherwise.
// ASCII runes (from decomposing "Ö", say) keep their case for appendWords.
func appendFoldedLetter(buf []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		return append(buf, byte(r))
	case unicode.Is(unicode.Mn, r):
		return buf
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		// Upper then lower maps every case variant (final sigma, the
		// Kelvin sign, long s) to one form.
		return utf8.AppendRune(buf, unicode.ToLower(unicode.ToUpper(r)))
	}
	return append(buf, ' ')
}

// Character kinds for splitting.
const (
	kSep   = iota // separates words
	kLower        // lower-case letter
	kUpper        // upper-case ASCII letter
	kDigit
	kHyphen   // joins the parts of a compound word
	kApos     // dropped inside a word
	kCaseless // a letter of another script without case (Thai, Arabic, ...)
	kCJK      // a Han, kana or Hangul letter: these scripts put no space between words
)

// asciiKinds holds the kind of each ASCII byte.
var asciiKinds = [utf8.RuneSelf]uint8{
	'-': kHyphen, '\'': kApos,
	'0': kDigit, '1': kDigit, '2': kDigit, '3': kDigit, '4': kDigit,
	'5': kDigit, '6': kDigit, '7': kDigit, '8': kDigit, '9': kDigit,
	'A': kUpper, 'B': kUpper, 'C': kUpper, 'D': kUpper, 'E': kUpper, 'F': kUpper, 'G': kUpper,
	'H': kUpper, 'I': kUpper, 'J': kUpper, 'K': kUpper, 'L': kUpper, 'M': kUpper, 'N': kUpper,
	'O': kUpper, 'P': kUpper, 'Q': kUpper, 'R': kUpper, 'S': kUpper, 'T': kUpper, 'U': kUpper,
	'V': kUpper, 'W': kUpper, 'X': kUpper, 'Y': kUpper, 'Z': kUpper,
	'a': kLower, 'b': kLower, 'c': kLower, 'd': kLower, 'e': kLower, 'f': kLower, 'g': kLower,
	'h': kLower, 'i': kLower, 'j': kLower, 'k': kLower, 'l': kLower, 'm': kLower, 'n': kLower,
	'o': kLower, 'p': kLower, 'q': kLower, 'r': kLower, 's': kLower, 't': kLower, 'u': kLower,
	'v': kLower, 'w': kLower, 'x': kLower, 'y': kLower, 'z': kLower,
}

// kind returns the kind of the character at s[i] and its length.
func kind(s string, i int) (k, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return int(asciiKinds[c]), 1
	}
	return kindRune(s, i)
}

// kindRune is kind for a character that is not ASCII.
func kindRune(s string, i int) (k, size int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case isCJKBlock(r):
		return kCJK, n // most of the text in a Chinese or Korean query: skip the tables
	case r == utf8.RuneError && n <= 1:
		return kSep, 1
	case unicode.IsUpper(r):
		return kUpper, n
	case unicode.IsLower(r) || unicode.IsTitle(r):
		return kLower, n
	case isCJK(r):
		return kCJK, n
	case unicode.IsLetter(r):
		return kCaseless, n
	case unicode.IsDigit(r):
		return kDigit, n
	}
	return kSep, n
}

// The CJK Unified Ideographs block, U+4E00 to U+9FFF, and the Hangul
// Syllables, U+AC00 to U+D7A3: every character in them is a letter
// without case, width form or table decomposition, so folding keeps it as
// it is and its kind is kCJK. TestCJKBlocks checks both against the
// general path for each of them.
const (
	hanBlockFirst    = 0x4E00
	hanBlockLast     = 0x9FFF
	hangulBlockFirst = 0xAC00
	hangulBlockLast  = 0xD7A3
)

// isCJKBlock reports whether r is in the CJK Unified Ideographs block or
// among the Hangul Syllables, the letters of most Chinese and Korean text.
func isCJKBlock(r rune) bool {
	return hanBlockFirst <= r && r <= hanBlockLast || hangulBlockFirst <= r && r <= hangulBlockLast
}

// isWord reports whether kind k is that of a word character.
func isWord(k int) bool {
	return wordKinds>>uint(k)&1 != 0
}

// wordKinds has bit k set for each kind k of a word character.
const wordKinds = 1<<kLower | 1<<kUpper | 1<<kDigit | 1<<kCaseless | 1<<kCJK

// isCJK reports whether r is a letter of Chinese, Japanese or Korean
// writing, including the kana prolonged sound mark "ー" (of the Common
// script, but part of katakana words).
func isCJK(r rune) bool {
	return r == '\u30FC' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// script is the class of a word character: a word runs over characters of
// one class.
func script(k int) int {
	switch k {
	case kCaseless:
		return 1
	case kCJK:
		return 2
	}
	return 0
}

// appendWords splits s into words and appends their terms.
func appendWords(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k, n := 0, 1 // kind(s, i), with ASCII inline
		if c := s[i]; c < utf8.RuneSelf {
			k = int(asciiKinds[c])
		} else {
			k, n = kindRune(s, i)
		}
		if !isWord(k) {
			i += n
			continue
		}
		// A word runs over letters, digits, and hyphens or apostrophes
		// that sit between two word characters, all of one script class
		// (see script): a code or a Latin word written against Chinese
		// or Japanese is a word of its own ("返回401状态码" gives "返回",
		// "401" and "状态码"; "API参数" gives "api" and "参数").
		class := script(k)
		j := i
		for j < len(s) {
			k, n := 0, 1 // kind(s, j), with ASCII inline
			if c := s[j]; c < utf8.RuneSelf {
				k = int(asciiKinds[c])
			} else {
				k, n = kindRune(s, j)
			}
			if isWord(k) && script(k) == class {
				j += n
				continue
			}
			if (k == kHyphen || k == kApos) && j+n < len(s) {
				if k2, _ := kind(s, j+n); isWord(k2) && script(k2) == class {
					j += n
					continue
				}
			}
			break
		}
		if k == kCJK {
			dst = appendBigrams(dst, s[i:j])
		} else {
			dst = appendWord(dst, s[i:j])
		}
		i = j
	}
	return dst
}

// appendBigrams appends the terms of a run of Chinese, Japanese or
// Korean letters: each pair of adjacent letters ("循环重定向" gives "循环",
// "环重", "重定", "定向"), or the letter alone in a run of one. Without
// spaces between words, pairs are how such text is searched: the word
// "重定向" (redirect) is found inside a sentence as its pairs "重定" and
// "定向".
func appendBigrams(dst []byte, w string) []byte {
	_, first := utf8.DecodeRuneInString(w)
	if first >= len(w) {
		return appendTerm(dst, w)
	}
	for i, end := 0, first; end < len(w); {
		_, n := utf8.DecodeRuneInString(w[end:])
		dst = appendTerm(dst, w[i:end+n])
		_, m := utf8.DecodeRuneInString(w[i:])
		i, end = i+m, end+n
	}
	return dst
}

// appendWord appends the terms of one word: its parts, and the parts
// joined when there are several.
func appendWord(dst []byte, w string) []byte {
	var (
		parts [maxParts][2]int // start, end in w
		np    int
		start = 0
		prev  = -1 // kind of the previous character
	)
	cut := func(end int) {
		if end > start && np < maxParts {
			parts[np] = [2]int{start, end}
			np++
		}
	}
	for i := 0; i < len(w); {
		k, n := 0, 1 // kind(w, i), with ASCII inline
		if c := w[i]; c < utf8.RuneSelf {
			k = int(asciiKinds[c])
		} else {
			k, n = kindRune(w, i)
		}
		switch k {
		case kHyphen:
			cut(i)
			start, prev = i+n, -1
			i += n
			continue
		case kDigit:
			// A code glued to the word that introduces it ("HTTP401",
			// "Error404"): three digits that end the word after two letters
			// or more start a part.
			if (prev == kLower || prev == kUpper) && i-start >= 2 && len(w)-i == 3 &&
				isDigits(w[i:]) {
				cut(i)
				start = i
			}
		case kUpper:
			// camelCase: a capital after a small letter starts a part, and
			// so does the last capital of a run followed by a small letter
			// ("URIToo" gives "URI", "Too").
			if prev == kLower {
				cut(i)
				start = i
			} else if prev == kUpper && i+n < len(w) {
				if k2, _ := kind(w, i+n); k2 == kLower {
					cut(i)
					start = i
				}
			}
		}
		prev = k
		i += n
	}
	cut(len(w))
	for p := 0; p < np; p++ {
		dst = appendTerm(dst, w[parts[p][0]:parts[p][1]])
	}
	if np > 1 {
		dst = appendTerm(dst, w[parts[0][0]:parts[np-1][1]])
	}
	return dst
}

// appendTerm lower-cases w (ASCII letters only; the Unicode path folds the
// rest afterwards), drops apostrophes and hyphens, filters stop words and
// stems the result.
func appendTerm(dst []byte, w string) []byte {
	if isNegation(w) {
		return append(dst, "not "...)
	}
	start := len(dst)
	var high byte      // the bits of every byte kept: >= utf8.RuneSelf when one is not ASCII
	letters := byte(1) // 1 while every byte kept is a lower-case ASCII letter
	for i := 0; i < len(w) && len(dst)-start < MaxWord; i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
		case c == '-' || c == '\'':
			continue
		default:
			letters = 0
		}
		high |= c
		dst = append(dst, c)
	}
	if high >= utf8.RuneSelf {
		// Do not cut a UTF-8 sequence in half.
		for len(dst) > start && !utf8.Valid(dst[start:]) {
			dst = dst[:len(dst)-1]
		}
		return appendStemmed(dst, start, false)
	}
	return appendStemmed(dst, start, letters != 0)
}

// appendSimpleTerm is appendTerm for a word of ASCII letters and digits
// in which only the first byte may be a capital letter; digit tells
// whether the word has a digit.
func appendSimpleTerm(dst []byte, w string, digit bool) []byte {
	start := len(dst)
	dst = append(dst, w[:min(len(w), MaxWord)]...)
	if c := dst[start]; 'A' <= c && c <= 'Z' {
		dst[start] = c + 'a' - 'A'
	}
	return appendStemmed(dst, start, !digit)
}

// appendStemmed finishes a term that appendTerm or appendSimpleTerm wrote
// lower-cased at dst[start:]: it drops the term when it is empty, a single
// letter or a stop word, and otherwise stems it and adds the space. letters
// says that the term is all lower-case ASCII letters; when it is false,
// Stem checks.
func appendStemmed(dst []byte, start int, letters bool) []byte {
	t := dst[start:]
	if len(t) <= 1 {
		if len(t) == 1 && '0' <= t[0] && t[0] <= '9' {
			return append(dst, ' ')
		}
		return dst[:start]
	}
	if isStop(t) {
		return dst[:start]
	}
	if letters {
		t = stemLetters(t)
	} else {
		t = Stem(t)
	}
	return append(dst[:start+len(t)], ' ')
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isNegation reports whether w is a contraction with n't, in any case.
func isNegation(w string) bool {
	n := len(w)
	return n >= 4 && w[n-1]|0x20 == 't' && w[n-2] == '\'' && w[n-3]|0x20 == 'n'
}

// isStop reports whether t is a stop word: a word so common in English
// that it says nothing about a status code. The stop words are those of
// stopWords.
func isStop(t []byte) bool {
	n := len(t)
	if n == 0 || n > 7 {
		return false // the longest is "instead"
	}
	return stopWords[stopSlot(t)] == string(t)
}

// stopSlot returns the slot of stopWords where t, of 1 to 7 bytes, is
// when it is a stop word: a perfect hash of its SlotKey.
func stopSlot(t []byte) uint8 {
	return uint8(SlotKey(t) * stopMul >> 56)
}

// SlotKey packs the length of the non-empty term t and four of its bytes
// (the first, the middle, two thirds in and the last) into one number:
// multiplied by a constant chosen for a fixed list of terms and shifted,
// it gives each term of the list a slot of its own, a perfect hash that
// the stop words here and the filler terms of httpref use.
func SlotKey(t []byte) uint64 {
	n := len(t)
	return uint64(t[0]) | uint64(t[n/2])<<8 | uint64(t[n*2/3])<<16 | uint64(t[n-1])<<24 | uint64(n)<<32
}

// stopMul is the multiplier of stopSlot, chosen so that no two stop words
// share a slot.
const stopMul = 0x365210490a96c23d

// stopWords holds each stop word at its stopSlot. TestStopWords checks the
// table against the list of stop words and prints a new one when they
// differ.
var stopWords = [256]string{
	0x01: "in", 0x02: "to", 0x06: "it", 0x07: "were", 0x09: "got", 0x0b: "being",
	0x10: "might", 0x16: "which", 0x1f: "could", 0x20: "for", 0x24: "that", 0x25: "been",
	0x2d: "had", 0x30: "any", 0x34: "you", 0x38: "my", 0x42: "some", 0x44: "there",
	0x46: "such", 0x47: "on", 0x4c: "how", 0x4f: "an", 0x50: "your", 0x51: "the",
	0x53: "at", 0x54: "these", 0x5a: "is", 0x5d: "would", 0x62: "have", 0x65: "getting",
	0x67: "their", 0x69: "has", 0x6d: "than", 0x71: "who", 0x7e: "are", 0x7f: "be",
	0x89: "those", 0x8d: "from", 0x8e: "should", 0x90: "a", 0x91: "may", 0x98: "was",
	0x99: "also", 0x9a: "when", 0x9b: "can", 0x9d: "do", 0x9e: "i", 0xa6: "if",
	0xa7: "with", 0xa8: "as", 0xae: "into", 0xb6: "instead", 0xb7: "its", 0xb8: "will",
	0xc7: "what", 0xcc: "so", 0xd4: "me", 0xd5: "get", 0xdc: "and", 0xe2: "by",
	0xe6: "but", 0xe7: "where", 0xe9: "about", 0xec: "of", 0xed: "this", 0xef: "why",
	0xf3: "we", 0xf5: "or", 0xf6: "our", 0xf7: "then", 0xff: "does",
}

// Hash is the 32-bit FNV-1a hash of s. The generator keys the search
// index's open-addressing tables with it, and package httpref probes them
// with the same function.
func Hash[T ~string | ~[]byte](s T) uint32 {
	return Extend(2166136261, s)
}

// Extend continues an FNV-1a hash over s: Extend(Hash(a), b) is Hash of a
// followed by b.
func Extend[T ~string | ~[]byte](h uint32, s T) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

package textkey

// This file keeps the tokenizer as it was before its fast paths, as the
// reference that the tests compare the package with: refAppend must give
// what Append gives, on every input.

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// refIsASCII reports whether s has only ASCII bytes.
func refIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// refAppend appends the terms of s to dst, each followed by a space, and
// returns the extended slice. It handles any input, including invalid
// UTF-8 (invalid bytes separate words).
func refAppend(dst []byte, s string) []byte {
	if refIsASCII(s) {
		return refAppendASCII(dst, s)
	}
	terms, _ := refAppendUnicode(dst, s, nil)
	return terms
}

// refAppendASCII is refAppend for text known to be ASCII (see refIsASCII). It does
// not let dst escape, so a caller may pass a slice of a stack array; the
// result fits when cap(dst)-len(dst) >= 2*len(s)+2*MaxWord.
func refAppendASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k := refAsciiKinds[s[i]&(utf8.RuneSelf-1)]
		if !refIsWord(int(k)) {
			i++
			continue
		}
		// The word's extent, as refAppendWords finds it. A word that is
		// one part (no capital, hyphen or apostrophe after its first
		// letter, no digit after a letter) goes straight to
		// refAppendTerm; the others are cut into parts by refAppendWord.
		j, onePart, letter := i+1, true, k != kDigit
		for j < len(s) {
			switch refAsciiKinds[s[j]&(utf8.RuneSelf-1)] {
			case kLower:
				letter = true
				j++
				continue
			case kUpper:
				onePart = false
				j++
				continue
			case kDigit:
				onePart = onePart && !letter
				j++
				continue
			case kHyphen, kApos:
				if j+1 < len(s) && refIsWord(int(refAsciiKinds[s[j+1]&(utf8.RuneSelf-1)])) {
					onePart = false
					j++
					continue
				}
			}
			break
		}
		if onePart {
			dst = refAppendTerm(dst, s[i:j])
		} else {
			dst = refAppendWord(dst, s[i:j])
		}
		i = j
	}
	return dst
}

// refAppendUnicode is refAppend for text that may hold non-ASCII characters. It
// folds s into scratch (appending from its start; give it room for four
// bytes per byte of s and nothing is allocated), splits the folded text,
// and returns the terms and the folded text.
func refAppendUnicode(dst []byte, s string, scratch []byte) (terms, folded []byte) {
	buf := scratch[:0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			buf = append(buf, ' ') // invalid UTF-8 separates words
			i++
			continue
		}
		buf = appendFoldedRune(buf, s[i:i+size], r)
		i += size
	}
	if len(buf) == 0 {
		return dst, buf
	}
	// refAppendWords reads the folded text and keeps nothing of it, so it
	// can see buf as a string without a copy.
	return refAppendWords(dst, unsafe.String(&buf[0], len(buf))), buf
}

// refAsciiKinds holds the refKind of each ASCII byte.
var refAsciiKinds = [utf8.RuneSelf]uint8{
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

// refKind returns the refKind of the character at s[i] and its length.
func refKind(s string, i int) (k, size int) {
	if c := s[i]; c < utf8.RuneSelf {
		return int(refAsciiKinds[c]), 1
	}
	return refKindRune(s, i)
}

// refKindRune is refKind for a character that is not ASCII.
func refKindRune(s string, i int) (k, size int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
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

// refIsWord reports whether kind k is that of a word character.
func refIsWord(k int) bool {
	return k == kLower || k == kUpper || k == kDigit || k == kCaseless || k == kCJK
}

// refScript is the class of a word character: a word runs over characters of
// one class.
func refScript(k int) int {
	switch k {
	case kCaseless:
		return 1
	case kCJK:
		return 2
	}
	return 0
}

// refAppendWords splits s into words and appends their terms.
func refAppendWords(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k, n := refKind(s, i)
		if !refIsWord(k) {
			i += n
			continue
		}
		// A word runs over letters, digits, and hyphens or apostrophes
		// that sit between two word characters, all of one refScript class
		// (see refScript): a code or a Latin word written against Chinese
		// or Japanese is a word of its own ("返回401状态码" gives "返回",
		// "401" and "状态码"; "API参数" gives "api" and "参数").
		class := refScript(k)
		j := i
		for j < len(s) {
			k, n := refKind(s, j)
			if refIsWord(k) && refScript(k) == class {
				j += n
				continue
			}
			if (k == kHyphen || k == kApos) && j+n < len(s) {
				if k2, _ := refKind(s, j+n); refIsWord(k2) && refScript(k2) == class {
					j += n
					continue
				}
			}
			break
		}
		if k == kCJK {
			dst = appendBigrams(dst, s[i:j])
		} else {
			dst = refAppendWord(dst, s[i:j])
		}
		i = j
	}
	return dst
}

// refAppendWord appends the terms of one word: its parts, and the parts
// joined when there are several.
func refAppendWord(dst []byte, w string) []byte {
	var (
		parts [maxParts][2]int // start, end in w
		np    int
		start = 0
		prev  = -1 // refKind of the previous character
	)
	cut := func(end int) {
		if end > start && np < maxParts {
			parts[np] = [2]int{start, end}
			np++
		}
	}
	for i := 0; i < len(w); {
		k, n := refKind(w, i)
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
				if k2, _ := refKind(w, i+n); k2 == kLower {
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
		dst = refAppendTerm(dst, w[parts[p][0]:parts[p][1]])
	}
	if np > 1 {
		dst = refAppendTerm(dst, w[parts[0][0]:parts[np-1][1]])
	}
	return dst
}

// refAppendTerm lower-cases w (ASCII letters only; the Unicode path folds the
// rest afterwards), drops apostrophes and hyphens, filters stop words and
// stems the result.
func refAppendTerm(dst []byte, w string) []byte {
	if isNegation(w) {
		return append(dst, "not "...)
	}
	start := len(dst)
	ascii := true
	for i := 0; i < len(w) && len(dst)-start < MaxWord; i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		case c == '-' || c == '\'':
		case c >= utf8.RuneSelf:
			ascii = false
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	// Do not cut a UTF-8 sequence in half.
	for !ascii && len(dst) > start && !utf8.Valid(dst[start:]) {
		dst = dst[:len(dst)-1]
	}
	t := dst[start:]
	if len(t) == 0 || len(t) == 1 && !(t[0] >= '0' && t[0] <= '9') || refIsStop(t) {
		return dst[:start]
	}
	t = refStem(t)
	dst = append(dst[:start+len(t)], ' ')
	return dst
}

// refIsStop reports whether t is a stop word: a word so common in English
// that it says nothing about a status code.
func refIsStop(t []byte) bool {
	if len(t) > 7 {
		return false // the longest is "instead"
	}
	switch string(t) {
	case "a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "by", "for", "with",
		"is", "are", "be", "was", "were", "been", "being", "it", "its", "as", "this", "that",
		"these", "those", "from", "into", "than", "then", "there", "their", "if", "but", "so",
		"do", "does", "can", "may", "might", "will", "would", "should", "could", "has", "have",
		"had", "such", "which", "when", "where", "what", "who", "how", "why", "your", "you",
		"we", "our", "me", "my", "also", "any", "some", "about", "i", "get", "getting", "got",
		"instead":
		return true
	}
	return false
}

// refStem reduces a lower-case word to the stem that both the index and the
// queries use, rewriting t in place and returning the shortened slice. The
// stemmer is deliberately light: it only has to map the forms that people
// type for the same idea to one key, and since the same function runs on
// both sides, a stem need not be an English word ("cache", "caches",
// "cached" and "caching" all give "cach").
//
// Words with digits or non-ASCII letters, and words of three letters or
// fewer, are left alone. The steps:
//
//  1. plurals: "-ies" to "-y", "-sses"/"-uses" lose "-es", "-ches",
//     "-shes", "-xes" lose "-es", other "-s" (not "-ss", "-us", "-is") is
//     dropped;
//  2. British to American spelling: a short list of whole words
//     ("colour", "behaviour", "licence", ...), then "-is-" before "-e",
//     "-ed", "-es", "-ing", "-er", "-ation" becomes "-iz-", "-yse" becomes
//     "-yze", "-ogue" becomes "-og" and "-tre" becomes "-ter";
//  3. derivational and verb endings: "-ily" to "-y", "-ly", "-ure",
//     "-ation" (but "expectation", 417's word, keeps it), "-ion", "-ated",
//     "-ating", "-ate", "-ing", "-ed";
//  4. a doubled final consonant is made single ("cancelled" ~ "canceled",
//     "stopped" ~ "stop"), except "ss";
//  5. a final "e" is dropped ("cache" ~ "caching").
func refStem(t []byte) []byte {
	if len(t) <= 3 {
		return t
	}
	for _, c := range t {
		if c < 'a' || c > 'z' {
			return t
		}
	}
	// 1. Plurals. Every plural rule, and every word kept as it is, ends
	// in "s".
	if t[len(t)-1] == 's' {
		switch string(t) {
		case "https", "status", "cors", "always", "alias", "canvas", "across", "series", "news":
			return t
		}
		switch {
		case hasSuffix(t, "ies") && len(t) > 4:
			t = append(t[:len(t)-3], 'y')
		case hasSuffix(t, "sses"), hasSuffix(t, "uses"), hasSuffix(t, "ches"), hasSuffix(t, "shes"), hasSuffix(t, "xes"):
			t = t[:len(t)-2]
		case !hasSuffix(t, "ss") && !hasSuffix(t, "us") && !hasSuffix(t, "is"):
			t = t[:len(t)-1]
		}
	}
	// 2. British spelling.
	t = refAmericanize(t)
	// 3. Endings, by the last letter, which tells them apart.
	switch n := len(t); t[n-1] {
	case 'y':
		switch {
		case hasSuffix(t, "ily") && n > 6:
			t = append(t[:n-3], 'y')
		case hasSuffix(t, "ly") && n > 5:
			t = t[:n-2]
		}
	case 'e':
		switch {
		case hasSuffix(t, "ure") && n > 6:
			t = t[:n-3]
		case hasSuffix(t, "ate") && n > 6:
			t = t[:n-3]
		}
	case 'n':
		switch {
		case string(t) == "expectation":
		case hasSuffix(t, "ation") && n > 7:
			t = t[:n-5]
		case hasSuffix(t, "ion") && n > 6:
			t = t[:n-3]
		}
	case 'd':
		switch {
		case hasSuffix(t, "ated") && n > 6:
			t = t[:n-4]
		case hasSuffix(t, "ed") && n > 4:
			t = t[:n-2]
		}
	case 'g':
		switch {
		case hasSuffix(t, "ating") && n > 7:
			t = t[:n-5]
		case hasSuffix(t, "ing") && n > 5:
			t = t[:n-3]
		}
	}
	// 4. Doubled final consonant.
	if n := len(t); n >= 4 && t[n-1] == t[n-2] && t[n-1] != 's' && !isVowel(t[n-1]) {
		t = t[:n-1]
	}
	// 5. Final e.
	if n := len(t); n > 3 && t[n-1] == 'e' {
		t = t[:n-1]
	}
	return t
}

// refAmericanize rewrites a British spelling in place (only ever shortening
// or keeping the length).
func refAmericanize(t []byte) []byte {
	// British spellings that no suffix rule covers. Plural forms are
	// reduced before the lookup.
	if c := t[len(t)-1]; c == 'e' || c == 'r' || c == 'y' {
		if us := britishWord(t); us != "" {
			return append(t[:0], us...)
		}
	}
	// The -ise and -yse forms, by their last letter: no two forms with
	// the same last letter can both match.
	var forms [2]string
	switch t[len(t)-1] {
	case 'e':
		forms = [2]string{"ise", "yse"}
	case 'd':
		forms = [2]string{"ised", "ysed"}
	case 's':
		forms = [2]string{"ises", "isers"}
	case 'g':
		forms = [2]string{"ising", "ysing"}
	case 'r':
		forms = [2]string{"iser"}
	case 'n':
		forms = [2]string{"isation"}
	default:
		return t
	}
	for _, s := range forms {
		if s != "" && hasSuffix(t, s) && len(t) > len(s)+2 {
			t[len(t)-len(s)+1] = 'z'
			return t
		}
	}
	switch {
	case hasSuffix(t, "ogue") && len(t) > 6:
		return t[:len(t)-2]
	case hasSuffix(t, "tre") && len(t) > 5:
		t[len(t)-2], t[len(t)-1] = 'e', 'r'
	}
	return t
}

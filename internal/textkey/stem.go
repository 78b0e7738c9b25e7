package textkey

// Stem reduces a lower-case word to the stem that both the index and the
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
func Stem(t []byte) []byte {
	for _, c := range t {
		if c < 'a' || c > 'z' {
			return t
		}
	}
	return stemLetters(t)
}

// stemLetters is Stem for a word known to be all lower-case ASCII letters.
func stemLetters(t []byte) []byte {
	if len(t) <= 3 {
		return t
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
	t = americanize(t)
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
			// Its stem would be "expect", a filler word of questions
			// ("what do you expect", "expected 200"), and 417's phrase
			// "Expectation Failed" would keep only "fail".
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

// isVowel reports whether c is a, e, i, o or u.
func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// hasSuffix reports whether t ends in s.
func hasSuffix(t []byte, s string) bool {
	return len(t) >= len(s) && string(t[len(t)-len(s):]) == s
}

// americanize rewrites a British spelling in place (only ever shortening
// or keeping the length).
func americanize(t []byte) []byte {
	// The -ise and -yse forms, by their last letter: no two forms with
	// the same last letter can both match. A match turns the form's "s"
	// into "z".
	n := len(t)
	switch t[n-1] {
	case 'e':
		// British spellings that no suffix rule covers. Plural forms
		// are reduced before the lookup.
		if us := britishWord(t); us != "" {
			return append(t[:0], us...)
		}
		switch {
		case n > 5 && (hasSuffix(t, "ise") || hasSuffix(t, "yse")):
			t[n-2] = 'z'
		case hasSuffix(t, "ogue") && n > 6:
			return t[:n-2]
		case hasSuffix(t, "tre") && n > 5:
			t[n-2], t[n-1] = 'e', 'r'
		}
	case 'd':
		if n > 6 && (hasSuffix(t, "ised") || hasSuffix(t, "ysed")) {
			t[n-3] = 'z'
		}
	case 's':
		switch {
		case n > 6 && hasSuffix(t, "ises"):
			t[n-3] = 'z'
		case n > 7 && hasSuffix(t, "isers"):
			t[n-4] = 'z'
		}
	case 'g':
		if n > 7 && (hasSuffix(t, "ising") || hasSuffix(t, "ysing")) {
			t[n-4] = 'z'
		}
	case 'r':
		if us := britishWord(t); us != "" {
			return append(t[:0], us...)
		}
		if n > 6 && hasSuffix(t, "iser") {
			t[n-3] = 'z'
		}
	case 'n':
		if n > 9 && hasSuffix(t, "isation") {
			t[n-6] = 'z'
		}
	case 'y':
		if us := britishWord(t); us != "" {
			return append(t[:0], us...)
		}
	}
	return t
}

// britishWord returns the American spelling of t when t is one of the
// British spellings that no suffix rule covers (all end in "e", "r" or
// "y"), or "".
func britishWord(t []byte) string {
	var us string
	switch string(t) {
	case "analogue":
		us = "analog"
	case "behaviour":
		us = "behavior"
	case "cheque":
		us = "check"
	case "colour":
		us = "color"
	case "defence":
		us = "defense"
	case "favour":
		us = "favor"
	case "flavour":
		us = "flavor"
	case "grey":
		us = "gray"
	case "honour":
		us = "honor"
	case "labour":
		us = "labor"
	case "licence":
		us = "license"
	case "neighbour":
		us = "neighbor"
	case "offence":
		us = "offense"
	case "programme":
		us = "program"
	}
	return us
}

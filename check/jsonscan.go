package check

// This file scans the top level of a JSON document without decoding it:
// the rules only need to know which members an object has and what kind
// of value each holds, and a body may be cut short by the body limit.
// Nothing here allocates.

// jsonKind is the kind of a JSON value, by its first byte.
type jsonKind uint8

const (
	jsonInvalid jsonKind = iota
	jsonObject
	jsonArray
	jsonString
	jsonNumber
	jsonTrue
	jsonFalse
	jsonNull
)

// kindOf returns the kind of the value that starts at v[0].
func kindOf(v []byte) jsonKind {
	if len(v) == 0 {
		return jsonInvalid
	}
	switch c := v[0]; {
	case c == '{':
		return jsonObject
	case c == '[':
		return jsonArray
	case c == '"':
		return jsonString
	case c == '-' || '0' <= c && c <= '9':
		return jsonNumber
	case c == 't':
		return jsonTrue
	case c == 'f':
		return jsonFalse
	case c == 'n':
		return jsonNull
	}
	return jsonInvalid
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isJSONSpace(b[i]) {
		i++
	}
	return i
}

// skipValue returns the index just after the value that starts at b[i].
// cut reports that b ended inside the value; bad that it is not JSON.
func skipValue(b []byte, i int) (end int, cut, bad bool) {
	if i >= len(b) {
		return i, true, false
	}
	switch kindOf(b[i:]) {
	case jsonString:
		return skipString(b, i)
	case jsonObject, jsonArray:
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				e, cut, bad := skipString(b, j)
				if cut || bad {
					return e, cut, bad
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, false, false
				}
			}
		}
		return len(b), true, false
	case jsonInvalid:
		return i, false, true
	}
	// A number or a literal: up to the next delimiter.
	j := i
	for j < len(b) && !isJSONSpace(b[j]) && b[j] != ',' && b[j] != '}' && b[j] != ']' {
		j++
	}
	return j, j == len(b), false
}

// skipString returns the index after the string that starts at b[i].
func skipString(b []byte, i int) (end int, cut, bad bool) {
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '\\':
			j++
		case c == '"':
			return j + 1, false, false
		case c < ' ':
			return j, false, true
		}
	}
	return len(b), true, false
}

// jsonMembers calls f for each member of the JSON object that b holds,
// in order, with the key as written between its quotes and the raw value;
// whole is false for a value cut off at the end of b. It stops when f
// returns false, at the end of the object or of b, or at a syntax error,
// and reports whether b starts with an object.
func jsonMembers(b []byte, f func(key, val []byte, whole bool) bool) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != '"' {
			return true
		}
		kend, cut, bad := skipString(b, i)
		if cut || bad {
			return true
		}
		key := b[i+1 : kend-1]
		i = skipSpace(b, kend)
		if i >= len(b) || b[i] != ':' {
			return true
		}
		i = skipSpace(b, i+1)
		vend, cut, bad := skipValue(b, i)
		if bad {
			return true
		}
		if !f(key, b[i:vend], !cut) || cut {
			return true
		}
		i = skipSpace(b, vend)
		if i >= len(b) || b[i] != ',' {
			return true
		}
		i++
	}
}

// keyIs reports whether a raw JSON key equals name, ignoring ASCII case.
// Keys with escapes never match.
func keyIs(key []byte, name string) bool {
	if len(key) != len(name) {
		return false
	}
	for i := range len(key) {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return false
		}
	}
	return true
}

// emptyJSON reports whether a raw JSON value says "nothing here": null,
// false, an empty string, array or object.
func emptyJSON(v []byte) bool {
	switch kindOf(v) {
	case jsonNull, jsonFalse:
		return true
	case jsonString:
		return len(v) == 2
	case jsonObject, jsonArray:
		return len(v) >= 2 && skipSpace(v, 1) == len(v)-1
	}
	return false
}

// looksLikeJSON reports whether b starts with a JSON object or array that
// parses as far as b goes.
func looksLikeJSON(b []byte) bool {
	i := skipSpace(b, 0)
	k := kindOf(b[i:])
	if k != jsonObject && k != jsonArray {
		return false
	}
	_, _, bad := skipValue(b, i)
	if bad {
		return false
	}
	// The object form must have a member or be empty; the array form a
	// value or be empty: "{x" or "[<" are not JSON.
	j := skipSpace(b, i+1)
	if j >= len(b) {
		return true
	}
	if k == jsonObject {
		return b[j] == '"' || b[j] == '}'
	}
	return b[j] == ']' || kindOf(b[j:]) != jsonInvalid
}

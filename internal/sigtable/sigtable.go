// Package sigtable reads the error signatures of the source table
// (gen/signatures/*.json: messages, default pages and log lines that real
// software emits), validates them as strictly as the catalog's entries,
// and renders them as the Go source of signatures_gen.go.
//
// A signature's text is the message as the software prints it, with
// placeholders for the parts that vary: {num}, {host}, {addr}, {path},
// {url}, {id} and {text}; "{{" and "}}" stand for literal braces. The
// literal runs between placeholders are the signature's fragments, which
// Explain looks for in pasted text.
package sigtable

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"math"
	"math/bits"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/httpref/httpref/internal/strictjson"
)

// File is one file of gen/signatures: the signatures of one product.
type File struct {
	Product    string      `json:"product"`
	Layer      string      `json:"layer"`
	Signatures []Signature `json:"signatures"`
}

// Signature is one message as written in the source table.
type Signature struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Codes   []int  `json:"codes"`
	Meaning string `json:"meaning"`
	Source  string `json:"source"`
	Layer   string `json:"layer,omitempty"` // overrides the file's layer

	// StatusInText says that the text's {num} is the status of the
	// response the message is about ("Status code: {num}" in Firefox's
	// CORS messages): a text that gives it names its own code, and Codes
	// are only the usual ones.
	StatusInText bool `json:"status_in_text,omitempty"`

	// Alone says that the text is words that people and other software
	// also write ("Bad credentials", "rate limit exceeded"): it
	// names its product only when it is much of the pasted text (see
	// httpref's aloneCover), not when it stands inside a sentence.
	Alone bool `json:"alone,omitempty"`
}

// Layers are the layers a signature can come from, in the order of the
// runtime's Layer constants (after the zero LayerUnknown).
var Layers = []string{
	"browser", "client_library", "cdn", "load_balancer", "reverse_proxy", "web_server", "framework", "platform",
}

// Placeholders are the placeholder names a text may hold.
var Placeholders = []string{"num", "host", "addr", "path", "url", "id", "text"}

// Limits on the fields.
const (
	MaxText     = 300
	MaxMeaning  = 400
	MaxCodes    = 4
	MaxFragment = 300
)

// Compiled is a validated signature ready to render.
type Compiled struct {
	Signature
	Product   string
	LayerIdx  int      // index into Layers, from 0
	Fragments []string // the literal runs, braces unescaped, in order
	Literal   int      // the number of literal bytes
	Words     []string // the words Explain matches, lower case, in order (see Words)
	Names     []string // the words that name the product (see NameWords), once the phrases are known
	Naming    []string // the words that name the product in a text people write (see ProductNaming)
	Distinct  uint64   // the positions of the words that no status line holds (see DistinctMask), once the phrases are known
}

// stopWords carry no signal in a message: Explain skips them.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "and": true, "or": true, "is": true,
	"in": true, "for": true, "on": true, "with": true, "from": true, "by": true, "be": true, "it": true,
	"at": true, "as": true, "this": true, "that": true, "was": true, "are": true, "has": true,
}

// IsWordByte reports whether b belongs to a word: ASCII letters, digits
// and the underscore (so that ERR_TOO_MANY_REDIRECTS is one word).
func IsWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

// Words returns the words of the fragments that Explain matches: runs of
// word bytes, lower case, without stop words, in order.
func Words(frags []string) []string {
	var out []string
	for _, f := range frags {
		for _, w := range wordRuns(f) {
			if w = strings.ToLower(w); !stopWords[w] {
				out = append(out, w)
			}
		}
	}
	return out
}

// TextWords returns the words of a signature text that Explain matches:
// those of its fragments (see Words), less any word glued to a
// placeholder ("s" in "{num}s", "H" in "H{num}"), which a filled-in text
// holds only as part of a longer word.
func TextWords(text string) []string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "{{"), strings.HasPrefix(text[i:], "}}"):
			b.WriteByte(' ') // a brace separates words
			i++
		case text[i] == '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return nil
			}
			b.WriteByte(0) // the placeholder
			i += end
		default:
			b.WriteByte(text[i])
		}
	}
	t := b.String()
	var out []string
	for i := 0; i < len(t); {
		if !IsWordByte(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && IsWordByte(t[j]) {
			j++
		}
		glued := i > 0 && t[i-1] == 0 || j < len(t) && t[j] == 0
		if w := strings.ToLower(t[i:j]); !glued && !stopWords[w] {
			out = append(out, w)
		}
		i = j
	}
	return out
}

// Hash is FNV-1a over the ASCII lower case of a word; the runtime
// computes the same while it scans.
func Hash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load decodes and validates the files, given as name → content, against
// the set of catalog codes. Errors name the file, the signature and the
// field.
func Load(files map[string][]byte, codes map[int]bool) ([]Compiled, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Compiled
	ids := map[string]string{}
	texts := map[string]string{}
	products := map[string]string{}
	for _, name := range names {
		var f File
		if err := strictjson.Decode(files[name], &f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...))
		}
		if err := oneLine("product", f.Product, 60); err != nil {
			return nil, fail("%v", err)
		}
		if other, ok := products[f.Product]; ok {
			return nil, fail("product %q is also the product of %s: one file per product", f.Product, other)
		}
		products[f.Product] = name
		if !slices.Contains(Layers, f.Layer) {
			return nil, fail("layer %q is not one of %s", f.Layer, strings.Join(Layers, ", "))
		}
		if len(f.Signatures) == 0 {
			return nil, fail("no signatures")
		}
		for i, s := range f.Signatures {
			c, err := compile(f, s, codes)
			if err != nil {
				return nil, fmt.Errorf("%s: signature %d (%q): %w", name, i, s.ID, err)
			}
			if other, ok := ids[s.ID]; ok {
				return nil, fmt.Errorf("%s: signature %d: id %q is also used in %s", name, i, s.ID, other)
			}
			ids[s.ID] = name
			key := strings.ToLower(s.Text)
			if other, ok := texts[key]; ok {
				return nil, fmt.Errorf("%s: signature %d (%q): text is the same as signature %s's", name, i, s.ID, other)
			}
			texts[key] = s.ID
			out = append(out, c)
		}
	}
	return out, nil
}

// compile validates one signature and splits its text into fragments.
func compile(f File, s Signature, codes map[int]bool) (Compiled, error) {
	c := Compiled{Signature: s, Product: f.Product}
	if !idPattern.MatchString(s.ID) {
		return c, fmt.Errorf("id %q: want lower-case words joined by hyphens", s.ID)
	}
	if err := oneLine("text", s.Text, MaxText); err != nil {
		return c, err
	}
	layer := f.Layer
	if s.Layer != "" {
		layer = s.Layer
	}
	c.LayerIdx = slices.Index(Layers, layer)
	if c.LayerIdx < 0 {
		return c, fmt.Errorf("layer %q is not one of %s", layer, strings.Join(Layers, ", "))
	}
	if len(s.Codes) == 0 || len(s.Codes) > MaxCodes {
		return c, fmt.Errorf("codes: want 1 to %d codes, have %d", MaxCodes, len(s.Codes))
	}
	for i, code := range s.Codes {
		if !codes[code] {
			return c, fmt.Errorf("codes[%d]: %d is not in the catalog", i, code)
		}
		if slices.Contains(s.Codes[:i], code) {
			return c, fmt.Errorf("codes[%d]: %d is listed twice", i, code)
		}
	}
	if err := oneLine("meaning", s.Meaning, MaxMeaning); err != nil {
		return c, err
	}
	if r, _ := utf8.DecodeRuneInString(s.Meaning); !unicode.IsUpper(r) || !strings.HasSuffix(s.Meaning, ".") {
		return c, fmt.Errorf("meaning: want a sentence that starts with a capital letter and ends with a period")
	}
	if err := checkURL(s.Source); err != nil {
		return c, fmt.Errorf("source: %w", err)
	}
	frags, err := Fragments(s.Text)
	if err != nil {
		return c, fmt.Errorf("text: %w", err)
	}
	for _, fr := range frags {
		c.Literal += len(fr)
	}
	longest := 0
	for _, fr := range frags {
		longest = max(longest, len(strings.TrimSpace(fr)))
	}
	if longest < 4 {
		return c, fmt.Errorf("text: the longest literal part has %d characters; a signature needs a distinctive part of at least 4", longest)
	}
	if s.StatusInText && !strings.Contains(s.Text, "{num}") {
		return c, fmt.Errorf("status_in_text: the text has no {num} to hold the status")
	}
	if s.Alone && s.StatusInText {
		return c, fmt.Errorf("alone: a message that carries its status names it wherever it stands; drop alone or status_in_text")
	}
	c.Fragments = frags
	c.Words = TextWords(s.Text)
	if len(c.Words) == 0 {
		return c, fmt.Errorf("text: no words to match after the stop words")
	}
	if len(c.Words) > 255 {
		return c, fmt.Errorf("text: %d words; the limit is 255", len(c.Words))
	}
	return c, nil
}

// WindowBytes returns how far apart, in bytes of text, the first and the
// last word of a match of signature c may start. A message without
// placeholders is printed in one piece, so its words stand together:
// twice its length and 16 bytes allow for the spacing and punctuation a
// paste changes ("Failed - Forbidden" is not "Failed to load resource:
// ... (Forbidden)"). A placeholder may hold a path, a URL or a stack of
// text, so a message with one gets six times its words' length and 64
// bytes.
func WindowBytes(c Compiled) int {
	if !strings.Contains(strings.ReplaceAll(c.Text, "{{", ""), "{") {
		return 2*c.Literal + 16
	}
	n := 0
	for _, w := range c.Words {
		n += len(w)
	}
	return 6*n + 64
}

// Fragments splits a signature text into its literal runs, checking the
// placeholders.
func Fragments(text string) ([]string, error) {
	var frags []string
	var cur strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "{{"):
			cur.WriteByte('{')
			i++
		case strings.HasPrefix(text[i:], "}}"):
			cur.WriteByte('}')
			i++
		case text[i] == '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed placeholder at byte %d; write {{ for a literal brace", i)
			}
			name := text[i+1 : i+end]
			if !slices.Contains(Placeholders, name) {
				return nil, fmt.Errorf("unknown placeholder {%s}; want one of {%s}", name, strings.Join(Placeholders, "}, {"))
			}
			if cur.Len() > 0 {
				frags = append(frags, cur.String())
				cur.Reset()
			}
			i += end
		case text[i] == '}':
			return nil, fmt.Errorf("lone } at byte %d; write }} for a literal brace", i)
		default:
			cur.WriteByte(text[i])
		}
	}
	if cur.Len() > 0 {
		frags = append(frags, cur.String())
	}
	if len(frags) == 0 {
		return nil, fmt.Errorf("no literal text")
	}
	return frags, nil
}

// oneLine checks a one-line field: non-empty, within max bytes, valid
// UTF-8, no control, invisible or bidirectional characters, no leading or
// trailing space.
func oneLine(field, s string, max int) error {
	switch {
	case s == "":
		return fmt.Errorf("%s is empty", field)
	case len(s) > max:
		return fmt.Errorf("%s has %d bytes; the limit is %d", field, len(s), max)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s is not valid UTF-8", field)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%s has leading or trailing space", field)
	}
	for i, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("%s has the invisible or control character %U at byte %d", field, r, i)
		}
	}
	return nil
}

// checkURL requires an absolute https URL with a host and a path.
func checkURL(s string) error {
	if err := oneLine("url", s, 2000); err != nil {
		return err
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return err
	case u.Scheme != "https":
		return fmt.Errorf("%q: want an https URL", s)
	case u.Host == "" || !strings.Contains(u.Host, "."):
		return fmt.Errorf("%q: want a host name", s)
	case u.Path == "" || u.Path == "/":
		return fmt.Errorf("%q: want a path to the page or file", s)
	}
	return nil
}

// Render returns the Go source of signatures_gen.go for the compiled
// signatures, ordered by product then id, with for each catalog code
// (given in catalog order) the signatures that name it.
func Render(sigs []Compiled, catalogCodes []int) ([]byte, error) {
	sigs = slices.Clone(sigs)
	slices.SortFunc(sigs, func(a, b Compiled) int {
		if c := strings.Compare(a.Product, b.Product); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(sigs) > 0xffff {
		return nil, fmt.Errorf("%d signatures; a uint16 index holds %d", len(sigs), 0xffff)
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by gen/signatures from gen/signatures/*.json; DO NOT EDIT.\n\npackage httpref\n\n")
	fmt.Fprintf(&b, "// sigCount is the number of error signatures.\nconst sigCount = %d\n\n", len(sigs))
	fmt.Fprintf(&b, "// sigLayerCount is the number of layers; the generator guards Layer's constants with it.\nconst sigLayerCount = %d\n\n", len(Layers)+1)
	b.WriteString("// signatures holds the error signatures, by product then id.\nvar signatures = [sigCount]signature{\n")
	var codeList []int
	for _, s := range sigs {
		cOff := len(codeList)
		codeList = append(codeList, s.Codes...)
		flags := ""
		if s.StatusInText {
			flags += ", statusInText: true"
		}
		if s.Alone {
			flags += ", alone: true"
			if len(s.Naming) > 0 && len(s.Fragments) == 1 && s.Fragments[0] == s.Text {
				flags += fmt.Sprintf(", naming: %q", strings.Join(s.Naming, " "))
			}
		}
		if s.Distinct == 0 {
			flags += ", generic: true"
		}
		fmt.Fprintf(&b, "\t{id: %q, product: %q, layer: %d, text: %q, meaning: %q, source: %q, codes: span{%d, %d}, literal: %d%s},\n",
			s.ID, s.Product, s.LayerIdx+1, s.Text, s.Meaning, s.Source, cOff, len(s.Codes), s.Literal, flags)
	}
	b.WriteString("}\n\n")
	if len(codeList) > 0xffff {
		return nil, fmt.Errorf("signature codes outgrow uint16 spans: %d codes", len(codeList))
	}
	b.WriteString("// sigCodes holds the codes of each signature.\nvar sigCodes = [...]Code{")
	for i, c := range codeList {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(c) + ", ")
	}
	b.WriteString("\n}\n\n")
	// By code: for each catalog code, the indexes of its signatures.
	var byCode []int
	b.WriteString("// sigByCode holds, for each catalog entry in entry order, a span of\n// sigIndex: the signatures that name the code.\nvar sigByCode = [...]span{\n")
	for _, code := range catalogCodes {
		off := len(byCode)
		for i, s := range sigs {
			if slices.Contains(s.Codes, code) {
				byCode = append(byCode, i)
			}
		}
		fmt.Fprintf(&b, "\t{%d, %d}, // %d\n", off, len(byCode)-off, code)
	}
	b.WriteString("}\n\n// sigIndex holds signature indexes for sigByCode.\nvar sigIndex = [...]uint16{")
	for i, x := range byCode {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(x) + ", ")
	}
	b.WriteString("\n}\n\n")
	if err := renderWords(&b, sigs); err != nil {
		return nil, err
	}
	return format.Source(b.Bytes())
}

// ReadDir is a helper for the generator: it names files by base name.
func ReadDir(paths []string, read func(string) ([]byte, error)) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := read(p)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(p)] = b
	}
	return out, nil
}

// Weights returns the weight of every word of the signatures: its length
// times its rarity among the signatures, ln(1 + signatures / signatures
// holding it), in tenths. Explain scores a match by the share of its
// signature's weight it found, so that the words that tell two messages
// apart ("timed out", "prematurely closed") count for more than those
// they share ("while reading response header from upstream").
//
// A product's error code (see IsProductCode) or an identifier (see
// IsIdentifier) that only one signature holds, and the only one that
// signature holds, names the message by itself: people write "H12
// errors", "AH00957" or "InvalidAuthenticityToken" without the rest of
// the line. Its weight is raised to MinScore of the signature's weight, so
// that the code alone is a match. A page's number names it together with
// the "error" before it (see NamingWith): the two reach MinScore.
func Weights(sigs []Compiled) map[string]int {
	df, _ := docFreq(sigs)
	out := make(map[string]int, len(df))
	for w, n := range df {
		out[w] = int(math.Round(10 * float64(len(w)) * math.Log(1+float64(len(sigs))/float64(n))))
	}
	for i, id := range NamingCodes(sigs) {
		if id == "" {
			continue
		}
		// Explain divides what a window matched by the weight of every
		// place of the signature (sigWordWeight), a repeated word's too
		// ("Error 1033 Argo Tunnel error"), and a match holds id and
		// with once each: (id + with) / (id + rest) >= MinScore, where
		// rest is the weight of every other place, with's included.
		with := NamingWith(sigs[i].Words, id)
		first := slices.Index(sigs[i].Words, id)
		rest := 0
		for p, w := range sigs[i].Words {
			if p != first {
				rest += out[w]
			}
		}
		need := (MinScore*float64(rest) - float64(out[with])) / (1 - MinScore) // out[""] is 0
		out[id] = max(out[id], int(math.Ceil(need)))
	}
	return out
}

// NamingCodes returns, for each signature, the word that names it alone
// (see Weights), or "": a product's error code (see IsProductCode) or an
// identifier the software prints (see IsIdentifier) that no other
// signature holds, or a page's number (see NamingWith) that no other
// signature holds as a page's number, and the only such word of its
// signature. Cloudflare's "Error 1015 You are being rate limited" is
// named by "error 1015" although its plain-text body "error code: 1015"
// and Apple's "Code=-1011" hold numbers of pages too: there the number
// follows another word, and "error 1015" is not what they print.
func NamingCodes(sigs []Compiled) []string {
	df, pages := docFreq(sigs)
	out := make([]string, len(sigs))
	for i, s := range sigs {
		idents := identifiers(s.Fragments)
		for _, w := range distinct(s.Words) {
			page := pageNumber(s.Words, w)
			if !IsProductCode(w) && !idents[w] && !page || !page && df[w] > 1 || page && pages[w] > 1 {
				continue
			}
			if out[i] != "" {
				out[i] = "" // two codes: neither names the message alone
				break
			}
			out[i] = w
		}
	}
	return out
}

// pageWord is the word before a page's number that makes the number name
// the page (see NamingWith).
const pageWord = "error"

// pageNumber reports whether w, where it first stands in words, is a
// page's number: four digits or more right after pageWord, as in
// Cloudflare's "Error 1102 Worker exceeded resource limits". A status code
// has three digits, and a number alone (a port, a count, a year) names
// nothing; "error 1102" names the page.
func pageNumber(words []string, w string) bool {
	if len(w) < 4 || strings.Trim(w, "0123456789") != "" {
		return false
	}
	p := slices.Index(words, w)
	return p > 0 && words[p-1] == pageWord
}

// NamingWith returns the word that naming code id (see NamingCodes) needs
// beside it in words to name the message: pageWord before a page's
// number, and "" for a product's code or an identifier, which name it
// alone.
func NamingWith(words []string, id string) string {
	if id != "" && pageNumber(words, id) {
		return pageWord
	}
	return ""
}

// IsIdentifier reports whether w, a word as the software prints it
// (case kept), is an identifier that names one error: twelve bytes or
// more, and either camel case of three words or more
// ("InvalidAuthenticityToken", "PayloadTooLargeError",
// "HttpMediaTypeNotSupportedException") or three or more words joined by
// underscores ("upstream_reset_before_response_started"); or a numbered
// error code in capitals (see isCapsCode: "AADSTS50011", "IDX10214",
// "PGRST116"). People write such a name in a title ("Fix
// InvalidAuthenticityToken errors") without the rest of the message, and
// prose does not hold it by chance.
func IsIdentifier(w string) bool {
	if isCapsCode(w) {
		return true
	}
	if len(w) < 12 {
		return false
	}
	humps := 0
	for i := 1; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' && 'a' <= w[i-1] && w[i-1] <= 'z' {
			humps++
		}
	}
	return humps >= 2 || strings.Count(w, "_") >= 2
}

// Bounds of a numbered error code in capitals (see isCapsCode).
const (
	capsCodeMinLen     = 8 // "SHA256", "ISO8601" and "RFC7231" are shorter
	capsCodeMaxLetters = 8 // "RESTEASY003210"
	capsCodeMinDigits  = 3 // "PGRST116"
	capsCodeMaxDigits  = 7 // "AADSTS7000215", "E0000011"
)

// isCapsCode reports whether w, as printed, is a numbered error code in
// capitals: one to capsCodeMaxLetters capital letters, then
// capsCodeMinDigits to capsCodeMaxDigits digits, capsCodeMinLen bytes or
// more, as Entra ID ("AADSTS50011"), IdentityModel ("IDX10214"),
// PostgREST ("PGRST116"), RESTEasy ("RESTEASY003210"), Undertow
// ("UT005023") and Okta ("E0000011") print them. People paste the code
// without the sentence after it, or with a sentence of another version;
// the code is the same. The length leaves out the names of standards and
// algorithms that prose holds ("RFC7231", "SHA256").
func isCapsCode(w string) bool {
	i := 0
	for i < len(w) && 'A' <= w[i] && w[i] <= 'Z' {
		i++
	}
	digits := len(w) - i
	return len(w) >= capsCodeMinLen && 1 <= i && i <= capsCodeMaxLetters &&
		capsCodeMinDigits <= digits && digits <= capsCodeMaxDigits && strings.Trim(w[i:], "0123456789") == ""
}

// identifiers returns the words of frags for which IsIdentifier holds,
// lower case.
func identifiers(frags []string) map[string]bool {
	out := map[string]bool{}
	for _, f := range frags {
		for _, w := range wordRuns(f) {
			if IsIdentifier(w) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// wordRuns returns the runs of word bytes (see IsWordByte) of s, as
// written.
func wordRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r >= 0x80 || !IsWordByte(byte(r)) })
}

// NamingMask returns the bit mask of the position (below 64) where word id
// first stands among words, and of the word it needs beside it (see
// NamingWith): where a signature's naming code stands (see NamingCodes).
// Explain takes the words of the mask, all of them, as a match by
// themselves.
func NamingMask(words []string, id string) uint64 {
	p := slices.Index(words, id)
	if id == "" || p < 0 || p >= 64 {
		return 0
	}
	m := uint64(1) << p
	if NamingWith(words, id) != "" {
		m |= 1 << (p - 1) // pageNumber: words[p-1] is the word needed
	}
	return m
}

// distinct returns the words in ws once each, in order.
func distinct(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// IsProductCode reports whether the index word w is an error code that a
// product prints beside its message: one or two letters and two to five
// digits (Heroku's "h12", Apache httpd's "ah00957"), or a Windows HRESULT
// ("0x8007000d"). No English word has that shape, so the word does not
// turn up in a text by chance.
func IsProductCode(w string) bool {
	if len(w) == 10 && strings.HasPrefix(w, "0x") {
		return strings.Trim(w[2:], "0123456789abcdef") == ""
	}
	i := 0
	for i < len(w) && 'a' <= w[i] && w[i] <= 'z' {
		i++
	}
	digits := len(w) - i
	return 1 <= i && i <= 2 && 2 <= digits && digits <= 5 && strings.Trim(w[i:], "0123456789") == ""
}

// docFreq returns, for each word, the number of signatures that hold it,
// and the number in which it is a page's number (see pageNumber).
func docFreq(sigs []Compiled) (df, pages map[string]int) {
	df, pages = map[string]int{}, map[string]int{}
	for _, s := range sigs {
		for _, w := range distinct(s.Words) {
			df[w]++
			if pageNumber(s.Words, w) {
				pages[w]++
			}
		}
	}
	return df, pages
}

// mustFreeWords is the least number of other words a signature needs for
// its own status code, written in its text ("504 ERROR The request could
// not be satisfied. CloudFront attempted to ..."), to be no must word: a
// message that long is told apart by its words, and people paste it
// without the code as often as with it. A shorter one ("Connection timed
// out Error code 522") needs the code, or it would stand for every text
// with its few common words.
const mustFreeWords = 6

// MustMask returns the bit mask of the positions (below 64) of the words
// that hold a digit, which Explain requires: a number that tells members
// of a family apart ("1020" in "Error 1020", "h12", the "30" of
// "500.30"). The code of a signature with one code is not required when
// the signature has mustFreeWords other words or more; with several codes
// ("400 The plain HTTP request was sent to HTTPS port", 400 and nginx's
// 497), the number says which of them the text is about. In a signature
// with fewer than mustFreeWords other words, a word of names (the words
// that name its product, see NameWords) is required too: nginx's
// "404 Not Found nginx" without "nginx" is what any server prints and
// anyone writes.
func MustMask(words []string, codes []int, names []string) uint64 {
	own := func(w string) bool { return len(codes) == 1 && w == strconv.Itoa(codes[0]) }
	others := 0
	for _, w := range words {
		if !own(w) {
			others++
		}
	}
	var m uint64
	for p, w := range words {
		if p >= 64 {
			break
		}
		if strings.ContainsAny(w, "0123456789") && (others < mustFreeWords || !own(w)) || others < mustFreeWords && slices.Contains(names, w) {
			m |= 1 << p
		}
	}
	return m
}

// StatusWords returns the words that status lines are made of, other
// than the status itself: those of every reason phrase and alias, with
// and without a plural s, and those of statusLineWords (see
// DistinctMask).
func StatusWords(phrases []Phrase) func(w string) bool {
	words := map[string]bool{}
	for w := range statusLineWords {
		words[w] = true
	}
	for _, p := range phrases {
		for _, w := range strings.Fields(phraseKey([]string{p.Text})) {
			words[w], words[w+"s"] = true, true
		}
	}
	return func(w string) bool { return words[w] }
}

// ownCodeWord reports whether w is one of codes written out ("502"): a
// substatus ("100" in IIS's "500.100") or a family number is no status.
func ownCodeWord(w string, codes []int) bool {
	return slices.ContainsFunc(codes, func(c int) bool { return w == strconv.Itoa(c) })
}

// DistinctMask returns the bit mask of the positions (below 64) of the
// words that are neither status words (see StatusWords) nor one of codes:
// a match that holds none of them is made of words that any status line
// or any sentence about a status holds ("method not allowed" of Slim's
// "Method not allowed. Must be one of: ..."), and Explain does not report
// it. A signature with no such word gets 0 and is not held to it; its
// matches come after those of signatures with such a word (see
// MarkStatusLines, and httpref's generic).
func DistinctMask(words []string, codes []int, status func(w string) bool) uint64 {
	var m uint64
	for p, w := range words {
		if p < 64 && !status(w) && !ownCodeWord(w, codes) {
			m |= 1 << p
		}
	}
	return m
}

// NameTail returns how many words end a signature that are words of
// names (the words that name its product, see NameWords) when they are
// all its distinct words (see DistinctMask): a status line closed by its
// product's name, as nginx's pages are ("404 Not Found nginx"). Else it
// returns 0. A text may name the product before the status line
// ("nginx 413 Request Entity Too Large") as well as after it, and
// Explain keeps the name it met first (see httpref's sigTrack.step).
func NameTail(words []string, names []string, distinct uint64) uint8 {
	if distinct == 0 || len(words) > 64 {
		return 0
	}
	n := 0
	for n < len(words) && slices.Contains(names, words[len(words)-1-n]) {
		n++
	}
	if n == 0 || n == len(words) {
		return 0
	}
	if tail := uint64(1)<<len(words) - 1<<(len(words)-n); distinct&^tail != 0 {
		return 0
	}
	return uint8(n)
}

// NameWords returns the words of a product's name that name it in a
// message ("nginx", "varnish", "cloudflare"): those of four letters or
// more that are not words of a reason phrase (Amazon API Gateway's
// "gateway" is also Bad Gateway's), lower case.
func NameWords(product string, phrases []Phrase) []string {
	phraseWords := map[string]bool{}
	for _, p := range phrases {
		for _, w := range strings.Fields(phraseKey([]string{p.Text})) {
			phraseWords[w] = true
		}
	}
	var out []string
	for _, w := range strings.Fields(phraseKey([]string{product})) {
		if len(w) >= 4 && !phraseWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// ProductNaming returns, for each product, the words that name it in a
// text people write ("nginx", "cognito", "grafana"): those of NameWords,
// digits aside, but the words that say what a product is rather than
// which, or that everyday English uses (see namingStopWords), and but a
// word that another product's name holds too, unless it is the product's
// whole name ("nginx" names nginx, not Nginx Proxy Manager, NGINX Unit
// or ingress-nginx; "grpc" names gRPC, not gRPC-Gateway; "amazon" names
// no Amazon service). A product may have none. Explain reports a
// signature marked alone inside a sentence when the text names its
// product (see httpref's talkReader.names).
func ProductNaming(products []string, phrases []Phrase) map[string][]string {
	words := map[string][]string{}
	holders := map[string]int{}
	for _, p := range products {
		if _, ok := words[p]; ok {
			continue
		}
		var ws []string
		for _, w := range NameWords(p, phrases) {
			if !namingStopWords[w] && strings.Trim(w, "0123456789") != "" && !slices.Contains(ws, w) {
				ws = append(ws, w)
			}
		}
		words[p] = ws
		for _, w := range ws {
			holders[w]++
		}
	}
	naming := map[string][]string{}
	for p, ws := range words {
		for _, w := range ws {
			if holders[w] == 1 || phraseKey([]string{p}) == w {
				naming[p] = append(naming[p], w)
			}
		}
	}
	return naming
}

// namingStopWords are words of products' names that do not name one in a
// text people write: what a product is ("server", "framework", "proxy",
// "platform") and words of everyday English that some product is named
// after ("play", "express", "rocket", "spring", "next").
var namingStopWords = map[string]bool{
	"server": true, "servers": true, "framework": true, "client": true, "clients": true, "cloud": true,
	"services": true, "service": true, "engine": true, "http": true, "https": true, "proxy": true,
	"manager": true, "platform": true, "hosting": true, "storage": true, "functions": true, "front": true,
	"door": true, "application": true, "load": true, "balancer": true, "balancing": true, "identity": true,
	"auth": true, "authentication": true, "data": true, "router": true, "transport": true, "module": true,
	"library": true, "node": true, "python": true, "java": true, "ruby": true, "core": true, "classic": true,
	"system": true, "boot": true, "apis": true, "play": true, "echo": true, "rocket": true, "express": true,
	"next": true, "unit": true, "fiber": true, "remix": true, "vapor": true, "bottle": true, "pyramid": true,
	"falcon": true, "quart": true, "phoenix": true, "passenger": true, "puma": true, "pages": true,
	"sign": true, "spring": true, "protocol": true, "docs": true, "rest": true,
	"messaging": true, "blob": true, "tools": true, "command": true, "line": true,
	"hub": true, "registry": true, "tunnel": true, "apps": true, "app": true, "function": true, "search": true,
	"graph": true, "meta": true, "common": true, "errors": true, "error": true, "encrypt": true, "push": true,
	"notification": true, "management": true, "home": true, "assistant": true, "commerce": true, "adobe": true,
	"collector": true, "repository": true, "face": true, "middleware": true, "websocket": true, "rack": true,
}

// Explain's thresholds (explain.go holds what they mean). The generator
// owns them because the anchors it computes (see Anchors) hold for these
// values only; signatures_gen.go declares them for the runtime.
const (
	MinScore      = 0.6 // the least score Explain reports
	MinCover      = 0.7 // the share of a text's words that scores MinScore
	MinCoverChars = 20  // the least word bytes for the cover measure
	MinCoverShare = 0.3 // the least share of its words a signature needs for the cover measure
	ShortWords    = 4   // the most words a signature may have and still need every one of them
)

// Anchor percentages: a signature's anchors leave out less than these
// percentages of its weight, one point under MinScore and MinCoverShare so
// that float32 rounding at run time cannot reach them; and a signature
// whose words' bytes are under AnchorCoverPercent of a text's cannot
// explain MinCover of it.
const (
	anchorFullBit      = 0x8000
	anchorFullPercent  = 59
	anchorCoverPercent = 29
	AnchorCoverPercent = 69
)

// CommonPlaces is the number of places above which a word of the index
// is common ("error", "not", "request", "http"): the generator writes, for
// each such word, which signatures of each block of 64 hold it and where
// the block's places start, so that a scan that follows a few anchored
// signatures reads only the blocks that hold one of them instead of all
// the word's places. A dozen words are common, and they hold seven in ten
// of the places a real-world text's words hold.
const CommonPlaces = 128

// Compile-time guards: the anchor percentages sit one point under the
// thresholds they stand for.
var (
	_ = [1]struct{}{}[int(MinScore*100)-1-anchorFullPercent]
	_ = [1]struct{}{}[int(MinCoverShare*100)-1-anchorCoverPercent]
	_ = [1]struct{}{}[int(MinCover*100)-1-AnchorCoverPercent]
)

// Anchor kinds, as Anchors returns them.
const (
	AnchorNone  = iota
	AnchorCover // the signature cannot reach MinCoverShare without one of its cover anchors
	AnchorFull  // nor MinScore without one of its full anchors (full anchors are cover anchors too)
)

// Anchors returns, for each distinct word of a signature, whether it is
// an anchor: a text that holds none of the signature's full anchors
// matches less than MinScore of its weight, and one that holds none of its
// cover anchors less than MinCoverShare, so Search skips such signatures
// without following them. The anchors are the heaviest words, taken until
// what is left weighs under the percentage; a word's weight counts once
// for every position it holds.
func Anchors(words []string, weight map[string]int) map[string]int {
	total := 0
	per := map[string]int{}
	var distinct []string
	for _, w := range words {
		if _, ok := per[w]; !ok {
			distinct = append(distinct, w)
		}
		per[w] += weight[w]
		total += weight[w]
	}
	slices.SortStableFunc(distinct, func(a, b string) int {
		if weight[a] != weight[b] {
			return weight[b] - weight[a]
		}
		return strings.Compare(a, b)
	})
	out := make(map[string]int, len(distinct))
	for _, kind := range []struct{ percent, anchor int }{{anchorFullPercent, AnchorFull}, {anchorCoverPercent, AnchorCover}} {
		rest := total
		for _, w := range distinct {
			if rest*100 <= total*kind.percent {
				break
			}
			if out[w] == AnchorNone {
				out[w] = kind.anchor
			}
			rest -= per[w]
		}
	}
	return out
}

// SignatureAnchors returns the anchors of signature s (see Anchors),
// whose naming code is naming (see NamingCodes; "" for none), given the
// words' weights and their counts of places in the word index. Where
// Explain needs a word before it scores s at all, a rarer anchor holds:
//   - the rarest of its must words (see MustMask), since Explain scores it
//     only once the text matched every one: "1" and "error" of IIS's
//     "HTTP Error 413.1 - Request Entity Too Large" appear in many texts,
//     "413" in few;
//   - the rarest word of a message of ShortWords words or fewer without a
//     naming code, since such a message needs all its words;
//   - its distinct words (see DistinctAnchors), since a match needs one,
//     when they hold fewer places than its heaviest words (see Anchors).
//
// Each of these anchors the full score and the cover measure alike.
func SignatureAnchors(s Compiled, naming string, weight, count map[string]int) map[string]int {
	if w, ok := RarestWord(s.Words, MustMask(s.Words, s.Codes, s.Names), count); ok {
		return map[string]int{w: AnchorFull}
	}
	if len(s.Words) <= ShortWords && naming == "" {
		if w, ok := RarestWord(s.Words, 1<<len(s.Words)-1, count); ok {
			return map[string]int{w: AnchorFull}
		}
	}
	byWeight := Anchors(s.Words, weight)
	if distinct := DistinctAnchors(s.Words, s.Distinct); distinct != nil {
		inDistinct, inWeight := 0, 0 // the places each set's words hold
		for _, w := range distinct {
			inDistinct += count[w]
		}
		for w, kind := range byWeight {
			if kind != AnchorNone {
				inWeight += count[w]
			}
		}
		if inDistinct < inWeight {
			out := make(map[string]int, len(distinct))
			for _, w := range distinct {
				out[w] = AnchorFull
			}
			return out
		}
	}
	return byWeight
}

// RarestWord returns, of the words at the positions (below 64) of mask,
// the one that the fewest places of the word index hold (count gives
// them), ties to the first in byte order; and true, or false when the mask
// holds none.
func RarestWord(words []string, mask uint64, count map[string]int) (string, bool) {
	best, found := "", false
	for p, w := range words {
		if p >= 64 || mask&(1<<p) == 0 {
			continue
		}
		if !found || count[w] < count[best] || count[w] == count[best] && w < best {
			best, found = w, true
		}
	}
	return best, found
}

// DistinctAnchors returns the distinct words at the positions of
// distinct (see DistinctMask), each once, in their order; nil when the
// mask is empty. Explain scores a signature only once the text matched one
// of them, so a text without any of them cannot match it.
func DistinctAnchors(words []string, distinct uint64) []string {
	var out []string
	for p, w := range words {
		if p < 64 && distinct&(1<<p) != 0 && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// renderStopWords writes the stop words (see stopWords) as Explain looks
// them up: each at the slot of a perfect hash of its FNV-1a hash (the
// hash times sigStopMul, its top six bits), with its hash beside it, and
// the length of the longest. A text's stop words are not among the bytes
// that a signature's cover is measured against, since no signature holds
// one.
func renderStopWords(b *bytes.Buffer) error {
	words := make([]string, 0, len(stopWords))
	longest := 0
	for w := range stopWords {
		words = append(words, w)
		longest = max(longest, len(w))
	}
	slices.Sort(words)
	const bits = 6
	var slots [1 << bits]string
	mul, ok := uint32(0), false
	for m := uint32(2654435761); !ok && m < 2654435761+1<<20; m += 2 {
		clear(slots[:])
		ok = true
		for _, w := range words {
			k := Hash(w) * m >> (32 - bits)
			if slots[k] != "" {
				ok = false
				break
			}
			slots[k] = w
		}
		mul = m
	}
	if !ok {
		return fmt.Errorf("no perfect hash for the %d stop words in %d slots", len(words), len(slots))
	}
	fmt.Fprintf(b, "// sigStopWords holds the words that signatures skip (the stop words of\n// internal/sigtable), each at its slot: the top %d bits of its FNV-1a hash\n// (of the lower-case word) times sigStopMul, a perfect hash of the list;\n// sigStopHash holds the hash of each. A text's stop words do not count\n// among the bytes that a signature's cover is measured against (see\n// sigWordIter).\nvar sigStopWords = [%d]string{", bits, len(slots))
	for k, w := range slots {
		if w != "" {
			fmt.Fprintf(b, "%d: %q, ", k, w)
		}
	}
	fmt.Fprintf(b, "}\n\nvar sigStopHash = [%d]uint32{", len(slots))
	for k, w := range slots {
		if w != "" {
			fmt.Fprintf(b, "%d: %#x, ", k, Hash(w))
		}
	}
	fmt.Fprintf(b, "}\n\n// The stop-word hash: its multiplier, its bits, and the longest stop\n// word.\nconst (\n\tsigStopMul = %#x\n\tsigStopBits = %d\n\tsigStopMaxLen = %d\n)\n\n", mul, bits, longest)
	return nil
}

// renderWords writes the word index: an open-addressing hash table from a
// word to the places it holds in signatures, each place a signature index
// and the word's position in it, and to the signatures it anchors (see
// Anchors).
func renderWords(b *bytes.Buffer, sigs []Compiled) error {
	type place struct{ sig, pos int }
	places := map[string][]place{}
	var words []string
	for i, s := range sigs {
		for p, w := range s.Words {
			if _, ok := places[w]; !ok {
				words = append(words, w)
			}
			places[w] = append(places[w], place{i, p})
		}
	}
	size := 1
	for size < 2*len(words)+1 {
		size <<= 1
	}
	slots := make([]int, size) // word index + 1, or 0
	for i, w := range words {
		h := Hash(w) & uint32(size-1)
		for slots[h] != 0 {
			h = (h + 1) & uint32(size-1)
		}
		slots[h] = i + 1
	}
	fmt.Fprintf(b, "// sigWordSlots is the size of the word hash table, a power of two.\nconst sigWordSlots = %d\n\n", size)
	b.WriteString("// sigWordTable maps a slot of the word hash table (FNV-1a of the lower-case\n// word, linear probing) to a word index + 1, or 0 for an empty slot.\nvar sigWordTable = [sigWordSlots]uint16{")
	for i, x := range slots {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(x) + ", ")
	}
	b.WriteString("\n}\n\n// sigWords holds each word of the index, its span of sigPlaces and its\n// weight (see Weight).\nvar sigWords = [...]sigWord{\n")
	var all []place
	weight := Weights(sigs)
	anchored := map[string][]int{} // word: sig | sigAnchorFull for a full anchor
	naming := NamingCodes(sigs)
	count := make(map[string]int, len(places))
	for w, ps := range places {
		count[w] = len(ps)
	}
	for i, s := range sigs {
		for w, kind := range SignatureAnchors(s, naming[i], weight, count) {
			switch kind {
			case AnchorFull:
				anchored[w] = append(anchored[w], i|anchorFullBit)
			case AnchorCover:
				anchored[w] = append(anchored[w], i)
			}
		}
	}
	var (
		anchors []int
		common  []string // the common words, in index order
	)
	for _, w := range words {
		off, aOff := len(all), len(anchors)
		all = append(all, places[w]...)
		anchors = append(anchors, anchored[w]...)
		c := 0
		if len(places[w]) > CommonPlaces {
			common = append(common, w)
			c = len(common)
		}
		fmt.Fprintf(b, "\t{%q, span{%d, %d}, span{%d, %d}, %d, %d},\n", w, off, len(places[w]), aOff, len(anchored[w]), weight[w], c)
	}
	if len(all) > 0xffff || len(words) > 0xfffe || len(anchors) > 0xffff {
		return fmt.Errorf("word index outgrows uint16: %d words, %d places, %d anchors", len(words), len(all), len(anchors))
	}
	if len(common) > 0xff {
		return fmt.Errorf("%d common words: sigWord.common holds 255", len(common))
	}
	if len(sigs) >= anchorFullBit {
		return fmt.Errorf("%d signatures: the anchor table holds %d", len(sigs), anchorFullBit-1)
	}
	fmt.Fprintf(b, "}\n\n// Explain's thresholds, owned by the generator (internal/sigtable),\n// which computes the anchors for these values only.\nconst (\n\texplainMinScore = %v\n\texplainMinCover = %v\n\texplainMinCoverChars = %d\n\texplainMinCoverShare = %v\n\texplainShortWords = %d\n)\n\n", MinScore, MinCover, MinCoverChars, MinCoverShare, ShortWords)
	if err := renderStopWords(b); err != nil {
		return err
	}
	fmt.Fprintf(b, "// sigAnchorCoverPercent is the least size of a signature's words, as a\n// percentage of a text's word bytes, that can explain explainMinCover of\n// the text; a smaller signature needs a full anchor.\nconst sigAnchorCoverPercent = %d\n\n", AnchorCoverPercent)
	fmt.Fprintf(b, "// sigAnchorFull marks, in sigAnchors, a signature the word anchors for\n// explainMinScore; the other bits are the signature index.\nconst sigAnchorFull = %#x\n\n", anchorFullBit)
	b.WriteString("// sigAnchors holds, for each word, the signatures it anchors: a text\n// without one of a signature's anchors cannot match it (see\n// sigtable.SignatureAnchors).\nvar sigAnchors = [...]uint16{")
	for i, a := range anchors {
		if i%12 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%#x, ", a)
	}
	b.WriteString("\n}\n\n// sigPlaces holds, for each word, the signatures that contain it: the\n// signature index in the high 16 bits, the word's position in the low 8.\nvar sigPlaces = [...]uint32{")
	for i, p := range all {
		if i%8 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%#x, ", p.sig<<16|p.pos)
	}
	if err := renderCommon(b, common, func(w string) []int {
		sigs := make([]int, len(places[w]))
		for i, p := range places[w] {
			sigs[i] = p.sig
		}
		return sigs
	}, len(sigs)); err != nil {
		return err
	}
	b.WriteString("\n}\n\n// sigMust holds, for each signature, the positions (below 64) of its\n// words that hold a digit: \"1020\" in \"Error 1020\", \"h12\" in \"code=H12\"\n// (a long message's own code aside), and of a short one's words that\n// name its product (\"nginx\"; see sigtable.MustMask).\n// Explain reports a signature only when the text matched all of them, so\n// that one member of a numbered family does not stand for another.\nvar sigMust = [sigCount]uint64{")
	for i, s := range sigs {
		if i%8 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%#x, ", MustMask(s.Words, s.Codes, s.Names))
	}
	b.WriteString("\n}\n\n// sigDistinct holds, for each signature, the positions (below 64) of its\n// words that no status line holds (see sigtable.DistinctMask): Explain\n// reports a signature only when the text matched one of them, if it has\n// any.\nvar sigDistinct = [sigCount]uint64{")
	for i, s := range sigs {
		if i%8 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%#x, ", s.Distinct)
	}
	b.WriteString("\n}\n\n// sigNaming holds, for each signature, the positions (below 64) of the\n// product's error code that names it alone (\"h12\" in \"code=H12\n// desc=...\", \"ah00957\"; see sigtable.NamingCodes), or of a page's\n// number and the \"error\" before it (Cloudflare's \"Error 1102 ...\"; see\n// sigtable.NamingWith): those words, all of them, are a match by\n// themselves, where any other word needs another beside it.\nvar sigNaming = [sigCount]uint64{")
	for i, id := range NamingCodes(sigs) {
		if i%8 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%#x, ", NamingMask(sigs[i].Words, id))
	}
	b.WriteString("\n}\n\n// sigWindow holds, for each signature, how many bytes of text may lie\n// between the start of a match's first word and the start of its last\n// (see sigtable.WindowBytes): a wider window starts over.\nvar sigWindow = [sigCount]uint16{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		n := WindowBytes(s)
		if n > 0xffff {
			return fmt.Errorf("signature %s: window of %d bytes outgrows uint16", s.ID, n)
		}
		b.WriteString(strconv.Itoa(n) + ", ")
	}
	b.WriteString("\n}\n\n// sigWordCount holds the number of index words of each signature, and\n// sigWordChars their total length, for scoring.\nvar sigWordCount = [sigCount]uint8{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(len(s.Words)) + ", ")
	}
	b.WriteString("\n}\n\n// sigNameTail holds, for each signature that is a status line closed by\n// its product's name (\"404 Not Found nginx\"), how many of its last\n// words name the product (see sigtable.NameTail); 0 for any other.\nvar sigNameTail = [sigCount]uint8{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(int(NameTail(s.Words, s.Names, s.Distinct))) + ", ")
	}
	b.WriteString("\n}\n\n// sigWordWeight holds the total weight of each signature's words.\nvar sigWordWeight = [sigCount]uint16{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		total := 0
		for _, w := range s.Words {
			total += weight[w]
		}
		if total > 0xffff {
			return fmt.Errorf("signature %s: word weight %d outgrows uint16", s.ID, total)
		}
		b.WriteString(strconv.Itoa(total) + ", ")
	}
	b.WriteString("\n}\n\nvar sigWordChars = [sigCount]uint16{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		n := 0
		for _, w := range s.Words {
			n += len(w)
		}
		b.WriteString(strconv.Itoa(n) + ", ")
	}
	b.WriteString("\n}\n\n// sigEvidenceChars holds how much each signature tells when all of it is\n// found, in bytes: its words' total length, where an identifier (a word\n// with an underscore, such as invalid_grant or ERR_TOO_MANY_REDIRECTS)\n// counts as much as a whole log line.\nvar sigEvidenceChars = [sigCount]uint16{")
	for i, s := range sigs {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(EvidenceChars(s.Words)) + ", ")
	}
	b.WriteString("\n}\n")
	return nil
}

// renderCommon writes, for the common words (see CommonPlaces), in the
// order of their sigWord.common: which signatures of each block of 64
// hold the word (sigCommonMask); how many of the signatures that hold it
// lie in the blocks before each block (sigCommonRank); and where the
// places of each of those signatures start among the word's places, with
// their count at the end (sigCommonSigStart, from sigCommonSigOff). A scan
// then reads, of a common word, only the places of the anchored
// signatures that hold it. sigsOf gives a word's places as signature
// indexes, in order; n is the number of signatures. It returns an error
// when an offset outgrows uint16.
func renderCommon(b *bytes.Buffer, common []string, sigsOf func(string) []int, n int) error {
	blocks := (n + 63) / 64
	fmt.Fprintf(b, "\n}\n\n// sigCommonPlaces is the number of places above which a word is common\n// (see sigtable.CommonPlaces): sigWord.common is then its index + 1 in\n// sigCommonMask, sigCommonRank and sigCommonSigOff.\nconst sigCommonPlaces = %d\n\n", CommonPlaces)
	var (
		masks [][]uint64
		ranks [][]int
		offs  []int
		flat  []int // for each common word, the start of each of its signatures' places, then their count
	)
	for _, w := range common {
		mask, rank := make([]uint64, blocks), make([]int, blocks)
		offs = append(offs, len(flat))
		last := -1
		for i, sig := range sigsOf(w) {
			if sig != last {
				mask[sig/64] |= 1 << (sig % 64)
				flat = append(flat, i)
				last = sig
			}
		}
		flat = append(flat, len(sigsOf(w)))
		for k := 1; k < blocks; k++ {
			rank[k] = rank[k-1] + bits.OnesCount64(mask[k-1])
		}
		masks, ranks = append(masks, mask), append(ranks, rank)
	}
	if len(flat) > 0xffff {
		return fmt.Errorf("common words: %d signature starts outgrow uint16", len(flat))
	}
	b.WriteString("// sigCommonMask holds, for each common word, the signatures that hold it.\nvar sigCommonMask = [...]sigSet{")
	writeRows(b, len(masks), blocks, 8, func(c, k int) string { return fmt.Sprintf("%#x", masks[c][k]) })
	b.WriteString("\n}\n\n// sigCommonRank holds, for each common word and each block of 64\n// signatures, how many of the signatures that hold the word lie in the\n// blocks before it.\nvar sigCommonRank = [...][len(sigSet{})]uint16{")
	writeRows(b, len(ranks), blocks, 16, func(c, k int) string { return strconv.Itoa(ranks[c][k]) })
	b.WriteString("\n}\n\n// sigCommonSigOff holds, for each common word, where its entries start\n// in sigCommonSigStart.\nvar sigCommonSigOff = [...]uint16{")
	for _, o := range offs {
		b.WriteString(strconv.Itoa(o) + ", ")
	}
	b.WriteString("}\n\n// sigCommonSigStart holds, for each common word, where the places of\n// each signature that holds it start among the word's places, in the\n// order of the signatures, and then the count of its places: the places\n// of its r-th signature are places[start[r]:start[r+1]].\nvar sigCommonSigStart = [...]uint16{")
	for i, x := range flat {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		b.WriteString(strconv.Itoa(x) + ", ")
	}
	return nil
}

// writeRows writes rows braced rows of n items each, item(r, k) the k-th
// of row r, perLine to a line.
func writeRows(b *bytes.Buffer, rows, n, perLine int, item func(r, k int) string) {
	for r := range rows {
		b.WriteString("\n\t{")
		for k := range n {
			if k > 0 && k%perLine == 0 {
				b.WriteString("\n\t\t")
			}
			b.WriteString(item(r, k) + ", ")
		}
		b.WriteString("},")
	}
}

// IdentifierChars is what an identifier word counts for in EvidenceChars.
const IdentifierChars = 40

// EvidenceChars returns how much a signature with these index words tells
// when all of it is found: their total length, where a word with an
// underscore (an error code such as invalid_grant or ERR_TOO_MANY_REDIRECTS)
// or a product's error code (see IsProductCode), which no sentence holds
// by chance, counts IdentifierChars.
func EvidenceChars(words []string) int {
	n := 0
	for _, w := range words {
		if strings.Contains(w, "_") || IsProductCode(w) {
			n += max(len(w), IdentifierChars)
		} else {
			n += len(w)
		}
	}
	return n
}

// GenerateDir reads the signature files in dir and the catalog's codes from
// the source table at catalog, and returns the Go source of
// signatures_gen.go.
func GenerateDir(dir, catalog string) ([]byte, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	files, err := ReadDir(paths, os.ReadFile)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(catalog)
	if err != nil {
		return nil, err
	}
	var t struct {
		Entries []struct {
			Code    int      `json:"code"`
			Phrase  string   `json:"phrase"`
			Aliases []string `json:"aliases"`
			Vendor  string   `json:"vendor"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", catalog, err)
	}
	codes := map[int]bool{}
	var ordered []int
	var phrases []Phrase
	for _, e := range t.Entries {
		codes[e.Code] = true
		ordered = append(ordered, e.Code)
		for _, p := range append([]string{e.Phrase}, e.Aliases...) {
			phrases = append(phrases, Phrase{Code: e.Code, Text: p, Vendor: e.Vendor})
		}
	}
	slices.Sort(ordered)
	sigs, err := Load(files, codes)
	if err != nil {
		return nil, fmt.Errorf("%s/%w", dir, err)
	}
	if err := CheckPhrases(sigs, phrases); err != nil {
		return nil, fmt.Errorf("%s/%w", dir, err)
	}
	MarkStatusLines(sigs, phrases)
	statusWords := StatusWords(phrases)
	var products []string
	for i := range sigs {
		products = append(products, sigs[i].Product)
	}
	naming := ProductNaming(products, phrases)
	for i := range sigs {
		sigs[i].Names = NameWords(sigs[i].Product, phrases)
		sigs[i].Naming = naming[sigs[i].Product]
		sigs[i].Distinct = DistinctMask(sigs[i].Words, sigs[i].Codes, statusWords)
	}
	return Render(sigs, ordered)
}

// Phrase is a reason phrase or alias of a catalog entry, with the vendor
// that defines the code.
type Phrase struct {
	Code   int
	Text   string
	Vendor string
}

// CheckPhrases refuses a signature whose text, placeholders, case and
// punctuation aside (an underscore joins words: gRPC's NOT_FOUND is no
// phrase), is the reason phrase or an alias of a code that
// another vendor defines: "Bad Gateway" or "Forbidden" is what any server
// may print, so it cannot tell Explain which product produced it, and the
// catalog's phrase already finds the code. A product's own code ("Page
// Expired", Laravel's 419) may be its message.
func CheckPhrases(sigs []Compiled, phrases []Phrase) error {
	byText := map[string]Phrase{}
	for _, p := range phrases {
		byText[phraseKey(strings.Fields(p.Text))] = p
	}
	for _, s := range sigs {
		p, ok := byText[phraseKey(s.Fragments)]
		if !ok || ownCode(s, p) {
			continue
		}
		return fmt.Errorf("signature %s (%s): text %q is the phrase of %d, which any server may print: it names no product", s.ID, s.Product, s.Text, p.Code)
	}
	return nil
}

// phraseKey returns the words of parts, lower case, joined by spaces:
// runs of letters, digits and the underscore, so that case and
// punctuation do not count.
func phraseKey(parts []string) string {
	var b strings.Builder
	for _, part := range parts {
		for _, f := range strings.FieldsFunc(strings.ToLower(part), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
		}
	}
	return b.String()
}

// ownCode reports whether phrase p belongs to a code that the product of
// s defines ("Page Expired", Laravel's 419): its text is the product's own.
func ownCode(s Compiled, p Phrase) bool {
	vendor, product := strings.ToLower(p.Vendor), strings.ToLower(s.Product)
	first, _, _ := strings.Cut(vendor, " ")
	return vendor != "" && (strings.Contains(vendor, product) || strings.Contains(product, first))
}

// statusLineWords are the words that a status line or an error title
// adds to a reason phrase: "HTTP ERROR 500", "Error 404: Not Found",
// {"message":"Forbidden"}.
var statusLineWords = map[string]bool{"http": true, "error": true, "status": true, "code": true, "message": true}

// MarkStatusLines marks alone every signature whose words are a status
// line of one of its codes and nothing more: its codes written out, the
// words of statusLineWords, and the reason phrase or an alias of the code,
// or no phrase at all ("HTTP ERROR {num}", Gin's "405 method not allowed",
// nginx's "502 Bad Gateway", Django's "Bad Request (400)", API Gateway's
// {"message":"Forbidden"}). People write those words in every other
// sentence about a status ("return 405 Method Not Allowed for unknown
// methods"), so they name a product only when they are much of the text,
// a page or a body pasted as it is. A product's own code (Laravel's "Page
// Expired") and a substatus ("HTTP Error 404.13", whose "13" is no status)
// keep their words. It returns how many it marked.
func MarkStatusLines(sigs []Compiled, phrases []Phrase) int {
	byCode := map[int][]Phrase{}
	for _, p := range phrases {
		byCode[p.Code] = append(byCode[p.Code], p)
	}
	n := 0
	for i := range sigs {
		s := &sigs[i]
		if s.Alone || !statusLine(*s, byCode) {
			continue
		}
		s.Alone, s.StatusInText = true, false
		n++
	}
	return n
}

// statusLine reports whether the words of s are a status line of one of
// its codes (see MarkStatusLines).
func statusLine(s Compiled, byCode map[int][]Phrase) bool {
	key := phraseWords(s.Fragments, s.Codes)
	if key == "" {
		return true
	}
	for _, c := range s.Codes {
		for _, p := range byCode[c] {
			if phraseWords([]string{p.Text}, nil) == key && !ownCode(s, p) {
				return true
			}
		}
	}
	return false
}

// phraseWords returns the words of parts (see phraseKey) less stop words,
// the words of statusLineWords and codes written out.
func phraseWords(parts []string, codes []int) string {
	var rest []string
	for _, w := range strings.Fields(phraseKey(parts)) {
		if !statusLineWords[w] && !stopWords[w] && !ownCodeWord(w, codes) {
			rest = append(rest, w)
		}
	}
	return strings.Join(rest, " ")
}

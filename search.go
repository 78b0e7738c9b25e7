package httpref

import (
	"math/bits"
	"strings"
)

// Fields is a set of catalog fields, as matched by a search query. Its
// String method lists them, such as "phrase, alias".
type Fields uint16

// The searchable fields. FieldCode and FieldClass match a code ("404") or
// a class pattern ("5xx", "50x") in the query; the others match words.
const (
	FieldCode       Fields = 1 << iota // the status code itself
	FieldPhrase                        // the reason phrase
	FieldAlias                         // former and alternative phrases
	FieldConstant                      // the net/http constant name
	FieldVariant                       // other meanings given by vendors
	FieldSource                        // the defining document or vendor
	FieldCategory                      // class, lifecycle and recommendation names
	FieldSummary                       // the one-sentence summary
	FieldDetails                       // the longer description
	FieldSituations                    // the common situations
	FieldChecks                        // what to check
	FieldAvoidWhen                     // when not to use the code
	FieldClass                         // a class pattern such as "5xx"
	FieldSignature                     // an error message that software prints (see Explain)
	FieldConcept                       // a way of asking about a situation (see the concept table)
	FieldAsks                          // a word of the ways of asking about the code's situations (see Search)
)

var fieldNames = [...]string{
	"code", "phrase", "alias", "constant", "variant", "source", "category",
	"summary", "details", "situations", "checks", "avoid_when", "class", "signature", "concept",
	"asks",
}

// String lists the fields in f by name, most specific first, separated by
// ", " (for example "phrase, alias"); the empty set gives "".
func (f Fields) String() string {
	var b strings.Builder
	for i, name := range fieldNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(name)
		}
	}
	return b.String()
}

// Names returns the names of the fields in f, in the order of String.
func (f Fields) Names() []string {
	names := make([]string, 0, bits.OnesCount16(uint16(f)))
	for i, name := range fieldNames {
		if f&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return names
}

// Result is one entry found by Search.
type Result struct {
	Status  Status  // the catalog entry
	Score   float64 // relevance, higher is better; comparable within one call only
	Matched Fields  // the fields in which the query matched
}

// SearchOptions are the options of Search and AppendSearch: a result
// limit and filters, in the manner of slog.HandlerOptions. A nil
// *SearchOptions, like the zero value, returns up to DefaultLimit results
// of any class, lifecycle, recommendation and vendor. Filters that are set
// must all hold.
type SearchOptions struct {
	// Limit is the most results to return: 0 means DefaultLimit, and a
	// negative limit returns every matching entry.
	Limit int

	// Class keeps only entries of this class; ClassUnknown keeps all.
	Class Class

	// Lifecycle keeps only entries at this stage; LifecycleUnknown keeps
	// all.
	Lifecycle Lifecycle

	// Vendor keeps only entries this vendor defines; VendorUnknown keeps
	// all.
	Vendor Vendor

	// Recommendation keeps only entries with this recommendation;
	// RecommendationUnknown keeps all.
	Recommendation Recommendation
}

// DefaultLimit is the number of results Search returns when
// SearchOptions.Limit is zero.
const DefaultLimit = 10

// limit returns the number of results to keep, at most the catalog.
func (o *SearchOptions) limit() int {
	switch {
	case o == nil || o.Limit == 0:
		return DefaultLimit
	case o.Limit < 0 || o.Limit > catalogSize:
		return catalogSize
	}
	return o.Limit
}

// filtered reports whether any filter is set.
func (o *SearchOptions) filtered() bool {
	return o != nil && o.Class|Class(o.Lifecycle)|Class(o.Vendor)|Class(o.Recommendation) != 0
}

// accepts reports whether the entry with searchDocInfo info passes the
// filters. A filter value no entry has (say Class(9)) accepts nothing.
func (o *SearchOptions) accepts(info uint32) bool {
	field := func(want uint8, shift uint) bool {
		return want == 0 || uint32(want) == info>>shift&docInfoMask
	}
	return field(uint8(o.Class), docInfoClassShift) && field(uint8(o.Lifecycle), docInfoLifecycleShift) &&
		field(uint8(o.Recommendation), docInfoRecommendationShift) && field(uint8(o.Vendor), docInfoVendorShift)
}

// Search finds the catalog entries that best match query, best first. The
// query may be a code ("404", "HTTP/1.1 503 Service Unavailable", "４２９"),
// a class pattern ("5xx", "50x"), a phrase ("payload too large"), a net/http
// constant ("StatusTooManyRequests"), or words from a symptom or log line
// ("cloudflare timeout", "redirect loop"), in any case, with plural and
// verb forms, British or American spelling and small typos. opts limits
// the number of results (10 by default) and filters them by class,
// lifecycle, vendor and recommendation; nil means the defaults.
//
// Search returns nil when nothing matches or the query has no words. It
// accepts any input (invalid UTF-8 separates words) and reads at most the
// first 512 bytes and 32 terms (a code that stands as a status later in
// those bytes still counts, and a term of a non-Latin script that no entry
// holds is skipped without being counted). Apart from the returned slice it allocates
// nothing, and it is safe for concurrent use.
//
// # Scoring
//
// The score of an entry is a field-weighted BM25 (BM25F) sum over the
// query's terms. Each field has a weight (phrase 8, alias 6, net/http
// constant 5, source 4, summary 3, variant 2, category, details and
// situations 1, checks 0.6, avoid-when 0.4) and a length normalization;
// the weighted term frequencies of an entry are summed, saturated
// (k1 = 1.2) and multiplied by the term's inverse document frequency, so
// words found in most entries ("request", "response", "upstream") count
// little. The synonym groups of the source table are applied when the index
// is built: a text that says "throttled" is also indexed under "rate limit".
// The per-term scores are computed at generate time and stored in the
// index (see catalog_gen.go). At query time:
//
//   - a term missing from the index is corrected to the nearest index terms
//     of the short fields (at most three), within edit distance 1 for words
//     of 4-7 letters or 2 for longer ones, at 0.7 or 0.5 of their weight;
//     transposed letters count as one edit;
//   - two adjacent words also match the compound they form ("retry after"
//     matches "Retry-After", "web socket" matches "WebSocket");
//   - a catalog code in the query adds 30 to its entry, and a class pattern
//     such as "5xx" or "50x" adds 3 to each entry it covers;
//   - of two codes that the query contrasts, the one it asks for gains 10:
//     the first in "use 410 instead of 404", the second in "returns 403
//     instead of 401", "a 404 is returned instead of 405", "returns 404,
//     should be 204" or "replace 301 with 303"; each code that stands as
//     a status then counts its code bonus once, however often the text
//     repeats it (the code complained about is the one a thread names
//     again and again); a code the query
//     says should not be returned ("should not return 404") or calls
//     wrong ("returns 201, which is incorrect") or sets aside for what
//     it asks in words ("return an empty list instead of 404") gets no
//     code bonus, and half the rest of its score;
//   - of two codes that the query names without contrasting them, a
//     client error beside 500 gains 10 too: the 500 is what went wrong
//     ("422 errors are coming through as 500 errors"); and when the client
//     error is the one of the two that the query asks for, the 500 is set
//     aside as a refused code is (no code bonus, half the rest), since its
//     reason phrase written beside it ("instead of 500 Internal Server
//     Error") would otherwise outweigh a shorter one;
//   - a standard code that applications send and that the query reports
//     ("returns 404 for queries with no results") gets no code bonus when
//     the query also asks about a situation (see the concept table) whose
//     codes leave it out, and a 500 gets none when the query names a
//     client's mistake ("returns 500 for malformed JSON", "unknown IDs
//     throw 500", "500 for unauthenticated requests", a pasted
//     IllegalArgumentException), and the client error that the mistake
//     asks for (400, 401, 404 or 409) gains 8; so
//     does 404 when a 200 is reported for something that does not exist
//     ("not found page gives 200"), a soft 404, and the 200 gets no code
//     bonus;
//   - a query whose terms (typos corrected) are exactly those of a phrase,
//     alias or constant name adds 12 to that entry;
//   - a query of four terms or more that weigh something, in which no
//     code stands as a status and no whole ask and no signature matched,
//     or which names two codes or more and no contrast chose between
//     them, also scores its words against the asks of the concept table,
//     indexed under the codes their concepts give (BM25 at weight 0.5):
//     "Location header for new resource" finds 201 through asks such as
//     "new resources being created" that it does not hold whole, and
//     "return a 403 or 404 for resources belonging to other users" 404
//     (see askGains);
//   - an entry's sum is scaled by 0.5 + 0.5 × the share of the query's terms
//     it matched, so entries that match all words win over entries that
//     match one word often; the code bonus is not scaled, because a code
//     that stands as a status says as much in a long log line as alone;
//   - a vendor's or product's name, a word that an entry holds only in
//     its source field, counts for that entry only when another word of
//     the query matches the entry's phrase, alias, constant, variant or
//     summary, or when no entry's does: the name says where the answer
//     comes from, not which code it is ("nginx timeout" is 504, "nginx
//     client closed" 499; see addDeferred);
//   - a code that is not standard counts at 0.7 unless the query names
//     it: by its code, its vendor (the source field, as above), its
//     phrase, alias or constant as the whole query, or a message that
//     its software sends with it (the first code of a matched signature:
//     nginx's "400 The plain HTTP request was sent to HTTPS port" names
//     400, not the internal 497 that the client never sees); a standard
//     code not recommended for general use counts at 0.9 then;
//   - a standard code recommended for general use gains 2 when the query
//     has three terms or more that weigh something: a base rate, so that
//     a few words shared with a rare code's long descriptions do not put
//     it before the everyday code (see commonBonus); in a query of four
//     terms or more each code also gains up to 2.5 by how often people ask
//     about it, as counted over the tune part of the real-world
//     evaluation set (see askPrior);
//   - finally the score is multiplied by a prior: 1 for standard codes,
//     0.97 for temporary registrations and 0.94 for deprecated, reserved
//     and non-standard ones, so that on equal relevance the standard code
//     comes first ("Unauthorized": 401 before 561). Ties then go to the
//     standard code and then to the lower code.
//
// Last, a 500 that comes first less than 1.5 times ahead of the client
// error right behind it counts at 1/1.5 of its score, so that the client
// error comes first: a text whose words point at a server error and almost
// as much at a client error is about what the client did ("the API throws
// an internal error when the token has expired": 401), unless a contrast
// asks for the 500 or the text holds a message that its software sends
// with a 500 (see clientErrorFirst).
//
// Then the word model, a logistic regression from a text's words to the
// code it asks about, learnt from the tune part of the real-world set,
// reorders the first ten: each gains 0.75 × p × the first one's score,
// where p is the probability the model gives its code ("Cors preflight
// requires authorization": 401 before 403). It leaves alone a lookup by
// name (a phrase, alias or constant, or one term that weighs something)
// and a text whose contrast or client's mistake the rules above read, and
// weighs less in a text that matches a product's message, whose code it
// does not put after another (see wordModelWeight).
func Search(query string, opts *SearchOptions) []Result {
	var st searchState
	st.run(query, opts)
	if st.n == 0 {
		return nil
	}
	out := make([]Result, st.n)
	for i := range out {
		out[i] = st.result(i)
	}
	return out
}

// AppendSearch is Search that appends the results to dst and returns the
// extended slice. With a dst of enough capacity it allocates nothing.
func AppendSearch(dst []Result, query string, opts *SearchOptions) []Result {
	var st searchState
	st.run(query, opts)
	for i := range st.n {
		dst = append(dst, st.result(i))
	}
	return dst
}

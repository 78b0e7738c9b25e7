package table

import (
	"bytes"
	"fmt"
)

// The bit layouts of the generated search index. The generator writes
// these constants into catalog_gen.go, where the search code reads them,
// and checks before rendering that the table fits them (checkLayout), so
// that a table that outgrows a field fails to generate instead of
// corrupting the index.
const (
	// A posting is a uint64: the entry's position in bits 0-7, the
	// Fields it occurs in (shifted right by one: the code bit is never
	// stored) in bits 8-23, and its BM25F score in units of
	// 1/PostingScoreScale in bits 32-63.
	PostingDocBits    = 8
	PostingFieldShift = 8
	PostingFieldBits  = 16
	PostingScoreShift = 32
	PostingScoreScale = 1024

	// A docInfo is a uint32 of four 8-bit fields: the Class, Lifecycle,
	// Recommendation and Vendor constants of an entry.
	DocInfoBits                = 8
	DocInfoClassShift          = 0
	DocInfoLifecycleShift      = 8
	DocInfoRecommendationShift = 16
	DocInfoVendorShift         = 24

	// MaxEntries is the most entries the catalog can have: entry
	// positions are uint8 in codeIndex, the postings and the phrase
	// table.
	MaxEntries = 1<<PostingDocBits - 1

	// MaxSpan is the largest offset or length of a span (uint16).
	MaxSpan = 1<<16 - 1
)

// maxPostingScore is the largest score a posting holds.
const maxPostingScore = float64(1<<32-1) / PostingScoreScale

// checkLayout reports the first bit field or array index that the table
// outgrows, naming the limit and the number.
func (t *Table) checkLayout() error {
	checks := []struct {
		what       string
		have, most int
	}{
		{"entries (uint8 entry positions in codeIndex and the search index)", len(t.Entries), MaxEntries},
		{"search fields (PostingFieldBits bits of a posting)", len(SearchFields), PostingFieldBits},
		{"classes (an 8-bit field of docInfo)", len(Classes), 1<<DocInfoBits - 1},
		{"lifecycles (an 8-bit field of docInfo)", len(Lifecycles), 1<<DocInfoBits - 1},
		{"recommendations (an 8-bit field of docInfo)", len(Recommendations), 1<<DocInfoBits - 1},
		{"vendors (an 8-bit field of docInfo)", len(Vendors), 1<<DocInfoBits - 1},
	}
	var texts, codes, variants int
	for _, e := range t.Entries {
		texts += len(e.Aliases) + len(e.Situations) + len(e.Checks) + len(e.AvoidWhen)
		codes += 2*len(e.Related) + len(e.Prefer)
		variants += len(e.Variants)
	}
	checks = append(checks,
		struct {
			what       string
			have, most int
		}{"list items (uint16 spans into texts)", texts, MaxSpan},
		struct {
			what       string
			have, most int
		}{"codes in lists (uint16 spans into codeLists)", codes, MaxSpan},
		struct {
			what       string
			have, most int
		}{"variants (uint16 spans into variantList)", variants, MaxSpan},
	)
	for _, c := range checks {
		if c.have > c.most {
			return fmt.Errorf("the table has %d %s; the generated layout holds at most %d", c.have, c.what, c.most)
		}
	}
	return nil
}

// renderLayout writes the layout constants and the enumeration names, with
// compile-time guards in the manner of stringer: if a hand-written
// constant of classify.go no longer has the value the table gives it, the
// package does not build.
func renderLayout(b *bytes.Buffer) {
	fmt.Fprintf(b, `// The bit layout of a search posting (a uint64): the entry's position, the
// Fields it occurs in shifted right by one, and its BM25F score in units of
// 1/postingScoreScale.
const (
	postingDocMask    = 1<<%d - 1
	postingFieldShift = %d
	postingFieldMask  = 1<<%d - 1
	postingScoreShift = %d
	postingScoreScale = %d
)

// The bit layout of searchDocInfo (a uint32): four fields of docInfoBits
// bits holding an entry's Class, Lifecycle, Recommendation and Vendor.
const (
	docInfoMask                = 1<<%d - 1
	docInfoClassShift          = %d
	docInfoLifecycleShift      = %d
	docInfoRecommendationShift = %d
	docInfoVendorShift         = %d
)

`, PostingDocBits, PostingFieldShift, PostingFieldBits, PostingScoreShift, PostingScoreScale,
		DocInfoBits, DocInfoClassShift, DocInfoLifecycleShift, DocInfoRecommendationShift, DocInfoVendorShift)
	enum := func(goType, names string, vals []Value) {
		fmt.Fprintf(b, "// %s holds the String forms of the %s constants, by value; 0 is Unknown.\nvar %s = [...]string{\"Unknown\"", names, goType, names)
		for _, v := range vals {
			fmt.Fprintf(b, ", %q", v.Table)
		}
		b.WriteString("}\n\n")
		fmt.Fprintf(b, "// The %s constants must have the values the table gives them.\nfunc _() {\n\tvar x [1]struct{}\n", goType)
		for i, v := range vals {
			fmt.Fprintf(b, "\t_ = x[%s-%d]\n", v.Ident, i+1)
		}
		b.WriteString("}\n\n")
	}
	enum("Class", "classNames", Classes)
	enum("Lifecycle", "lifecycleNames", Lifecycles)
	enum("Recommendation", "recommendationNames", Recommendations)
	enum("Vendor", "vendorNames", Vendors)
	b.WriteString("// producerNames holds the names of the Producer bits, by bit.\nvar producerNames = [...]string{")
	for i, p := range Producers {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", p.Table)
	}
	b.WriteString("}\n\n// The Producer constants must be the bits the table gives them.\nfunc _() {\n\tvar x [1]struct{}\n")
	for i, p := range Producers {
		fmt.Fprintf(b, "\t_ = x[%s-1<<%d]\n", p.Ident, i)
	}
	b.WriteString("}\n\n")
}

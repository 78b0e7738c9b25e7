package httpref

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// ReasonKind is the kind of a Reason: why a code deserves a second look
// before an API returns it.
type ReasonKind uint8

// The reason kinds. The zero value, ReasonUnknown, is not used in advice.
const (
	ReasonUnknown        ReasonKind = iota // no reason; not used in Advice
	ReasonNonStandard                      // used by a vendor or convention, not registered with IANA
	ReasonVendorSpecific                   // defined by one vendor or platform rather than the IETF
	ReasonDeprecated                       // defined by an RFC but obsoleted or removed
	ReasonReserved                         // reserved by the registry, with no meaning to rely on
	ReasonTemporary                        // a temporary registration tied to an Internet-Draft
	ReasonUnregistered                     // in 100-599 but not in the catalog at all
	ReasonOutOfRange                       // outside 100-599, so not a valid HTTP status code
	ReasonNotThreeDigits                   // not a three-digit number
)

// reasonKindNames are the stable kebab-case names of the reason kinds.
var reasonKindNames = [...]string{
	"", "non-standard", "vendor-specific", "deprecated", "reserved", "temporary",
	"unregistered", "out-of-range", "not-three-digits",
}

// String returns the kind's stable kebab-case name, such as "non-standard".
func (k ReasonKind) String() string {
	if k != ReasonUnknown && int(k) < len(reasonKindNames) {
		return reasonKindNames[k]
	}
	return "ReasonKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String
// form; the zero kind marshals as the empty text.
func (k ReasonKind) MarshalText() ([]byte, error) {
	if k == ReasonUnknown {
		return []byte{}, nil
	}
	return marshalEnum("reason kind", k.String(), int(k), len(reasonKindNames))
}

// Reason is one reason why a code needs care: its kind and a sentence that
// explains it for the code at hand.
type Reason struct {
	Kind ReasonKind `json:"kind"` // what kind of reason it is
	Text string     `json:"text"` // a sentence naming the code
}

// Advice is what the catalog says about returning a code from an API: how
// strongly it is recommended, why it needs care, which standard codes to
// prefer and when to avoid it. Advise builds it for any integer.
type Advice struct {
	Code           Code           // the code the advice is for
	Known          bool           // whether the catalog has the code
	Phrase         string         // the reason phrase, or "" for unknown codes
	Summary        string         // the catalog's one-sentence description, or a note for unknown codes
	Class          Class          // the class by first digit; ClassUnknown outside 100-599
	Lifecycle      Lifecycle      // where the code stands in standardization
	Vendor         Vendor         // who defines the code
	Recommendation Recommendation // the verdict; NotRecommended for codes outside the catalog
	Reasons        []Reason       // why the code needs care; empty for recommended standard codes
	Prefer         []Code         // standard codes to use instead
	AvoidWhen      []string       // situations in which the code should not be used
	Reference      string         // the defining document and section, if any
	SpecURL        string         // a link to Reference, if any
}

// Advise returns advice for returning code from an API. Catalog codes get
// the catalog's recommendation, preferred codes and avoid-when notes, with
// reasons for non-standard, vendor-specific, deprecated, reserved and
// temporary codes. Codes in 100-599 that the catalog lacks are unregistered:
// clients treat them as the x00 code of their class (RFC 9110, Section 15,
// https://www.rfc-editor.org/rfc/rfc9110#section-15), so the advice
// prefers that code. Other integers are not status codes at all.
func Advise(code int) Advice {
	c := Code(code)
	if s, ok := Lookup(code); ok {
		return adviseKnown(s)
	}
	a := Advice{
		Code:           c,
		Class:          ClassOf(code),
		Recommendation: NotRecommended,
		Reference:      "RFC 9110, Section 15",
		SpecURL:        rfc9110 + "15",
	}
	if a.Class != ClassUnknown {
		generic := Code(code / 100 * 100)
		a.Summary = fmt.Sprintf("%d is not registered; clients will treat it as a generic %s, that is as %s.",
			code, a.Class.Pattern(), generic)
		a.Reasons = []Reason{{ReasonUnregistered, fmt.Sprintf(
			"%d is not registered; clients that do not know it treat it as %s.", code, generic)}}
		a.Prefer = []Code{generic}
		a.AvoidWhen = []string{fmt.Sprintf(
			"Do not return %d where clients must understand it; use a registered %s code.", code, a.Class.Pattern())}
		return a
	}
	a.Summary = fmt.Sprintf("%d is not an HTTP status code; status codes are three-digit numbers from 100 to 599.", code)
	a.Reasons = []Reason{{ReasonOutOfRange, fmt.Sprintf(
		"%d is outside 100-599; clients and servers reject it as an invalid status code.", code)}}
	if code < 100 || code > 999 {
		a.Reasons = append(a.Reasons, Reason{ReasonNotThreeDigits, fmt.Sprintf(
			"%d does not have three digits; net/http panics on WriteHeader for codes outside 100-999.", code)})
	}
	a.AvoidWhen = []string{fmt.Sprintf("Never send %d as a status code.", code)}
	return a
}

func adviseKnown(s Status) Advice {
	a := Advice{
		Code:           s.Code(),
		Known:          true,
		Phrase:         s.Phrase(),
		Summary:        s.Summary(),
		Class:          s.Class(),
		Lifecycle:      s.Lifecycle(),
		Vendor:         s.Vendor(),
		Recommendation: s.Recommendation(),
		Prefer:         s.Prefer(),
		AvoidWhen:      s.AvoidWhen(),
		Reference:      s.Reference(),
		SpecURL:        s.SpecURL(),
	}
	name := s.String()
	add := func(k ReasonKind, format string, args ...any) {
		a.Reasons = append(a.Reasons, Reason{k, name + " " + fmt.Sprintf(format, args...)})
	}
	switch s.Lifecycle() {
	case NonStandard:
		add(ReasonNonStandard, "is not registered with IANA; clients that do not know it treat it as %s.",
			s.Code()/100*100)
	case Deprecated:
		add(ReasonDeprecated, "is deprecated: %s defined it, but it has since been obsoleted or removed.", s.Source())
	case Reserved:
		add(ReasonReserved, "is reserved by the IANA registry and has no meaning a client can rely on.")
	case Temporary:
		add(ReasonTemporary, "is only temporarily registered, tied to %s, and may change or expire.", s.Source())
	}
	if v := s.Vendor(); v != IETF && v != VendorUnknown {
		add(ReasonVendorSpecific, "is specific to %s; generic clients do not know its meaning.", v)
	}
	return a
}

// Acceptable reports whether the code is a recommended standard code that
// needs no further care: the catalog recommends it and gives no reasons
// against it.
func (a Advice) Acceptable() bool {
	return a.Recommendation == Recommended && len(a.Reasons) == 0
}

// String returns the advice as a few lines of text: the code and verdict,
// then the reasons, the preferred codes and the avoid-when notes.
func (a Advice) String() string {
	var b strings.Builder
	b.WriteString(a.Code.String())
	b.WriteString(": ")
	b.WriteString(a.Recommendation.String())
	b.WriteString("\n")
	for _, r := range a.Reasons {
		b.WriteString("  reason: " + r.Text + "\n")
	}
	if len(a.Prefer) > 0 {
		parts := make([]string, len(a.Prefer))
		for i, c := range a.Prefer {
			parts[i] = c.String()
		}
		b.WriteString("  prefer: " + strings.Join(parts, ", ") + "\n")
	}
	for _, w := range a.AvoidWhen {
		b.WriteString("  avoid:  " + w + "\n")
	}
	return b.String()
}

// adviceJSON is the JSON form of Advice; the field order and the
// snake_case keys are part of the API.
type adviceJSON struct {
	Code           int            `json:"code"`
	Known          bool           `json:"known"`
	Phrase         string         `json:"phrase"`
	Summary        string         `json:"summary"`
	Class          Class          `json:"class"`
	Lifecycle      Lifecycle      `json:"lifecycle"`
	Vendor         Vendor         `json:"vendor"`
	Recommendation Recommendation `json:"recommendation"`
	Acceptable     bool           `json:"acceptable"`
	Reasons        []Reason       `json:"reasons"`
	Prefer         []int          `json:"prefer"`
	AvoidWhen      []string       `json:"avoid_when"`
	Reference      string         `json:"reference,omitempty"`
	SpecURL        string         `json:"spec_url,omitempty"`
}

// MarshalJSON implements json.Marshaler with stable snake_case keys; codes
// are numbers and lists are always arrays (never null).
func (a Advice) MarshalJSON() ([]byte, error) {
	j := adviceJSON{
		Code: int(a.Code), Known: a.Known, Phrase: a.Phrase, Summary: a.Summary, Class: a.Class,
		Lifecycle: a.Lifecycle, Vendor: a.Vendor, Recommendation: a.Recommendation,
		Acceptable: a.Acceptable(), Reasons: a.Reasons, Prefer: codeInts(a.Prefer),
		AvoidWhen: a.AvoidWhen, Reference: a.Reference, SpecURL: a.SpecURL,
	}
	if j.Reasons == nil {
		j.Reasons = []Reason{}
	}
	if j.AvoidWhen == nil {
		j.AvoidWhen = []string{}
	}
	return json.Marshal(j)
}

// codeInts converts codes to ints for JSON, where Code would marshal as
// text; the result is never nil.
func codeInts(cs []Code) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = int(c)
	}
	return out
}

// rfc9110 is the prefix of links to sections of RFC 9110.
const rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-"

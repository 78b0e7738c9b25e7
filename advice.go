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
	"unknown", "non-standard", "vendor-specific", "deprecated", "reserved", "temporary",
	"unregistered", "out-of-range", "not-three-digits",
}

// String returns the kind's stable kebab-case name, such as
// "non-standard", or "unknown" for the zero value.
func (k ReasonKind) String() string {
	if int(k) < len(reasonKindNames) {
		return reasonKindNames[k]
	}
	return "ReasonKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String
// form, and an error for values without a name.
func (k ReasonKind) MarshalText() ([]byte, error) {
	if int(k) >= len(reasonKindNames) {
		return nil, fmt.Errorf("httpref: invalid reason kind %d", k)
	}
	return []byte(reasonKindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly
// the String forms, such as "non-standard" and "unknown".
func (k *ReasonKind) UnmarshalText(text []byte) error {
	for i, n := range reasonKindNames {
		if string(text) == n {
			*k = ReasonKind(i)
			return nil
		}
	}
	return fmt.Errorf("httpref: unknown reason kind %q (want one of %s)",
		clipInput(string(text)), strings.Join(reasonKindNames[:], ", "))
}

// Reason is one reason why a code needs care: its kind and a sentence that
// explains it for the code at hand.
type Reason struct {
	Kind ReasonKind `json:"kind"` // what kind of reason it is
	Text string     `json:"text"` // a sentence naming the code
}

// Advice is what the catalog says about returning a code from an API: how
// strongly it is recommended, why it needs care, which standard codes to
// prefer and when to avoid it. It is a small value that refers to the
// catalog rather than copying from it; Advise builds it for any integer.
// The zero Advice is the advice for code 0.
type Advice struct {
	code Code
	s    Status
}

// Advise returns advice for returning code from an API. Catalog codes get
// the catalog's recommendation, preferred codes and avoid-when notes, with
// reasons for non-standard, vendor-specific, deprecated, reserved and
// temporary codes. Codes in 100-599 that the catalog lacks are unregistered:
// clients treat them as the x00 code of their class (RFC 9110, Section 15,
// https://www.rfc-editor.org/rfc/rfc9110#section-15), so the advice
// prefers that code. Other integers are not status codes at all. Advise
// allocates nothing; the methods build what they return.
func Advise(code int) Advice {
	s, _ := Lookup(code)
	return Advice{Code(code), s}
}

// Code returns the code the advice is for.
func (a Advice) Code() Code { return a.code }

// Status returns the catalog entry for the code, or the zero Status when
// the catalog does not have it.
func (a Advice) Status() Status { return a.s }

// Known reports whether the catalog has the code.
func (a Advice) Known() bool { return a.s.IsValid() }

// generic returns the x00 code of the code's class, for unregistered codes.
func (a Advice) generic() Code { return a.code / 100 * 100 }

// inRange reports whether the code is in 100-599.
func (a Advice) inRange() bool { return a.code.Class() != ClassUnknown }

// Recommendation returns the verdict: the catalog's for known codes, and
// NotRecommended for any other integer.
func (a Advice) Recommendation() Recommendation {
	if a.Known() {
		return a.s.Recommendation()
	}
	return NotRecommended
}

// Summary returns the catalog's one-sentence description, or a note on
// what clients make of a code the catalog does not have.
func (a Advice) Summary() string {
	switch {
	case a.Known():
		return a.s.Summary()
	case a.inRange():
		return fmt.Sprintf("%d is not registered; clients will treat it as a generic %s, that is as %s.",
			a.code, a.code.Class().Pattern(), a.generic())
	}
	return fmt.Sprintf("%d is not an HTTP status code; status codes are three-digit numbers from 100 to 599.", a.code)
}

// Reasons returns why the code needs care; it is empty for recommended
// standard codes.
func (a Advice) Reasons() []Reason {
	c := a.code
	if !a.Known() {
		if a.inRange() {
			return []Reason{{ReasonUnregistered, fmt.Sprintf(
				"%d is not registered; clients that do not know it treat it as %s.", c, a.generic())}}
		}
		rs := []Reason{{ReasonOutOfRange, fmt.Sprintf(
			"%d is outside 100-599; clients and servers reject it as an invalid status code.", c)}}
		if c < 100 || c > 999 {
			rs = append(rs, Reason{ReasonNotThreeDigits, fmt.Sprintf(
				"%d does not have three digits; net/http panics on WriteHeader for codes outside 100-999.", c)})
		}
		return rs
	}
	s := a.s
	var rs []Reason
	add := func(k ReasonKind, format string, args ...any) {
		rs = append(rs, Reason{k, s.String() + " " + fmt.Sprintf(format, args...)})
	}
	switch s.Lifecycle() {
	case NonStandard:
		add(ReasonNonStandard, "is not registered with IANA; clients that do not know it treat it as %s.", a.generic())
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
	return rs
}

// Prefer returns the standard codes to use instead: the catalog's for
// known codes, the x00 code of the class for unregistered ones.
func (a Advice) Prefer() []Code {
	switch {
	case a.Known():
		return a.s.Prefer()
	case a.inRange():
		return []Code{a.generic()}
	}
	return nil
}

// AvoidWhen returns the situations in which the code should not be used.
func (a Advice) AvoidWhen() []string {
	switch {
	case a.Known():
		return a.s.AvoidWhen()
	case a.inRange():
		return []string{fmt.Sprintf(
			"Do not return %d where clients must understand it; use a registered %s code.", a.code, a.code.Class().Pattern())}
	}
	return []string{fmt.Sprintf("Never send %d as a status code.", a.code)}
}

// Reference returns the defining document and section, if any.
func (a Advice) Reference() string {
	if a.Known() {
		return a.s.Reference()
	}
	return "RFC 9110, Section 15"
}

// SpecURL returns a link to Reference, if any.
func (a Advice) SpecURL() string {
	if a.Known() {
		return a.s.SpecURL()
	}
	return rfc9110 + "15"
}

// Acceptable reports whether the code is a recommended standard code that
// needs no further care: the catalog recommends it and gives no reasons
// against it.
func (a Advice) Acceptable() bool {
	return a.Recommendation() == Recommended && len(a.Reasons()) == 0
}

// String returns the advice as a few lines of text: the code and verdict,
// then the reasons, the preferred codes and the avoid-when notes.
func (a Advice) String() string {
	var b strings.Builder
	b.WriteString(a.code.String())
	b.WriteString(": ")
	b.WriteString(a.Recommendation().String())
	b.WriteString("\n")
	for _, r := range a.Reasons() {
		b.WriteString("  reason: " + r.Text + "\n")
	}
	if p := a.Prefer(); len(p) > 0 {
		parts := make([]string, len(p))
		for i, c := range p {
			parts[i] = c.String()
		}
		b.WriteString("  prefer: " + strings.Join(parts, ", ") + "\n")
	}
	for _, w := range a.AvoidWhen() {
		b.WriteString("  avoid:  " + w + "\n")
	}
	return b.String()
}

// adviceJSON is the JSON form of Advice; the field order and the
// snake_case keys are part of the API.
type adviceJSON struct {
	Code           Code           `json:"code"`
	Known          bool           `json:"known"`
	Phrase         string         `json:"phrase"`
	Summary        string         `json:"summary"`
	Class          Class          `json:"class"`
	Lifecycle      Lifecycle      `json:"lifecycle"`
	Vendor         Vendor         `json:"vendor"`
	Recommendation Recommendation `json:"recommendation"`
	Acceptable     bool           `json:"acceptable"`
	Reasons        []Reason       `json:"reasons"`
	Prefer         []Code         `json:"prefer"`
	AvoidWhen      []string       `json:"avoid_when"`
	Reference      string         `json:"reference,omitempty"`
	SpecURL        string         `json:"spec_url,omitempty"`
}

// MarshalJSON implements json.Marshaler with stable snake_case keys; codes
// are numbers and lists are always arrays (never null).
func (a Advice) MarshalJSON() ([]byte, error) {
	return json.Marshal(adviceJSON{
		Code: a.code, Known: a.Known(), Phrase: a.s.Phrase(), Summary: a.Summary(), Class: a.code.Class(),
		Lifecycle: a.s.Lifecycle(), Vendor: a.s.Vendor(), Recommendation: a.Recommendation(),
		Acceptable: a.Acceptable(), Reasons: nonNil(a.Reasons()), Prefer: nonNil(a.Prefer()),
		AvoidWhen: nonNil(a.AvoidWhen()), Reference: a.Reference(), SpecURL: a.SpecURL(),
	})
}

// UnmarshalJSON implements json.Unmarshaler. Advice decodes by its code:
// the object's "code" member (a number or a string such as "404") gives
// Advise(code); the other members are derived from it and not read.
func (a *Advice) UnmarshalJSON(b []byte) error {
	c, null, err := codeMember(b, "Advice")
	if err != nil {
		return err
	}
	if null {
		*a = Advice{}
		return nil
	}
	*a = Advise(int(c))
	return nil
}

// rfc9110 is the prefix of links to sections of RFC 9110.
const rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-"

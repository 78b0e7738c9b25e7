package httpref

import (
	"fmt"
	"strconv"
)

// Class is the class of a status code, given by its first digit.
// The zero value, ClassUnknown, stands for codes outside 100-599.
type Class uint8

// The status code classes of RFC 9110, Section 15.
const (
	ClassUnknown  Class = iota // not a valid HTTP status code
	Informational              // 1xx: interim response
	Success                    // 2xx: the request was successfully received, understood and accepted
	Redirection                // 3xx: further action is needed to complete the request
	ClientError                // 4xx: the request contains bad syntax or cannot be fulfilled
	ServerError                // 5xx: the server failed to fulfill an apparently valid request
)

var classNames = [...]string{"Unknown", "Informational", "Success", "Redirection", "Client error", "Server error"}

// ClassOf returns the class of any integer: 100-199 are Informational,
// 200-299 Success and so on, whether or not the code is registered. Codes
// outside 100-599 give ClassUnknown.
func ClassOf(code int) Class {
	if code < 100 || code > 599 {
		return ClassUnknown
	}
	return Class(code / 100)
}

// Classes returns the five known classes in order, 1xx first.
func Classes() []Class {
	return []Class{Informational, Success, Redirection, ClientError, ServerError}
}

// String returns the class name as the reference page writes it, such as
// "Client error", or "Unknown".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Pattern returns the class as a code pattern such as "4xx", or "" for
// ClassUnknown.
func (c Class) Pattern() string {
	if c == ClassUnknown || int(c) >= len(classNames) {
		return ""
	}
	return string([]byte{'0' + byte(c), 'x', 'x'})
}

// Contains reports whether code belongs to the class.
func (c Class) Contains(code int) bool { return c != ClassUnknown && ClassOf(code) == c }

// MarshalText implements encoding.TextMarshaler. It returns the String form.
func (c Class) MarshalText() ([]byte, error) {
	return marshalEnum("class", c.String(), int(c), len(classNames))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case, "4xx" style patterns, and spellings without spaces
// ("clienterror", "client_error").
func (c *Class) UnmarshalText(text []byte) error {
	k := enumKey(text)
	if len(k) == 3 && k[0] >= '1' && k[0] <= '5' && k[1:] == "xx" {
		*c = Class(k[0] - '0')
		return nil
	}
	return unmarshalEnum("class", text, k, classNames[:], (*uint8)(c))
}

// Lifecycle says where a code stands in its standardization.
type Lifecycle uint8

// The lifecycle stages. The zero value, LifecycleUnknown, is the lifecycle
// of codes that are not in the catalog.
const (
	LifecycleUnknown Lifecycle = iota // not in the catalog
	Standard                          // defined by a current RFC
	Deprecated                        // defined by an RFC but obsoleted or removed
	Temporary                         // a temporary IANA registration tied to a draft
	Reserved                          // reserved by the registry, not assigned
	NonStandard                       // used by a vendor or convention, not registered
)

var lifecycleNames = [...]string{"Unknown", "Standard", "Deprecated", "Temporary", "Reserved", "Non-standard"}

// Lifecycles returns the known lifecycle stages in order.
func Lifecycles() []Lifecycle {
	return []Lifecycle{Standard, Deprecated, Temporary, Reserved, NonStandard}
}

// String returns the stage name as the reference page writes it, such as
// "Non-standard".
func (l Lifecycle) String() string {
	if int(l) < len(lifecycleNames) {
		return lifecycleNames[l]
	}
	return "Lifecycle(" + strconv.Itoa(int(l)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String form.
func (l Lifecycle) MarshalText() ([]byte, error) {
	return marshalEnum("lifecycle", l.String(), int(l), len(lifecycleNames))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case, with or without the hyphen ("nonstandard").
func (l *Lifecycle) UnmarshalText(text []byte) error {
	return unmarshalEnum("lifecycle", text, enumKey(text), lifecycleNames[:], (*uint8)(l))
}

// Recommendation says whether a public API should use a code.
type Recommendation uint8

// The recommendation levels. The zero value, RecommendationUnknown, is the
// level of codes that are not in the catalog.
const (
	RecommendationUnknown Recommendation = iota // not in the catalog
	Recommended                                 // safe and expected in public APIs
	UseWithCare                                 // correct in specific situations only
	NotRecommended                              // leave to infrastructure, or avoid
)

var recommendationNames = [...]string{"Unknown", "Recommended", "Use with care", "Not recommended"}

// Recommendations returns the known recommendation levels, most favourable
// first.
func Recommendations() []Recommendation {
	return []Recommendation{Recommended, UseWithCare, NotRecommended}
}

// String returns the level as the reference page writes it, such as
// "Use with care".
func (r Recommendation) String() string {
	if int(r) < len(recommendationNames) {
		return recommendationNames[r]
	}
	return "Recommendation(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String form.
func (r Recommendation) MarshalText() ([]byte, error) {
	return marshalEnum("recommendation", r.String(), int(r), len(recommendationNames))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case and without spaces ("use-with-care", "notrecommended").
func (r *Recommendation) UnmarshalText(text []byte) error {
	return unmarshalEnum("recommendation", text, enumKey(text), recommendationNames[:], (*uint8)(r))
}

// Vendor is the body that defines a code: the IETF for RFCs and drafts, or
// the product or convention that uses a non-standard code.
type Vendor uint8

// The vendors. The zero value, VendorUnknown, is the vendor of codes that
// are not in the catalog.
const (
	VendorUnknown      Vendor = iota // not in the catalog
	IETF                             // RFCs and Internet-Drafts
	Nginx                            // the nginx web server
	Cloudflare                       // the Cloudflare CDN
	AWSELB                           // AWS Elastic Load Balancing
	MicrosoftIIS                     // Microsoft IIS and related Microsoft servers
	Laravel                          // the Laravel web framework
	Twitter                          // the legacy Twitter API
	EsriArcGIS                       // Esri ArcGIS Server
	ApacheCPanel                     // Apache and cPanel hosting
	ProxyConvention                  // a convention among HTTP proxies and gateways
	PlatformConvention               // a convention of some other platform
)

var vendorNames = [...]string{
	"Unknown", "IETF", "Nginx", "Cloudflare", "AWS ELB", "Microsoft IIS", "Laravel", "Twitter",
	"Esri ArcGIS", "Apache/cPanel", "Proxy/gateway convention", "Other platform convention",
}

// vendorShort maps short names, as enumKey folds them, to vendors.
var vendorShort = [...]struct {
	key string
	v   Vendor
}{
	{"rfc", IETF}, {"cf", Cloudflare}, {"aws", AWSELB}, {"elb", AWSELB}, {"alb", AWSELB},
	{"iis", MicrosoftIIS}, {"microsoft", MicrosoftIIS}, {"esri", EsriArcGIS}, {"arcgis", EsriArcGIS},
	{"apache", ApacheCPanel}, {"cpanel", ApacheCPanel}, {"proxy", ProxyConvention},
	{"gateway", ProxyConvention}, {"platform", PlatformConvention}, {"other", PlatformConvention},
}

// Vendors returns the known vendors in order, IETF first.
func Vendors() []Vendor {
	vs := make([]Vendor, 0, len(vendorNames)-1)
	for v := IETF; int(v) < len(vendorNames); v++ {
		vs = append(vs, v)
	}
	return vs
}

// String returns the vendor's name, such as "AWS ELB".
func (v Vendor) String() string {
	if int(v) < len(vendorNames) {
		return vendorNames[v]
	}
	return "Vendor(" + strconv.Itoa(int(v)) + ")"
}

// MarshalText implements encoding.TextMarshaler. It returns the String form.
func (v Vendor) MarshalText() ([]byte, error) {
	return marshalEnum("vendor", v.String(), int(v), len(vendorNames))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case and short names such as "aws", "cloudflare", "iis",
// "esri" or "proxy".
func (v *Vendor) UnmarshalText(text []byte) error {
	k := enumKey(text)
	for _, s := range vendorShort {
		if s.key == k {
			*v = s.v
			return nil
		}
	}
	return unmarshalEnum("vendor", text, k, vendorNames[:], (*uint8)(v))
}

// enumKey folds an enum spelling for comparison: ASCII letters to lower
// case, and spaces, hyphens, underscores, slashes and dots removed.
func enumKey[T ~string | ~[]byte](text T) string {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == ' ' || c == '-' || c == '_' || c == '/' || c == '.':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func marshalEnum(kind, name string, v, n int) ([]byte, error) {
	switch {
	case v == 0:
		return []byte{}, nil
	case v >= n:
		return nil, fmt.Errorf("httpref: cannot marshal invalid %s %d", kind, v)
	}
	return []byte(name), nil
}

// unmarshalEnum sets *dst to the index of the name whose enumKey is k. The
// empty text gives the zero (unknown) value, like the empty text that
// MarshalText writes for it.
func unmarshalEnum(kind string, text []byte, k string, names []string, dst *uint8) error {
	if len(text) == 0 {
		*dst = 0
		return nil
	}
	for i := 1; i < len(names); i++ {
		if enumKey(names[i]) == k {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("httpref: unknown %s %q", kind, clipInput(string(text)))
}

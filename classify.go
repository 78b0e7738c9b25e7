package httpref

import (
	"fmt"
	"strconv"
	"strings"
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
	return marshalEnum("class", classNames[:], int(c))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case ("Client error", "client error", "Unknown"), the same
// in snake or kebab case ("client_error", "client-error"), a pattern
// "1xx" to "5xx", and the empty text for ClassUnknown.
func (c *Class) UnmarshalText(text []byte) error {
	if len(text) == 3 && text[0] >= '1' && text[0] <= '5' && (text[1] == 'x' || text[1] == 'X') && (text[2] == 'x' || text[2] == 'X') {
		*c = Class(text[0] - '0')
		return nil
	}
	return unmarshalEnum("class", text, classNames[:], nil, (*uint8)(c))
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
	return marshalEnum("lifecycle", lifecycleNames[:], int(l))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case ("Non-standard", "non-standard", "Unknown"), the same in
// snake or kebab case ("non_standard"), and the empty text for
// LifecycleUnknown.
func (l *Lifecycle) UnmarshalText(text []byte) error {
	return unmarshalEnum("lifecycle", text, lifecycleNames[:], nil, (*uint8)(l))
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
	return marshalEnum("recommendation", recommendationNames[:], int(r))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case ("Use with care", "use with care", "Unknown"), the same
// in snake or kebab case ("use_with_care", "use-with-care"), and the empty
// text for RecommendationUnknown.
func (r *Recommendation) UnmarshalText(text []byte) error {
	return unmarshalEnum("recommendation", text, recommendationNames[:], nil, (*uint8)(r))
}

// Vendor is the body that defines a code: the IETF for RFCs and drafts, or
// the product or convention that uses a non-standard code.
type Vendor uint8

// The vendors. The zero value, VendorUnknown, is the vendor of codes that
// are not in the catalog.
const (
	VendorUnknown   Vendor = iota // not in the catalog
	IETF                          // RFCs and Internet-Drafts
	Nginx                         // the nginx web server
	Cloudflare                    // the Cloudflare CDN
	AWSELB                        // AWS Elastic Load Balancing
	MicrosoftIIS                  // Microsoft IIS and related Microsoft servers
	Laravel                       // the Laravel web framework
	Twitter                       // the legacy Twitter API
	EsriArcGIS                    // Esri ArcGIS Server
	ApacheCPanel                  // Apache and cPanel hosting
	ProxyConvention               // a convention among HTTP proxies and gateways
	Shopify                       // Shopify's storefronts and APIs
	QualysSSLLabs                 // the Qualys SSL Labs assessment API
	Paddle                        // the Paddle billing API
)

// vendorShort are the short names Vendor's UnmarshalText accepts, in
// lower case, with the vendor each names.
var vendorShort = [...]enumAlias{
	{"rfc", uint8(IETF)}, {"cf", uint8(Cloudflare)}, {"aws", uint8(AWSELB)}, {"elb", uint8(AWSELB)}, {"alb", uint8(AWSELB)},
	{"iis", uint8(MicrosoftIIS)}, {"microsoft", uint8(MicrosoftIIS)}, {"esri", uint8(EsriArcGIS)},
	{"arcgis", uint8(EsriArcGIS)}, {"apache", uint8(ApacheCPanel)}, {"cpanel", uint8(ApacheCPanel)},
	{"proxy", uint8(ProxyConvention)}, {"gateway", uint8(ProxyConvention)},
	{"qualys", uint8(QualysSSLLabs)}, {"ssllabs", uint8(QualysSSLLabs)},
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
	return marshalEnum("vendor", vendorNames[:], int(v))
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the String
// form in any case ("AWS ELB", "aws elb", "Unknown"), the same in snake or
// kebab case ("aws_elb", "apache_cpanel", "proxy_gateway_convention"), the
// short names rfc, cf, aws, elb, alb, iis, microsoft, esri, arcgis, apache,
// cpanel, proxy, gateway, qualys and ssllabs, and the empty text for
// VendorUnknown.
func (v *Vendor) UnmarshalText(text []byte) error {
	return unmarshalEnum("vendor", text, vendorNames[:], vendorShort[:], (*uint8)(v))
}

// marshalEnum returns the name of value v of an enumeration, the zero
// value's "Unknown" included, or an error for a value without a name.
func marshalEnum(kind string, names []string, v int) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, fmt.Errorf("httpref: cannot marshal invalid %s %d", kind, v)
	}
	return []byte(names[v]), nil
}

// enumAlias is a short name an enumeration's UnmarshalText accepts.
type enumAlias struct {
	name  string
	value uint8
}

// unmarshalEnum sets *dst to the value whose name text spells: the name in
// any case, or in snake or kebab case (spaces and slashes as underscores
// or hyphens), or one of the aliases in any case; the empty text is the
// zero value. Anything else is an error listing the accepted names.
func unmarshalEnum(kind string, text []byte, names []string, aliases []enumAlias, dst *uint8) error {
	if len(text) == 0 {
		*dst = 0
		return nil
	}
	for i, n := range names {
		if strings.EqualFold(string(text), n) || snakeEqual(text, n) {
			*dst = uint8(i)
			return nil
		}
	}
	for _, a := range aliases {
		if strings.EqualFold(string(text), a.name) {
			*dst = a.value
			return nil
		}
	}
	return fmt.Errorf("httpref: unknown %s %q; want one of %s", kind, clipInput(string(text)), strings.Join(names, ", "))
}

// snakeEqual reports whether text is name in snake or kebab case: lower or
// upper case letters, and an underscore or a hyphen for each space or
// slash of name.
func snakeEqual(text []byte, name string) bool {
	if len(text) != len(name) {
		return false
	}
	sep := byte(0)
	for i := 0; i < len(name); i++ {
		c, n := text[i], name[i]
		if n == ' ' || n == '/' {
			if c != '_' && c != '-' || sep != 0 && c != sep {
				return false
			}
			sep = c
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= n && n <= 'Z' {
			n += 'a' - 'A'
		}
		if c != n {
			return false
		}
	}
	return true
}

package httpref

import (
	"encoding"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassOf(t *testing.T) {
	tests := []struct {
		code int
		want Class
	}{
		{100, Informational}, {199, Informational}, {200, Success}, {299, Success}, {302, Redirection},
		{404, ClientError}, {499, ClientError}, {500, ServerError}, {599, ServerError},
		{600, ClassUnknown}, {99, ClassUnknown}, {0, ClassUnknown}, {-404, ClassUnknown}, {1 << 62, ClassUnknown},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ClassOf(tt.code), tt.code)
		assert.Equal(t, tt.want != ClassUnknown, tt.want.Contains(tt.code), tt.code)
	}
	assert.False(t, ClassUnknown.Contains(700))
	assert.Equal(t, "4xx", ClientError.Pattern())
	assert.Equal(t, "", ClassUnknown.Pattern())
}

// enumCase is one spelling that UnmarshalText must accept (or reject, when
// want is nil).
type enumCase struct {
	text string
	want any
}

func TestEnumText(t *testing.T) {
	tests := []struct {
		name  string
		new   func() encoding.TextUnmarshaler
		cases []enumCase
	}{
		{"class", func() encoding.TextUnmarshaler { return new(Class) }, []enumCase{
			{"Client error", ClientError}, {"CLIENT ERROR", ClientError}, {"client_error", ClientError},
			{"4xx", ClientError}, {"4XX", ClientError}, {"1xx", Informational}, {"5xx", ServerError},
			{"server-error", ServerError}, {"success", Success}, {"", ClassUnknown},
			{"6xx", nil}, {"4x", nil}, {"client", nil}, {"\xff", nil}, {"Unknown", ClassUnknown}, {"unknown", ClassUnknown},
			{"C.L.I.E.N.T-E_R/R O R", nil}, {"clienterror", nil}, {"client__error", nil}, {" client error", nil},
		}},
		{"lifecycle", func() encoding.TextUnmarshaler { return new(Lifecycle) }, []enumCase{
			{"Non-standard", NonStandard}, {"nonstandard", nil}, {"NON-STANDARD", NonStandard}, {"Unknown", LifecycleUnknown},
			{"standard", Standard}, {"Deprecated", Deprecated}, {"temporary", Temporary}, {"reserved", Reserved},
			{"obsolete", nil},
		}},
		{"recommendation", func() encoding.TextUnmarshaler { return new(Recommendation) }, []enumCase{
			{"Use with care", UseWithCare}, {"use-with-care", UseWithCare}, {"recommended", Recommended},
			{"Not recommended", NotRecommended}, {"not_recommended", NotRecommended}, {"maybe", nil},
			{"use with-care", nil}, {"Unknown", RecommendationUnknown}, {"usewithcare", nil},
		}},
		{"vendor", func() encoding.TextUnmarshaler { return new(Vendor) }, []enumCase{
			{"aws", AWSELB}, {"AWS ELB", AWSELB}, {"alb", AWSELB}, {"cloudflare", Cloudflare}, {"CF", Cloudflare},
			{"nginx", Nginx}, {"iis", MicrosoftIIS}, {"Microsoft IIS", MicrosoftIIS}, {"esri", EsriArcGIS},
			{"arcgis", EsriArcGIS}, {"ietf", IETF}, {"rfc", IETF}, {"laravel", Laravel}, {"twitter", Twitter},
			{"cpanel", ApacheCPanel}, {"Apache/cPanel", ApacheCPanel}, {"proxy", ProxyConvention},
			{"Proxy/gateway convention", ProxyConvention}, {"proxy_gateway_convention", ProxyConvention},
			{"aws_elb", AWSELB}, {"apache-cpanel", ApacheCPanel}, {"akamai", nil}, {"Unknown", VendorUnknown},
		}},
	}
	for _, tt := range tests {
		for _, c := range tt.cases {
			v := tt.new()
			err := v.UnmarshalText([]byte(c.text))
			if c.want == nil {
				require.Error(t, err, "%s %q", tt.name, c.text)
				assert.Contains(t, err.Error(), "unknown "+tt.name)
				continue
			}
			require.NoError(t, err, "%s %q", tt.name, c.text)
			switch got := v.(type) {
			case *Class:
				assert.Equal(t, c.want, *got, c.text)
			case *Lifecycle:
				assert.Equal(t, c.want, *got, c.text)
			case *Recommendation:
				assert.Equal(t, c.want, *got, c.text)
			case *Vendor:
				assert.Equal(t, c.want, *got, c.text)
			}
		}
	}
}

// TestEnumRoundTrip marshals every listed value and reads it back.
func TestEnumRoundTrip(t *testing.T) {
	roundTrip := func(v encoding.TextMarshaler, back encoding.TextUnmarshaler) string {
		b, err := v.MarshalText()
		require.NoError(t, err)
		require.NotEmpty(t, b)
		require.NoError(t, back.UnmarshalText(b))
		return string(b)
	}
	require.Len(t, Classes(), 5)
	for _, c := range Classes() {
		var back Class
		assert.Equal(t, c.String(), roundTrip(c, &back))
		assert.Equal(t, c, back)
	}
	require.Len(t, Lifecycles(), 5)
	for _, l := range Lifecycles() {
		var back Lifecycle
		roundTrip(l, &back)
		assert.Equal(t, l, back)
	}
	require.Len(t, Recommendations(), 3)
	for _, r := range Recommendations() {
		var back Recommendation
		roundTrip(r, &back)
		assert.Equal(t, r, back)
	}
	require.Len(t, Vendors(), 13)
	for _, v := range Vendors() {
		var back Vendor
		roundTrip(v, &back)
		assert.Equal(t, v, back)
	}
	// The unknown values marshal as their String, "Unknown", which reads
	// back; out-of-range values fail.
	for _, z := range []interface {
		encoding.TextMarshaler
		fmt.Stringer
	}{ClassUnknown, LifecycleUnknown, RecommendationUnknown, VendorUnknown} {
		b, err := z.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, "Unknown", string(b))
		assert.Equal(t, "Unknown", z.String())
	}
	var c Class = ClientError
	require.NoError(t, c.UnmarshalText([]byte("Unknown")))
	assert.Equal(t, ClassUnknown, c)
	b, err := ClassUnknown.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "Unknown", string(b))
	_, err = Class(42).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Vendor(99)", Vendor(99).String())
	assert.Equal(t, "Lifecycle(9)", Lifecycle(9).String())
	assert.Equal(t, "Recommendation(9)", Recommendation(9).String())
	assert.Equal(t, "Class(9)", Class(9).String())
}

// TestEveryEnumValueIsUsed checks that each listed value classifies at
// least one catalog entry, so the enums and the data agree.
func TestEveryEnumValueIsUsed(t *testing.T) {
	used := map[any]bool{}
	for s := range All() {
		used[s.Class()], used[s.Lifecycle()], used[s.Recommendation()], used[s.Vendor()] = true, true, true, true
	}
	for _, c := range Classes() {
		assert.True(t, used[c], c.String())
	}
	for _, l := range Lifecycles() {
		assert.True(t, used[l], l.String())
	}
	for _, r := range Recommendations() {
		assert.True(t, used[r], r.String())
	}
	for _, v := range Vendors() {
		assert.True(t, used[v], v.String())
	}
	b, err := json.Marshal(struct{ V Vendor }{AWSELB})
	require.NoError(t, err)
	assert.JSONEq(t, `{"V":"AWS ELB"}`, string(b))
}

// FuzzEnumText feeds any text to the enum parsers: they never panic, and
// what they accept marshals back to text that parses to the same value.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"4xx", "Client error", "non-standard", "aws", "Use with care", "", "\xff", "9xx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		textRoundTrip[Class](t, s)
		textRoundTrip[Lifecycle](t, s)
		textRoundTrip[Recommendation](t, s)
		textRoundTrip[Vendor](t, s)
	})
}

// textRoundTrip parses s as a T and, when that works, checks that the value
// marshals to text that parses back to the same value.
func textRoundTrip[T comparable, P interface {
	*T
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}](t *testing.T, s string) {
	var v T
	if P(&v).UnmarshalText([]byte(s)) != nil {
		return
	}
	b, err := P(&v).MarshalText()
	require.NoError(t, err)
	var back T
	require.NoError(t, P(&back).UnmarshalText(b))
	assert.Equal(t, v, back, "%q", s)
}

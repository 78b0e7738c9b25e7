package httpref

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func reasonKinds(a Advice) []ReasonKind {
	var ks []ReasonKind
	for _, r := range a.Reasons() {
		ks = append(ks, r.Kind)
	}
	return ks
}

func TestAdviseReasons(t *testing.T) {
	tests := []struct {
		code    int
		known   bool
		rec     Recommendation
		reasons []ReasonKind
		prefer  []Code
	}{
		{200, true, Recommended, nil, nil},
		{404, true, Recommended, nil, nil},
		{203, true, UseWithCare, nil, nil},
		{420, true, NotRecommended, []ReasonKind{ReasonNonStandard, ReasonVendorSpecific}, []Code{429}},
		{499, true, NotRecommended, []ReasonKind{ReasonNonStandard, ReasonVendorSpecific}, []Code{408}},
		{102, true, NotRecommended, []ReasonKind{ReasonDeprecated}, []Code{202}},
		{305, true, NotRecommended, []ReasonKind{ReasonDeprecated}, []Code{307}},
		{306, true, NotRecommended, []ReasonKind{ReasonReserved}, []Code{307, 308}},
		{418, true, NotRecommended, []ReasonKind{ReasonReserved}, []Code{400, 501}},
		{104, true, NotRecommended, []ReasonKind{ReasonTemporary}, nil},
		{427, false, NotRecommended, []ReasonKind{ReasonUnregistered}, []Code{400}},
		{299, false, NotRecommended, []ReasonKind{ReasonUnregistered}, []Code{200}},
		{555, false, NotRecommended, []ReasonKind{ReasonUnregistered}, []Code{500}},
		{600, false, NotRecommended, []ReasonKind{ReasonOutOfRange}, nil},
		{999, false, NotRecommended, []ReasonKind{ReasonOutOfRange}, nil},
		{42, false, NotRecommended, []ReasonKind{ReasonOutOfRange, ReasonNotThreeDigits}, nil},
		{1000, false, NotRecommended, []ReasonKind{ReasonOutOfRange, ReasonNotThreeDigits}, nil},
		{-404, false, NotRecommended, []ReasonKind{ReasonOutOfRange, ReasonNotThreeDigits}, nil},
	}
	for _, tc := range tests {
		a := Advise(tc.code)
		assert.Equal(t, Code(tc.code), a.Code(), "%d", tc.code)
		assert.Equal(t, tc.known, a.Known(), "%d", tc.code)
		assert.Equal(t, tc.rec, a.Recommendation(), "%d", tc.code)
		assert.Equal(t, tc.reasons, reasonKinds(a), "%d", tc.code)
		assert.Equal(t, tc.prefer, a.Prefer(), "%d", tc.code)
		assert.Equal(t, tc.rec == Recommended && tc.reasons == nil, a.Acceptable(), "%d", tc.code)
		assert.NotEmpty(t, a.AvoidWhen(), "%d", tc.code)
		assert.NotEmpty(t, a.Summary(), "%d", tc.code)
		for _, r := range a.Reasons() {
			assert.Contains(t, r.Text, a.Code().String(), "%d: reason names the code", tc.code)
		}
	}
}

func TestAdviseCatalogCodesMatchCatalog(t *testing.T) {
	for s := range All() {
		a := Advise(int(s.Code()))
		require.True(t, a.Known())
		assert.Equal(t, s, a.Status())
		assert.Equal(t, s.Recommendation(), a.Recommendation())
		assert.Equal(t, s.Prefer(), a.Prefer())
		assert.Equal(t, s.AvoidWhen(), a.AvoidWhen())
		assert.Equal(t, s.Reference(), a.Reference())
		if s.Lifecycle() == Standard && s.Vendor() == IETF {
			assert.Empty(t, a.Reasons(), "%s", s)
		} else {
			assert.NotEmpty(t, a.Reasons(), "%s", s)
		}
	}
}

func TestAdviseUnknownSaysGenericClass(t *testing.T) {
	a := Advise(427)
	assert.Equal(t, "427 is not registered; clients will treat it as a generic 4xx, that is as 400 Bad Request.", a.Summary())
	assert.Equal(t, "RFC 9110, Section 15", a.Reference())
	assert.Equal(t, "https://www.rfc-editor.org/rfc/rfc9110#section-15", a.SpecURL())
	assert.Contains(t, Advise(555).Summary(), "generic 5xx")
}

func TestAdviceString(t *testing.T) {
	want := "420 Enhance Your Calm: Not recommended\n" +
		"  reason: 420 Enhance Your Calm is not registered with IANA; clients that do not know it treat it as 400 Bad Request.\n" +
		"  reason: 420 Enhance Your Calm is specific to Twitter; generic clients do not know its meaning.\n" +
		"  prefer: 429 Too Many Requests\n"
	assert.True(t, strings.HasPrefix(Advise(420).String(), want), Advise(420).String())
	assert.True(t, strings.HasPrefix(Advise(200).String(), "200 OK: Recommended\n  avoid:  "))
}

func TestAdviceJSON(t *testing.T) {
	b, err := json.Marshal(Advise(427))
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"code": 427, "known": false, "phrase": "",
		"summary": "427 is not registered; clients will treat it as a generic 4xx, that is as 400 Bad Request.",
		"class": "Client error", "lifecycle": "Unknown", "vendor": "Unknown", "recommendation": "Not recommended",
		"acceptable": false,
		"reasons": [{"kind": "unregistered", "text": "427 is not registered; clients that do not know it treat it as 400 Bad Request."}],
		"prefer": [400],
		"avoid_when": ["Do not return 427 where clients must understand it; use a registered 4xx code."],
		"reference": "RFC 9110, Section 15",
		"spec_url": "https://www.rfc-editor.org/rfc/rfc9110#section-15"
	}`, string(b))

	b, err = json.Marshal(Advise(200))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, []any{}, m["reasons"], "lists are arrays, never null")
	assert.Equal(t, []any{}, m["prefer"])
	assert.Equal(t, true, m["acceptable"])
	assert.Equal(t, "Standard", m["lifecycle"])
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"code", "known", "phrase", "summary", "class", "lifecycle", "vendor",
		"recommendation", "acceptable", "reasons", "prefer", "avoid_when", "reference", "spec_url"}, keys)
}

func TestReasonKindText(t *testing.T) {
	names := map[ReasonKind]string{
		ReasonNonStandard: "non-standard", ReasonVendorSpecific: "vendor-specific", ReasonDeprecated: "deprecated",
		ReasonReserved: "reserved", ReasonTemporary: "temporary", ReasonUnregistered: "unregistered",
		ReasonOutOfRange: "out-of-range", ReasonNotThreeDigits: "not-three-digits",
	}
	for k, name := range names {
		assert.Equal(t, name, k.String())
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
	}
	names[ReasonUnknown] = "unknown"
	for k, name := range names {
		var back ReasonKind
		require.NoError(t, back.UnmarshalText([]byte(name)))
		assert.Equal(t, k, back)
	}
	assert.Equal(t, "unknown", ReasonUnknown.String())
	_, err := ReasonKind(200).MarshalText()
	assert.Error(t, err)
	var k ReasonKind
	for _, bad := range []string{"", "Non-Standard", "nonstandard", "non_standard", " deprecated"} {
		assert.Error(t, k.UnmarshalText([]byte(bad)), "%q", bad)
	}
}

func TestAdviceJSONRoundTrip(t *testing.T) {
	for _, code := range []int{200, 420, 427, 999, -404, 0} {
		a := Advise(code)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var back Advice
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		assert.Equal(t, a, back, "%d", code)
	}
	var a Advice
	assert.NoError(t, json.Unmarshal([]byte(`{"code":"404 Not Found"}`), &a))
	assert.Equal(t, Advise(404), a)
	assert.Error(t, json.Unmarshal([]byte(`{"known":true}`), &a), "no code")
	assert.Error(t, json.Unmarshal([]byte(`{"code":4.5}`), &a))
	assert.Error(t, json.Unmarshal([]byte(`[1]`), &a))
	err := json.Unmarshal([]byte(`{"phrase":"Not Found"}`), &a)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Advice in JSON needs a "code" member`)
	require.NoError(t, json.Unmarshal([]byte(`null`), &a))
	assert.Equal(t, Advice{}, a)
}

func TestAdviseAllocatesNothing(t *testing.T) {
	var sink Advice
	assert.Zero(t, testing.AllocsPerRun(100, func() { sink = Advise(404) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sink = Advise(777) }))
	_ = sink
}

package httpref

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRetry(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		code       int
		method     string
		retryAfter string
		retry      bool
		after      time.Duration
	}{
		{200, "GET", "", false, 0},
		{301, "GET", "", false, 0},
		{400, "GET", "", false, 0},
		{404, "GET", "", false, 0},
		{501, "GET", "1", false, 0},
		{500, "GET", "", false, 0},
		{408, "POST", "", true, 0},
		{425, "POST", "", true, 0},
		{429, "POST", "120", true, 2 * time.Minute},
		{429, "GET", "Wed, 25 Nov 2026 12:00:30 GMT", true, 30 * time.Second},
		{429, "GET", "Wednesday, 25-Nov-26 12:01:00 GMT", true, time.Minute},
		{429, "GET", "Wed Nov 25 12:00:10 2026", true, 10 * time.Second},
		{429, "GET", "Wed, 25 Nov 2026 11:00:00 GMT", true, 0}, // in the past
		{429, "GET", "soon", true, 0},                          // unreadable: ignored
		{429, "GET", "-5", true, 0},
		{429, "GET", "99999999999999999999999", true, 24 * time.Hour},
		{503, "PATCH", "5", true, 5 * time.Second},
		{502, "GET", "", true, 0},
		{502, "PUT", "", true, 0},
		{502, "DELETE", "", true, 0},
		{502, "POST", "", false, 0},
		{504, "PATCH", "", false, 0},
		{504, "get", "", false, 0}, // methods are case-sensitive
		{504, "", "", true, 0},     // net/http's empty method is GET
		{520, "GET", "", true, 0},
		{520, "POST", "", false, 0},
		{522, "POST", "", true, 0},
		{524, "POST", "", false, 0},
		{526, "GET", "", false, 0},
		{529, "POST", "300", true, 5 * time.Minute},
		{540, "GET", "", false, 0},
		{599, "GET", "", true, 0},
		{999, "GET", "", false, 0},
		{-1, "GET", "", false, 0},
	}
	for _, tc := range tests {
		a := Retry(tc.code, tc.method, tc.retryAfter, now)
		assert.Equal(t, tc.retry, a.Retry, "%d %s %q: %s", tc.code, tc.method, tc.retryAfter, a.Reason)
		assert.Equal(t, tc.after, a.After, "%d %s %q", tc.code, tc.method, tc.retryAfter)
		assert.NotEmpty(t, a.Reason)
	}
}

func TestRetryPolicyText(t *testing.T) {
	for p := RetryUnknown; p <= RetryAny; p++ {
		b, err := p.MarshalText()
		assert.NoError(t, err)
		var back RetryPolicy
		assert.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, p, back)
	}
	var p RetryPolicy
	assert.Error(t, p.UnmarshalText([]byte("Idempotent")))
	_, err := RetryPolicy(99).MarshalText()
	assert.Error(t, err)
}

func TestFacts(t *testing.T) {
	assert.True(t, CacheableByDefault(404))
	assert.False(t, CacheableByDefault(302))
	assert.False(t, ContentAllowed(204))
	assert.False(t, ContentAllowed(304))
	assert.False(t, ContentAllowed(101))
	assert.True(t, ContentAllowed(200))
	s, _ := Lookup(410)
	assert.True(t, s.CacheableByDefault())
	assert.Equal(t, RetryNever, s.RetryPolicy())
	assert.Equal(t, RetryAny, Code(429).RetryPolicy())
	var zero Status
	assert.False(t, zero.CacheableByDefault())
	assert.Equal(t, RetryUnknown, zero.RetryPolicy())
}

func FuzzRetry(f *testing.F) {
	f.Add(503, "GET", "Wed, 25 Nov 2026 12:00:30 GMT")
	f.Add(429, "POST", "120")
	f.Fuzz(func(t *testing.T, code int, method, ra string) {
		a := Retry(code, method, ra, time.Unix(1<<40, 0))
		if a.After < 0 || a.After > 24*time.Hour || a.Reason == "" || !a.Retry && a.After != 0 {
			t.Fatalf("%d %q %q: %+v", code, method, ra, a)
		}
	})
}

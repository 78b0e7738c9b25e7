package httpref

import (
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says whether a client may repeat a request that got a code.
// Each code's policy comes from the rules below, with their sources.
type RetryPolicy uint8

// The retry policies. The zero value, RetryUnknown, is the policy of codes
// outside 100-599.
const (
	RetryUnknown RetryPolicy = iota // not a status code

	// RetryNotNeeded: the request succeeded or is being redirected; there
	// is nothing to repeat (1xx, 2xx, 3xx).
	RetryNotNeeded

	// RetryNever: repeating the same request gets the same answer; change
	// the request, the credentials or the configuration first (most 4xx,
	// 501, 505, and vendor codes for configuration errors).
	RetryNever

	// RetryIdempotent: the failure may be transient, but the request may
	// have reached the origin and been processed, so only idempotent
	// methods may be repeated automatically (RFC 9110, Section 9.2.2).
	RetryIdempotent

	// RetryAny: the server says it did not process the request (it timed
	// out waiting, is overloaded or asked for a later try), so any method
	// may be repeated, honouring Retry-After.
	RetryAny
)

var retryPolicyNames = [...]string{"unknown", "not_needed", "never", "idempotent", "any"}

// String returns the policy's snake_case name, such as "idempotent".
func (p RetryPolicy) String() string {
	if int(p) < len(retryPolicyNames) {
		return retryPolicyNames[p]
	}
	return "RetryPolicy(" + strconv.Itoa(int(p)) + ")"
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (p RetryPolicy) MarshalText() ([]byte, error) {
	if int(p) >= len(retryPolicyNames) {
		return nil, &ParseError{Input: p.String(), Reason: "invalid retry policy"}
	}
	return []byte(retryPolicyNames[p]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts exactly
// the String forms.
func (p *RetryPolicy) UnmarshalText(text []byte) error {
	for i, n := range retryPolicyNames {
		if string(text) == n {
			*p = RetryPolicy(i)
			return nil
		}
	}
	return &ParseError{Input: clipInput(string(text)), Reason: "unknown retry policy; want one of " + strings.Join(retryPolicyNames[:], ", ")}
}

// RetryPolicyOf returns the retry policy for any integer, by these rules:
//
//   - 1xx, 2xx and 3xx: not needed.
//   - 408 Request Timeout: any method: the server closed the connection
//     without processing the request, and the client MAY repeat it (RFC
//     9110, Section 15.5.9).
//   - 425 Too Early: any method, once the handshake is complete: the server
//     did not process the early data (RFC 8470, Section 5.2).
//   - 429 Too Many Requests: any method, after Retry-After: the request was
//     refused by a rate limit, not processed (RFC 6585, Section 4).
//   - 503 Service Unavailable: any method, after Retry-After: the server
//     cannot handle the request now (RFC 9110, Section 15.6.4).
//   - 502 Bad Gateway and 504 Gateway Timeout: idempotent methods: the
//     upstream may have processed the request (RFC 9110, Sections 15.6.3,
//     15.6.5 and 9.2.2).
//   - Cloudflare 521, 522 and 523: any method: Cloudflare could not open a
//     connection to the origin, so nothing reached it. 520, 524 and 525:
//     idempotent methods: the origin may have received the request
//     (Cloudflare's 5xx error documentation). 526 (an invalid
//     certificate) and 530 (an origin DNS error, with a 1xxx error) need a
//     configuration change: never.
//   - 598 and 599 (proxy read and connect timeouts): idempotent methods.
//   - 529 (Qualys SSL Labs: the service is overloaded): any method, after
//     a wait of minutes with a random part (the SSL Labs API
//     documentation). 540 (Paddle: the endpoint is disabled for the
//     account): never: it stays off until the vendor turns it back on.
//   - 460 (AWS ALB: the client closed the connection) and nginx's 444 and
//     499 are written to logs, not sent: a client never sees them; 500, 507
//     and 508 report a server fault that repeats: never automatically.
//   - 501 Not Implemented: never: the method is not supported (RFC 9110,
//     Section 15.6.2). Other 4xx and 5xx: never.
func RetryPolicyOf(code int) RetryPolicy {
	switch {
	case code < 100 || code > 599:
		return RetryUnknown
	case code < 400:
		return RetryNotNeeded
	}
	switch code {
	case 408, 425, 429, 503, 521, 522, 523, 529:
		return RetryAny
	case 502, 504, 520, 524, 525, 598, 599:
		return RetryIdempotent
	}
	return RetryNever
}

// RetryPolicy returns the retry policy of the status's code (see
// RetryPolicyOf).
func (s Status) RetryPolicy() RetryPolicy { return RetryPolicyOf(int(s.Code())) }

// RetryAdvice is what Retry says: whether a client may repeat a request,
// after how long, and why.
type RetryAdvice struct {
	Retry  bool          // whether the client may repeat the request
	After  time.Duration // how long to wait first: from Retry-After, or 0 when the server gave no hint
	Reason string        // one sentence: the rule that decided
}

// maxRetryAfter bounds the delays Retry reports: a day. Longer values
// are read as a day, so that arithmetic on them cannot overflow.
const maxRetryAfter = 24 * time.Hour

// Retry says whether a client may repeat a request with method that got
// code, and how long to wait first, given the response's Retry-After
// value ("" when it had none) and the current time (for an HTTP-date).
//
// The method decides for codes whose policy is RetryIdempotent: GET, HEAD,
// OPTIONS, TRACE, PUT and DELETE are idempotent (RFC 9110, Section 9.2.2);
// POST, PATCH, CONNECT and unknown methods are not. Retry-After is read as
// delay-seconds or as an HTTP-date (RFC 9110, Section 10.2.3); a date in
// the past means no wait, and an unreadable value is ignored. Retry never
// says to repeat 501 Not Implemented, whatever the header says.
func Retry(code int, method, retryAfter string, now time.Time) RetryAdvice {
	p := RetryPolicyOf(code)
	c := Code(code)
	switch p {
	case RetryUnknown:
		return RetryAdvice{Reason: strconv.Itoa(code) + " is not an HTTP status code."}
	case RetryNotNeeded:
		return RetryAdvice{Reason: c.String() + " is not a failure; there is nothing to repeat."}
	case RetryNever:
		return RetryAdvice{Reason: c.String() + " will not change on a repeat; change the request first."}
	case RetryIdempotent:
		if !idempotent(method) {
			return RetryAdvice{Reason: c.String() + " may come after the request was processed, and " +
				clipInput(method) + " is not idempotent, so repeating it could apply it twice."}
		}
	}
	after, ok := parseRetryAfter(retryAfter, now)
	reason := c.String() + " is transient"
	if p == RetryIdempotent {
		reason += ", and " + strings.ToUpper(clipInput(method)) + " is idempotent"
	} else {
		reason += "; the request was not processed"
	}
	if ok {
		reason += "; wait as long as Retry-After says."
	} else {
		reason += "; back off before repeating it."
	}
	return RetryAdvice{Retry: true, After: after, Reason: reason}
}

// idempotent reports whether a method is idempotent (RFC 9110, Section
// 9.2.2). Methods are case-sensitive; an empty method is GET, as in
// net/http.
func idempotent(method string) bool {
	switch method {
	case "", "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE":
		return true
	}
	return false
}

// parseRetryAfter reads a Retry-After value: delay-seconds or an
// HTTP-date in any of the three formats a recipient accepts (RFC 9110,
// Section 5.6.7). It reports false for an absent or unreadable value.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" || len(v) > 64 {
		return 0, false
	}
	if v[0] >= '0' && v[0] <= '9' {
		var n int64
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			if n < int64(maxRetryAfter/time.Second) {
				n = n*10 + int64(c-'0')
			}
		}
		return min(time.Duration(n)*time.Second, maxRetryAfter), true
	}
	for _, layout := range [...]string{time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, v); err == nil {
			d := t.Sub(now)
			return min(max(d, 0), maxRetryAfter), true
		}
	}
	return 0, false
}

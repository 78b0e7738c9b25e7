package httpref

// This file holds the operational facts that follow from a code by rules
// of the specifications, each with its source. The facts that vary by
// vendor (who produces a code) are data of the source table.

// CacheableByDefault reports whether a response with code is
// heuristically cacheable: a cache may store and reuse it without explicit
// freshness information. RFC 9110, Section 15.1 lists the codes: 200, 203,
// 204, 206, 300, 301, 308, 404, 405, 410, 414 and 501. Any response can be
// made cacheable with Cache-Control or Expires; these are the ones that
// are without.
func CacheableByDefault(code int) bool {
	switch code {
	case 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501:
		return true
	}
	return false
}

// ContentAllowed reports whether a response with code may carry content:
// not 1xx (RFC 9110, Section 15.2), 204 (Section 15.3.5), 205 (Section
// 15.3.6: a server MUST NOT generate content) or 304 (Section 15.4.5), and
// not a code outside 100-599. A response to HEAD never carries content,
// whatever its code (Section 9.3.2).
func ContentAllowed(code int) bool {
	switch {
	case code < 200 || code > 599:
		return false
	case code == 204, code == 205, code == 304:
		return false
	}
	return true
}

// CacheableByDefault is CacheableByDefault(int(c)).
func (c Code) CacheableByDefault() bool { return CacheableByDefault(int(c)) }

// ContentAllowed is ContentAllowed(int(c)).
func (c Code) ContentAllowed() bool { return ContentAllowed(int(c)) }

// RetryPolicy is RetryPolicyOf(int(c)).
func (c Code) RetryPolicy() RetryPolicy { return RetryPolicyOf(int(c)) }

// CacheableByDefault reports whether the status is heuristically
// cacheable (see the package function).
func (s Status) CacheableByDefault() bool { return s.e != nil && CacheableByDefault(int(s.e.code)) }

// ContentAllowed reports whether a response with the status may carry
// content (see the package function).
func (s Status) ContentAllowed() bool { return s.e != nil && ContentAllowed(int(s.e.code)) }

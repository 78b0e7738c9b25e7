// Package httpref is a reference of HTTP status codes for Go programs: the
// IANA-registered codes plus the vendor codes seen in production (Nginx,
// Cloudflare, AWS ELB, IIS and others), each with its phrase, summary,
// details, class, lifecycle, recommendation for public APIs, source and
// specification link, related codes, common situations, what to check and
// when not to use it.
//
// The catalog is compiled into the package as constant data: looking a code
// up allocates nothing and the package does no work at start-up.
//
// # Tour
//
// Look a code up and read what the reference knows:
//
//	s, ok := httpref.Lookup(429)
//	if ok {
//		fmt.Println(s)            // 429 Too Many Requests
//		fmt.Println(s.Summary())
//		fmt.Println(s.SpecURL())  // https://www.rfc-editor.org/rfc/rfc6585#section-4
//	}
//
// Parse a code from a log line or a status line, and classify any code:
//
//	c, err := httpref.ParseCode("HTTP/1.1 503 Service Unavailable")
//	fmt.Println(c.Class())                  // Server error
//	fmt.Println(httpref.ClassOf(299))       // Success
//
// Ask whether a vendor code belongs in a public API, and what to use instead:
//
//	s, _ = httpref.Lookup(420)
//	fmt.Println(s.Lifecycle(), s.Vendor(), s.Prefer()) // Non-standard Twitter [429 Too Many Requests]
//
// Follow the related-code graph:
//
//	for s, dist := range httpref.Walk(502, 1) { ... }
//	httpref.Path(100, 504) // [100 102 504]
//
// A Code logs itself with log/slog as a group of code, phrase and class.
//
// All values are immutable and safe for concurrent use: slices returned by
// Status methods are copies.
package httpref

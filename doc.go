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
//	httpref.Path(100, 504) // [100 Continue 102 Processing 504 Gateway Timeout]
//	httpref.Code(502).Walk(1) // the same walk from a Code
//
// Find a code from a phrase, a symptom or a log line, typos forgiven:
//
//	for _, r := range httpref.Search("cloudflare timeout", &httpref.SearchOptions{Limit: 3}) {
//		fmt.Println(r.Status, r.Matched) // 524 A Timeout Occurred phrase, source, ...
//	}
//
// Ask who produced a pasted log line, error page or console message, and
// what it means; a pasted message finds its code through Search as well:
//
//	for _, m := range httpref.Explain(`upstream timed out (110: Connection timed out) while reading response header from upstream`) {
//		fmt.Println(m.Signature.Product(), m.Signature.Layer(), m.Signature.Codes()) // nginx reverse_proxy [504 Gateway Timeout]
//	}
//	s, _ = httpref.Lookup(524)
//	s.Signatures() // the messages of Cloudflare, Chrome, curl, ... that go with 524
//
// Say whether a client may repeat a request, and when; and what a code
// says about caching, content and who produces it:
//
//	httpref.Retry(503, "POST", resp.Header.Get("Retry-After"), time.Now())
//	s.Producers(), s.LogOnly(), httpref.CacheableByDefault(404)
//
// Advise whether an API should return a code, log codes with their
// meaning, and turn a failed response into an error:
//
//	a := httpref.Advise(420)                      // Not recommended; prefer 429
//	slog.Warn("upstream", httpref.Attr("status", resp.StatusCode))
//	err := httpref.ErrorFor(resp.StatusCode)      // *StatusError for 4xx and 5xx
//
// A Code logs itself with log/slog as a group of code, phrase and class;
// EnrichHandler adds the phrase and summary beside status attributes.
//
// # Codes as parameters
//
// Package functions take a status code as an int, the type of
// net/http's Response.StatusCode and WriteHeader: Lookup(resp.StatusCode),
// Walk(resp.StatusCode, 1), Path(a, b), Advise(resp.StatusCode),
// Attr("status", code), ErrorFor(code). A Code gives the same answers
// through its methods: Status, Walk, Path, Advise, Attr and Err.
//
// Response checking (rules over an exchange, a client-side check and
// middleware) is in package github.com/httpref/httpref/check; this package
// does not link net/http.
//
// All values are immutable and safe for concurrent use: slices returned by
// Status methods are copies.
package httpref

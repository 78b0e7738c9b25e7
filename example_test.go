package httpref_test

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/httpref/httpref"
)

func ExampleLookup() {
	s, ok := httpref.Lookup(429)
	if !ok {
		return
	}
	fmt.Println(s)
	fmt.Println(s.Summary())
	fmt.Println(s.Reference())
	fmt.Println(s.SpecURL())
	fmt.Println(s.GoConstant())
	// Output:
	// 429 Too Many Requests
	// The client has sent too many requests in a given period.
	// RFC 6585, Section 4
	// https://www.rfc-editor.org/rfc/rfc6585#section-4
	// http.StatusTooManyRequests
}

func ExampleLookup_vendorCode() {
	s, _ := httpref.Lookup(499)
	fmt.Println(s, "-", s.Vendor(), s.Lifecycle())
	fmt.Println("prefer:", s.Prefer())
	for _, v := range s.Variants() {
		fmt.Printf("also %q in %s\n", v.Phrase, v.Vendor)
	}
	// Output:
	// 499 Client Closed Request - Nginx Non-standard
	// prefer: [408 Request Timeout]
	// also "Token Required" in Esri ArcGIS
}

func ExampleParseCode() {
	for _, in := range []string{"404", "HTTP/1.1 503 Service Unavailable", "HTTP/2 200", "4040"} {
		c, err := httpref.ParseCode(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c)
	}
	// Output:
	// 404 Not Found
	// 503 Service Unavailable
	// 200 OK
	// httpref: cannot parse "4040" as a status code: a status code has exactly three digits
}

func ExampleClassOf() {
	fmt.Println(httpref.ClassOf(299), httpref.ClassOf(299).Pattern())
	fmt.Println(httpref.ClassOf(600))
	var c httpref.Class
	if err := c.UnmarshalText([]byte("4xx")); err == nil {
		fmt.Println(c)
	}
	var v httpref.Vendor
	if err := v.UnmarshalText([]byte("aws")); err == nil {
		fmt.Println(v)
	}
	// Output:
	// Success 2xx
	// Unknown
	// Client error
	// AWS ELB
}

func ExampleAll() {
	// The Cloudflare codes and what a public API should send instead.
	for s := range httpref.All() {
		if s.Vendor() == httpref.Cloudflare && s.Code() < 523 {
			fmt.Println(s.Code(), "->", s.Prefer())
		}
	}
	// Output:
	// 520 Web Server Returned an Unknown Error -> [502 Bad Gateway]
	// 521 Web Server Is Down -> [502 Bad Gateway 503 Service Unavailable]
	// 522 Connection Timed Out -> [504 Gateway Timeout]
}

func ExampleWalk() {
	for s, dist := range httpref.Walk(504, 1) {
		fmt.Println(dist, s)
	}
	// Output:
	// 0 504 Gateway Timeout
	// 1 408 Request Timeout
	// 1 502 Bad Gateway
	// 1 503 Service Unavailable
	// 1 524 A Timeout Occurred
}

func ExamplePath() {
	fmt.Println(httpref.Path(100, 504))
	fmt.Println(httpref.Path(100, 999))
	// Output:
	// [100 Continue 102 Processing 504 Gateway Timeout]
	// []
}

func ExampleCode_LogValue() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the output stable
			}
			return a
		},
	}))
	logger.Warn("upstream failed", "status", httpref.Code(502))
	// Output:
	// level=WARN msg="upstream failed" status.code=502 status.phrase="Bad Gateway" status.class="Server error"
}

func ExampleRetry() {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		code       int
		method     string
		retryAfter string
	}{
		{503, "POST", "120"},
		{502, "POST", ""},
		{502, "GET", ""},
		{501, "GET", "5"},
	} {
		a := httpref.Retry(c.code, c.method, c.retryAfter, now)
		fmt.Println(c.code, c.method, a.Retry, a.After)
	}
	// Output:
	// 503 POST true 2m0s
	// 502 POST false 0s
	// 502 GET true 0s
	// 501 GET false 0s
}

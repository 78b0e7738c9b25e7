package httpref_test

import (
	"fmt"

	"github.com/httpref/httpref"
)

func ExampleSearch() {
	for _, r := range httpref.Search("too many reqeusts", &httpref.SearchOptions{Limit: 3}) {
		fmt.Println(r.Status)
	}
	// Output:
	// 429 Too Many Requests
	// 414 URI Too Long
	// 463 Too Many IP Addresses
}

func ExampleSearch_filtered() {
	results := httpref.Search("timeout", &httpref.SearchOptions{
		Class:  httpref.ServerError,
		Vendor: httpref.Cloudflare,
		Limit:  2,
	})
	for _, r := range results {
		fmt.Printf("%s (matched: %s)\n", r.Status, r.Matched)
	}
	// Output:
	// 522 Connection Timed Out (matched: phrase, summary, details, avoid_when)
	// 524 A Timeout Occurred (matched: phrase, details, situations, checks, avoid_when)
}

func ExampleAppendSearch() {
	buf := make([]httpref.Result, 0, 10) // reuse across calls: no allocation
	buf = httpref.AppendSearch(buf[:0], "HTTP/1.1 503 Service Unavailable", &httpref.SearchOptions{Limit: 1})
	fmt.Println(buf[0].Status, "-", buf[0].Matched)
	// Output:
	// 503 Service Unavailable - code, phrase, alias, constant, summary, details, situations, checks, avoid_when
}

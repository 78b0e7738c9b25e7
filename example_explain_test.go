package httpref_test

import (
	"fmt"

	"github.com/httpref/httpref"
)

func ExampleExplain() {
	line := `2026/11/25 10:20:30 [error] 1046#1046: *2094 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7`
	m := httpref.Explain(line)[0]
	fmt.Println(m.Signature.Product(), m.Signature.Layer(), m.Signature.Codes(), m.Score)
	// Output:
	// nginx reverse_proxy [504 Gateway Timeout] 1
}

func ExampleExplain_nothing() {
	// Explain says nothing rather than guess.
	fmt.Println(len(httpref.Explain("the quick brown fox")))
	// Output:
	// 0
}

func ExampleStatus_Signatures() {
	s, _ := httpref.Lookup(524)
	for _, g := range s.Signatures() {
		if g.Product() == "Cloudflare" {
			fmt.Println(g.Text())
		}
	}
	// Output:
	// A timeout occurred Error code 524
}

func ExampleSearch_pasted() {
	// A pasted message finds its code through the signatures, and the
	// numbers in it that are not statuses (an errno, an address) count
	// for nothing.
	r := httpref.Search(`recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.200`, &httpref.SearchOptions{Limit: 1})
	fmt.Println(r[0].Status)
	// Output:
	// 502 Bad Gateway
}

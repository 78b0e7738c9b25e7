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

func ExampleExplain_productCode() {
	// A product's own error code names its message without the rest of
	// the line.
	m := httpref.Explain("we keep getting H12 errors after the deploy")[0]
	fmt.Println(m.Signature.Product(), m.Signature.Codes(), m.Signature.ID())
	// Output:
	// Heroku [503 Service Unavailable] heroku-h12-request-timeout
}

func ExampleStatus_Signatures() {
	s, _ := httpref.Lookup(524)
	for _, g := range s.Signatures() {
		if g.Product() == "Cloudflare" {
			fmt.Println(g.Text())
		}
	}
	// Output:
	// {host} | 524: A timeout occurred
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

func ExampleSearch_question() {
	// A question that names two codes asks for one of them: here the one
	// wanted instead of what the server sends now.
	r := httpref.Search("When using an expired access token, I'm getting 403 instead of 401", &httpref.SearchOptions{Limit: 1})
	fmt.Println(r[0].Status)
	// A console message that carries the response's status names it.
	r = httpref.Search("Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 502", &httpref.SearchOptions{Limit: 1})
	fmt.Println(r[0].Status)
	// A 500 or a success the text reports, beside a situation it asks
	// about, is what the software does, not the answer.
	r = httpref.Search("the signup endpoint returns 500 when the username is already taken", &httpref.SearchOptions{Limit: 1})
	fmt.Println(r[0].Status)
	// Output:
	// 401 Unauthorized
	// 502 Bad Gateway
	// 409 Conflict
}

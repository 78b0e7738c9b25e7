package httpref

import (
	"strings"
	"testing"

	"github.com/httpref/httpref/internal/textkey"

	"github.com/stretchr/testify/assert"
)

func TestStatusNumbers(t *testing.T) {
	tests := []struct {
		query         string
		status, other []Code
	}{
		{"404", []Code{404}, nil},
		{"got a 404 from the api", []Code{404}, nil},
		{"HTTP/1.1 502 Bad Gateway", []Code{502}, nil},
		{"status=503 bytes=0", []Code{503}, nil},
		{"status: 429", []Code{429}, nil},
		{"response_time:0.000,upstream_status:502 elb_status_code=504 rsp_status=\"500\"", []Code{500, 502, 504}, nil},
		{"open-source.svg?v=103&per_page=100 x:\"404\"", nil, []Code{100, 103, 404}},
		{"resp.StatusCode == 418", []Code{418}, nil},
		{"HTTP ERROR 431", []Code{431}, nil},
		{"Error 522", []Code{522}, nil},
		{"HTTP Error 500.19 - Internal Server Error", []Code{500}, nil},
		{"504 Gateway Time-out", []Code{504}, nil},
		{"Default Web.config errors 500.19 x8007000d", []Code{500}, nil},
		{"IIS 404.3 for .json files, then 502.5", []Code{404, 502}, nil},
		{"HTTP 503.2 - Service Unavailable", []Code{503}, nil},
		{"203.0.113.7 and 200.25.3", nil, []Code{200, 203}},
		{"413.5 KB body", nil, []Code{413}},
		{"served 1,502 requests", nil, []Code{502}},
		{"如题，405报错", []Code{405}, nil},
		{"部署完,502报错 and nginx,504", []Code{502, 504}, nil},
		{"took 404.25ms", nil, []Code{404}},
		{"price 404.123", nil, []Code{404}},
		{"all my endpoints return 404s", []Code{404}, nil},
		{"seeing 100s of these entries, then 500s", []Code{500}, []Code{100}},
		{"lots of 502s off and on", []Code{502}, nil},
		{"Images are 404ing; ein 500er Fehler", []Code{404, 500}, nil},
		{"500px wide, 200ms, 404ingress", nil, nil},
		{"recv() failed (104: Connection reset by peer)", nil, []Code{104}},
		{"2023/11/08 15:40:10 [error] 403#403: *12 connect() failed", nil, []Code{403}},
		{"JOB-104 Added support for handling fk delete errors", nil, []Code{104}},
		{`10.0.0.2 - - [29/Apr/2024:13:21:41 +0000] "POST /execute HTTP/1.1" 499 0 "-" "curl/8.0" 409 2.702 [svc-8080]`, []Code{499}, []Code{409}},
		{"\"GET / HTTP/1.1\" 301 178 \"-\" \"curl\" 404\n\"GET /x HTTP/2\" 200 5 \"-\" \"curl\" 502", []Code{200, 301}, []Code{404, 502}},
		{"\"GET / HTTP/1.1\" 301 178\nthen 404", []Code{301, 404}, nil},
		{"the response should have a non-200 status code (i.e., 400/500)", []Code{400, 500}, []Code{200}},
		{"Return HTTP-429 on throttle.", []Code{429}, nil},
		{"MAM-2533-return-404-when-channel-by-id-is-not-found", []Code{404}, nil},
		{"connect to 10.0.0.200:443 failed", nil, []Code{200}},
		{"状态码:403。", []Code{403}, nil},
		{"エラー :500", []Code{500}, nil},
		{"localhost:404 and 12:30:503", nil, []Code{404, 503}},
		{"upstream: \"http://127.0.0.1:502/\"", nil, []Code{502}},
		{"listening on port 500", nil, []Code{500}},
		{"took 302 ms", nil, []Code{302}},
		{"body of 413 bytes", nil, []Code{413}},
		{"2024/11/25 10:20:30 [error] 12#0: *502 upstream timed out", nil, []Code{502}},
		{`"GET / HTTP/1.1" 499 206 "-"`, []Code{499}, []Code{206}},
		{"pid 401 exited", nil, []Code{401}},
		{"more than 500 requests, less than 400 users", nil, []Code{400, 500}},
		{"returns 400 rather than 404", []Code{400, 404}, nil},
		{"307/308 redirection must not change method", []Code{307, 308}, nil},
		{"the same way as other codes (404, 403, 500)", []Code{403, 404, 500}, nil},
		{"quota enforcement & 402/429 boundary responses", []Code{402, 429}, nil},
		{"returns 401/403s", []Code{401, 403}, nil},
		{"progress (200/200) and GET /api/200/404/x", nil, []Code{200, 404}},
		{"v1.301/302 and 1301/302 and a301/302", nil, []Code{301, 302}},
		{"anything other than 200 fails", []Code{200}, nil},
		{"v1.200.3", nil, []Code{200}},
		{"200ms", nil, nil},
		{"ERR_404", []Code{404}, nil},
		{"BROKEN https://example.com/ (HTTP_403) and http_error_401", []Code{401, 403}, nil},
		{"ERR_PNPM_FETCH_403 and PDF_FETCH_404", []Code{403, 404}, nil},
		{"status.HTTP_400_BAD_REQUEST, GENERATE_204, get_object_or_404, MY_HTTP_500_X", nil, nil},
		{"BLAKE2_256, fetcher_302, 2_404", nil, nil},
		{"HTTP401 Denied Accessing the API", []Code{401}, nil},
		{"got Error404 and status500", []Code{404, 500}, nil},
		{"npm ERR! code E407", []Code{407}, nil},
		{"npm error code E404\nnpm error 404 Not Found", []Code{404}, nil},
		{"code: E401", []Code{401}, nil},
		{"zipcode E404 and barcode E500", nil, nil},
		{"code XE404, code E4040", nil, nil},
		{"sha256 and x509 and myhttp401", nil, nil},
		{"unicode 404", []Code{404}, nil},
		{"the updater runs into http/403", []Code{403}, nil},
		{"확인 결과 500error가 계속", []Code{500}, nil},
		{"got a 404Error and 500errors", []Code{404, 500}, nil},
		{"the call ends in a 404Exception", []Code{404}, nil},
		{"500errands 404errno", nil, nil},
		{"1286536308.779 180 192.0.2.24 TCP_MISS/200 411 GET http://example.com/", []Code{200}, []Code{411}},
		{"a TCP_DENIED/407 error, then NONE/400 and TAG_NONE/503", []Code{400, 407, 503}, nil},
		{"GET /tcp_miss/200 and /api/NONE/404 and xTCP_MISS/302", nil, []Code{200, 302, 404}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			status, other := statusNumbers(tc.query)
			assert.Equal(t, tc.status, setCodes(&status), "status")
			assert.Equal(t, tc.other, setCodes(&other), "other")
			b := []byte(tc.query)
			bs, bo := statusNumbers(b)
			assert.Equal(t, status, bs, "the []byte form agrees")
			assert.Equal(t, other, bo, "the []byte form agrees")
			assert.Zero(t, testing.AllocsPerRun(10, func() { statusNumbers(b) }), "the []byte form allocates nothing")
		})
	}
}

func setCodes(s *entrySet) []Code {
	var out []Code
	for d := range entries {
		if s.has(d) {
			out = append(out, entries[d].code)
		}
	}
	return out
}

func TestFillerStems(t *testing.T) {
	// The words each filler term stands for, as people write them; the
	// test fails when the tokenizer's stemming moves away from the list.
	fillerWords := []string{
		"http", "status", "code", "codes", "api", "restful", "return", "returning", "returned",
		"respond", "responds", "send", "sending", "back", "use", "using", "correct", "proper",
		"appropriate", "best", "practice", "someone", "question", "ask", "want", "need", "like",
		"know", "say", "thing", "something", "situation", "scenario", "consider", "semantically",
		"mean", "means", "please", "help", "thanks", "trying", "tried", "while", "seems", "still",
		"make", "made", "happens", "expected", "vs", "recommended", "conventional",
		"response",
	}
	for _, w := range fillerWords {
		terms := textkeyTerms(w)
		if assert.Len(t, terms, 1, w) {
			assert.True(t, isFiller([]byte(terms[0])), "%q (term %q) is filler", w, terms[0])
		}
	}
	for _, w := range []string{"conflict", "duplicate", "timeout", "gateway", "not", "found", "request", "server", "error"} {
		for _, term := range textkeyTerms(w) {
			assert.False(t, isFiller([]byte(term)), "%q is content", w)
		}
	}
}

func TestFillerWeighsNothing(t *testing.T) {
	q := "what http code should my api send back when someone signs up with a username that is already taken"
	res := Search(q, nil)
	if assert.NotEmpty(t, res) {
		assert.Equal(t, Code(409), res[0].Status.Code(), "the question's content decides")
	}
	// A query of filler alone is scored as it is.
	assert.NotEmpty(t, Search("http status code", nil))
}

// textkeyTerms returns the terms the tokenizer makes of s.
func textkeyTerms(s string) []string {
	return strings.Fields(string(textkey.Append(nil, s)))
}

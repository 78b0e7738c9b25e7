package httpref

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAskedCode(t *testing.T) {
	tests := []struct {
		text string
		want Code // 0: no contrast
	}{
		{"Use 410 Gone instead of 404 Not Found", 410},
		{"Return 202 Accepted (not 200) when a job is submitted", 202},
		{"When using an expired access token, I'm getting 403 instead of 401", 401},
		{"Request validation errors return 422 instead of 400", 400},
		// After a comma a base verb asks: no comma stands between a
		// subject and its verb.
		{"If the user lacks permissions, respond with 403 instead of 401", 403},
		{"if the token parses, answer 401 instead of 403", 401},
		{"validate the body and return 400 as against an error 500", 400},
		{"Body limit gives 500 error instead of 413", 413},
		// A code reported in the passive before the marker is what
		// the software does.
		{"a 405 status is returned instead of 404 for a missing file", 404},
		{"bug: 409 being sent instead of 412 on a stale ETag", 412},
		{"the more common 400 is returned, not 422", 422},
		{"should return a 412 not a 416", 412},
		{"the handler returns 404, should be 204", 204},
		{"results in an internal server error (500) not 401 or 403", 401},
		{"why 307 and not 302?", 307},
		{"POST /jobs returns 202 (not 200) on accepted async work", 202},
		{"the handler returns 202 (Accepted) not 200", 200},
		// Nobody asks for a 500 in place of a client error.
		{"500 instead of 404 when no homepage is defined in production", 404},
		{"symfony return a 500 Internal Error instead of a 403", 403},
		{"400 instead of 500 for malformed requests", 400},
		{"return 500 instead of 200 when the database is down", 500},
		// A replaced by B asks for B.
		{"Replace 301 with 303 for redirects after a form post", 303},
		{"change the status 400 to 422 for validation errors", 422},
		{"Replace 403 error (forbidden) by 401 (unauthorized)", 401},
		{"login: wrong password now gives 401 -> 400", 400},
		{"login: wrong password 401 → 400", 400},
		{"the server replies with an HTTP 500 instead of a 400", 400},
		// A code's reason phrase beside it is its label, not words of
		// the sentence.
		{"Throw Http Bad Request (400) for HTTP param validations instead of Internal Server Error (500)", 400},
		{"Return `200 OK` instead of `204 No Content` for empty list", 200},
		{"should return 404 (not found) and not 204 (no content) in few cases", 404},
		{"returns 401 Unauthorized instead of 403 Forbidden for a valid token", 403},
		// Chinese "should be".
		{"请求成功后返回的状态码为404，应该为200", 200},
		{"过期的JWT返回的是500错误，应当使用401", 401},
		// "should be B" after a code the text reports, however far.
		{"fhirbase currently returns 404 for a delete of a resource that does not exist, but it should be 204", 204},
		{"it returns 500 whenever the database is down, and it should return a 503", 503},
		{"bad URLs are currently returning an HTTP 302 with an empty Location header, when they should be returning an HTTP 404", 404},
		{"Currently, we return a 404 when there is any failure in fetching API data. We should serve a 500 HTTP status code.", 500},
		// A question with the negation asks for the code.
		{"without the anti forgery token the request results in a 500. Maybe this is just me, but shouldn't this be a 400?", 400},
		{"It returns 200. Shouldn't it return 304?", 304},
		// No contrast: one code, a phrase's "Not", or codes too far apart.
		{"replace the handler that sends 404 and the one that sends 500", 0},
		{"404 instead of the page", 0},
		{"404 Not Found 500 Internal Server Error", 0},
		{"got 404 Not Found then 500", 0},
		{"403 on the first try and much later, after the token was refreshed twice, not 401", 0},
		// A number that does not stand as a status is no code.
		{"connect() failed (111: Connection refused) instead of 502", 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			status, _ := statusNumbers(tc.text)
			got, _ := askedCode(tc.text, &status)
			assertEntryCode(t, tc.want, got)
		})
	}
}

func TestRefusedCode(t *testing.T) {
	tests := []struct {
		text string
		want Code // 0: none refused
	}{
		{"Permission Denied issues should not return 404.", 404},
		{"a missing parameter should not trigger a 500 Status Code", 500},
		{"the handler mustn't answer 200 here", 200},
		{"Permission Denied issues shouldn\u2019t return 404.", 404}, // a curly apostrophe
		// A code that the words after it call wrong.
		{"The endpoint answers 200 for a missing user, which is wrong", 200},
		{"It sends 404 here. That is misleading, because the route exists", 404},
		{"The server sends 400 for an expired token; this does not seem appropriate", 400},
		{"a 302 for API calls that's not right", 302},
		{"It returns 403 (CSRF token missing or incorrect.)", 0},
		{"returns 200, which is correct", 0},
		{"gives 201, which is what the spec asks for creation; that is wrong for updates", 201},
		{"answers 500; beyond twelve words of the code, one two three four five, that is wrong", 0},
		// A code that a word right before it calls wrong.
		{"Fix incorrect 404 reply on inappropriate HTTP method", 404},
		{"Wrong 403 status when token expired", 403},
		{"the gateway gives a misleading HTTP 500 for a timeout", 500},
		{"wrong password gives 401", 0},
		{"incorrect credentials return 401 as they should", 0},
		// A code set aside for something asked in words.
		{"Refactor queries that return a list to return an empty list vs 404 when there is nothing", 404},
		{"Rather than a 404 on empty query results, return an empty array", 404},
		{"respond with an empty array instead of 404", 404},
		{"empty collection versus a 404", 404},
		// "not" right before the code, what is asked between it and "should".
		{"the endpoint should reply an empty collection not 404 if no devices", 404},
		{"it must answer with the resource, not a 404", 404},
		{"Should it reply an empty collection not 404?", 0},
		{"it should be fast, it returns data not 404", 0},
		// A code reported in place of something asked for in words.
		{"PRIP API returns 404 Not Found instead of empty list", 404},
		{"the API throws a 500 Server ERROR instead of an informing error", 500},
		{"it returned a 301 redirect instead, creating a loop", 0},
		{"On unsupported content-type return 415 instead of throwing an exception", 0},
		// ... unless the text reports what it gets now: it misses the code.
		{"I got a routing error instead of a 404 error", 0},
		{"-999 instead of 401", 0},
		{"the app sees 0 instead of a 200", 0},
		// ... or an error came in its place.
		{"Internal server error instead of 404", 0},
		{"Unhandled exceptions rather than a 404 for unknown users", 0},
		{"an empty response instead of 404", 404},
		{"The API ignores wrong parameters instead of returning 400", 0},
		// A sentence that starts with the negation proposes the code.
		{"Shouldn't it return 304 status code?", 0},
		{"the cache answers in full here, but shouldn't it return 304 status code?", 0},
		{"It returns 200. Shouldn't it return 304?", 0},
		{"It returns 200. Shouldn\u2019t it return 304?", 0},
		// Nothing refused: no negation, or another code says more.
		{"should return 404", 0},
		{"errors should not return 500 but 400", 0},
		{"we never return 404", 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			status, _ := statusNumbers(tc.text)
			_, got := askedCode(tc.text, &status)
			assertEntryCode(t, tc.want, got)
		})
	}
}

// assertEntryCode checks that entry d (an askedCode result) is the entry
// of code want, or -1 when want is 0.
func assertEntryCode(t *testing.T, want Code, d int) {
	t.Helper()
	if want == 0 {
		assert.Equal(t, -1, d)
		return
	}
	if assert.GreaterOrEqual(t, d, 0) {
		assert.Equal(t, want, entries[d].code)
	}
}

func TestReportedCode(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"our API returns 404 for queries with no results", true},
		{"I'm getting 403 when the token expired", true},
		{"sending the wrong method results in a HTTP 500", true},
		{"creating a duplicate leads to a 500 error", true},
		{"500 is returned when the name is taken", true},
		{"a 404 was thrown for a route that exists", true},
		{"401 error returned when authenticated user has insufficient privileges", true},
		{"404 returned", false},
		{"404 for queries with no results is what we want", false},
		{"404 for queries with no results", false},
		{"should we return 404 for queries with no results?", false},
		{"nothing here", false},
		// A title that labels the code and names where it is seen.
		{"Status 500 when signup with existing email address", true},
		{"response code 500 on accessing non-existing document?", true},
		{"HTTP status code 200 after deleting a missing resource", true},
		{"Status code 413", false},
		{"Status code 202 vs 200 for PUT", false},
		{"we saw status 500 when signing up", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			status, _ := statusNumbers(tc.text)
			assert.Equal(t, tc.want, reportedCode(tc.text, &status))
		})
	}
}

func TestPastedStatus(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"I get Status Code: 403, AWS Error Code: AccessDenied", true},
		{"status=503 bytes=0", true},
		{"< HTTP/1.1 403 Forbidden", true},
		{"< HTTP/2 403\n< content-type: text/html", true},
		{"it runs into http/403 now and then", false},
		{"the API returns 403 for a missing object", false},
		{"status 403 when the object is missing", false},
		{"took 403: ms", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			assert.Equal(t, tc.want, pastedStatus(tc.text, position(403)) || pastedStatus(tc.text, position(503)))
		})
	}
}

func TestReportedAgainstConcept(t *testing.T) {
	tests := []struct {
		query string
		want  Code
	}{
		// The code reported, against the situation asked about.
		{"the endpoint returns 200 when the token has expired", 401},
		// A client error reported keeps its bonus: the answer names it
		// far more often than the concept's code.
		{"our list endpoint returns 404 when the collection is empty", 404},
		{"returns 403 on token expired", 403},
		// A vendor's code is what was seen.
		{"Getting Error 524 when the upload takes longer than 100 seconds", 524},
		// No concept against the code: it stays first.
		{"our endpoint returns 404 for a user that does not exist", 404},
		// A code pasted as a field of the output is what was seen.
		{"When you go to a URL of an object that doesn't exist in the bucket, I get Status Code: 403, AWS Request ID: E6B2194B3E5E353C", 403},
		// A concept of success describes what came with an error; only
		// a 404 is answered in place of an empty result.
		{"the registration endpoint returns HTTP 500 with empty body", 500},
		{"the API responds with 422 but an empty response body", 422},
		{"our search returns 404 instead of an empty list", 200},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			rs := Search(tc.query, nil)
			require.NotEmpty(t, rs)
			assert.Equal(t, tc.want, rs[0].Status.Code())
		})
	}
}

// TestRefusalWords checks that mayRefuse looks for every word that a
// refutation needs (refutePart's wrong and right words) and the modals.
func TestRefusalWords(t *testing.T) {
	words := []string{"must", "mustn", "should", "shouldn", "instead", "rather", "vs", "versus"}
	for _, w := range []string{"wrong", "right", "correct", "accurate", "incorrect", "confusing",
		"misleading", "appropriate", "inappropriate", "inaccurate", "valid", "invalid", "fine"} {
		if refutePart(w) >= refWrong {
			words = append(words, w)
		}
	}
	for _, w := range words {
		assert.Equal(t, w, refusalWord(len(w), w[0]), "%q", w)
		assert.True(t, mayRefuse("a 404, "+strings.ToUpper(w)), "%q", w)
	}
	assert.False(t, mayRefuse("returns 404 for a missing user"))
}

// TestSpecificOfTwo checks that of a text's two codes, a client error
// beside 500 is put forward when no contrast is read.
func TestSpecificOfTwo(t *testing.T) {
	tests := []struct {
		text string
		want Code // 0: neither
	}{
		{"If I try to generate a 404 http code, an error occurs in the server which leads to an HTTP code 500 instead.", 404},
		{"Investigate why 422 (missing parameters) errors are coming through as 500 (Internal Server) errors", 422},
		{"500 and 502 from the proxy", 0},
		{"404 then 410 after the delete", 0},
		{"a 500 here", 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			status, _ := statusNumbers(tc.text)
			assertEntryCode(t, tc.want, specificOfTwo(&status))
			if tc.want != 0 {
				rs := Search(tc.text, nil)
				require.NotEmpty(t, rs)
				assert.Equal(t, tc.want, rs[0].Status.Code())
			}
		})
	}
}

// TestContrastCountsEachCodeOnce checks that a contrast decides between
// its codes however often the text repeats the one it complains about.
func TestContrastCountsEachCodeOnce(t *testing.T) {
	tests := []struct {
		text string
		want Code
	}{
		{"500 on empty query param on path /usage. The API should return 400 instead of 500 in /usage where a query param is invalid or blank", 400},
		{"403 instead of 404. I just noticed that you use a HTTP 404 error when a user lacks the permission. A 404 means \"Not found\", but the page is found.", 403},
		{"RestEasy returns 405 instead of 500 for POST. 405 is returned for POST requests on internal server errors.", 500},
	}
	for _, tc := range tests {
		rs := Search(tc.text, nil)
		require.NotEmpty(t, rs, tc.text)
		assert.Equal(t, tc.want, rs[0].Status.Code(), tc.text)
	}
}

func TestNamesClientFault(t *testing.T) {
	for text, want := range map[string]bool{
		"returns 500 for an INVALID cursor":     true,
		"500 on malformed JSON":                 true,
		"creating a duplicate user gives 500":   true,
		"a nonexistent id gives 500":            true,
		"returns 500 when the database is down": false,
		"invalidation of the cache fails":       false, // a longer word
		"returns 500 (wrong":                    true,
		"the user does not exist, 500":          true,
		"it doesn't exist and returns 500":      true,
		"non existent id gives 500":             true,
		"500 on conflict":                       true,
		"the page is found but 500":             false,
		"existing users get 500":                false,
		"":                                      false,
		"\xff\xfe wrong":                        true,
	} {
		assert.Equal(t, want, clientFault(text, true) != 0, text)
	}
}

func TestClientFaultCode(t *testing.T) {
	for text, want := range map[string]Code{
		"Malformed document IDs on /doc endpoint results in 500": 400,
		"returns 500 for invalid paging cursor value":            400,
		"Missing start parameter should not trigger a 500":       400,
		"the server treats parse errors as a 500 Server Error":   400,
		"Yoga returns validation errors as 500":                  400,
		"Unknown IDs throw 500":                                  404,
		"returns 500 error when file does not exist":             404,
		"Resource Not Found Returns HTTP 500 Error":              404,
		"a 500 when the order cannot be found":                   404,
		"duplicate resources leads to HTTP 500 error":            409,
		"if there is a conflict, it responds with status 500":    409,
		"Unsupported accept encoding causes 500 responses":       faultAny, // 406 or 415: the words decide
		"500 means something bad happened":                       faultAny, // the 500 is what is bad
		"I should return 500, but that seems wrong":              faultAny,
		"an erroneous method answers 500":                        faultAny,
		"an improper payload gives 500":                          400,
		"the id is not a valid UUID and the API returns 500":     400,
		"unparsable dates cause a 500":                           400,
		"fetching an unexisting record gives 500":                404,
		"500 for unauthenticated requests":                       401,
		"an expired token results in a 500":                      401,
		"incomplete headers received from the upstream, 500":     0,
		"returns 500 when the database is down":                  0,
		// "unknown" before a failure's word, and a mistake in a response
		// the server sent back, are the server's.
		"Status: 500 An unknown error occurred":                  0,
		"the request failed for unknown reasons, 500":            0,
		"fails to parse SoapFaults for responses with 500 codes": 0,
		"it shows \"Invalid HTTP status in response: 500\"":      0,
		"an invalid id and the 500 response":                     400, // the response is the 500
		"invalid response code 500 for a bad id":                 400,
		// An exception's class name is read word by word, when the
		// mistake it names is in what the client sent.
		"IllegalArgumentException thrown, the API answers 500": 400,
		"EntityNotFoundException ends as a 500":                404,
		"DuplicateKeyException bubbles up as HTTP 500":         409,
		"IllegalStateException leads to a 500":                 0,
		"UnknownHostException gives 500":                       0,
		"UnknownError with 500":                                0,
		"getInvalidUsers returns 500":                          0,
		"ExpiredJwtException ends in a 500":                    401,
		// Other languages, by the stems of the same words.
		"фронтик отдает 500 на несуществующие страницы": 404,
		"Несуществующий id даёт 500":                    404, // the stem's capital
		"Ошибка 500 при некорректном запросе":           400,
		"参数无效导致500错误":                                   400,
		"存在しないIDを指定すると500が返る":                           404,
		"用户已存在时返回500":                                   409,
		"A API retorna 500 quando o usuário não existe": 404,
		"Ошибка 500 при перегрузке сервера":             0,
		"服务器内部错误500":                                    0,
	} {
		assert.Equal(t, want, clientFault(text, true), text)
	}
}

func TestClientFaultOfSuccess(t *testing.T) {
	for text, want := range map[string]Code{
		"Not found page gives 200 response code":                    404,
		"the artifact does not exist, but the response contains []": 404,
		"an unknown error gives 200":                                0,
	} {
		assert.Equal(t, want, clientFault(text, false), text)
	}
}

func TestFaultBonusNamesTheCode(t *testing.T) {
	assertSearchFirst(t, map[string]Code{
		"Malformed document IDs on `/doc` endpoint results in 500":          400,
		"Unknown IDs throw 500 in ES case endpoint":                         404,
		"Trying to create some duplicate resources leads to HTTP 500 error": 409,
		"Unauthenticated requests to the users endpoint get a 500":          401,
		"An improper request body makes the API throw a 500":                400,
		// A concept that names the 500 ("unhandled exception") does not
		// keep it first: the mistake says what to return.
		"A malformed JSON body causes an unhandled exception 500 error": 400,
		// A 200 sent for something that does not exist is a soft 404;
		// a 204 for a DELETE of it is what DELETE may answer.
		"Pages that do not exist are served with status 200":     404,
		"Lookups of unknown ids answer 200 with an empty object": 404,
		"Deleting an unknown item answers 204":                   204,
	})
}

// TestFaultBonusMatchesConcept checks that a code which gains only by
// the client's mistake that a query names says what it matched: the
// mistake's words are read from the raw text, and may match no term of
// the code's fields (FuzzSearch found "500 000aA 000eXpired", whose
// terms hold "000expired" where the mistake is "expired").
func TestFaultBonusMatchesConcept(t *testing.T) {
	for _, text := range []string{"500 000expired", "500 000aA 000eXpired", "Unknown IDs throw 500"} {
		rs := Search(text, &SearchOptions{Limit: -1})
		require.NotEmpty(t, rs, text)
		for _, r := range rs {
			assert.NotZero(t, r.Matched, "%q: %v matched no field", text, r.Status)
		}
	}
	rs := Search("500 000expired", nil)
	require.NotEmpty(t, rs)
	assert.Equal(t, Code(401), rs[0].Status.Code())
	assert.Equal(t, FieldConcept, rs[0].Matched)
}

// TestClientErrorOver500 checks that a client error asked for against a
// 500 comes first even when the 500's reason phrase, written beside it,
// holds more words than the client error's: the 500 is what went wrong,
// so it is set aside as a refused code is.
func TestClientErrorOver500(t *testing.T) {
	assertSearchFirst(t, map[string]Code{
		"The error handler should pass 401 Unauthorized Error instead of 500 Internal Server Error": 401,
		"Throw Forbidden (403) for denied actions instead of Internal Server Error (500)":           403,
		"Change HTTP status code 500 to 404 so it is not mistaken for an internal server error":     404,
		"return 400 instead of 500 internal server error from the error middleware":                 400,
	})
}

// assertSearchFirst checks that Search puts each text's code first.
func assertSearchFirst(t *testing.T, firsts map[string]Code) {
	t.Helper()
	for text, want := range firsts {
		rs := Search(text, nil)
		require.NotEmpty(t, rs, text)
		assert.Equal(t, want, rs[0].Status.Code(), text)
	}
}

// TestClientErrorFirst checks that a client error close behind a 500
// comes first, with any limit, and that a 500 well ahead stays first.
func TestClientErrorFirst(t *testing.T) {
	for _, tc := range []struct {
		text  string
		limit int
		want  Code
	}{
		{"the API throws an internal error when the token has expired", 0, 401},
		{"the API throws an internal error when the token has expired", 1, 401},
		{"the API throws an internal error when the token has expired", 2, 401},
		{"500 on uploads over 1 MB", 0, 500}, // the 500 leads by far
		{"Internal Server Error", 1, 500},
	} {
		rs := Search(tc.text, &SearchOptions{Limit: tc.limit})
		require.NotEmpty(t, rs, tc.text)
		assert.Equal(t, tc.want, rs[0].Status.Code(), "%s (limit %d)", tc.text, tc.limit)
		for i := 1; i < len(rs); i++ {
			assert.GreaterOrEqual(t, rs[i-1].Score, rs[i].Score, "%s: scores best first", tc.text)
		}
	}
	// With the 500 moved down, the results are those of a longer list cut.
	all := Search("the API throws an internal error when the token has expired", &SearchOptions{Limit: -1})
	for _, limit := range []int{1, 2, 3, 5} {
		rs := Search("the API throws an internal error when the token has expired", &SearchOptions{Limit: limit})
		assert.Equal(t, all[:limit], rs, "limit %d", limit)
	}
}

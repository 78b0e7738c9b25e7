package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/httpref/httpref"
)

// hit is what a rule's check reports: the zero hit means the rule found
// nothing. An empty ref means the finding cites the rule's reference.
type hit struct {
	msg      string
	ref, url string
	prefer   []httpref.Code
}

// found returns a hit with a message.
func found(format string, args ...any) hit { return hit{msg: fmt.Sprintf(format, args...)} }

// foundAt returns a hit that cites its own section of an RFC.
func foundAt(rfc int, section string, format string, args ...any) hit {
	h := found(format, args...)
	h.ref, h.url = rfcRef(rfc, section)
	return h
}

// preferring returns h suggesting codes to use instead.
func (h hit) preferring(codes []httpref.Code) hit {
	h.prefer = codes
	return h
}

// rfcRef returns the reference text and rfc-editor link of a section.
func rfcRef(rfc int, section string) (string, string) {
	return fmt.Sprintf("RFC %d, Section %s", rfc, section),
		fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d#section-%s", rfc, section)
}

// severityOf maps a BCP 14 keyword to the severity of its findings.
func severityOf(keyword string) Severity {
	switch keyword {
	case "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT":
		return SeverityError
	case "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED":
		return SeverityWarning
	}
	return SeverityInfo // MAY, OPTIONAL, heuristic
}

// newRule builds a rule that stands on a BCP 14 keyword of a section of
// an RFC.
func newRule(id, keyword, title string, rfc int, section string, check func(ex *Exchange) hit) Rule {
	ref, url := rfcRef(rfc, section)
	return Rule{ID: id, Severity: severityOf(keyword), Keyword: keyword, Title: title,
		Reference: ref, SpecURL: url, check: check}
}

// missingHeader builds a rule that fires when a response with one of the
// given codes lacks the header field key.
func missingHeader(id, keyword, key string, rfc int, section, why string, codes ...int) Rule {
	return newRule(id, keyword, codesText(codes)+" without "+key, rfc, section,
		func(ex *Exchange) hit {
			if !slices.Contains(codes, ex.Status) || hasField(ex.Header, key) {
				return hit{}
			}
			return found("%s with no %s header field: %s", httpref.Code(ex.Status), key, why)
		})
}

// hasField reports whether h has the field, even with an empty value.
func hasField(h http.Header, key string) bool { return len(h.Values(key)) > 0 }

func codesText(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, "/")
}

var (
	rulesOnce sync.Once
	rulesList []Rule
)

// allRules returns the rules, built on first use so that package
// initialization allocates nothing.
func allRules() []Rule {
	rulesOnce.Do(func() { rulesList = buildRules() })
	return rulesList
}

// buildRules returns the rules, in the order Run applies them. Each rule's
// comment cites the specification section and the BCP 14 keyword it
// stands on.
func buildRules() []Rule {
	return []Rule{
		// status-out-of-range: a status code is a three-digit integer from 100
		// to 599; other values are invalid. RFC 9110, Section 15,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-out-of-range", "MUST", "status outside 100-599", 9110, "15",
			func(ex *Exchange) hit {
				if ex.Status >= 100 && ex.Status <= 599 {
					return hit{}
				}
				return found("%d is not a valid status code: status codes are three-digit numbers from 100 to 599", ex.Status)
			}),

		// status-unregistered: a code in 100-599 that no registry or vendor
		// defines; a client that does not recognise a code treats it as the x00
		// code of its class. RFC 9110, Section 15,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-unregistered", "SHOULD", "status not registered", 9110, "15",
			func(ex *Exchange) hit {
				if ex.Status < 100 || ex.Status > 599 {
					return hit{}
				}
				if _, ok := httpref.Lookup(ex.Status); ok {
					return hit{}
				}
				generic := httpref.Code(ex.Status / 100 * 100)
				return found("%d is not a registered status code; clients will treat it as a generic %s (%s)",
					ex.Status, httpref.ClassOf(ex.Status).Pattern(), generic).preferring([]httpref.Code{generic})
			}),

		// status-non-standard: a vendor or convention code that is not in the
		// IANA registry; generic clients treat it as the x00 code of its class.
		// RFC 9110, Section 15, https://www.rfc-editor.org/rfc/rfc9110#section-15
		newRule("status-non-standard", "SHOULD", "non-standard status", 9110, "15",
			func(ex *Exchange) hit {
				s, ok := httpref.Lookup(ex.Status)
				if !ok || s.Lifecycle() != httpref.NonStandard {
					return hit{}
				}
				return found("%s is non-standard (%s); generic clients will treat it as %s%s",
					s, s.Vendor(), httpref.Code(ex.Status/100*100), preferText(s.Prefer())).preferring(s.Prefer())
			}),

		// status-deprecated: a code that an RFC defined but later obsoleted,
		// such as 305 Use Proxy (RFC 9110, Section 15.4.6,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6), 102 Processing
		// (RFC 2518, Section 10.1) or 510 Not Extended (RFC 2774, Section 7).
		// Findings cite the code's own section.
		newRule("status-deprecated", "SHOULD", "deprecated status", 9110, "15.4.6",
			func(ex *Exchange) hit {
				return lifecycleHit(ex, httpref.Deprecated, "is deprecated and should not be sent by new services")
			}),

		// status-reserved: a code the registry reserves without a meaning: 306
		// (RFC 9110, Section 15.4.7,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.7) and 418 (RFC
		// 9110, Section 15.5.19,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.19). Findings cite
		// the code's own section.
		newRule("status-reserved", "MUST", "reserved status", 9110, "15.4.7",
			func(ex *Exchange) hit {
				return lifecycleHit(ex, httpref.Reserved, "is reserved and has no meaning clients can rely on")
			}),

		// status-temporary: a code with only a temporary IANA registration tied
		// to an Internet-Draft, such as 104. The registry's procedure is in RFC
		// 9110, Section 16.2.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-16.2.1; findings cite
		// the draft.
		newRule("status-temporary", "MAY", "temporarily registered status", 9110, "16.2.1",
			func(ex *Exchange) hit {
				return lifecycleHit(ex, httpref.Temporary, "is only temporarily registered and may change or expire")
			}),

		// created-missing-location: a POST that creates a resource SHOULD answer
		// 201 with a Location header field naming it (a PUT's target URI already
		// names it, so PUT is exempt). RFC 9110, Section 9.3.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
		newRule("created-missing-location", "SHOULD", "201 without Location", 9110, "9.3.3",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusCreated || hasField(ex.Header, "Location") || ex.method() == http.MethodPut {
					return hit{}
				}
				return found("%s without a Location header field: a POST that creates a resource should say where it is", httpref.Code(ex.Status))
			}),

		// redirect-missing-location: 301, 302, 307 and 308 SHOULD carry a
		// Location header field, and 303 is defined by one; without it a client
		// cannot follow the redirect. RFC 9110, Sections 15.4.2, 15.4.3, 15.4.4,
		// 15.4.8 and 15.4.9, https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2
		// to https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9. Findings cite
		// the code's own section.
		newRule("redirect-missing-location", "SHOULD", "redirect without Location", 9110, "15.4",
			func(ex *Exchange) hit {
				var sec string
				switch ex.Status {
				case 301:
					sec = "15.4.2"
				case 302:
					sec = "15.4.3"
				case 303:
					sec = "15.4.4"
				case 307:
					sec = "15.4.8"
				case 308:
					sec = "15.4.9"
				}
				if sec == "" || hasField(ex.Header, "Location") {
					return hit{}
				}
				return foundAt(9110, sec, "%s without a Location header field: clients have nowhere to redirect to", httpref.Code(ex.Status))
			}),

		// unauthorized-missing-www-authenticate: a 401 MUST carry a
		// WWW-Authenticate header field with at least one challenge. RFC 9110,
		// Section 15.5.2, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2
		missingHeader("unauthorized-missing-www-authenticate", "MUST", "WWW-Authenticate", 9110, "15.5.2",
			"a 401 must carry at least one authentication challenge", http.StatusUnauthorized),

		// method-not-allowed-missing-allow: a 405 MUST carry an Allow header
		// field listing the supported methods (possibly empty). RFC 9110,
		// Section 15.5.6, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
		missingHeader("method-not-allowed-missing-allow", "MUST", "Allow", 9110, "15.5.6",
			"a 405 must list the methods the resource supports", http.StatusMethodNotAllowed),

		// proxy-auth-missing-proxy-authenticate: a 407 MUST carry a
		// Proxy-Authenticate header field with a challenge for the proxy. RFC
		// 9110, Section 15.5.8,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8
		missingHeader("proxy-auth-missing-proxy-authenticate", "MUST", "Proxy-Authenticate", 9110, "15.5.8",
			"a 407 must carry at least one challenge for the proxy", http.StatusProxyAuthRequired),

		// upgrade-required-missing-upgrade: a 426 MUST carry an Upgrade header
		// field naming the acceptable protocols. RFC 9110, Section 15.5.22,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.22
		missingHeader("upgrade-required-missing-upgrade", "MUST", "Upgrade", 9110, "15.5.22",
			"a 426 must name the protocols the client should switch to", http.StatusUpgradeRequired),

		// partial-content-missing-content-range: a single-part 206 MUST carry a
		// Content-Range header field; a multipart/byteranges 206 carries one in
		// each part instead. RFC 9110, Section 15.3.7.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.1
		newRule("partial-content-missing-content-range", "MUST", "206 without Content-Range", 9110, "15.3.7.1",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusPartialContent || hasField(ex.Header, "Content-Range") ||
					ex.mediaType() == "multipart/byteranges" {
					return hit{}
				}
				return found("%s without a Content-Range header field (and not multipart/byteranges): the client cannot tell which range it got", httpref.Code(ex.Status))
			}),

		// range-not-satisfiable-missing-content-range: a 416 to a byte-range
		// request SHOULD carry Content-Range: bytes */length. RFC 9110, Section
		// 15.5.17, https://www.rfc-editor.org/rfc/rfc9110#section-15.5.17
		missingHeader("range-not-satisfiable-missing-content-range", "SHOULD", "Content-Range", 9110, "15.5.17",
			`a 416 should give the current length as "bytes */length"`, http.StatusRequestedRangeNotSatisfiable),

		// too-many-requests-missing-retry-after: a 429 MAY say how long to wait
		// with Retry-After; clients back off better when it does. RFC 6585,
		// Section 4, https://www.rfc-editor.org/rfc/rfc6585#section-4
		missingHeader("too-many-requests-missing-retry-after", "MAY", "Retry-After", 6585, "4",
			"saying how long to wait helps clients back off", http.StatusTooManyRequests),

		// service-unavailable-missing-retry-after: a 503 MAY suggest with
		// Retry-After when to try again. RFC 9110, Section 15.6.4,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
		missingHeader("service-unavailable-missing-retry-after", "MAY", "Retry-After", 9110, "15.6.4",
			"suggesting when to try again helps clients and crawlers", http.StatusServiceUnavailable),

		// content-too-large-missing-retry-after: when the condition behind a 413
		// is temporary, the server SHOULD say with Retry-After when the client
		// may retry. RFC 9110, Section 15.5.14,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14
		missingHeader("content-too-large-missing-retry-after", "MAY", "Retry-After", 9110, "15.5.14",
			"if the limit is temporary, say when the client may retry", http.StatusRequestEntityTooLarge),

		// body-not-allowed: 1xx (RFC 9110, Section 15.2), 204 (Section 15.3.5)
		// and 304 (Section 15.4.5) responses end with the header section and
		// cannot contain content; net/http drops such bodies with
		// ErrBodyNotAllowed. Responses to HEAD are exempt, as they never carry
		// content. https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5
		newRule("body-not-allowed", "MUST", "1xx, 204 or 304 with a body", 9110, "15.3.5",
			func(ex *Exchange) hit {
				if !ex.hasBody() || ex.method() == http.MethodHead {
					return hit{}
				}
				sec := ""
				switch {
				case ex.Status >= 100 && ex.Status <= 199:
					sec = "15.2"
				case ex.Status == http.StatusNoContent:
					sec = "15.3.5"
				case ex.Status == http.StatusNotModified:
					sec = "15.4.5"
				default:
					return hit{}
				}
				return foundAt(9110, sec, "%s with a body: this status cannot carry content, so the body is dropped or breaks the framing", httpref.Code(ex.Status))
			}),

		// reset-content-with-content: a server MUST NOT generate content in a
		// 205 response. RFC 9110, Section 15.3.6,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3.6
		newRule("reset-content-with-content", "MUST", "205 with content", 9110, "15.3.6",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusResetContent || !ex.hasBody() || ex.method() == http.MethodHead {
					return hit{}
				}
				return found("%s with content: a server must not send content in a 205", httpref.Code(ex.Status))
			}),

		// not-modified-unconditional: a 304 only answers a conditional request,
		// one with If-None-Match or If-Modified-Since. RFC 9110, Section 15.4.5,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5
		newRule("not-modified-unconditional", "MUST", "304 to an unconditional request", 9110, "15.4.5",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusNotModified || !ex.requestKnown() ||
					hasField(ex.RequestHeader, "If-None-Match") || hasField(ex.RequestHeader, "If-Modified-Since") {
					return hit{}
				}
				return found("%s to a request without If-None-Match or If-Modified-Since: the client has no cached copy to reuse", httpref.Code(ex.Status))
			}),

		// not-modified-wrong-method: 304 answers only GET and HEAD; a failed
		// If-None-Match on another method gives 412, and If-Modified-Since is
		// ignored for other methods. RFC 9110, Section 13.2.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2
		newRule("not-modified-wrong-method", "MUST", "304 to a method other than GET or HEAD", 9110, "13.2.2",
			func(ex *Exchange) hit {
				m := ex.method()
				if ex.Status != http.StatusNotModified || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return hit{}
				}
				return found("%s to %s: only GET and HEAD can get a 304; a failed precondition on other methods is 412", httpref.Code(ex.Status), m).preferring([]httpref.Code{http.StatusPreconditionFailed})
			}),

		// partial-content-without-range: a server sends 206 only to satisfy a
		// Range request. RFC 9110, Section 14.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-14.2
		newRule("partial-content-without-range", "MUST", "206 to a request without Range", 9110, "14.2",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || hasField(ex.RequestHeader, "Range") {
					return hit{}
				}
				return found("%s to a request without a Range header field: send 200 with the full representation", httpref.Code(ex.Status))
			}),

		// partial-content-wrong-method: GET is the only method with defined range
		// handling, and a server MUST ignore Range on other methods. HEAD is
		// accepted too, since a HEAD response mirrors the GET one (RFC 9110,
		// Section 9.3.2). RFC 9110, Section 14.2,
		// https://www.rfc-editor.org/rfc/rfc9110#section-14.2
		newRule("partial-content-wrong-method", "MUST", "206 to a method other than GET (HEAD accepted)", 9110, "14.2",
			func(ex *Exchange) hit {
				m := ex.method()
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return hit{}
				}
				return found("%s to %s: range requests are defined for GET only, and Range must be ignored on other methods", httpref.Code(ex.Status), m)
			}),

		// continue-without-expect: 100 Continue is meaningful only as an answer
		// to Expect: 100-continue; other clients discard it. RFC 9110, Section
		// 10.1.1, https://www.rfc-editor.org/rfc/rfc9110#section-10.1.1
		newRule("continue-without-expect", "SHOULD", "100 without Expect: 100-continue", 9110, "10.1.1",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusContinue || !ex.requestKnown() {
					return hit{}
				}
				for _, v := range ex.RequestHeader.Values("Expect") {
					if strings.EqualFold(strings.TrimSpace(v), "100-continue") {
						return hit{}
					}
				}
				return found("%s to a request without Expect: 100-continue: the client did not ask and will discard it", httpref.Code(ex.Status))
			}),

		// switching-protocols-without-upgrade: a server sends 101 only to switch
		// to a protocol the request's Upgrade header field listed. RFC 9110,
		// Section 7.8, https://www.rfc-editor.org/rfc/rfc9110#section-7.8
		newRule("switching-protocols-without-upgrade", "MUST", "101 without an Upgrade request", 9110, "7.8",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusSwitchingProtocols || !ex.requestKnown() || hasField(ex.RequestHeader, "Upgrade") {
					return hit{}
				}
				return found("%s to a request without an Upgrade header field: a server may only switch to a protocol the client offered", httpref.Code(ex.Status))
			}),

		// safe-method-unusual-success: a heuristic, not a spec rule: GET and
		// HEAD retrieve and do not create or act (RFC 9110, Section 9.3.1,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.1), so 201, 202 or
		// 204 to them is unusual.
		newRule("safe-method-unusual-success", "heuristic", "201, 202 or 204 to GET or HEAD (heuristic)", 9110, "9.3.1",
			func(ex *Exchange) hit {
				m := ex.method()
				if m != http.MethodGet && m != http.MethodHead {
					return hit{}
				}
				switch ex.Status {
				case http.StatusCreated, http.StatusAccepted, http.StatusNoContent:
					return found("%s to %s is unusual: GET and HEAD retrieve rather than create or act (a heuristic; ignore it if intended)", httpref.Code(ex.Status), m)
				}
				return hit{}
			}),

		// soft-error: a 2xx says the request succeeded (RFC 9110, Section 15.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.3); a JSON body with
		// a top-level "error" or "errors" member reports a failure that
		// clients, caches and monitoring will count as a success. Responses
		// to HEAD carry no body and are skipped.
		newRule("soft-error", "SHOULD", `2xx with an "error" member in a JSON body`, 9110, "15.3",
			func(ex *Exchange) hit {
				if ex.Status < 200 || ex.Status > 299 || ex.method() == http.MethodHead || !isJSON(ex.mediaType()) {
					return hit{}
				}
				key, ok := errorMember(ex.Body)
				if !ok {
					return hit{}
				}
				return found("%s with a JSON body carrying a top-level %q member: report failures with a 4xx or 5xx status", httpref.Code(ex.Status), key)
			}),

		// post-ok-with-location: a POST that creates a resource SHOULD answer 201
		// with Location; a 200 that sends Location suggests one was created.
		// RFC 9110, Section 9.3.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3
		newRule("post-ok-with-location", "SHOULD", "200 with Location to POST", 9110, "9.3.3",
			func(ex *Exchange) hit {
				if ex.Status != http.StatusOK || ex.method() != http.MethodPost || !hasField(ex.Header, "Location") {
					return hit{}
				}
				return found("%s to POST with a Location header field: if the POST created a resource, answer 201 Created", httpref.Code(ex.Status)).preferring([]httpref.Code{http.StatusCreated})
			}),

		// found-for-non-get: user agents may change the method of a 302
		// redirect from POST to GET, so an API answering a method other than
		// GET or HEAD should choose: 303 to fetch a result with GET, or 307 to
		// repeat the same method. RFC 9110, Section 15.4.3,
		// https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3
		newRule("found-for-non-get", "SHOULD", "302 to a method other than GET or HEAD", 9110, "15.4.3",
			func(ex *Exchange) hit {
				m := ex.method()
				if ex.Status != http.StatusFound || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return hit{}
				}
				return found("%s to %s: clients may or may not switch to GET; use 303 See Other to send them to a result, or 307 Temporary Redirect to repeat the %s", httpref.Code(ex.Status), m, m).preferring([]httpref.Code{http.StatusSeeOther, http.StatusTemporaryRedirect})
			}),
	}
}

// lifecycleHit reports a catalog code with the given lifecycle, citing the
// code's own reference and the codes to prefer.
func lifecycleHit(ex *Exchange, l httpref.Lifecycle, what string) hit {
	s, ok := httpref.Lookup(ex.Status)
	if !ok || s.Lifecycle() != l {
		return hit{}
	}
	return hit{msg: s.String() + " " + what + preferText(s.Prefer()), prefer: s.Prefer(),
		ref: s.Reference(), url: s.SpecURL()}
}

// preferText returns "; prefer 400 Bad Request or 501 Not Implemented", or
// "" when there is nothing to prefer.
func preferText(cs []httpref.Code) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return "; prefer " + strings.Join(parts, " or ")
}

// isJSON reports whether a media type is JSON: application/json or any
// +json structured syntax suffix.
func isJSON(mt string) bool {
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// errorMember scans the top level of a JSON object, which may be cut
// short, for a non-empty member named "error" or "errors" (in any case).
func errorMember(body []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := tok.(string)
		var v json.RawMessage
		err = dec.Decode(&v)
		if strings.EqualFold(key, "error") || strings.EqualFold(key, "errors") {
			// A value cut off by the body limit is not empty.
			if err != nil || !emptyJSON(v) {
				return key, true
			}
		}
		if err != nil {
			return "", false
		}
	}
	return "", false
}

// emptyJSON reports whether a JSON value says "no error": null, false, an
// empty string, array or object.
func emptyJSON(v json.RawMessage) bool {
	switch string(bytes.Join(bytes.Fields(v), nil)) {
	case "null", "false", `""`, "[]", "{}", "":
		return true
	}
	return false
}

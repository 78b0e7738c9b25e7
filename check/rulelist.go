package check

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/httpref/httpref"
)

// buildRules returns the rules, in the order Run applies them. Each rule
// names the BCP 14 keyword of the sentence it stands on ("heuristic" where
// the specification has none and the rule infers a likely mistake), and
// the section that holds the sentence. The facts and keywords are those of
// shared/reference/headers.tsv, checked against the RFC texts.
func buildRules() []Rule {
	return []Rule{
		// The status code itself.

		// RFC 9110, Section 15: a status code is a three-digit integer, and
		// values outside 100-599 are invalid; a sender MUST NOT generate
		// protocol elements outside the grammar (Section 2.2).
		newRule("status-out-of-range", "MUST", "status outside 100-599", 9110, "15",
			func(ex *Exchange) *hit {
				if ex.Status >= 100 && ex.Status <= 599 {
					return nil
				}
				return found("%d is not a valid status code: status codes are three-digit numbers from 100 to 599", ex.Status)
			}).outsideRange(),

		// RFC 9110, Section 15: a client that does not know a code treats
		// it as the x00 code of its class, so an unregistered code loses
		// its meaning on the way (heuristic: sending one is not forbidden).
		newRule("status-unregistered", "heuristic", "status not registered", 9110, "15",
			func(ex *Exchange) *hit {
				if ex.Status < 100 || ex.Status > 599 {
					return nil
				}
				if _, ok := httpref.Lookup(ex.Status); ok {
					return nil
				}
				generic := httpref.Code(ex.Status / 100 * 100)
				return found("%d is not a registered status code; clients will treat it as a generic %s (%s)",
					ex.Status, httpref.ClassOf(ex.Status).Pattern(), generic).preferring([]httpref.Code{generic})
			}).on(catalogCodes(func(s httpref.Status, known bool) bool { return !known })...),

		// A vendor code that is not in the IANA registry; generic clients
		// treat it as the x00 code of its class (RFC 9110, Section 15).
		newRule("status-non-standard", "heuristic", "non-standard status", 9110, "15",
			func(ex *Exchange) *hit {
				s, ok := httpref.Lookup(ex.Status)
				if !ok || s.Lifecycle() != httpref.NonStandard {
					return nil
				}
				return found("%s is non-standard (%s); generic clients will treat it as %s%s",
					s, s.Vendor(), httpref.Code(ex.Status/100*100), preferText(s.Prefer())).preferring(s.Prefer())
			}).on(lifecycleCodes(httpref.NonStandard)...),

		// A code an RFC defined but later obsoleted, such as 305 (RFC 9110,
		// Section 15.4.6). Findings cite the code's own section.
		newRule("status-deprecated", "heuristic", "deprecated status", 9110, "15.4.6",
			func(ex *Exchange) *hit {
				return lifecycleHit(ex, httpref.Deprecated, "is deprecated and should not be sent by new services")
			}).on(lifecycleCodes(httpref.Deprecated)...),

		// A code the registry reserves without a meaning: 306 (RFC 9110,
		// Section 15.4.7) and 418 (Section 15.5.19).
		newRule("status-reserved", "heuristic", "reserved status", 9110, "15.4.7",
			func(ex *Exchange) *hit {
				return lifecycleHit(ex, httpref.Reserved, "is reserved and has no meaning clients can rely on")
			}).on(lifecycleCodes(httpref.Reserved)...),

		// A code with only a temporary registration tied to an
		// Internet-Draft (RFC 9110, Section 16.2.1); findings cite the draft.
		newRule("status-temporary", "heuristic", "temporarily registered status", 9110, "16.2.1",
			func(ex *Exchange) *hit {
				return lifecycleHit(ex, httpref.Temporary, "is only temporarily registered and may change or expire")
			}).on(lifecycleCodes(httpref.Temporary)...),

		// Header fields a status needs.

		// RFC 9110, Section 9.3.3: an origin server that created resources
		// for a POST SHOULD send 201 with a Location naming the primary
		// one. Other methods are exempt: without Location, the created
		// resource is the target URI (Section 15.3.2), as for WebDAV's
		// MKCOL, COPY, MOVE and LOCK.
		newRule("created-missing-location", "SHOULD", "201 to POST without Location", 9110, "9.3.3",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusCreated || !strings.EqualFold(ex.Method, http.MethodPost) || hasField(ex.Header, "Location") {
					return nil
				}
				return found("%s to POST without a Location header field: a POST that creates a resource should say where it is", httpref.Code(ex.Status))
			}).on(http.StatusCreated),

		// RFC 9110, Sections 15.4.2, 15.4.3, 15.4.8 and 15.4.9: the server
		// SHOULD generate a Location field in a 301, 302, 307 or 308; a 303
		// is defined by the Location it carries (Section 15.4.4).
		newRule("redirect-missing-location", "SHOULD", "redirect without Location", 9110, "15.4",
			func(ex *Exchange) *hit {
				sec := redirectSection(ex.Status)
				if sec == "" || hasField(ex.Header, "Location") {
					return nil
				}
				return foundAt(9110, sec, "%s without a Location header field: clients have nowhere to redirect to", httpref.Code(ex.Status))
			}).on(301, 302, 303, 307, 308),

		// RFC 9110, Section 15.5.2: a 401 MUST carry WWW-Authenticate with
		// at least one challenge.
		missingHeader("unauthorized-missing-www-authenticate", "MUST", "WWW-Authenticate", 9110, "15.5.2",
			"a 401 must carry at least one authentication challenge", http.StatusUnauthorized),

		// RFC 9110, Sections 11.6.1 and 11.3: WWW-Authenticate is a list of
		// challenges, auth-scheme [ 1*SP ( token68 / #auth-param ) ]; an
		// empty value or one that is not a challenge gives the client none.
		newRule("www-authenticate-malformed", "MUST", "401 whose WWW-Authenticate holds no valid challenge", 9110, "11.6.1",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusUnauthorized {
					return nil
				}
				for _, v := range values(ex.Header, "Www-Authenticate") {
					if !challengesOK(v) {
						return found("%s with WWW-Authenticate %q, which is not a list of challenges (auth-scheme [ token68 / auth-params ])",
							httpref.Code(ex.Status), clip(v))
					}
				}
				return nil
			}).on(http.StatusUnauthorized).ifField("Www-Authenticate"),

		// RFC 9110, Section 15.5.6: a 405 MUST carry Allow listing the
		// methods the resource supports (possibly none).
		missingHeader("method-not-allowed-missing-allow", "MUST", "Allow", 9110, "15.5.6",
			"a 405 must list the methods the resource supports", http.StatusMethodNotAllowed),

		// RFC 9110, Section 15.5.6: Allow in a 405 MUST list the methods
		// the resource supports; listing the request's own method says the
		// method is supported, which contradicts the 405.
		newRule("method-not-allowed-allows-method", "MUST", "405 whose Allow lists the request method", 9110, "15.5.6",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusMethodNotAllowed || !ex.requestKnown() {
					return nil
				}
				listed := false
				listElements(ex.Header, "Allow", func(m string) bool {
					listed = m == ex.Method // method names are case-sensitive (RFC 9110, Section 9.1)
					return !listed
				})
				if !listed {
					return nil
				}
				return found("%s to %s whose Allow lists %s: the method is either supported or it is not", httpref.Code(ex.Status), ex.Method, ex.Method)
			}).on(http.StatusMethodNotAllowed).ifField("Allow"),

		// RFC 9110, Section 15.5.8: a 407 MUST carry Proxy-Authenticate.
		missingHeader("proxy-auth-missing-proxy-authenticate", "MUST", "Proxy-Authenticate", 9110, "15.5.8",
			"a 407 must carry at least one challenge for the proxy", http.StatusProxyAuthRequired),

		// RFC 9110, Section 15.5.22: a 426 MUST carry Upgrade.
		missingHeader("upgrade-required-missing-upgrade", "MUST", "Upgrade", 9110, "15.5.22",
			"a 426 must name the protocols the client should switch to", http.StatusUpgradeRequired),

		// RFC 9110, Sections 15.2.2 and 7.8: a 101 MUST send Upgrade
		// naming the protocol the connection switches to.
		missingHeader("switching-protocols-missing-upgrade", "MUST", "Upgrade", 9110, "7.8",
			"a 101 must name the protocol the connection switches to", http.StatusSwitchingProtocols),

		// RFC 9110, Section 15.3.7.1: a single-part 206 MUST carry
		// Content-Range; a multipart/byteranges 206 carries one per part.
		newRule("partial-content-missing-content-range", "MUST", "206 without Content-Range", 9110, "15.3.7.1",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusPartialContent || hasField(ex.Header, "Content-Range") ||
					ex.media() == mediaByteranges {
					return nil
				}
				return found("%s without a Content-Range header field (and not multipart/byteranges): the client cannot tell which range it got", httpref.Code(ex.Status))
			}).on(http.StatusPartialContent),

		// RFC 9110, Section 15.5.17: a 416 to a byte-range request SHOULD
		// carry Content-Range: bytes */length.
		missingHeader("range-not-satisfiable-missing-content-range", "SHOULD", "Content-Range", 9110, "15.5.17",
			`a 416 should give the current length as "bytes */length"`, http.StatusRequestedRangeNotSatisfiable),

		// RFC 6585, Section 4: a 429 MAY say with Retry-After how long to
		// wait.
		missingHeader("too-many-requests-missing-retry-after", "MAY", "Retry-After", 6585, "4",
			"saying how long to wait helps clients back off", http.StatusTooManyRequests),

		// RFC 9110, Section 15.6.4: a 503 MAY suggest with Retry-After when
		// to try again.
		missingHeader("service-unavailable-missing-retry-after", "MAY", "Retry-After", 9110, "15.6.4",
			"suggesting when to try again helps clients and crawlers", http.StatusServiceUnavailable),

		// Field values, parsed by their grammar. RFC 9110, Section 2.2: a
		// sender MUST NOT generate protocol elements that do not match the
		// grammar of their ABNF rules.

		// RFC 9110, Section 14.4: Content-Range = range-unit SP (
		// incl-range "/" ( complete-length / "*" ) / "*/" complete-length ),
		// with first-pos <= last-pos < complete-length.
		newRule("content-range-malformed", "MUST", "Content-Range that does not parse", 9110, "14.4",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Content-Range")
				if !ok {
					return nil
				}
				if good, _ := contentRangeOK(v); good {
					return nil
				}
				return found(`%s with Content-Range %q: the value must be "bytes first-last/length", "bytes first-last/*" or "bytes */length", first <= last < length`,
					httpref.Code(ex.Status), clip(v))
			}).ifField("Content-Range"),

		// RFC 9110, Section 10.2.3: Retry-After = HTTP-date / delay-seconds,
		// and a sender MUST generate an HTTP-date as IMF-fixdate (Section
		// 5.6.7).
		newRule("retry-after-malformed", "MUST", "Retry-After that does not parse", 9110, "10.2.3",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Retry-After")
				if !ok || retryAfterOK(trimOWS(v)) {
					return nil
				}
				return found(`%s with Retry-After %q: the value must be a number of seconds or an IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT"`,
					httpref.Code(ex.Status), clip(v))
			}).ifField("Retry-After"),

		// RFC 9110, Section 10.2.2: Location = URI-reference (RFC 3986).
		newRule("location-malformed", "MUST", "Location that is not a URI reference", 9110, "10.2.2",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Location")
				if !ok || uriReferenceOK(v) {
					return nil
				}
				return found("%s with Location %q: the value must be a URI reference, with spaces and other characters outside the URI grammar percent-encoded",
					httpref.Code(ex.Status), clip(v))
			}).ifField("Location"),

		// RFC 9745, Section 2.1: Deprecation is a Structured Field Date,
		// such as "@1688169599".
		newRule("deprecation-malformed", "MUST", "Deprecation that is not a date", 9745, "2.1",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Deprecation")
				if !ok || sfDateOK(trimOWS(v)) {
					return nil
				}
				return found(`%s with Deprecation %q: the value must be a Structured Field Date such as "@1688169599" (seconds since 1970)`,
					httpref.Code(ex.Status), clip(v))
			}).ifField("Deprecation"),

		// RFC 8594, Section 3: Sunset = HTTP-date.
		newRule("sunset-malformed", "MUST", "Sunset that is not an HTTP-date", 8594, "3",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Sunset")
				if !ok || httpDateOK(trimOWS(v)) {
					return nil
				}
				return found(`%s with Sunset %q: the value must be an HTTP-date such as "Sat, 31 Dec 2026 23:59:59 GMT"`,
					httpref.Code(ex.Status), clip(v))
			}).ifField("Sunset"),

		// RFC 9110, Section 14.4: only 206 and 416 give Content-Range a
		// meaning; elsewhere clients ignore it (heuristic: no keyword).
		newRule("content-range-unexpected", "heuristic", "Content-Range on a status other than 206 or 416", 9110, "14.4",
			func(ex *Exchange) *hit {
				if ex.Status == http.StatusPartialContent || ex.Status == http.StatusRequestedRangeNotSatisfiable ||
					!hasField(ex.Header, "Content-Range") {
					return nil
				}
				return found("%s with a Content-Range header field: only 206 and 416 give it a meaning", httpref.Code(ex.Status))
			}).ifField("Content-Range"),

		// RFC 9110, Section 8.6: a Content-Length that differs from the
		// content sent breaks the framing; a server MUST NOT send one that
		// is not the content's length.
		newRule("content-length-mismatch", "MUST NOT", "Content-Length that differs from the bytes sent", 9110, "8.6",
			func(ex *Exchange) *hit {
				v, ok := fieldValue(ex.Header, "Content-Length")
				if !ok || ex.BodySize <= 0 || !ex.contentAllowed() || !isDigits(v) {
					return nil
				}
				if n := digitsValue(v); n != ex.BodySize {
					return found("%s with Content-Length %s but %d bytes of content sent: the client reads a truncated or overlong message",
						httpref.Code(ex.Status), v, ex.BodySize)
				}
				return nil
			}).ifField("Content-Length"),

		// Content where none may be.

		// 1xx (RFC 9110, Section 15.2), 204 (Section 15.3.5) and 304
		// (Section 15.4.5) responses end with the header section and cannot
		// contain content (RFC 9112, Section 6.3); net/http drops such
		// bodies with ErrBodyNotAllowed. Responses to HEAD are exempt.
		newRule("body-not-allowed", "MUST NOT", "1xx, 204 or 304 with a body", 9110, "15.3.5",
			func(ex *Exchange) *hit {
				if !ex.hasBody() || ex.isHead() {
					return nil
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
					return nil
				}
				return foundAt(9110, sec, "%s with a body: this status cannot carry content, so the body is dropped or breaks the framing", httpref.Code(ex.Status))
			}).on(bodylessCodes()...),

		// RFC 9110, Section 15.3.6: a server MUST NOT generate content in a
		// 205.
		newRule("reset-content-with-content", "MUST NOT", "205 with content", 9110, "15.3.6",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusResetContent || !ex.hasBody() || ex.isHead() {
					return nil
				}
				return found("%s with content: a server must not send content in a 205", httpref.Code(ex.Status))
			}).on(http.StatusResetContent),

		// RFC 9110, Section 15.4.5: a 304 SHOULD NOT carry representation
		// metadata beyond Content-Location, Date, ETag, Vary, Cache-Control
		// and Expires, unless it guides cache updates: Content-Type,
		// Content-Encoding, Content-Language and Content-Range describe
		// content the 304 does not have.
		newRule("not-modified-content-headers", "SHOULD NOT", "304 with content header fields", 9110, "15.4.5",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusNotModified {
					return nil
				}
				for _, k := range [...]string{"Content-Type", "Content-Encoding", "Content-Language", "Content-Range"} {
					if hasField(ex.Header, k) {
						return found("%s with %s: a 304 has no content, so fields describing content only mislead caches", httpref.Code(ex.Status), k)
					}
				}
				return nil
			}).on(http.StatusNotModified),

		// Status and request.

		// RFC 9110, Section 13.1.2: a failed If-None-Match on a method
		// other than GET or HEAD MUST give 412, so a 304 answers only GET
		// and HEAD.
		newRule("not-modified-wrong-method", "MUST", "304 to a method other than GET or HEAD", 9110, "13.1.2",
			func(ex *Exchange) *hit {
				m := ex.method()
				if ex.Status != http.StatusNotModified || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return nil
				}
				return found("%s to %s: only GET and HEAD can get a 304; a failed precondition on other methods is 412", httpref.Code(ex.Status), m).
					preferring([]httpref.Code{http.StatusPreconditionFailed})
			}).on(http.StatusNotModified),

		// RFC 9110, Section 15.4.5: a 304 answers a conditional request,
		// one with If-None-Match or If-Modified-Since (heuristic: the
		// definition has no keyword).
		newRule("not-modified-unconditional", "heuristic", "304 to an unconditional request", 9110, "15.4.5",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusNotModified || !ex.requestKnown() ||
					hasField(ex.RequestHeader, "If-None-Match") || hasField(ex.RequestHeader, "If-Modified-Since") {
					return nil
				}
				return found("%s to a request without If-None-Match or If-Modified-Since: the client has no cached copy to reuse", httpref.Code(ex.Status))
			}).on(http.StatusNotModified),

		// RFC 9110, Section 15.5.13: a 412 says that conditions in the
		// request's header fields evaluated to false (heuristic).
		withoutRequestField("precondition-failed-unconditional", http.StatusPreconditionFailed, "15.5.13",
			"If-Match, If-None-Match, If-Unmodified-Since or If-Modified-Since",
			"If-Match", "If-None-Match", "If-Unmodified-Since", "If-Modified-Since"),

		// RFC 9110, Section 15.5.17: a 416 answers a range request
		// (heuristic).
		withoutRequestField("range-not-satisfiable-without-range", http.StatusRequestedRangeNotSatisfiable, "15.5.17",
			"Range", "Range"),

		// RFC 9110, Section 15.5.18: a 417 says an expectation in Expect
		// could not be met (heuristic).
		withoutRequestField("expectation-failed-without-expect", http.StatusExpectationFailed, "15.5.18",
			"Expect", "Expect"),

		// RFC 9110, Section 14.2: a server sends 206 to satisfy a range
		// request (heuristic: the definition has no keyword).
		newRule("partial-content-without-range", "heuristic", "206 to a request without Range", 9110, "14.2",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || hasField(ex.RequestHeader, "Range") {
					return nil
				}
				return found("%s to a request without a Range header field: send 200 with the full representation", httpref.Code(ex.Status))
			}).on(http.StatusPartialContent),

		// RFC 9110, Section 14.2: a server MUST ignore Range on methods for
		// which range handling is not defined, and GET is the only one. HEAD
		// is accepted too, since its response mirrors GET's (Section 9.3.2).
		newRule("partial-content-wrong-method", "MUST", "206 to a method other than GET (HEAD accepted)", 9110, "14.2",
			func(ex *Exchange) *hit {
				m := ex.method()
				if ex.Status != http.StatusPartialContent || !ex.requestKnown() || m == http.MethodGet || m == http.MethodHead {
					return nil
				}
				return found("%s to %s: range requests are defined for GET only, and Range must be ignored on other methods", httpref.Code(ex.Status), m)
			}).on(http.StatusPartialContent),

		// RFC 9110, Section 15.2: a user agent MAY ignore an unexpected 1xx,
		// so a 100 that the request did not ask for with Expect:
		// 100-continue (Section 10.1.1) is wasted (heuristic).
		newRule("continue-without-expect", "heuristic", "100 without Expect: 100-continue", 9110, "10.1.1",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusContinue || !ex.requestKnown() {
					return nil
				}
				for _, v := range values(ex.RequestHeader, "Expect") {
					if strings.EqualFold(trimOWS(v), "100-continue") {
						return nil
					}
				}
				return found("%s to a request without Expect: 100-continue: the client did not ask and will discard it", httpref.Code(ex.Status))
			}).on(http.StatusContinue),

		// RFC 9110, Section 7.8: a server MUST NOT switch to a protocol
		// the request's Upgrade field did not list.
		newRule("switching-protocols-without-upgrade", "MUST NOT", "101 without an Upgrade request", 9110, "7.8",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusSwitchingProtocols || !ex.requestKnown() || hasField(ex.RequestHeader, "Upgrade") {
					return nil
				}
				return found("%s to a request without an Upgrade header field: a server may only switch to a protocol the client offered", httpref.Code(ex.Status))
			}).on(http.StatusSwitchingProtocols),

		// RFC 9110, Section 9.3.1: GET and HEAD retrieve; they do not
		// create or act, so 201, 202 or 204 to them is unusual (heuristic).
		newRule("safe-method-unusual-success", "heuristic", "201, 202 or 204 to GET or HEAD", 9110, "9.3.1",
			func(ex *Exchange) *hit {
				m := ex.method()
				if m != http.MethodGet && m != http.MethodHead {
					return nil
				}
				switch ex.Status {
				case http.StatusCreated, http.StatusAccepted, http.StatusNoContent:
					return found("%s to %s is unusual: GET and HEAD retrieve rather than create or act (a heuristic; ignore it if intended)", httpref.Code(ex.Status), m)
				}
				return nil
			}).on(http.StatusCreated, http.StatusAccepted, http.StatusNoContent),

		// RFC 9110, Section 9.3.3: a POST that created a resource SHOULD
		// answer 201; a 200 with Location suggests one was created
		// (heuristic).
		newRule("post-ok-with-location", "heuristic", "200 with Location to POST", 9110, "9.3.3",
			func(ex *Exchange) *hit {
				if ex.Status != http.StatusOK || ex.method() != http.MethodPost || !hasField(ex.Header, "Location") {
					return nil
				}
				return found("%s to POST with a Location header field: if the POST created a resource, answer 201 Created", httpref.Code(ex.Status)).
					preferring([]httpref.Code{http.StatusCreated})
			}).on(http.StatusOK).ifField("Location"),

		// RFC 9110, Sections 15.4.2 and 15.4.3: for historical reasons a
		// user agent MAY change POST to GET when it follows a 301 or 302,
		// so an API answering another method should say which it means:
		// 303 to fetch a result with GET, 307 or 308 to repeat the method
		// (heuristic).
		newRule("redirect-method-ambiguous", "heuristic", "301 or 302 to a method other than GET or HEAD", 9110, "15.4.3",
			func(ex *Exchange) *hit {
				m := ex.method()
				if (ex.Status != http.StatusFound && ex.Status != http.StatusMovedPermanently) || !ex.requestKnown() ||
					m == http.MethodGet || m == http.MethodHead {
					return nil
				}
				keep := http.StatusTemporaryRedirect
				if ex.Status == http.StatusMovedPermanently {
					keep = http.StatusPermanentRedirect
				}
				return foundAt(9110, redirectSection(ex.Status), "%s to %s: clients may or may not switch to GET; use 303 See Other to send them to a result, or %s to repeat the %s",
					httpref.Code(ex.Status), m, httpref.Code(keep), m).preferring([]httpref.Code{http.StatusSeeOther, httpref.Code(keep)})
			}).on(http.StatusMovedPermanently, http.StatusFound),

		// Bodies.

		// RFC 9110, Section 8.3: a sender that generates content SHOULD
		// generate a Content-Type field, unless the type is unknown to it.
		newRule("content-type-missing", "SHOULD", "content without Content-Type", 9110, "8.3",
			func(ex *Exchange) *hit {
				if !ex.hasBody() || !ex.contentAllowed() || ex.mediaType() != "" {
					return nil
				}
				return found("%s with content but no Content-Type header field: clients have to guess what it is", httpref.Code(ex.Status))
			}).ifMedia(mediaNone),

		// RFC 9110, Section 8.3: Content-Type says what the content is; a
		// JSON document labelled text/html or text/plain is rendered or
		// sniffed as something else (heuristic).
		newRule("json-as-text", "heuristic", "JSON sent as text/html or text/plain", 9110, "8.3",
			func(ex *Exchange) *hit {
				if m := ex.media(); m != mediaHTML && m != mediaPlain || !looksLikeJSON(ex.Body) {
					return nil
				}
				return found("%s with a JSON body labelled %s: send it as application/json", httpref.Code(ex.Status), ex.mediaType())
			}).ifMedia(mediaHTML, mediaPlain),

		// RFC 9110, Section 15.3: a 2xx says the request succeeded; a JSON
		// body with a non-empty top-level "error" or "errors" member
		// reports a failure that clients, caches and monitoring count as a
		// success (heuristic). GraphQL responses are exempt: the
		// GraphQL-over-HTTP specification asks for 200 with "errors" (and
		// "data") under application/json.
		newRule("soft-error", "heuristic", `2xx with an "error" member in a JSON body`, 9110, "15.3",
			func(ex *Exchange) *hit {
				if ex.isHead() || !mayHaveErrorMember(ex.Body) || !ex.media().isJSON() || isGraphQLExchange(ex) {
					return nil
				}
				key, ok := errorMember(ex.Body)
				if !ok {
					return nil
				}
				return found("%s with a JSON body carrying a top-level %q member: report failures with a 4xx or 5xx status", httpref.Code(ex.Status), key)
			}).onRange(200, 299).ifMedia(mediaJSON, mediaProblem, mediaGraphQL),

		// RFC 9457, Section 3: problem details describe errors; a 2xx that
		// carries application/problem+json contradicts itself (heuristic).
		newRule("problem-details-on-success", "heuristic", "problem details on a 2xx", 9457, "3",
			func(ex *Exchange) *hit {
				if ex.Status < 200 || ex.Status > 299 || ex.media() != mediaProblem {
					return nil
				}
				return found("%s with an application/problem+json body: problem details report errors, so use the 4xx or 5xx status they describe", httpref.Code(ex.Status))
			}).onRange(200, 299).ifMedia(mediaProblem),

		// RFC 9457, Section 3.1.2: generators MUST use the same status code
		// in the response as in the "status" member.
		newRule("problem-details-status-mismatch", "MUST", `problem details whose "status" differs from the response`, 9457, "3.1.2",
			func(ex *Exchange) *hit {
				if ex.media() != mediaProblem {
					return nil
				}
				var status []byte
				jsonMembers(ex.Body, func(key, val []byte, whole bool) bool {
					if whole && keyIs(key, "status") && kindOf(val) == jsonNumber {
						status = val
						return false
					}
					return true
				})
				if status == nil || string(status) == strconv.Itoa(ex.Status) {
					return nil
				}
				return found(`%s with problem details whose "status" is %s: the member must repeat the response's status`, httpref.Code(ex.Status), clip(string(status)))
			}).ifMedia(mediaProblem),

		// RFC 9457, Section 3.1: "type", "title", "detail" and "instance"
		// are strings and "status" a number; a recipient MUST ignore a
		// member of another type, so its content is lost.
		newRule("problem-details-member-type", "MUST", "problem details member of the wrong type", 9457, "3.1",
			func(ex *Exchange) *hit {
				if ex.media() != mediaProblem {
					return nil
				}
				var bad string
				jsonMembers(ex.Body, func(key, val []byte, whole bool) bool {
					want := jsonString
					switch {
					case keyIs(key, "status"):
						want = jsonNumber
					case keyIs(key, "type"), keyIs(key, "title"), keyIs(key, "detail"), keyIs(key, "instance"):
					default:
						return true
					}
					if k := kindOf(val); k != want && k != jsonInvalid {
						bad = string(key) // a finding is rare; this is its only allocation
						return false
					}
					return true
				})
				if bad == "" {
					return nil
				}
				return found(`%s with problem details whose %q member has the wrong type: clients must ignore it`, httpref.Code(ex.Status), bad)
			}).ifMedia(mediaProblem),

		// A 5xx whose body shows a Go panic or stack trace leaks the
		// server's internals to clients (heuristic; RFC 9110, Section 15.6
		// asks 5xx content to explain the error, not to dump it).
		newRule("stack-trace-leak", "heuristic", "5xx body with a Go panic or stack trace", 9110, "15.6",
			func(ex *Exchange) *hit {
				if ex.Status < 500 || ex.Status > 599 || !leaksStack(ex.Body) {
					return nil
				}
				return found("%s whose body shows a Go panic or stack trace: log it on the server and send a short explanation instead", httpref.Code(ex.Status))
			}).onRange(500, 599),
	}
}

// catalogCodes returns the codes in 100-599 for which keep, given the
// catalog's entry and whether it has one, is true.
func catalogCodes(keep func(s httpref.Status, known bool) bool) []int {
	var codes []int
	for c := 100; c <= 599; c++ {
		if s, ok := httpref.Lookup(c); keep(s, ok) {
			codes = append(codes, c)
		}
	}
	return codes
}

// lifecycleCodes returns the catalog codes with lifecycle l.
func lifecycleCodes(l httpref.Lifecycle) []int {
	return catalogCodes(func(s httpref.Status, known bool) bool { return known && s.Lifecycle() == l })
}

// bodylessCodes returns the codes whose responses cannot carry content:
// 1xx, 204 and 304.
func bodylessCodes() []int {
	codes := []int{http.StatusNoContent, http.StatusNotModified}
	for c := 100; c <= 199; c++ {
		codes = append(codes, c)
	}
	return codes
}

// redirectSection returns the RFC 9110 section of a redirect code that
// uses Location, or "".
func redirectSection(code int) string {
	switch code {
	case 301:
		return "15.4.2"
	case 302:
		return "15.4.3"
	case 303:
		return "15.4.4"
	case 307:
		return "15.4.8"
	case 308:
		return "15.4.9"
	}
	return ""
}

// withoutRequestField builds a heuristic rule: a response with code to a
// request that has none of the fields that lead to it.
func withoutRequestField(id string, code int, section, fieldsText string, fields ...string) Rule {
	return newRule(id, "heuristic", strconv.Itoa(code)+" to a request without "+fieldsText, 9110, section,
		func(ex *Exchange) *hit {
			if ex.Status != code || !ex.requestKnown() {
				return nil
			}
			for _, f := range fields {
				if hasField(ex.RequestHeader, f) {
					return nil
				}
			}
			return found("%s to a request without %s: nothing in the request could have led to it", httpref.Code(ex.Status), fieldsText)
		}).on(code)
}

// errorMember scans the top level of a JSON object, which may be cut
// short, for a non-empty member named "error" or "errors" (in any case).
func errorMember(body []byte) (string, bool) {
	var name string
	jsonMembers(body, func(key, val []byte, whole bool) bool {
		if !keyIs(key, "error") && !keyIs(key, "errors") {
			return true
		}
		// A value cut off by the body limit is not empty.
		if whole && emptyJSON(val) {
			return true
		}
		name = string(key) // only a finding allocates
		return false
	})
	return name, name != ""
}

// mayHaveErrorMember is a fast test before the JSON scan: a body with
// neither "rror" nor "RROR" has no "error" member spelled in lower case,
// upper case or with a capital first letter.
func mayHaveErrorMember(b []byte) bool {
	return bytes.Contains(b, []byte("rror")) ||
		bytes.IndexByte(b, 'R') >= 0 && bytes.Contains(b, []byte("RROR"))
}

// isGraphQLExchange reports whether an exchange is a GraphQL-over-HTTP
// one: the response's media type says so, the request asked for it, or
// the body has a top-level "data" member beside "errors", as GraphQL
// results do (JSON:API, the other "errors" format, forbids the two
// together).
func isGraphQLExchange(ex *Exchange) bool {
	if ex.media() == mediaGraphQL {
		return true
	}
	for _, v := range values(ex.RequestHeader, "Accept") {
		if strings.Contains(strings.ToLower(v), "application/graphql-response+json") {
			return true
		}
	}
	data, errs := false, false
	jsonMembers(ex.Body, func(key, _ []byte, _ bool) bool {
		data = data || keyIs(key, "data")
		errs = errs || keyIs(key, "errors")
		return !(data && errs)
	})
	return data && errs
}

// leaksStack reports whether a body shows a Go panic or goroutine dump.
func leaksStack(b []byte) bool {
	return bytes.Contains(b, []byte("goroutine ")) && bytes.Contains(b, []byte(" [running]:")) ||
		bytes.Contains(b, []byte("panic: ")) && bytes.Contains(b, []byte(".go:")) ||
		bytes.Contains(b, []byte("runtime error: ")) && bytes.Contains(b, []byte(".go:"))
}

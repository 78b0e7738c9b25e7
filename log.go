package httpref

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Attr returns a log attribute for a status code: a group under key with
// the code, its phrase, summary, class and recommendation. Codes the
// catalog lacks log their number, class and an Unknown recommendation.
func Attr(key string, code int) slog.Attr {
	s, ok := Lookup(code)
	if !ok {
		return slog.Group(key,
			slog.Int("code", code),
			slog.String("class", ClassOf(code).String()),
			slog.String("recommendation", RecommendationUnknown.String()),
		)
	}
	return slog.Group(key,
		slog.Int("code", code),
		slog.String("phrase", s.Phrase()),
		slog.String("summary", s.Summary()),
		slog.String("class", s.Class().String()),
		slog.String("recommendation", s.Recommendation().String()),
	)
}

// Attr is Attr(key, int(c)).
func (c Code) Attr(key string) slog.Attr { return Attr(key, int(c)) }

// statusPrefix reports whether EnrichHandler recognises an attribute key,
// and returns the prefix of the keys it adds beside it.
func statusPrefix(key string) (string, bool) {
	switch key {
	case "status", "status_code":
		return "status", true
	case "http.status_code":
		return "http.status", true
	case "http.response.status_code":
		return "http.response.status", true
	}
	return "", false
}

// EnrichHandler wraps h so that integer attributes holding a status code
// gain the code's phrase and summary beside them. It recognises the keys
// status, status_code, http.status_code and OpenTelemetry's
// http.response.status_code, at the top level, inside groups and in
// attributes added with Logger.With. The added keys drop a trailing
// "_code" and append "_phrase" and "_summary": status=404 gains
// status_phrase and status_summary, http.response.status_code=404 gains
// http.response.status_phrase and http.response.status_summary. Values
// that are not catalog codes are left alone.
func EnrichHandler(h slog.Handler) slog.Handler {
	if e, ok := h.(enrichHandler); ok {
		return e
	}
	return enrichHandler{h}
}

type enrichHandler struct{ h slog.Handler }

func (e enrichHandler) Enabled(ctx context.Context, l slog.Level) bool { return e.h.Enabled(ctx, l) }

func (e enrichHandler) Handle(ctx context.Context, r slog.Record) error {
	found := false
	r.Attrs(func(a slog.Attr) bool {
		found = needsEnrich(a)
		return !found
	})
	if !found {
		return e.h.Handle(ctx, r)
	}
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	attrs := make([]slog.Attr, 0, r.NumAttrs()+2)
	r.Attrs(func(a slog.Attr) bool {
		attrs = append(attrs, a)
		return true
	})
	out.AddAttrs(enrich(attrs)...)
	return e.h.Handle(ctx, out)
}

func (e enrichHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return enrichHandler{e.h.WithAttrs(enrich(as))}
}

func (e enrichHandler) WithGroup(name string) slog.Handler {
	return enrichHandler{e.h.WithGroup(name)}
}

// statusValue returns the catalog status an attribute holds, if it is a
// recognised key with an integer value.
func statusValue(a slog.Attr) (Status, string, bool) {
	prefix, ok := statusPrefix(a.Key)
	if !ok {
		return Status{}, "", false
	}
	var n int64
	switch a.Value.Kind() {
	case slog.KindInt64:
		n = a.Value.Int64()
	case slog.KindUint64:
		if u := a.Value.Uint64(); u <= 999 {
			n = int64(u)
		}
	default:
		return Status{}, "", false
	}
	if n < 100 || n > 599 {
		return Status{}, "", false
	}
	s, ok := Lookup(int(n))
	return s, prefix, ok
}

func needsEnrich(a slog.Attr) bool {
	if _, _, ok := statusValue(a); ok {
		return true
	}
	if a.Value.Kind() == slog.KindGroup {
		for _, g := range a.Value.Group() {
			if needsEnrich(g) {
				return true
			}
		}
	}
	return false
}

// enrich returns attrs with phrase and summary attributes after each
// status attribute, descending into groups. It returns attrs itself when
// nothing changes.
func enrich(attrs []slog.Attr) []slog.Attr {
	changed := false
	for _, a := range attrs {
		if needsEnrich(a) {
			changed = true
			break
		}
	}
	if !changed {
		return attrs
	}
	out := make([]slog.Attr, 0, len(attrs)+2)
	for _, a := range attrs {
		if s, prefix, ok := statusValue(a); ok {
			out = append(out, a,
				slog.String(prefix+"_phrase", s.Phrase()),
				slog.String(prefix+"_summary", s.Summary()))
			continue
		}
		if a.Value.Kind() == slog.KindGroup {
			if g := a.Value.Group(); needsEnrich(a) {
				a = slog.Attr{Key: a.Key, Value: slog.GroupValue(enrich(g)...)}
			}
		}
		out = append(out, a)
	}
	return out
}

// StatusError is an error for an HTTP response with an unsuccessful status,
// with an optional cause. Its message names the code and says what it
// means, such as "502 Bad Gateway: a gateway or proxy received an invalid
// response from an upstream server".
type StatusError struct {
	Code Code  // the response status code
	Err  error // the cause, or nil
}

// Error returns the code, its phrase and its summary, then the cause if
// there is one.
func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(int(e.Code)))
	if s, ok := Lookup(int(e.Code)); ok {
		b.WriteString(" " + s.Phrase() + ": " + sentenceFragment(s.Summary()))
	} else if c := e.Code.Class(); c != ClassUnknown {
		b.WriteString(": unregistered " + c.Pattern() + " status")
	} else {
		b.WriteString(": invalid status code")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *StatusError) Unwrap() error { return e.Err }

// Is reports whether target is a *StatusError with the same code and no
// cause, so that errors.Is(err, &StatusError{Code: 404}) matches any 404.
func (e *StatusError) Is(target error) bool {
	t, ok := target.(*StatusError)
	return ok && t.Err == nil && t.Code == e.Code
}

// ErrorFor returns a *StatusError for a status code that reports a
// failure (4xx and 5xx) or is not a valid code at all, and nil for
// 1xx-3xx. A client calls it as httpref.ErrorFor(resp.StatusCode).
func ErrorFor(code int) error {
	if code >= 100 && code <= 399 {
		return nil
	}
	return &StatusError{Code: Code(code)}
}

// properNouns start summaries whose first letter stays upper case.
var properNouns = []string{"Cloudflare", "Nginx", "AWS", "HTTP", "IIS", "Microsoft", "Twitter", "Laravel", "Esri", "Apache", "WebDAV", "TLS", "SSL"}

// sentenceFragment turns a summary into a fragment to follow a colon: the
// first letter in lower case unless it starts a name, and without the
// final period.
func sentenceFragment(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	word, _, _ := strings.Cut(s, " ")
	for _, n := range properNouns {
		if word == n {
			return s
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(r2) {
		return s // an acronym
	}
	return string(unicode.ToLower(r)) + s[size:]
}

package httpref_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/httpref/httpref"
)

// exampleHandler logs with slog's TextHandler to stdout, without the time
// so that the output is stable.
func exampleHandler() slog.Handler {
	return slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	})
}

func ExampleAdvise() {
	a := httpref.Advise(420)
	fmt.Println(a.Code(), "-", a.Recommendation())
	for _, r := range a.Reasons() {
		fmt.Println(r.Kind)
	}
	fmt.Println("prefer:", a.Prefer())

	u := httpref.Advise(427)
	fmt.Println(u.Summary())
	// Output:
	// 420 Enhance Your Calm - Not recommended
	// non-standard
	// vendor-specific
	// prefer: [429 Too Many Requests]
	// 427 is not registered; clients will treat it as a generic 4xx, that is as 400 Bad Request.
}

func ExampleAttr() {
	logger := slog.New(exampleHandler())
	logger.Warn("upstream refused", httpref.Attr("status", 429))
	// Output:
	// level=WARN msg="upstream refused" status.code=429 status.phrase="Too Many Requests" status.summary="The client has sent too many requests in a given period." status.class="Client error" status.recommendation=Recommended
}

func ExampleEnrichHandler() {
	logger := slog.New(httpref.EnrichHandler(exampleHandler()))
	logger.Info("request done", "method", "GET", "status", 404)
	logger.With(slog.Group("http", slog.Int("response.status_code", 0))).Info("ignored: not a status")
	logger.Info("otel", "http.response.status_code", 503)
	// Output:
	// level=INFO msg="request done" method=GET status=404 status_phrase="Not Found" status_summary="The server cannot find the target resource or is unwilling to reveal it."
	// level=INFO msg="ignored: not a status" http.response.status_code=0
	// level=INFO msg=otel http.response.status_code=503 http.response.status_phrase="Service Unavailable" http.response.status_summary="The service is temporarily unable to handle the request."
}

func ExampleStatusError() {
	err := fmt.Errorf("fetch profile: %w", &httpref.StatusError{Code: 502, Err: io.ErrUnexpectedEOF})
	fmt.Println(err)
	fmt.Println(errors.Is(err, &httpref.StatusError{Code: 502}))
	fmt.Println(errors.Is(err, io.ErrUnexpectedEOF))
	// Output:
	// fetch profile: 502 Bad Gateway: a gateway or proxy received an invalid response from an upstream server: unexpected EOF
	// true
	// true
}

func ExampleErrorFor() {
	for _, code := range []int{200, 304, 503} {
		// In a client: err := httpref.ErrorFor(resp.StatusCode)
		fmt.Println(code, httpref.ErrorFor(code))
	}
	// Output:
	// 200 <nil>
	// 304 <nil>
	// 503 503 Service Unavailable: the service is temporarily unable to handle the request
}

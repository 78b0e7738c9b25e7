package check_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/httpref/httpref/check"
)

func ExampleRun() {
	findings := check.Run(check.Exchange{
		Method: http.MethodDelete,
		Status: http.StatusMethodNotAllowed,
		Header: http.Header{"Content-Type": {"text/plain"}},
	}, nil)
	for _, f := range findings {
		fmt.Println(f.Severity, f.Rule.ID, f.Rule.Keyword)
		fmt.Println(f.Message)
		fmt.Println(f.SpecURL)
	}
	// Output:
	// error method-not-allowed-missing-allow MUST
	// 405 Method Not Allowed with no Allow header field: a 405 must list the methods the resource supports
	// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
}

func ExampleOptions() {
	ex := check.Exchange{Method: http.MethodPost, Status: http.StatusCreated}
	fmt.Println(len(check.Run(ex, nil)))
	fmt.Println(len(check.Run(ex, &check.Options{Disable: []string{"created-missing-location"}})))
	// Output:
	// 1
	// 0
}

func ExampleMiddleware() {
	done := make(chan struct{})
	report := func(r *http.Request, findings []check.Finding) {
		// report runs on its own goroutine once the response is complete.
		defer close(done)
		for _, f := range findings {
			fmt.Println(r.Method, r.URL.Path, f)
		}
	}
	h := check.Middleware(report, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized) // forgot WWW-Authenticate
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/account", nil))
	<-done
	// Output:
	// GET /account error unauthorized-missing-www-authenticate: 401 Unauthorized with no WWW-Authenticate header field: a 401 must carry at least one authentication challenge (RFC 9110, Section 15.5.2)
}

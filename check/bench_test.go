package check

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// jsonHandler answers with a clean JSON body of the given size, as an API
// handler does.
func jsonHandler(size int) http.HandlerFunc {
	body := `{"id":1,"name":"` + strings.Repeat("x", max(size-27, 0)) + `","ok":true}`
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, body)
	}
}

func benchHandler(b *testing.B, h http.Handler) {
	req := httptest.NewRequest(http.MethodGet, "/items/1", nil)
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
}

// The middleware benchmarks run beside the bare handler in the same run;
// compare their ns/op and allocs/op (the README gives the ratios).
func BenchmarkMiddleware(b *testing.B) {
	report := func(*http.Request, []Finding) { panic("a clean response has no findings") }
	for _, size := range []int{90, 10 << 10} {
		h := jsonHandler(size)
		name := "90B"
		if size > 1000 {
			name = "10KB"
		}
		b.Run("bare/"+name, func(b *testing.B) { benchHandler(b, h) })
		b.Run("checked/"+name, func(b *testing.B) { benchHandler(b, Middleware(report, nil)(h)) })
	}
}

// BenchmarkRun measures the rules alone on a clean JSON exchange.
func BenchmarkRun(b *testing.B) {
	ex := Exchange{
		Method: http.MethodGet, RequestHeader: http.Header{"Accept": {"application/json"}}, Status: 200,
		Header: http.Header{"Content-Type": {"application/json"}}, BodySize: 90,
		Body: []byte(`{"id":1,"name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","ok":true}`),
	}
	b.ReportAllocs()
	for b.Loop() {
		Run(ex, nil)
	}
}

// BenchmarkMiddlewareRatio runs the bare handler and the checked one
// alternately in the same loop and reports the checked one's time as a
// multiple of the bare one's (x-bare), so that both see the same machine.
func BenchmarkMiddlewareRatio(b *testing.B) {
	report := func(*http.Request, []Finding) { panic("a clean response has no findings") }
	for _, size := range []int{90, 10 << 10} {
		bare := jsonHandler(size)
		checked := Middleware(report, nil)(bare)
		req := httptest.NewRequest(http.MethodGet, "/items/1", nil)
		name := map[int]string{90: "90B", 10 << 10: "10KB"}[size]
		b.Run(name, func(b *testing.B) {
			const batch = 64
			var tb, tc time.Duration
			for b.Loop() {
				t0 := time.Now()
				for range batch {
					bare.ServeHTTP(httptest.NewRecorder(), req)
				}
				t1 := time.Now()
				for range batch {
					checked.ServeHTTP(httptest.NewRecorder(), req)
				}
				tb, tc = tb+t1.Sub(t0), tc+time.Since(t1)
			}
			b.ReportMetric(float64(tc)/float64(tb), "x-bare")
		})
	}
}

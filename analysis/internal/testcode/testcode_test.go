package testcode

import "testing"

func TestIsTestSupport(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/distribution/distribution/v3/testutil":           true,
		"github.com/mccutchen/go-httpbin/v2/internal/testing/assert": true,
		"example.com/app/internal/testhelpers":                       true,
		"example.com/app/test/e2e":                                   true,
		"net/http/httptest":                                          false, // std: never analyzed as user code
		"example.com/app/server":                                     false,
		"example.com/app/latest":                                     false,
		"example.com/app/testimonials":                               false,
		"github.com/google/go-containerregistry/pkg/registry":        false,
		"github.com/distribution/distribution/v3/registry/handlers":  false,
	} {
		if got := IsTestSupport(path); got != want {
			t.Errorf("IsTestSupport(%q) = %v, want %v", path, got, want)
		}
	}
}

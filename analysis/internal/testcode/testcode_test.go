package testcode

import "testing"

func TestIsTestSupport(t *testing.T) {
	for _, tt := range []struct {
		path, module string
		want         bool
	}{
		{"github.com/distribution/distribution/v3/testutil", "github.com/distribution/distribution/v3", true},
		{"github.com/mccutchen/go-httpbin/v2/internal/testing/assert", "github.com/mccutchen/go-httpbin/v2", true},
		{"example.com/app/internal/testhelpers", "example.com/app", true},
		{"example.com/app/test/e2e", "example.com/app", true},
		{"example.com/app/server", "example.com/app", false},
		{"example.com/app/latest", "example.com/app", false},
		{"example.com/app/testimonials", "example.com/app", false},
		{"github.com/google/go-containerregistry/pkg/registry", "github.com/google/go-containerregistry", false},
		// The module's own path does not count.
		{"github.com/test/app/server", "github.com/test/app", false},
		{"github.com/test/app", "github.com/test/app", false},
		{"github.com/test/app/internal/testutil", "github.com/test/app", true},
		// Without a module path (some drivers), every element counts.
		{"testutil/canned", "", true},
		{"server/canned", "", false},
		// A module path that is not a prefix is ignored.
		{"example.com/other/testutil", "example.com/app", true},
	} {
		if got := IsTestSupport(tt.path, tt.module); got != tt.want {
			t.Errorf("IsTestSupport(%q, %q) = %v, want %v", tt.path, tt.module, got, tt.want)
		}
	}
}

package httpstatus_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpref/httpref/analysis/httpstatus"
)

// onlyConstant reports nothing but use-constant, so that each line of the
// fix fixtures has one diagnostic.
var onlyConstant = httpstatus.Config{
	Enable: []string{httpstatus.CategoryConstant},
	Disable: []string{
		httpstatus.CategoryUnknown, httpstatus.CategoryNonStandard, httpstatus.CategoryDeprecated,
		httpstatus.CategoryRedirect, httpstatus.CategoryError,
	},
}

func TestAnalyzer(t *testing.T) {
	tests := []struct {
		name  string
		cfg   httpstatus.Config
		pkgs  []string
		fixes bool // compare suggested fixes with the .golden files
	}{
		{name: "defaults", pkgs: []string{"a", "ignore", "generated", "compare", "support/testutil", "support/server"}},
		{
			name: "allow and disable",
			cfg:  httpstatus.Config{Allow: []int{499, 520}, Disable: []string{httpstatus.CategoryDeprecated}},
			pkgs: []string{"allow"},
		},
		{
			name: "opt-in categories",
			cfg:  httpstatus.Config{Enable: []string{httpstatus.CategoryLogOnly, httpstatus.CategoryConstant}},
			pkgs: []string{"logonly"},
		},
		{name: "frameworks", pkgs: []string{"frameworks"}},
		{name: "facts across packages", pkgs: []string{"helpers", "usehelpers"}},
		{
			name: "configured places",
			cfg: httpstatus.Config{Places: []httpstatus.Place{
				{Func: "lib.Send", Arg: 1},
				{Func: "lib.(*Resp).Reply", Arg: 0, Rule: httpstatus.RuleRedirect},
			}},
			pkgs: []string{"places"},
		},
		{name: "suggested fixes", cfg: onlyConstant, pkgs: []string{"fix", "fixalias", "nofix", "fixshadow", "fixdot"}, fixes: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.cfg.Validate())
			a := httpstatus.New(tt.cfg)
			if tt.fixes {
				analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, tt.pkgs...)
			} else {
				analysistest.Run(t, analysistest.TestData(), a, tt.pkgs...)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	fs := httpstatus.Analyzer.Flags
	tests := []struct {
		flag, value string
		want        string // the value read back, or the error
		wantErr     bool
	}{
		{flag: "allow", value: "499, 520", want: "499,520"},
		{flag: "allow", value: "49x", want: `not a status code: "49x"`, wantErr: true},
		{flag: "disable", value: "use-constant,redirect-code", want: "use-constant,redirect-code"},
		{flag: "disable", value: "style", want: `unknown category "style"`, wantErr: true},
		{flag: "enable", value: "use-constant, log-only-code", want: "use-constant,log-only-code"},
		{flag: "enable", value: "constants", want: `unknown category "constants"`, wantErr: true},
		{flag: "places", value: "lib.Send:1, lib.(*Resp).Reply:0:redirect", want: "lib.Send:1,lib.Resp.Reply:0:redirect"},
		{flag: "places", value: "lib.Send", want: "want importpath.Func:argIndex", wantErr: true},
		{flag: "places", value: "lib.Send:-1", want: "not a number from 0 up", wantErr: true},
		{flag: "places", value: "lib.Send:1:teapot", want: `unknown rule "teapot"`, wantErr: true},
		{flag: "places", value: "lib:1", want: "is not importpath.Func or importpath.Type.Method", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.flag+"="+tt.value, func(t *testing.T) {
			err := fs.Set(tt.flag, tt.value)
			if tt.wantErr {
				assert.ErrorContains(t, err, tt.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, fs.Lookup(tt.flag).Value.String())
		})
	}
	for _, name := range []string{"allow", "disable", "enable", "places"} {
		require.NoError(t, fs.Set(name, ""))
	}
	// With the flags cleared, the shared Analyzer reports the defaults again.
	analysistest.Run(t, analysistest.TestData(), httpstatus.Analyzer, "ignore")
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  httpstatus.Config
		want string // the error, or "" for none
	}{
		{name: "empty"},
		{name: "valid", cfg: httpstatus.Config{Disable: []string{"use-constant"}, Enable: []string{"log-only-code"}}},
		{name: "unknown disable", cfg: httpstatus.Config{Disable: []string{"use-constants"}}, want: `unknown category "use-constants"`},
		{name: "unknown enable", cfg: httpstatus.Config{Enable: []string{"all"}}, want: `unknown category "all"`},
		{name: "bad place", cfg: httpstatus.Config{Places: []httpstatus.Place{{Func: "lib", Arg: 1}}}, want: "is not importpath.Func"},
		{name: "bad rule", cfg: httpstatus.Config{Places: []httpstatus.Place{{Func: "lib.F", Rule: "x"}}}, want: `unknown rule "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if tt.want == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tt.want)
			}
		})
	}
}

func TestParsePlace(t *testing.T) {
	tests := []struct {
		in   string
		want httpstatus.Place
	}{
		{"github.com/go-chi/render.Status:1", httpstatus.Place{Func: "github.com/go-chi/render.Status", Arg: 1, Rule: httpstatus.RuleStatus}},
		{"github.com/gin-gonic/gin.(*Context).Redirect:0:redirect", httpstatus.Place{Func: "github.com/gin-gonic/gin.Context.Redirect", Arg: 0, Rule: httpstatus.RuleRedirect}},
		{" example.com/x.v2.Fail : 2 : error ", httpstatus.Place{Func: "example.com/x.v2.Fail", Arg: 2, Rule: httpstatus.RuleError}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := httpstatus.ParsePlace(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCategories(t *testing.T) {
	assert.Equal(t, []string{"unknown-code", "nonstandard-code", "deprecated-code", "redirect-code", "error-code", "log-only-code", "use-constant"},
		httpstatus.Categories())
	assert.Subset(t, httpstatus.Categories(), httpstatus.OptInCategories())
}

package httpstatus_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpref/httpref/analysis/httpstatus"
)

func TestDiagnostics(t *testing.T) {
	a := httpstatus.New(httpstatus.Config{Disable: []string{httpstatus.CategoryConstant}})
	analysistest.Run(t, analysistest.TestData(), a, "a", "ignore")
}

func TestSuggestedFixes(t *testing.T) {
	// Only the literal check, so that each line has one diagnostic.
	a := httpstatus.New(httpstatus.Config{Disable: []string{
		httpstatus.CategoryUnknown, httpstatus.CategoryNonStandard, httpstatus.CategoryDeprecated,
		httpstatus.CategoryRedirect, httpstatus.CategoryError,
	}})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "fix", "fixalias", "nofix")
}

func TestAllowAndDisable(t *testing.T) {
	a := httpstatus.New(httpstatus.Config{
		Allow:   []int{499, 520},
		Disable: []string{httpstatus.CategoryConstant, httpstatus.CategoryDeprecated},
	})
	analysistest.Run(t, analysistest.TestData(), a, "allow")
}

func TestFlags(t *testing.T) {
	fs := httpstatus.Analyzer.Flags
	require.NoError(t, fs.Set("allow", "499, 520"))
	assert.Equal(t, "499,520", fs.Lookup("allow").Value.String())
	require.NoError(t, fs.Set("disable", "use-constant,redirect-code"))
	assert.Equal(t, "use-constant,redirect-code", fs.Lookup("disable").Value.String())
	assert.ErrorContains(t, fs.Set("allow", "49x"), `not a status code: "49x"`)
	assert.ErrorContains(t, fs.Set("disable", "style"), `unknown category "style"`)
	require.NoError(t, fs.Set("allow", ""))
	require.NoError(t, fs.Set("disable", ""))
	// With the flags cleared, the shared Analyzer reports everything again.
	analysistest.Run(t, analysistest.TestData(), httpstatus.Analyzer, "ignore")
}

func TestCategories(t *testing.T) {
	assert.Equal(t, []string{"unknown-code", "nonstandard-code", "deprecated-code", "redirect-code", "error-code", "use-constant"},
		httpstatus.Categories())
}

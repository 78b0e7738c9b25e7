package handlerflow_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpref/httpref/analysis/handlerflow"
)

func TestDiagnostics(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), handlerflow.Analyzer,
		"example", "filters", "support/testutil", "support/server", "headers", "helpers", "odd", "writeheader", "missingheader", "nocontent", "paths")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), handlerflow.Analyzer, "missingreturn")
}

func TestCategories(t *testing.T) {
	assert.Equal(t, []string{"header-after-write", "double-writeheader", "missing-return", "missing-header", "body-after-no-content"},
		handlerflow.Categories())
}

func TestValidate(t *testing.T) {
	assert.NoError(t, analysis.Validate([]*analysis.Analyzer{handlerflow.Analyzer}))
}

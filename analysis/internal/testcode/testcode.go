// Package testcode tells, for the analyzers of this module, which code is
// there to test other code: _test.go files, functions that provoke a panic
// on purpose, and packages that only support tests.
package testcode

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsTestFile reports whether name is the name of a _test.go file.
func IsTestFile(name string) bool {
	return strings.HasSuffix(name, "_test.go")
}

// supportNames are the import path elements that mark a package as test
// support: canned servers, fakes and assertion helpers that only tests
// import, such as distribution's testutil or go-httpbin's
// internal/testing/assert.
var supportNames = map[string]bool{
	"test": true, "tests": true, "testing": true, "testdata": true, "e2e": true,
	"testutil": true, "testutils": true, "testhelper": true, "testhelpers": true,
	"testsupport": true, "testenv": true, "testserver": true, "testfixtures": true,
}

// IsTestSupport reports whether the package with import path path only
// supports tests: an element of its path below the module path module (all
// of path if module is empty or not a prefix of it) is test, tests,
// testing, testdata, e2e, testutil, testutils, testhelper, testhelpers,
// testsupport, testenv, testserver or testfixtures. Such packages are
// checked like _test.go files. The module's own path does not count, so
// that github.com/test/app/server is production code.
func IsTestSupport(path, module string) bool {
	if module != "" && (path == module || strings.HasPrefix(path, module+"/")) {
		path = strings.TrimPrefix(path[len(module):], "/")
	}
	for elem := range strings.SplitSeq(path, "/") {
		if supportNames[elem] {
			return true
		}
	}
	return false
}

// ExpectsPanic reports whether pos is inside a function of f that expects
// a panic: it calls recover, or an assertion named Panics, PanicsWithValue,
// PanicsWithError and the like (testify's assert and require).
func ExpectsPanic(f *ast.File, pos token.Pos) bool {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || pos < fd.Pos() || pos >= fd.End() {
			continue
		}
		found := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			switch fn := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				found = fn.Name == "recover"
			case *ast.SelectorExpr:
				found = strings.HasPrefix(fn.Sel.Name, "Panics") // not NotPanics
			}
			return !found
		})
		return found
	}
	return false
}

// InTestSupport reports whether the package of pass only supports tests
// (see IsTestSupport), using the module path when the driver gives it.
func InTestSupport(pass *analysis.Pass) bool {
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	return IsTestSupport(pass.Pkg.Path(), module)
}

package table

import (
	"fmt"
	"go/constant"
	"go/importer"
	"go/token"
	"go/types"
	"strings"
	"sync"
)

// netHTTP loads the type information of net/http once per process: from
// the compiler's export data, or from source when that is not at hand.
var netHTTP = sync.OnceValues(func() (*types.Package, error) {
	pkg, err := importer.Default().Import("net/http")
	if err != nil {
		pkg, err = importer.ForCompiler(token.NewFileSet(), "source", nil).Import("net/http")
	}
	if err != nil {
		return nil, fmt.Errorf("source table: reading net/http's constants to check go_constant: %w", err)
	}
	return pkg, nil
})

// checkGoConstants checks every go_constant against the constants net/http
// really exports: the name must exist and its value must be the entry's
// code, since the analyzer writes these names into users' code.
func checkGoConstants(entries []Entry) error {
	var pkg *types.Package
	for i, e := range entries {
		if e.GoConstant == "" {
			continue
		}
		if pkg == nil {
			var err error
			if pkg, err = netHTTP(); err != nil {
				return err
			}
		}
		name := strings.TrimPrefix(e.GoConstant, "http.")
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() {
			return &Error{Index: i, Code: e.Code, Field: "go_constant", Msg: fmt.Sprintf("net/http has no constant %s", name)}
		}
		if v, ok := constant.Int64Val(c.Val()); !ok || v != int64(e.Code) {
			return &Error{Index: i, Code: e.Code, Field: "go_constant", Msg: fmt.Sprintf("http.%s is %s, not %d", name, c.Val(), e.Code)}
		}
	}
	return nil
}

// Command httpstatus runs the httpstatus analyzer, which reports HTTP status
// codes in Go source that a handler should not send: unknown, non-standard,
// deprecated and reserved codes, redirects with non-redirect codes,
// http.Error with non-error codes, and literals that have a net/http
// constant (with a fix).
//
// Run it on its own or as a vet tool:
//
//	httpstatus ./...
//	httpstatus -fix ./...
//	go vet -vettool=$(which httpstatus) ./...
//
// Flags: -allow=499,520 accepts listed codes; -disable=use-constant turns a
// category off.
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/httpref/httpref/analysis/httpstatus"
)

func main() { singlechecker.Main(httpstatus.Analyzer) }

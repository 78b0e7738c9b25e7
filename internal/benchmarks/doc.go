// Package benchmarks compares httpref.Search with a general-purpose
// full-text engine, bleve's default match query, over the same catalog
// text: ranking quality on the evaluation sets in ../../testdata/search
// and speed per query. It lives in a module of its own so that bleve and
// its dependencies stay out of the library's go.mod; see README.md.
//
// The package has no exported API; everything is in its tests.
package benchmarks

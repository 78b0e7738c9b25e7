package httpref

import (
	"net/http"
	"testing"
)

// benchCodes is a mix of common, rare and unknown codes, the same for every
// benchmark so their numbers compare.
var benchCodes = [...]int{200, 404, 502, 429, 301, 418, 522, 499, 105, 600}

var sink string

// BenchmarkStatusText is the yardstick: net/http's own phrase lookup.
func BenchmarkStatusText(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		sink = http.StatusText(benchCodes[i%len(benchCodes)])
	}
}

func BenchmarkLookup(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		s, _ := Lookup(benchCodes[i%len(benchCodes)])
		sink = s.Summary()
	}
}

func BenchmarkCodePhrase(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		sink = Code(benchCodes[i%len(benchCodes)]).Phrase()
	}
}

// BenchmarkCodeString uses catalog codes only: an unknown code prints via
// strconv, which allocates.
func BenchmarkCodeString(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		sink = Code(benchCodes[i%8]).String()
	}
}

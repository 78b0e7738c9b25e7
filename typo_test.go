package httpref

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/httpref/httpref/internal/textkey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refEditDistance is the optimal string alignment distance by the plain
// dynamic programming recurrence over the full table, capped at limit+1:
// the reference that editDistance must agree with.
func refEditDistance(a, b string, limit int) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return min(d[len(a)][len(b)], limit+1)
}

// TestEditDistance checks editDistance, and the reference, on cases
// worked out by hand.
func TestEditDistance(t *testing.T) {
	long := strings.Repeat("abcdefgh", 6) // textkey.MaxWord bytes
	require.Len(t, long, textkey.MaxWord)
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 0, 0},
		{"", "abc", 5, 3},
		{"abc", "", 5, 3},
		{"abc", "", 1, 2},
		{"timeout", "timeout", 0, 0},
		{"timeout", "timout", 0, 1},
		{"timeout", "timout", 2, 1},
		{"gateway", "gatway", 1, 1},
		{"teh", "the", 1, 1},        // transposition
		{"ca", "abc", 3, 3},         // OSA: no edit of a transposed pair
		{"abcdef", "badcfe", 5, 3},  // three transpositions
		{"kitten", "sitting", 5, 3}, // substitutions and an insertion
		{"kitten", "sitting", 2, 3}, // over the limit
		{"forbidden", "forbiden", 2, 1},
		{"unauthorized", "unauthorised", 2, 1},
		{"unauthorized", "authorized", 2, 2},
		{"unauthorized", "authorize", 2, 3},
		{"abcd", "abcdefgh", 3, 4}, // length difference over the limit
		{long, long, 2, 0},
		{long, long[1:] + "a", 2, 2},
		{long, strings.Repeat("z", textkey.MaxWord), 2, 3},
		{long, strings.Repeat("z", textkey.MaxWord), 100, textkey.MaxWord},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, editDistance([]byte(tt.a), tt.b, tt.limit), "editDistance(%q, %q, %d)", tt.a, tt.b, tt.limit)
		assert.Equal(t, tt.want, refEditDistance(tt.a, tt.b, tt.limit), "refEditDistance(%q, %q, %d)", tt.a, tt.b, tt.limit)
	}
}

// TestEditDistanceExhaustive compares editDistance with the reference on
// every pair of words of up to five letters over a three-letter alphabet,
// at every limit that matters.
func TestEditDistanceExhaustive(t *testing.T) {
	var words []string
	var gen func(prefix string)
	gen = func(prefix string) {
		words = append(words, prefix)
		if len(prefix) < 5 {
			for _, c := range "abc" {
				gen(prefix + string(c))
			}
		}
	}
	gen("")
	for _, a := range words {
		var p osaPattern
		p.init([]byte(a))
		for _, b := range words {
			for limit := 0; limit <= 6; limit++ {
				want := refEditDistance(a, b, limit)
				if got := p.distance(b, limit); got != want {
					require.Equal(t, want, got, "distance(%q, %q, %d)", a, b, limit)
				}
			}
		}
	}
}

// TestEditDistanceRandom compares editDistance with the reference on
// random words up to textkey.MaxWord bytes, most of them a few edits from
// each other, as typo corrections measure them (fewer with -short or
// -race).
func TestEditDistanceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int, alphabet string) []byte {
		w := make([]byte, n)
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		return w
	}
	n := 100000
	if testing.Short() || raceEnabled {
		n /= 10
	}
	for range n {
		alphabet := "abcdefghijklmnopqrstuvwxyz"[:1+r.IntN(26)]
		a := word(r.IntN(textkey.MaxWord+1), alphabet)
		b := append([]byte(nil), a...)
		if r.IntN(8) == 0 {
			b = word(r.IntN(textkey.MaxWord+1), alphabet)
		}
		for range r.IntN(5) {
			i := r.IntN(len(b) + 1)
			switch r.IntN(4) {
			case 0: // insert
				if len(b) < textkey.MaxWord {
					b = append(b[:i], append(word(1, alphabet), b[i:]...)...)
				}
			case 1: // delete
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			case 2: // substitute
				if i < len(b) {
					b[i] = alphabet[r.IntN(len(alphabet))]
				}
			case 3: // transpose
				if i+1 < len(b) {
					b[i], b[i+1] = b[i+1], b[i]
				}
			}
		}
		limit := r.IntN(6)
		want := refEditDistance(string(a), string(b), limit)
		if got := editDistance(a, string(b), limit); got != want {
			require.Equal(t, want, got, "editDistance(%q, %q, %d)", a, b, limit)
		}
	}
}

// FuzzEditDistance compares editDistance with the reference on any two
// byte strings, cut to textkey.MaxWord bytes.
func FuzzEditDistance(f *testing.F) {
	f.Add([]byte("timeout"), "timout", 2)
	f.Add([]byte("teh"), "the", 1)
	f.Add([]byte("ca"), "abc", 3)
	f.Add([]byte("unauthorized"), "unauthorised", 2)
	f.Add([]byte("\x00\xff"), "\xff\x00", 0)
	f.Fuzz(func(t *testing.T, a []byte, b string, limit int) {
		a, b = a[:min(len(a), textkey.MaxWord)], b[:min(len(b), textkey.MaxWord)]
		limit = min(max(limit, 0), 2*textkey.MaxWord)
		require.Equal(t, refEditDistance(string(a), b, limit), editDistance(a, b, limit), "editDistance(%q, %q, %d)", a, b, limit)
	})
}

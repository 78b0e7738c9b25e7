package httpref

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fillerTerms are the filler terms, as the tokenizer writes them (see
// isFiller).
var fillerTerms = []string{
	"http", "https", "status", "cod", "api", "apis", "rest", "restful", "return", "respond", "send", "sent", "back", "use", "using", "used", "correct", "right", "proper", "appropri", "best", "good", "way", "practic", "someon", "somebody", "quest", "ask", "want", "need", "lik", "know", "tel", "say", "thing", "someth", "anyth", "situ", "scenario", "shal", "must", "reply", "giv", "given", "consider", "better", "semantical", "mean", "pleas", "help", "thank", "try", "tri", "whil", "seem", "every", "each", "just", "stil", "even", "her", "now", "kind", "mak", "mad", "see", "keep", "happen", "expect", "vs", "versus", "what", "ok", "okay", "wrong", "idea", "think", "sure", "recommend", "conventional", "convent", "general", "generic", "typical", "usual", "normal", "respons",
}

// TestFillerTable checks that fillerTable holds exactly fillerTerms, each
// at its fillerSlot, and that isFiller accepts them and nothing close.
func TestFillerTable(t *testing.T) {
	var want [len(fillerTable)]string
	for _, w := range fillerTerms {
		require.True(t, len(w) >= minFiller && len(w) <= maxFiller, w)
		k := fillerSlot([]byte(w))
		require.Empty(t, want[k], "%q and %q share slot %#03x: choose another fillerMul", want[k], w, k)
		want[k] = w
	}
	if want != fillerTable {
		var sb strings.Builder
		for k, w := range want {
			if w != "" {
				fmt.Fprintf(&sb, "%#03x: %q,\n", k, w)
			}
		}
		t.Errorf("fillerTable differs from fillerTerms; it should be\n%s", sb.String())
	}
	for _, w := range fillerTerms {
		assert.True(t, isFiller([]byte(w)), w)
		assert.False(t, isFiller([]byte(w+"x")), w+"x")
		assert.False(t, isFiller([]byte(w[:len(w)-1])) && !slices.Contains(fillerTerms, w[:len(w)-1]), w[:len(w)-1])
	}
	assert.False(t, isFiller(nil))
	assert.False(t, isFiller([]byte("x")))
}

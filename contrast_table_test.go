package httpref

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordKind and refutePart are the readable form of contrastEntries: the
// kind of each listed word, and its part in a refutation. TestContrastTable
// checks the table against them.

// wordKind returns the contrast kind of the lower-case word w, as the
// contrast reading uses it.
func wordKind(w string) uint8 {
	switch w {
	case "instead", "rather", "against":
		return cwInstead
	case "replace", "replaced", "replaces", "replacing", "change", "changed", "changes", "changing",
		"switch", "switched", "switches", "switching", "convert", "converted", "converting":
		return cwReplace
	case "with", "by", "to", "into":
		return cwWith
	case "of", "than":
		return cwOf
	case "a", "an", "the":
		return cwArticle
	case "vs", "versus":
		return cwVersus
	case "status", "code", "response", "http", "error":
		return cwStatus
	case "when", "after", "on", "for", "if", "while":
		return cwWhen
	case "not":
		return cwNot
	case "should", "must":
		return cwShould
	case "shouldn't", "mustn't":
		return cwMustNot
	case "be", "return", "throw", "give", "send", "raise", "respond", "use", "answer", "serve":
		return cwBaseVerb
	case "returns", "returned", "returning", "gives", "gave", "giving", "throws", "threw", "throwing",
		"raises", "raising", "results", "resulting", "sends", "sent", "sending", "responds", "responded",
		"getting", "get", "got", "gets", "receive", "received", "receiving", "issues", "issued",
		"emits", "yields", "currently", "answers", "answered", "replies", "replied", "replying",
		"produces", "produced", "producing", "shows", "showed", "showing", "displays", "displayed",
		"leads", "leading", "causes", "caused", "causing", "triggers", "triggered", "triggering",
		"thrown", "raised":
		return cwReports
	case "we", "they", "i", "you", "it", "this", "server", "api", "app":
		return cwSubject
	}
	return pluralKind([]byte(w))
}

// refutePart returns the part the lower-case word w plays in a
// refutation (see refutedAfter).
func refutePart(w string) uint8 {
	switch w {
	case "which", "that", "this", "it":
		return refThat
	case "that's", "it's", "thats":
		return refThatIs
	case "is", "seems", "seem", "looks", "sounds", "was", "feels":
		return refIs
	case "does":
		return refDoes
	case "doesn't", "isn't":
		return refDoesNot
	case "to", "be":
		return refToBe
	case "incorrect", "wrong", "misleading", "inappropriate", "confusing":
		return refWrong
	case "correct", "right", "appropriate", "accurate":
		return refRight
	}
	return refNone
}

// contrastWordList holds the words that wordKind and refutePart list.
var contrastWordList = []string{
	"a", "accurate", "after", "against", "an", "answer", "answered", "answers", "api", "app",
	"appropriate", "be", "by", "caused", "causes", "causing", "change", "changed", "changes",
	"changing", "code", "confusing", "convert", "converted", "converting", "correct", "currently",
	"displayed", "displays", "does", "doesn't", "emits", "endpoints", "error", "errors", "feels",
	"for", "gave", "get", "gets", "getting", "give", "gives", "giving", "got", "http", "i", "if",
	"inappropriate", "incorrect", "instead", "into", "is", "isn't", "issued", "issues", "it", "it's",
	"leading", "leads", "looks", "misleading", "must", "mustn't", "not", "of", "on", "produced",
	"produces", "producing", "raise", "raised", "raises", "raising", "rather", "receive", "received",
	"receiving", "replace", "replaced", "replaces", "replacing", "replied", "replies", "replying",
	"respond", "responded", "responds", "response", "resulting", "results", "return", "returned",
	"returning", "returns", "right", "seem", "seems", "send", "sending", "sends", "sent", "serve",
	"server", "should", "shouldn't", "showed", "showing", "shows", "sounds", "status", "switch",
	"switched", "switches", "switching", "than", "that", "that's", "thats", "the", "they", "this",
	"threw", "throw", "throwing", "thrown", "throws", "to", "triggered", "triggering", "triggers",
	"use", "versus", "vs", "was", "we", "when", "which", "while", "with", "wrong", "yields", "you",
}

// TestContrastTable checks that contrastEntries holds exactly the words
// of contrastWordList with the kind and part that wordKind and refutePart
// give them, each reached through its contrastSlot, and that contrastKind
// agrees with the two functions on listed words and others.
func TestContrastTable(t *testing.T) {
	require.Len(t, contrastEntries, len(contrastWordList))
	var seen [len(contrastSlots)]string
	for i, e := range contrastEntries {
		assert.Equal(t, contrastWordList[i], e.word)
		assert.Equal(t, wordKind(e.word), e.kind, e.word)
		assert.Equal(t, refutePart(e.word), e.ref, e.word)
		k := contrastSlot([]byte(e.word))
		require.Empty(t, seen[k], "%q and %q share slot %#03x: choose another contrastMul", seen[k], e.word, k)
		seen[k] = e.word
		assert.Equal(t, i+1, int(contrastSlots[k]), e.word)
	}
	n := 0
	for _, v := range contrastSlots {
		if v != 0 {
			n++
		}
	}
	assert.Equal(t, len(contrastEntries), n, "contrastSlots has stray slots")
	others := []string{"", "x", "errors", "endpoints", "class", "Returns", "RETURNS", "Shouldn\u2019t", "codes", "status500", "sss", "abcdefghijklmnop", "abcdefghijklmnopq"}
	for _, w := range append(others, contrastWordList...) {
		kind, ref := contrastKind(w)
		lw := strings.ToLower(strings.ReplaceAll(w, curlyApostrophe, "'"))
		if len(lw) > 16 {
			assert.Equal(t, uint8(cwOther), kind, w)
			assert.Equal(t, uint8(refNone), ref, w)
			continue
		}
		assert.Equal(t, wordKind(lw), kind, w)
		assert.Equal(t, refutePart(lw), ref, w)
	}
}

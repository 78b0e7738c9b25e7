package httpref

import "github.com/httpref/httpref/internal/textkey"

// Filler words carry no signal about which status a query is after: the
// words of a question ("what should my api send back when someone ...")
// and the generic words of the domain that every entry shares ("http",
// "status", "code", "response"). Search gives them no weight and leaves
// them out of the share of matched terms, but keeps them in the exact
// phrase test, so that "HTTP Version Not Supported" still matches its
// phrase. A query made only of filler is scored as it is.

// isFiller reports whether t, a term as the tokenizer writes it (lower
// case, stemmed), is a filler word. fillerTerms in the tests lists the
// terms, and TestFillerStems the words each stands for. It looks t up in
// fillerTable, at its fillerSlot, with one comparison.
func isFiller(t []byte) bool {
	if len(t) < minFiller || len(t) > maxFiller {
		return false
	}
	return fillerTable[fillerSlot(t)] == string(t)
}

// The shortest and the longest filler terms.
const (
	minFiller = 2
	maxFiller = 12
)

// fillerSlot returns the slot of fillerTable where t, of minFiller to
// maxFiller bytes, is when it is a filler term: a perfect hash of its
// textkey.SlotKey.
func fillerSlot(t []byte) uint16 {
	return uint16(textkey.SlotKey(t) * fillerMul >> 55)
}

// fillerMul is the multiplier of fillerSlot, chosen so that no two filler
// terms share a slot.
const fillerMul = 0x5674a74f6e44dda1

// fillerTable holds each filler term at its fillerSlot.
// TestFillerTable checks it against the list of filler terms and prints
// a new one when they differ.
var fillerTable = [512]string{
	0x7: "https", 0xc: "thing", 0xe: "somebody", 0x11: "return", 0x13: "try", 0x17: "generic",
	0x26: "just", 0x28: "pleas", 0x2a: "recommend", 0x2d: "must", 0x3d: "someon", 0x3f: "respond",
	0x42: "anyth", 0x46: "semantical", 0x70: "convent", 0x78: "ok", 0x7f: "typical", 0x85: "mean",
	0x88: "think", 0x89: "http", 0x94: "api", 0x97: "used", 0x9c: "way", 0x9d: "normal", 0xa0: "idea",
	0xa1: "her", 0xab: "every", 0xb2: "okay", 0xb3: "sure", 0xb9: "using", 0xbf: "best", 0xc9: "help",
	0xcb: "correct", 0xd2: "expect", 0xd3: "seem", 0xdb: "status", 0xdc: "scenario", 0xde: "mak",
	0xe8: "consider", 0xf6: "practic", 0xfa: "quest", 0xff: "what", 0x100: "see",
	0x108: "conventional", 0x10d: "someth", 0x111: "situ", 0x114: "stil", 0x117: "restful",
	0x119: "right", 0x11c: "use", 0x11f: "appropri", 0x122: "sent", 0x12a: "ask", 0x12b: "tel",
	0x135: "send", 0x13b: "tri", 0x13d: "thank", 0x144: "apis", 0x148: "keep", 0x14f: "giv",
	0x152: "good", 0x154: "shal", 0x15f: "mad", 0x161: "cod", 0x16f: "now", 0x17b: "lik",
	0x18b: "wrong", 0x18d: "rest", 0x18e: "respons", 0x1a2: "reply", 0x1a6: "proper", 0x1aa: "back",
	0x1ad: "general", 0x1b2: "given", 0x1c3: "happen", 0x1c5: "usual", 0x1c8: "whil", 0x1cd: "kind",
	0x1d0: "know", 0x1d4: "each", 0x1d6: "want", 0x1d7: "better", 0x1dd: "need", 0x1e8: "say",
	0x1e9: "vs", 0x1f8: "versus", 0x1fd: "even",
}

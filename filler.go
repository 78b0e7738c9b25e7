package httpref

// Filler words carry no signal about which status a query is after: the
// words of a question ("what should my api send back when someone ...")
// and the generic words of the domain that every entry shares ("http",
// "status", "code", "response"). Search gives them no weight and leaves
// them out of the share of matched terms, but keeps them in the exact
// phrase test, so that "HTTP Version Not Supported" still matches its
// phrase. A query made only of filler is scored as it is.

// isFiller reports whether t, a term as the tokenizer writes it (lower
// case, stemmed), is a filler word. fillerWords in the tests lists the
// words each case stands for.
func isFiller(t []byte) bool {
	switch string(t) {
	case "http", "https", "status", "cod", "api", "apis", "rest", "restful", "return", "respond",
		"send", "sent", "back", "use", "using", "used", "correct", "right", "proper", "appropri",
		"best", "good", "way", "practic", "someon", "somebody", "quest", "ask", "want", "need",
		"lik", "know", "tel", "say", "thing", "someth", "anyth", "situ", "scenario", "shal",
		"must", "reply", "giv", "given", "consider", "better", "semantical", "mean", "pleas",
		"help", "thank", "try", "tri", "whil", "seem", "every", "each", "just", "stil", "even",
		"her", "now", "kind", "mak", "mad", "see", "keep", "happen", "expect", "vs", "versus",
		"what", "ok", "okay", "wrong", "idea", "think", "sure", "recommend",
		"conventional", "convent", "general", "generic", "typical", "usual", "normal",
		"respons":
		return true
	}
	return false
}

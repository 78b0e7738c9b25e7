package httpref

//go:generate go run ./gen/prior

// askPriorWeight weighs askPrior, how often people ask about a code, in
// the ranking of a query with priorMinTerms terms or more that weigh
// something: weighted adds askPriorWeight × askPrior to an entry's score.
// It is a base rate learnt from what people ask, and it decides where the
// evidence is weak: among texts that name no code, hold no message of a
// product and ask about no situation of the concept table, the missed ones
// were mostly about 400, 403, 200 and 404 while the entries that came
// first were rarer codes (431, 428, 414, 202) whose long descriptions share
// a few words with the text. The prior is counted over the tune part only
// (see gen/prior); chosen there (top-1 0.857 at 0, 0.860 at 2, 0.859 at 3
// and 4), the score part rose from 0.827 to 0.832, in four categories of
// five and level in the fifth. With the tune part at 7,059 texts its
// counts are firmer, and 2.5 is the least weight that reaches the tune
// part's best (top-1 0.847 to 0.848, four texts, MRR 0.892 to 0.893; from
// 1.5 to 8 the tune part stays within four texts of it, so the weight
// was not raised further); the score part rose from 0.821 to 0.823.
const askPriorWeight = 2.5

// priorMinTerms is the fewest terms that weigh something for which a query
// gets the ask prior. Shorter queries name what they ask for: a kind of
// code ("log-only codes", "written to logs only") or a topic ("cache"),
// where a base rate would put 502 or 200 before the codes that the words
// name. On the real-world set, 3 gives the same tune part (0.860) and a
// text more on the score part (0.833 against 0.832); 5 gives 0.859 and
// 0.831.
const priorMinTerms = 4

// askPrior holds one weight per entry.
var _ = [1]struct{}{}[len(askPrior)-catalogSize]

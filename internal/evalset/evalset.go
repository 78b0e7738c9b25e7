// Package evalset reads the search evaluation sets of testdata/search and
// scores rankings against them, for the root package's quality tests and
// for the comparison with bleve in internal/benchmarks, so that both read
// the sets, split them and count hits the same way; and it derives from
// the tune part the ask prior of package httpref (GeneratePrior, run by
// gen/prior), how often people ask about each code.
//
// The sets:
//
//   - queries.txt: lines "category | query | codes", as the team would
//     type a query; '#' starts a comment line.
//   - realworld_*.jsonl: texts that real people typed, saw or pasted, one
//     JSON object a line (see REALWORLD.md), split by Tune into a part
//     that ranking changes may be tuned on and a part that is only scored.
//
// A hit is an item whose first result is any of its codes; Stat adds up
// top-1 and reciprocal rank.
package evalset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Item is one text of a set with the codes that are an acceptable answer.
type Item struct {
	Text     string `json:"text"`
	Codes    []int  `json:"codes"`
	Category string `json:"category"`
	URL      string `json:"url"`  // real-world set: where the text was found
	Note     string `json:"note"` // real-world set: why the label is what it is
	File     string `json:"-"`    // the file it came from
	Line     int    `json:"-"`    // its line in File
}

// Tune reports whether a real-world item belongs to the part that ranking
// changes may be tuned on: FNV-32a of the text, modulo 10, is below 6. The
// rest is only scored.
func (it Item) Tune() bool {
	h := fnv.New32a()
	h.Write([]byte(it.Text))
	return h.Sum32()%10 < 6
}

// Where names the item's place, as file:line.
func (it Item) Where() string { return filepath.Base(it.File) + ":" + strconv.Itoa(it.Line) }

// ReadRealWorld reads dir/realworld_*.jsonl. Each line must be an object
// with exactly the keys of Item, a text and at least one code.
func ReadRealWorld(dir string) ([]Item, error) {
	files, err := filepath.Glob(filepath.Join(dir, "realworld_*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("evalset: no realworld_*.jsonl in %s", dir)
	}
	var items []Item
	for _, name := range files {
		err := eachLine(name, func(n int, line string) error {
			if strings.TrimSpace(line) == "" {
				return nil
			}
			dec := json.NewDecoder(strings.NewReader(line))
			dec.DisallowUnknownFields()
			it := Item{File: name, Line: n}
			if err := dec.Decode(&it); err != nil {
				return err
			}
			if it.Text == "" || len(it.Codes) == 0 {
				return fmt.Errorf("want a text and at least one code")
			}
			items = append(items, it)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return items, nil
}

// ReadQueries reads dir/queries.txt.
func ReadQueries(dir string) ([]Item, error) {
	name := filepath.Join(dir, "queries.txt")
	var items []Item
	err := eachLine(name, func(n int, line string) error {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		parts := strings.Split(line, " | ")
		if len(parts) != 3 {
			return fmt.Errorf(`want "category | query | codes"`)
		}
		it := Item{Category: parts[0], Text: parts[1], File: name, Line: n}
		for _, c := range strings.Fields(parts[2]) {
			v, err := strconv.Atoi(c)
			if err != nil {
				return err
			}
			it.Codes = append(it.Codes, v)
		}
		if len(it.Codes) == 0 {
			return fmt.Errorf("no codes")
		}
		items = append(items, it)
		return nil
	})
	return items, err
}

// eachLine calls f with each line of the file and its number, and names
// the file and line in an error.
func eachLine(name string, f func(n int, line string) error) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if err := f(n, sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", filepath.Base(name), n, err)
		}
	}
	return sc.Err()
}

// RankOf returns the 1-based rank of the first of got that is one of want,
// or 0 when none is.
func RankOf(got, want []int) int {
	for i, c := range got {
		if slices.Contains(want, c) {
			return i + 1
		}
	}
	return 0
}

// Stat adds up top-1 hits and reciprocal ranks.
type Stat struct {
	N, Hits int
	RR      float64
}

// Add counts one item that ranked at rank (0: not found).
func (s *Stat) Add(rank int) {
	s.N++
	if rank == 1 {
		s.Hits++
	}
	if rank > 0 {
		s.RR += 1 / float64(rank)
	}
}

// Top1 returns the share of items whose first result was a hit.
func (s Stat) Top1() float64 { return float64(s.Hits) / float64(max(s.N, 1)) }

// MRR returns the mean reciprocal rank (MRR@10 when ranks come from ten
// results).
func (s Stat) MRR() float64 { return s.RR / float64(max(s.N, 1)) }

// Origin is one text of the Explain evaluation set
// (testdata/explain/realworld.jsonl): a text of the real-world search set
// labelled with the software that printed what it quotes.
type Origin struct {
	Text string `json:"text"`
	URL  string `json:"url"`
	// Kind is OriginMessage, OriginGeneric, OriginApp or OriginNone.
	Kind string `json:"kind"`
	// Products names the software that printed the quoted output, as
	// httpref's Signature.Product writes it, or "other:Name" for software
	// that has no signatures; for OriginGeneric, the products known to
	// print those words that fit the text (possibly none).
	Products []string `json:"products"`
	Quote    string   `json:"quote"` // the part of Text that the software printed
	Why      string   `json:"why"`   // what tells the software
	Line     int      `json:"-"`
}

// The kinds of Origin.
const (
	OriginMessage = "message" // quotes output of identifiable software
	OriginGeneric = "generic" // quotes words many products print alike ("502 Bad Gateway")
	OriginApp     = "app"     // quotes an application's own output
	OriginNone    = "none"    // quotes no output: a person's own words
)

// Tune reports whether the text belongs to the part that changes may be
// tuned on, by the rule of Item.Tune.
func (o Origin) Tune() bool { return Item{Text: o.Text}.Tune() }

// ReadOrigins reads the Explain evaluation set at name. Each line must be
// an object with exactly the keys of Origin and a known kind; a message
// names at least one product, an app or none text none; a quote is part
// of its text.
func ReadOrigins(name string) ([]Origin, error) {
	var out []Origin
	err := eachLine(name, func(n int, line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		o := Origin{Line: n}
		if err := dec.Decode(&o); err != nil {
			return err
		}
		switch {
		case o.Text == "" || o.URL == "":
			return fmt.Errorf("want a text and a url")
		case !slices.Contains([]string{OriginMessage, OriginGeneric, OriginApp, OriginNone}, o.Kind):
			return fmt.Errorf("kind %q: want message, generic, app or none", o.Kind)
		case o.Kind == OriginMessage && len(o.Products) == 0:
			return fmt.Errorf("a message names the products that printed it")
		case (o.Kind == OriginApp || o.Kind == OriginNone) && len(o.Products) > 0:
			return fmt.Errorf("kind %s names no product", o.Kind)
		case !strings.Contains(o.Text, o.Quote):
			return fmt.Errorf("quote %q is not part of the text", o.Quote)
		}
		out = append(out, o)
		return nil
	})
	return out, err
}

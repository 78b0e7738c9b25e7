package httpstatus

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// codeList is a flag.Value for a comma-separated list of status codes.
type codeList struct{ codes *[]int }

func (l codeList) String() string {
	if l.codes == nil {
		return ""
	}
	parts := make([]string, len(*l.codes))
	for i, c := range *l.codes {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, ",")
}

func (l codeList) Set(s string) error {
	var codes []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		c, err := strconv.Atoi(f)
		if err != nil {
			return fmt.Errorf("not a status code: %q", f)
		}
		codes = append(codes, c)
	}
	*l.codes = codes
	return nil
}

// categoryList is a flag.Value for a comma-separated list of categories.
type categoryList struct{ names *[]string }

func (l categoryList) String() string {
	if l.names == nil {
		return ""
	}
	return strings.Join(*l.names, ",")
}

func (l categoryList) Set(s string) error {
	var names []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !slices.Contains(Categories(), f) {
			return fmt.Errorf("unknown category %q (want one of %s)", f, strings.Join(Categories(), ", "))
		}
		names = append(names, f)
	}
	*l.names = names
	return nil
}

var _ flag.Value = codeList{}

// placeList is a flag.Value for a comma-separated list of places.
type placeList struct{ places *[]Place }

func (l placeList) String() string {
	if l.places == nil {
		return ""
	}
	parts := make([]string, len(*l.places))
	for i, p := range *l.places {
		parts[i] = p.String()
	}
	return strings.Join(parts, ",")
}

func (l placeList) Set(s string) error {
	var places []Place
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := ParsePlace(f)
		if err != nil {
			return err
		}
		places = append(places, p)
	}
	*l.places = places
	return nil
}

var (
	_ flag.Value = categoryList{}
	_ flag.Value = placeList{}
)

package contract

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Duration is the normalised form of a duration string. Policies compare Days; Text keeps what the
// author wrote so findings can quote it back.
type Duration struct {
	Text       string
	Days       float64
	Indefinite bool
}

// daysPer converts one unit into calendar days. A month is a twelfth of a year so that 12mo is
// exactly one year (365 days), and a working day is 7/5 of a calendar day so that 5wd is a week.
var daysPer = map[string]float64{
	"min": 1.0 / 1440,
	"h":   1.0 / 24,
	"d":   1,
	"wd":  7.0 / 5,
	"w":   7,
	"mo":  365.0 / 12,
	"y":   365,
}

// maxDurationNumber keeps durations within what a contract could mean and what float64 holds
// exactly; larger numbers are typing mistakes.
const maxDurationNumber = 1_000_000

// ParseDuration reads a duration as typed in a contract: a whole number and a unit (30d, 12mo,
// 48h, 7wd), or "indefinite", or "none" (zero).
func ParseDuration(s string) (Duration, error) {
	switch s {
	case "indefinite":
		return Duration{Text: s, Indefinite: true}, nil
	case "none":
		return Duration{Text: s}, nil
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) {
		return Duration{}, fmt.Errorf("invalid duration %q: want a whole number and a unit (min, h, d, wd, w, mo, y) such as 30d or 12mo, or indefinite or none", s)
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n > maxDurationNumber {
		return Duration{}, fmt.Errorf("invalid duration %q: number too large", s)
	}
	per, ok := daysPer[s[i:]]
	if !ok && strings.HasPrefix(s[i:], " ") {
		return Duration{}, fmt.Errorf("invalid duration %q: write the number and a unit code without a space: min, h, d, wd, w, mo, y (e.g. 12mo, 30d)", s)
	}
	if !ok {
		return Duration{}, fmt.Errorf("invalid duration %q: unknown unit %q, want one of min, h, d, wd, w, mo, y", s, s[i:])
	}
	// Rounded to 1/1000 day so that 1mo prints as 30.417, not a long binary fraction.
	days := math.Round(float64(n)*per*1000) / 1000
	return Duration{Text: s, Days: days}, nil
}

// Value is the form policies see: {text, days} or {text, indefinite: true}.
func (d Duration) Value() map[string]any {
	if d.Indefinite {
		return map[string]any{"text": d.Text, "indefinite": true}
	}
	return map[string]any{"text": d.Text, "days": jsonNumber(d.Days)}
}

func jsonNumber(f float64) any {
	return numberOf(strconv.FormatFloat(f, 'f', -1, 64))
}

// numberWords maps number words of Dutch and English to their value. Multipliers (hundred and
// up) are marked by value >= 100 and handled by the parser.
var numberWords = map[string]int64{
	// Dutch
	"nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
	"negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
	"zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30,
	"veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
	"honderd": 100, "duizend": 1000, "miljoen": 1_000_000, "miljard": 1_000_000_000,
	// English
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
}

// fillerWords carry no value: conjunctions, and the currency the words are usually followed by.
var fillerWords = map[string]bool{
	"en": true, "and": true,
	"euro": true, "euros": true, "eur": true, "dollar": true, "dollars": true, "usd": true,
	"pond": true, "pound": true, "pounds": true, "gbp": true,
}

// longestWord is the length of the longest entry of numberWords and fillerWords, to bound the
// greedy split of Dutch compounds.
const longestWord = 10

// ParseNumberWords reads an amount written in Dutch or English words ("vijfhonderd euro",
// "tweeëntwintigduizend", "one hundred and fifty thousand") as a number. Dutch writes numbers as one
// compound word, so each word is split greedily into known parts.
func ParseNumberWords(s string) (int64, error) {
	text := foldAccents(strings.ToLower(s))
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '-' || r == '\t' || r == '\n' || r == ',' || r == '(' || r == ')' || r == '.'
	})
	var parts []string
	for _, f := range fields {
		p, err := splitCompound(f)
		if err != nil {
			return 0, fmt.Errorf("cannot read %q as a number in words: %w", s, err)
		}
		parts = append(parts, p...)
	}
	var total, current int64
	seen := false
	for _, p := range parts {
		if fillerWords[p] {
			continue
		}
		v, ok := numberWords[p]
		if !ok {
			var err error
			if v, err = strconv.ParseInt(p, 10, 64); err != nil {
				return 0, fmt.Errorf("cannot read %q as a number in words: unknown word %q", s, p)
			}
		}
		seen = true
		// Checked before the arithmetic: a group of digits, or a product of two in range, can
		// pass int64's range and wrap round to a negative amount.
		const limit = int64(1e15)
		if v > limit || v >= 1000 && current > limit/v {
			return 0, fmt.Errorf("cannot read %q as a number in words: too large", s)
		}
		switch {
		case v == 100:
			if current == 0 {
				current = 1
			}
			current *= 100
		case v >= 1000:
			if current == 0 {
				current = 1
			}
			total += current * v
			current = 0
		default:
			current += v
		}
		if total > 1e15 || current > 1e15 {
			return 0, fmt.Errorf("cannot read %q as a number in words: too large", s)
		}
	}
	if !seen {
		return 0, fmt.Errorf("cannot read %q as a number in words: no number found", s)
	}
	return total + current, nil
}

// splitCompound splits a word such as "vijfentwintigduizend" into "vijf", "en", "twintig",
// "duizend", taking the longest known part first.
func splitCompound(w string) ([]string, error) {
	var out []string
	for len(w) > 0 {
		if w[0] >= '0' && w[0] <= '9' {
			j := 0
			for j < len(w) && w[j] >= '0' && w[j] <= '9' {
				j++
			}
			out = append(out, w[:j])
			w = w[j:]
			continue
		}
		found := 0
		for l := min(len(w), longestWord); l > 0; l-- {
			if _, ok := numberWords[w[:l]]; ok || fillerWords[w[:l]] {
				found = l
				break
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("unknown word %q", w)
		}
		out = append(out, w[:found])
		w = w[found:]
	}
	return out, nil
}

// foldAccents removes the diaeresis and acute accents Dutch puts on number words (één,
// tweeëntwintig) so that the lexicon needs only plain letters.
func foldAccents(s string) string {
	return strings.NewReplacer("é", "e", "ë", "e", "è", "e", "ï", "i", "ó", "o", "ö", "o").Replace(s)
}

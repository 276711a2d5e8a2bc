package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
	"github.com/termlint/termlint/schema"
)

// DefaultWaiverMonths is how far ahead a waiver may expire when the policy does not say.
const DefaultWaiverMonths = 12

// maxWaiversBytes bounds a waivers file: a few hundred waivers fit in a few tens of KiB, so
// anything near this size is a mistake or an attack.
const maxWaiversBytes = 1 << 20

// WaiverPolicy is what the trusted config (.termlint.yaml from the base branch) allows a waiver
// to say. It must not come from the pull request that carries the waivers: whoever writes a
// waiver could otherwise also write who may approve it and for how long.
type WaiverPolicy struct {
	// Approvers lists who may accept a deviation, compared with approved_by after trimming,
	// collapsing white space and case folding. Empty means anyone (with a warning).
	Approvers []string
	// MaxMonths is the furthest a waiver may expire, in calendar months from the day of the
	// run; 0 means DefaultWaiverMonths.
	MaxMonths int
}

// Waiver accepts one rule's failure on matching contracts until it expires.
type Waiver struct {
	Rule     string
	Contract string
	// Article, when set, narrows the waiver to findings whose sources cite that article
	// (compared after NormaliseArticle).
	Article string
	// Path, when set, narrows the waiver to findings at or below that place in the contract:
	// the keys and list indexes of a dotted path such as liability.cap.
	Path       []string
	Reason     string
	ApprovedBy string
	// Expires is the last day the waiver applies.
	Expires time.Time
	// File, Line and Column locate the waiver, for the warning when it is unused.
	File         string
	Line, Column int
}

// Narrowed reports whether the waiver applies to some findings of a rule rather than all.
func (w *Waiver) Narrowed() bool { return w.Article != "" || len(w.Path) > 0 }

// WaiverFile is a loaded waivers file. When Errors is not empty, Waivers is nil: applying part of
// a broken file would fail or pass contracts for the wrong reason.
type WaiverFile struct {
	Waivers []Waiver
	// Errors are input errors: a malformed waiver, an approver not in the policy, an expiry
	// beyond the policy's horizon, a waiver scoped to nothing.
	Errors []Diagnostic
	// Warnings do not stop the run: an expired waiver, approvers not restricted by a policy.
	Warnings []Diagnostic
}

// NormaliseArticle folds case and white space and drops a leading "art.", "article" or
// "artikel", so that "Art.  8.1", "art. 8.1" and the "8.1" a contract's src usually holds are
// the same article, while "8.10" stays another.
func NormaliseArticle(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, p := range []string{"article ", "artikel ", "art. ", "art.", "art "} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return rest
		}
	}
	return s
}

// LoadWaivers reads a waivers file and judges it against policy on the date today. Content
// problems come back in the file's Errors with line and column; an error means the file could
// not be read (it wraps ErrUnreadable).
func LoadWaivers(file string, limits Limits, policy WaiverPolicy, today time.Time) (*WaiverFile, error) {
	if limits == (Limits{}) {
		limits = DefaultLimits()
	}
	s, err := compileSchema(schema.WaiversID, schema.Waivers())
	if err != nil {
		return nil, err
	}
	limit := min(limits.MaxBytes, maxWaiversBytes)
	data, err := readWaivers(file, limit)
	var tooBig *tooLargeError
	if errors.As(err, &tooBig) {
		msg := fmt.Sprintf("waivers file is larger than the limit of %d bytes", limit)
		return &WaiverFile{Errors: []Diagnostic{{File: file, Line: 1, Column: 1, Message: msg}}}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseWaivers(s, file, data, limits, policy, today), nil
}

// parseWaivers judges the content of a waivers file; the schema is compiled by the caller, so a
// fuzz target can call it many times without recompiling.
func parseWaivers(s *Schema, file string, data []byte, limits Limits, policy WaiverPolicy, today time.Time) *WaiverFile {
	out := &WaiverFile{}
	if len(policy.Approvers) == 0 {
		out.Warnings = append(out.Warnings, Diagnostic{
			File: file, Line: 1, Column: 1,
			Message: "waiver approvers are not restricted: any approved_by is accepted; set waiver_policy.approvers in the trusted .termlint.yaml (see docs/waivers.md)",
		})
	}
	fail := func(ds ...Diagnostic) *WaiverFile {
		out.Errors = append(out.Errors, ds...)
		return out
	}
	if d, bad := checkText(file, data); bad {
		return fail(d)
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return fail(Diagnostic{File: file, Line: 1, Column: 1, Message: "empty waivers file: expected a mapping with a waivers list"})
		}
		return fail(syntaxDiagnostic(file, data, err))
	}
	c := &document{File: file, root: &root}
	m, diags := decode(c, limits, s, "a waivers file (a mapping with a waivers list)")
	if len(diags) > 0 {
		return fail(diags...)
	}
	j := waiverJudge{c: c, policy: policy, day: dayOf(today)}
	months := policy.MaxMonths
	if months <= 0 {
		months = DefaultWaiverMonths
	}
	j.months = months
	j.horizon = addMonths(j.day, months)
	list, _ := m["waivers"].([]any)
	ws := make([]Waiver, 0, len(list))
	for i, e := range list {
		if w, ok := j.waiver(i, e); ok {
			ws = append(ws, w)
		}
	}
	out.Warnings = append(out.Warnings, j.warnings...)
	if len(j.errors) > 0 {
		return fail(j.errors...)
	}
	out.Waivers = ws
	return out
}

// waiverJudge checks each waiver of a file against the policy, collecting every problem so that
// one run shows them all.
type waiverJudge struct {
	c                *document
	policy           WaiverPolicy
	day, horizon     time.Time
	months           int
	errors, warnings []Diagnostic
}

func (j *waiverJudge) at(path []any, format string, args ...any) Diagnostic {
	line, col := j.c.Position(path)
	return Diagnostic{File: j.c.File, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}
}

func (j *waiverJudge) waiver(i int, e any) (Waiver, bool) {
	m, _ := e.(map[string]any)
	str := func(k string) string { s, _ := m[k].(string); return s }
	field := func(k string) []any { return []any{"waivers", i, k} }
	n := len(j.errors)
	line, col := j.c.Position([]any{"waivers", i})
	w := Waiver{
		Rule: strings.TrimSpace(str("rule")), Contract: strings.TrimSpace(str("contract")),
		Reason: str("reason"), ApprovedBy: str("approved_by"),
		File: j.c.File, Line: line, Column: col,
	}
	// A waiver that can match nothing is a mistake the author cannot see: it waives nothing
	// and fails nothing, so it is refused rather than carried as a silent no-op.
	if w.Rule == "" {
		j.errors = append(j.errors, j.at(field("rule"), "waivers.%d.rule: blank: the waiver is scoped to nothing", i))
	}
	if w.Contract == "" {
		j.errors = append(j.errors, j.at(field("contract"), "waivers.%d.contract: blank: the waiver is scoped to nothing", i))
	} else if _, err := path.Match(w.Contract, ""); err != nil {
		j.errors = append(j.errors, j.at(field("contract"), "waivers.%d.contract: %q is not a valid pattern (%v): the waiver is scoped to nothing", i, w.Contract, err))
	}
	if a, ok := m["article"].(string); ok {
		w.Article = strings.Join(strings.Fields(a), " ")
		if w.Article == "" {
			j.errors = append(j.errors, j.at(field("article"), "waivers.%d.article: blank: the waiver is scoped to nothing; give the article as the contract's src art, or leave the key out", i))
		}
	}
	if p, ok := m["path"].(string); ok {
		w.Path = strings.Split(strings.TrimSpace(p), ".")
		for _, seg := range w.Path {
			if seg == "" {
				j.errors = append(j.errors, j.at(field("path"), "waivers.%d.path: %q is not a dotted path such as liability.cap: the waiver is scoped to nothing", i, p))
				break
			}
		}
	}
	if len(j.policy.Approvers) > 0 && !listed(j.policy.Approvers, w.ApprovedBy) {
		j.errors = append(j.errors, j.at(field("approved_by"), "waivers.%d.approved_by: %q is not in the waiver policy's approvers (waiver_policy.approvers in the trusted .termlint.yaml)", i, w.ApprovedBy))
	}
	exp, err := time.Parse(time.DateOnly, str("expires"))
	switch {
	case err != nil:
		j.errors = append(j.errors, j.at(field("expires"), "waivers.%d.expires: %q is not a date (YYYY-MM-DD)", i, str("expires")))
	case exp.After(j.horizon):
		j.errors = append(j.errors, j.at(field("expires"), "waivers.%d.expires: expires %s is more than %d months after %s; the waiver policy allows at most %d months (until %s)",
			i, exp.Format(time.DateOnly), j.months, j.day.Format(time.DateOnly), j.months, j.horizon.Format(time.DateOnly)))
	case exp.Before(j.day):
		// Not an input error: the failure it accepted simply counts again, which is what an
		// expiry is for; the warning says which waiver to renew or remove.
		j.warnings = append(j.warnings, Diagnostic{File: j.c.File, Line: line, Column: col, Message: fmt.Sprintf(
			"waivers.%d: expired on %s: rule %s fails again on contracts matching %q; renew the waiver (with approval) or remove it",
			i, exp.Format(time.DateOnly), w.Rule, w.Contract)})
	}
	w.Expires = exp
	return w, len(j.errors) == n
}

// listed reports whether approver is in the allow-list, ignoring case and differences in white
// space, so that "Jane.Doe@buyer.example " matches "jane.doe@buyer.example".
func listed(allow []string, approver string) bool {
	a := strings.Join(strings.Fields(approver), " ")
	if a == "" {
		return false
	}
	for _, x := range allow {
		if strings.EqualFold(strings.Join(strings.Fields(x), " "), a) {
			return true
		}
	}
	return false
}

// dayOf is t's calendar date, as the UTC midnight that time.Parse gives a YYYY-MM-DD, so that
// dates compare by day whatever t's clock time and zone.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// addMonths moves day n calendar months ahead, keeping the day of the month where it exists and
// taking the month's last day where it does not (31 January + 1 month is 28 or 29 February,
// not 3 March, which time.AddDate would give and which would stretch the horizon).
func addMonths(day time.Time, n int) time.Time {
	first := time.Date(day.Year(), day.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(day.Day(), last), 0, 0, 0, 0, time.UTC)
}

// readWaivers reads a regular file of at most limit bytes. The open does not block, so a FIFO
// cannot hang the run, and the type is checked on the opened file, so a swap after a check
// cannot slip a device in.
func readWaivers(file string, limit int64) ([]byte, error) {
	f, info, err := safefile.Open(file)
	if errors.Is(err, safefile.ErrNotRegular) {
		kind := "not a file"
		if fi, serr := os.Stat(file); serr == nil {
			kind = kindOfFile(fi.Mode())
		}
		return nil, fmt.Errorf("%w: waivers file %s: %s, not a regular file", ErrUnreadable, file, kind)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: waivers file: %w", ErrUnreadable, err)
	}
	// A read-only file: a failed Close loses nothing.
	defer func() { _ = f.Close() }()
	if info.Size() > limit {
		return nil, &tooLargeError{limit}
	}
	data, err := readLimited(f, limit)
	if err != nil && !errors.As(err, new(*tooLargeError)) {
		return nil, fmt.Errorf("%w: reading waivers file %s: %w", ErrUnreadable, file, err)
	}
	return data, err
}

func kindOfFile(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

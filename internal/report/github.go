package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

const (
	// annotationLimit is how many annotations of one level GitHub shows per step; the rest are
	// dropped silently, so we print the most severe first and say how many were left out.
	annotationLimit = 10
	// StepSummaryLimit is GitHub's cap on a step's job summary; past it the summary is not shown.
	StepSummaryLimit = 1 << 20
	// minSummaryBytes is the least room worth writing a summary into.
	minSummaryBytes = 4 << 10
)

// GitHub writes GitHub Actions workflow commands (::error file=...::message), so findings appear
// as annotations on the pull request, and appends the Markdown summary to the job summary.
type GitHub struct {
	// SummaryPath is the job summary file ($GITHUB_STEP_SUMMARY); empty writes no summary. The
	// command line fills it, so that Write depends on its arguments alone.
	SummaryPath string
	// Changed holds the files the pull request changed (slash paths): their failures are
	// annotated right after the new ones. Nil ranks no file above another.
	Changed map[string]bool
}

// annotation is one workflow command before escaping.
type annotation struct {
	level     string // error, warning or notice
	file      string
	line, col int // 0 leaves them out: the annotation is on the file
	title     string
	message   string
	// rank orders annotations within a level: rankFirst for what a reviewer must see (input
	// errors, run warnings, new failures), rankChanged for findings in a changed file, rankRest
	// for the others. The limit of annotations per level falls on the later ranks.
	rank int
	// isNew marks a failure the baseline lacks.
	isNew bool
}

const (
	rankFirst = iota
	rankChanged
	rankRest
	ranks
)

// annotationLevels are the levels, most severe first: the order they are written in.
func annotationLevels() []string { return []string{"error", "warning", "notice"} }

// levelTally is what the counting pass keeps of one level: how many annotations each rank has
// and the first annotationLimit of each, the most that can be shown.
type levelTally struct {
	count [ranks]int
	newN  int
	first [ranks][]annotation
	// shown[k] is how many of rank k are shown: the ranks fill the level's room in order.
	shown [ranks]int
}

func (t *levelTally) total() int {
	return t.count[rankFirst] + t.count[rankChanged] + t.count[rankRest]
}

// fill gives the level's room to the ranks in order and returns how many are shown.
func (t *levelTally) fill(room int) int {
	n := 0
	for k := range ranks {
		t.shown[k] = min(t.count[k], room-n)
		n += t.shown[k]
	}
	return n
}

// hiddenNew counts the new failures of the level that are not shown as annotations.
func (t *levelTally) hiddenNew(shownNew int) int { return t.newN - shownNew }

// Write makes one pass over the results to count each level's annotations by rank and keep the
// few of each that can be shown, then, only when some were over the limit, one more pass per
// level and rank with some left over, so no more than annotationLimit annotations of a level and
// rank are held at a time. A pass over spooled results reads them back from the spool, which is
// cheaper than holding them (see docs/benchmarks.md): in a pull request the new failures fit, so
// the extra passes are those of the old failures, one or two per level.
//
// Within a level, new failures come first, then failures in files the pull request changed, then
// the rest, each in report order: GitHub shows only annotationLimit per level, and a reviewer
// must see what the pull request brings before what was already there.
func (g GitHub) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	tallies := map[string]*levelTally{}
	for _, level := range annotationLevels() {
		tallies[level] = &levelTally{}
	}
	err := g.eachAnnotation(r, func(a annotation) error {
		t := tallies[a.level]
		t.count[a.rank]++
		if a.isNew {
			t.newN++
		}
		if len(t.first[a.rank]) < annotationLimit {
			t.first[a.rank] = append(t.first[a.rank], a)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("writing GitHub annotations: %w", err)
	}
	where := "in the log below"
	if g.SummaryPath != "" {
		where = "in the job summary"
	}
	// The "N more" notices themselves take notice slots; reserving them keeps them visible.
	noticeRoom := annotationLimit
	for _, level := range []string{"error", "warning"} {
		if tallies[level].total() > annotationLimit {
			noticeRoom--
		}
	}
	if tallies["notice"].total() > noticeRoom {
		noticeRoom--
	}
	for _, level := range annotationLevels() {
		t := tallies[level]
		room := annotationLimit
		if level == "notice" {
			room = noticeRoom
		}
		shown := t.fill(room)
		shownNew := 0
		for k := range ranks {
			for _, a := range t.first[k][:t.shown[k]] {
				if a.isNew {
					shownNew++
				}
				writeAnnotation(w, a)
			}
		}
		if rest := t.total() - shown; rest > 0 {
			msg := fmt.Sprintf("%d more %s not shown as annotations (GitHub shows %d per step)", rest, pluralWord(rest, level), annotationLimit)
			if hidden := t.hiddenNew(shownNew); hidden > 0 {
				msg += fmt.Sprintf(", %d of them new", hidden)
			}
			writeCommand(w, "notice", nil, msg+": see them "+where)
		}
	}
	if err := g.writeHidden(w, r, tallies); err != nil {
		return fmt.Errorf("writing GitHub annotations: %w", err)
	}
	if g.SummaryPath != "" {
		if err := g.appendSummary(w, r); err != nil {
			return err
		}
	}
	writeLogLine(w, "termlint: "+totalsLine(r))
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing GitHub annotations: %w", err)
	}
	return nil
}

// writeHidden writes the annotations past each level's room to the log as plain lines (folded):
// the runner would drop them as annotations, and nothing is lost when there is no job summary.
// They come in the order the annotations would: by rank, then in report order.
func (g GitHub) writeHidden(w io.Writer, r *Report, tallies map[string]*levelTally) error {
	group := false
	for _, level := range annotationLevels() {
		t := tallies[level]
		if t.total() <= t.shown[rankFirst]+t.shown[rankChanged]+t.shown[rankRest] {
			continue
		}
		if !group {
			writeCommand(w, "group", nil, "Findings beyond the annotation limit")
			group = true
		}
		for k := range ranks {
			if t.count[k] <= t.shown[k] {
				continue
			}
			seen := 0
			err := g.eachAnnotation(r, func(a annotation) error {
				if a.level != level || a.rank != k {
					return nil
				}
				if seen++; seen <= t.shown[k] {
					return nil
				}
				// Each line is checked on its own: a message's continuation lines are untrusted
				// text from their first character on.
				text := "  " + location(a.file, a.line, a.col) + ": " + a.level + " " + cleanLine(a.title) + " " + indentLines(cleanText(a.message), "      ")
				for _, line := range strings.Split(text, "\n") {
					writeLogLine(w, line)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	if group {
		writeCommand(w, "endgroup", nil, "")
	}
	return nil
}

// appendSummary adds the Markdown summary to the step's summary file, sized to the room the step
// has left: GitHub drops a summary over the limit whole, including what other tools wrote.
func (g GitHub) appendSummary(w io.Writer, r *Report) error {
	used := int64(0)
	st, err := os.Stat(g.SummaryPath)
	switch {
	case err == nil:
		used = st.Size()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("job summary: %w", err)
	}
	room := StepSummaryLimit - int(used) - 1
	if room < minSummaryBytes {
		writeCommand(w, "warning", nil, fmt.Sprintf("the job summary %s already holds %d bytes: termlint's summary was not added", cleanLine(g.SummaryPath), used))
		return nil
	}
	var md bytes.Buffer
	if used > 0 {
		// Another step's Markdown may end without a blank line; ours starts with a heading.
		md.WriteString("\n")
	}
	if err := (Markdown{MaxBytes: min(room-md.Len(), DefaultMarkdownBytes)}).Write(&md, r); err != nil {
		return err
	}
	f, err := os.OpenFile(g.SummaryPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	_, werr := f.Write(md.Bytes())
	// A failed close can lose buffered data, so it is reported like a failed write.
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
}

// eachAnnotation calls fn with what to annotate, in report order: input errors first (whole
// contracts went unchecked), then warnings of the run, then rule findings by contract and rule.
// Waived findings are left out: they were accepted, and would crowd out real problems within the
// per-level limit; the job summary lists them.
func (g GitHub) eachAnnotation(r *Report, fn func(annotation) error) error {
	for _, d := range r.InputErrors {
		if err := fn(annotation{level: "error", file: slashPath(d.File), line: d.Line, col: d.Column, title: InputErrorRuleID, message: d.Message, rank: rankFirst}); err != nil {
			return err
		}
	}
	for _, d := range r.Warnings {
		if err := fn(annotation{level: "warning", file: slashPath(d.File), line: d.Line, col: d.Column, title: WarningRuleID, message: d.Message, rank: rankFirst}); err != nil {
			return err
		}
	}
	return r.each(func(res *engine.Result) error {
		file := slashPath(res.File)
		changed := g.Changed[file]
		for _, rr := range byRuleID(res) {
			level := annotationLevel(rr)
			if level == "" {
				continue
			}
			title := rr.Rule.ID
			if rr.Rule.Title != "" {
				title += ": " + rr.Rule.Title
			}
			if res.Contract != res.File {
				title += " (" + res.Contract + ")"
			}
			for i, f := range result.FindingsOf(rr) {
				a := annotation{level: level, file: slashPath(f.FileOf(res)), line: f.Line, col: f.Column, title: title, rank: rankRest}
				if f.Open {
					a.level = "notice"
				}
				a.message = verdictPrefix(rr.Verdict) + findingText(f)
				if rr.Waiver != nil && rr.Waiver.Expired {
					a.message += "\n" + waiverText(rr.Waiver)
				}
				switch {
				case r.IsNewFinding(res, rr, i):
					a.isNew, a.rank = true, rankFirst
					a.title = "new: " + title
				case changed:
					a.rank = rankChanged
				}
				if err := fn(a); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// annotationLevel maps a verdict to a workflow command; unknown is a notice because nothing was
// shown to be wrong.
func annotationLevel(rr *engine.RuleResult) string {
	switch rr.Verdict {
	case engine.Error:
		return "error"
	case engine.Unknown:
		return "notice"
	case engine.Fail:
		switch rr.Rule.Severity {
		case engine.SeverityError:
			return "error"
		case engine.SeverityWarning:
			return "warning"
		}
		return "notice"
	}
	return ""
}

// writeAnnotation writes an annotation; its text is cleaned like the text format's, so the log
// and the pull request show what a terminal would.
func writeAnnotation(w io.Writer, a annotation) {
	props := []property{{"file", cleanLine(a.file)}}
	if a.line > 0 {
		props = append(props, property{"line", strconv.Itoa(a.line)})
		if a.col > 0 {
			props = append(props, property{"col", strconv.Itoa(a.col)})
		}
	}
	props = append(props, property{"title", cleanLine(a.title)})
	writeCommand(w, a.level, props, cleanText(a.message))
}

func pluralWord(n int, level string) string {
	if n == 1 {
		return level
	}
	return level + "s"
}

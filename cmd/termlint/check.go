package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/termlint/termlint/internal/config"
	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

// policyFlags select and tune the policies; check, test, rules and bundle share them.
type policyFlags struct {
	dirs      []string
	noDefault bool
	params    []string
	profile   string
}

func (pf *policyFlags) register(fs flagSet) {
	fs.StringArrayVarP(&pf.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable)")
	fs.BoolVar(&pf.noDefault, "no-default", false, "leave out the embedded default playbook; use only -p directories")
	fs.StringArrayVar(&pf.params, "params", nil, "params file overriding thresholds key by key (repeatable, applied in order)")
	fs.StringVar(&pf.profile, "profile", "", "buyer profile: a params file from the playbook's profiles (e.g. financial-entity) or a path")
}

func (pf *policyFlags) options(tests bool) engine.Options {
	return engine.Options{Dirs: pf.dirs, NoDefault: pf.noDefault, Params: pf.params, Profile: pf.profile, Tests: tests}
}

type checkFlags struct {
	loadFlags
	policyFlags
	format      string
	failOn      string
	showPassed  bool
	timeout     time.Duration
	runTimeout  time.Duration
	color       string
	reports     []string
	waivers     string
	baseline    string
	changed     string
	changedOnly bool
	sarifCat    string
	configPath  string
	noConfig    bool
	today       string
	prof        profileFlags
	trust       trustFlags

	// waiverPolicy comes from the config, never a flag: see docs/waivers.md.
	waiverPolicy contract.WaiverPolicy
}

func runCheck(e *env, args []string) int {
	fs := newFlags(e, "check", "check [flags] [paths...]\n\nValidates contract YAML files (directories are searched for *.yaml and *.yml; - reads standard input),\nthen evaluates every valid contract against the playbook. An invalid contract is reported as an\ninput error and not linted.\nExit 0 no failure at the fail-on level, 1 failures at that level, 2 usage, input or policy error.")
	var cf checkFlags
	cf.loadFlags.register(fs)
	cf.policyFlags.register(fs)
	fs.StringVarP(&cf.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&cf.failOn, "fail-on", "error", "lowest severity that fails the run: error, warning or never")
	fs.BoolVar(&cf.showPassed, "show-passed", false, "list every rule's verdict (a pre-signing checklist), not only failures")
	fs.DurationVar(&cf.timeout, "timeout", engine.DefaultTimeout, fmt.Sprintf("time limit for evaluating one contract (at most %s)", engine.MaxTimeout))
	fs.DurationVar(&cf.runTimeout, "run-timeout", defaultRunTimeout, "time limit for evaluating all contracts; those left are reported as not evaluated")
	fs.StringVar(&cf.color, "color", "auto", "colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.StringArrayVar(&cf.reports, "report", nil, "also write FORMAT=PATH, e.g. sarif=termlint.sarif (repeatable)")
	fs.StringVar(&cf.waivers, "waivers", "", "waivers file: accepted deviations with reason, approver and expiry")
	fs.StringVar(&cf.baseline, "baseline", "", "JSON output of an earlier run: only new failures count toward the exit code")
	fs.BoolVar(&cf.changedOnly, "changed-only", false, "check only the contracts listed in --changed (a pull request's own), not every contract found")
	fs.StringVar(&cf.changed, "changed", "", "file listing the paths a pull request changed, one a line: the github format annotates their failures right after the new ones")
	fs.StringVar(&cf.sarifCat, "sarif-category", report.DefaultSARIFCategory, "category of the SARIF run (automationDetails.id), to keep separate termlint analyses of one commit apart")
	fs.StringVar(&cf.configPath, "config", "", "config file (default: .termlint.yaml found by walking up from the first path)")
	fs.BoolVar(&cf.noConfig, "no-config", false, "ignore .termlint.yaml")
	cf.trust.register(fs)
	fs.StringVar(&cf.today, "today", "", "date waivers are judged on, YYYY-MM-DD (default: today)")
	_ = fs.MarkHidden("today")
	cf.prof.register(fs)
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	trusted, err := applyConfig(fs, &cf)
	defer trusted.cleanup()
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	if cf.timeout > engine.MaxTimeout {
		return errorf(e, "check", "the time limit per contract (--timeout or the config's timeout) is %s: at most %s is allowed", cf.timeout, engine.MaxTimeout)
	}
	if cf.runTimeout <= 0 {
		return errorf(e, "check", "--run-timeout must be positive, got %s", cf.runTimeout)
	}
	runCtx, cancelRun := context.WithTimeout(context.Background(), cf.runTimeout)
	defer cancelRun()
	if !oneOf(cf.failOn, "error", "warning", "never") {
		return errorf(e, "check", "--fail-on must be error, warning or never, got %q", cf.failOn)
	}
	if !oneOf(cf.color, "auto", "always", "never") {
		return errorf(e, "check", "--color must be auto, always or never, got %q", cf.color)
	}
	ropts := report.Options{Color: useColor(e, cf.color), ShowPassed: cf.showPassed, SummaryPath: e.getenv("GITHUB_STEP_SUMMARY"), SARIFCategory: cf.sarifCat}
	if cf.changed != "" {
		if ropts.Changed, err = report.ReadChanged(cf.changed); err != nil {
			return errorf(e, "check", "%v", err)
		}
	}
	writer, err := report.New(cf.format, ropts)
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	extra, err := extraReports(cf.reports, ropts)
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	today := time.Now()
	if cf.today != "" {
		if today, err = time.Parse(time.DateOnly, cf.today); err != nil {
			return errorf(e, "check", "--today must be YYYY-MM-DD: %v", err)
		}
	}
	stopCPU, err := cf.prof.startCPU()
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	defer func() {
		if err := stopCPU(); err != nil {
			fmt.Fprintf(e.stderr, "termlint check: %v\n", err)
		}
	}()
	gc := tuneGC(e)
	defer gc.restore()
	// Parsing the policies does not need the contract schema, so it runs while the schema
	// compiles and the paths are searched: start-up is most of a run on a few contracts.
	type loaded struct {
		policies *engine.Policies
		err      error
	}
	policies := make(chan loaded, 1)
	go func() {
		p, err := engine.Load(cf.options(false))
		policies <- loaded{p, err}
	}()
	files, loader, err := cf.prepare(fs.Args(), "check")
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	if cf.changedOnly {
		if cf.changed == "" {
			return errorf(e, "check", "--changed-only needs --changed FILE, the list of changed paths")
		}
		files = onlyChanged(files, ropts.Changed)
	}
	pol := <-policies
	if pol.err != nil {
		return policyFailure(e, "check", pol.err)
	}
	ctx := context.Background()
	eng, err := pol.policies.Compile(ctx, loader.Schema(), cf.timeout)
	if err != nil {
		return policyFailure(e, "check", err)
	}
	rep := &report.Report{ToolVersion: version, Rules: eng.Rules(), FailOn: cf.failOn, Skipped: len(loader.Skipped())}
	// Waivers and the baseline are read before the contracts are evaluated, so that each result
	// can be waived, compared and written as it arrives instead of being kept to the end.
	var waivers *engine.WaiverSet
	var waiverDiags []contract.Diagnostic
	if cf.waivers != "" {
		wf, err := contract.LoadWaivers(cf.waivers, contract.Limits{}, cf.waiverPolicy, today)
		if err != nil {
			return errorf(e, "check", "%v", err)
		}
		// A broken waivers file is an input error: applying half of it would fail or pass
		// contracts for the wrong reason.
		waiverDiags = wf.Errors
		rep.Warnings = append(rep.Warnings, wf.Warnings...)
		if len(wf.Errors) == 0 {
			waivers = engine.NewWaiverSet(wf.Waivers, today)
		}
	}
	var base []report.BaselineEntry
	if cf.baseline != "" {
		if base, err = report.ReadBaseline(cf.baseline); err != nil {
			return errorf(e, "check", "%v", err)
		}
	}
	writers := []report.Writer{writer}
	for _, x := range extra {
		writers = append(writers, x.writer)
	}
	stream := report.NewStream(rep, writers...)
	defer func() {
		if err := stream.Close(); err != nil {
			fmt.Fprintf(e.stderr, "termlint check: %v\n", err)
		}
	}()
	if cf.baseline != "" {
		stream.Baseline(base)
	}
	unreadable, err := evaluate(runCtx, cf.runTimeout, e, loader, eng, files, waivers, stream)
	if err != nil {
		return errorf(e, "check", "writing output: %v", err)
	}
	if len(waiverDiags) > 0 {
		rep.InputErrors = append(rep.InputErrors, waiverDiags...)
		unreadable = true
	}
	if waivers != nil {
		rep.Warnings = append(rep.Warnings, waivers.Unused()...)
	}
	rep.Warnings = append(rep.Warnings, trusted.changedWarnings()...)
	stream.Finish()
	if err := cf.prof.writeHeap(); err != nil {
		return errorf(e, "check", "%v", err)
	}
	if err := stream.WriteTo(0, e.stdout); err != nil {
		return errorf(e, "check", "writing output: %v", err)
	}
	for i, x := range extra {
		if err := x.write(stream, i+1); err != nil {
			return errorf(e, "check", "writing %s: %v", x.path, err)
		}
	}
	for _, w := range writers {
		if _, ok := w.(report.SARIF); ok {
			if msg := report.SARIFWarning(rep); msg != "" {
				fmt.Fprintf(e.stderr, "termlint check: warning: %s\n", msg)
			}
			break
		}
	}
	switch {
	case unreadable || len(rep.InputErrors) > 0:
		return exitFailure
	case rep.ExitFailing():
		return exitFail
	}
	return exitOK
}

// defaultRunTimeout bounds a whole check: a pull request's policies or contracts must not hold a
// CI runner for hours, however many contracts each stay under the per-contract limit.
const defaultRunTimeout = 10 * time.Minute

// evaluate loads and evaluates every file, in parallel, waives each result's accepted failures
// and hands it to stream in file order; it reports whether a file could not be read. Once ctx
// (the run's time limit) ends, the contracts left are input errors, not evaluated.
func evaluate(ctx context.Context, runTimeout time.Duration, e *env, loader *contract.Loader, eng *engine.Engine, files []string, waivers *engine.WaiverSet, stream *report.Stream) (bool, error) {
	rep := stream.Report()
	unreadable := false
	var failed error
	type done struct {
		file         contract.FileResult
		results      []*engine.Result
		notEvaluated []contract.Diagnostic
	}
	contract.Each(loader, files, e.stdin, 0, func(fr contract.FileResult) done {
		d := done{file: fr}
		for _, c := range fr.Contracts {
			res, err := eng.EvaluateRun(ctx, c)
			if err != nil {
				line, col := c.Position([]any{})
				d.notEvaluated = append(d.notEvaluated, contract.Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf("not evaluated: the run's time limit of %s passed", runTimeout)})
				continue
			}
			d.results = append(d.results, res)
		}
		// The contracts are not needed past this point; dropping them keeps memory flat.
		d.file.Contracts = nil
		return d
	}, func(d done) {
		if d.file.Err != nil {
			unreadable = true
			rep.InputErrors = append(rep.InputErrors, contract.Diagnostic{File: d.file.File, Message: contract.Reason(d.file.Err)})
			return
		}
		rep.InputErrors = append(rep.InputErrors, d.file.Diagnostics...)
		rep.InputErrors = append(rep.InputErrors, d.notEvaluated...)
		for _, res := range d.results {
			if waivers != nil {
				waivers.Apply(res)
			}
			if failed == nil {
				failed = stream.Add(res)
			}
		}
	})
	sort.SliceStable(rep.InputErrors, func(i, j int) bool { return rep.InputErrors[i].Less(rep.InputErrors[j]) })
	return unreadable, failed
}

// onlyChanged keeps the files a pull request changed, compared as findings name them.
func onlyChanged(files []string, changed map[string]bool) []string {
	var out []string
	for _, f := range files {
		if changed[strings.TrimPrefix(filepath.ToSlash(filepath.Clean(f)), "./")] {
			out = append(out, f)
		}
	}
	return out
}

// policyFailure prints policy errors one per line, file:line:col first, and exits 2.
func policyFailure(e *env, cmd string, err error) int {
	var pe *engine.PolicyError
	if errors.As(err, &pe) {
		fmt.Fprintf(e.stderr, "termlint %s: the policies have errors:\n%s\n", cmd, pe.Error())
		return exitFailure
	}
	return errorf(e, cmd, "%v", err)
}

func useColor(e *env, mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	// no-color.org: set and not empty disables colour.
	if e.getenv("NO_COLOR") != "" {
		return false
	}
	return e.isTerminal && e.getenv("TERM") != "dumb"
}

type extraReport struct {
	writer report.Writer
	path   string
}

// write writes the report to a temporary file beside its path and renames it into place, so a
// full disk or a killed job leaves the previous report or none, never a truncated one that a
// later step (the SARIF upload) would read as complete. Renaming also replaces a symbolic link
// at the path rather than writing through it.
func (x extraReport) write(stream *report.Stream, i int) (err error) {
	dir := filepath.Dir(x.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(x.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	// Buffered: reports are written in many small pieces.
	w := bufio.NewWriterSize(f, 64<<10)
	if err := stream.WriteTo(i, w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), x.path)
}

func extraReports(specs []string, opts report.Options) ([]extraReport, error) {
	var out []extraReport
	for _, spec := range specs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, fmt.Errorf("--report takes FORMAT=PATH (e.g. sarif=termlint.sarif), got %q", spec)
		}
		o := opts
		// Colour codes belong on terminals, not in files; and only the main output appends the
		// job summary, so it is not written twice.
		o.Color = false
		o.SummaryPath = ""
		w, err := report.New(format, o)
		if err != nil {
			return nil, err
		}
		out = append(out, extraReport{writer: w, path: path})
	}
	return out, nil
}

// applyConfig fills every flag the user did not set from .termlint.yaml (or --config). With
// --trusted-dir or --config-from-ref, the config and every trusted input it or the command line
// names are read from the trusted tree instead of the working tree (see docs/ci.md, "Security
// model").
func applyConfig(fs flagSet, cf *checkFlags) (*trustedTree, error) {
	t, err := cf.trust.open(fs)
	if err != nil {
		return t, err
	}
	cf.dirs = t.relocateAll(cf.dirs)
	cf.params = t.relocateAll(cf.params)
	cf.waivers = t.relocate(cf.waivers)
	if isProfilePath(cf.profile) {
		cf.profile = t.relocate(cf.profile)
	}
	t.read(cf.dirs...)
	t.read(cf.params...)
	t.read(cf.waivers)
	if isProfilePath(cf.profile) {
		t.read(cf.profile)
	}
	if cf.noConfig {
		return t, nil
	}
	path, err := t.configPath(fs, cf.configPath)
	if err != nil || path == "" {
		return t, err
	}
	c, err := config.Load(path)
	if err != nil {
		return t, err
	}
	if err := t.confine(c); err != nil {
		return t, err
	}
	set := func(name string, apply func()) {
		if !fs.Changed(name) {
			apply()
		}
	}
	set("policy", func() { cf.dirs = append(cf.dirs, c.Policies...) })
	set("no-default", func() { cf.noDefault = cf.noDefault || c.NoDefault })
	set("params", func() { cf.params = append(cf.params, c.Params...) })
	set("profile", func() {
		if c.Profile != "" {
			cf.profile = c.Profile
		}
	})
	set("waivers", func() { cf.waivers = c.Waivers })
	cf.waiverPolicy = contract.WaiverPolicy{Approvers: c.WaiverPolicy.Approvers, MaxMonths: c.WaiverPolicy.MaxMonths}
	set("fail-on", func() {
		if c.FailOn != "" {
			cf.failOn = c.FailOn
		}
	})
	set("format", func() {
		if c.Format != "" {
			cf.format = c.Format
		}
	})
	set("report", func() { cf.reports = append(cf.reports, c.Reports...) })
	set("baseline", func() { cf.baseline = c.Baseline })
	set("exclude", func() { cf.exclude = c.Exclude })
	set("no-quotes", func() { cf.noQuotes = cf.noQuotes || c.NoQuotes })
	set("max-file-size", func() {
		if c.MaxFileSize > 0 {
			cf.maxFileSize = c.MaxFileSize
		}
	})
	if c.Timeout != "" && !fs.Changed("timeout") {
		d, err := time.ParseDuration(c.Timeout)
		if err != nil {
			return t, fmt.Errorf("%s: timeout: %w", c.Path, err)
		}
		cf.timeout = d
	}
	return t, nil
}

func isProfilePath(p string) bool {
	return strings.ContainsAny(p, `/\`) || strings.HasSuffix(p, ".yaml")
}

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/termlint/termlint/internal/check"
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
	// trustedRoot is the trusted tree's directory, set after the config is read.
	trustedRoot string
}

func (pf *policyFlags) register(fs flagSet) {
	fs.StringArrayVarP(&pf.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable)")
	fs.BoolVar(&pf.noDefault, "no-default", false, "leave out the embedded default playbook; use only -p directories")
	fs.StringArrayVar(&pf.params, "params", nil, "params file overriding thresholds key by key (repeatable, applied in order)")
	fs.StringVar(&pf.profile, "profile", "", "buyer profile: a params file from the playbook's profiles (e.g. financial-entity) or a path")
}

func (pf *policyFlags) options(tests bool) engine.Options {
	return engine.Options{Dirs: pf.dirs, NoDefault: pf.noDefault, Params: pf.params, Profile: pf.profile, Tests: tests, TrustedRoot: pf.trustedRoot}
}

type checkFlags struct {
	loadFlags
	policyFlags
	format      string
	failOn      string
	showPassed  bool
	verbose     bool
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
	cf.register(fs)
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	trusted, err := applyConfig(fs, &cf)
	defer trusted.cleanup()
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	cf.trustedRoot = trusted.root
	opts, err := cf.checkOptions(e, fs.Args())
	if err != nil {
		return errorf(e, "check", "%v", err)
	}
	opts.Warnings = trusted.changedWarnings()
	return runChecker(e, &cf, opts)
}

func (cf *checkFlags) register(fs flagSet) {
	cf.loadFlags.register(fs)
	cf.policyFlags.register(fs)
	fs.StringVarP(&cf.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&cf.failOn, "fail-on", "error", "lowest severity that fails the run: error, warning or never")
	fs.BoolVar(&cf.showPassed, "show-passed", false, "list every rule's verdict (a pre-signing checklist), not only failures")
	fs.BoolVar(&cf.verbose, "verbose", false, "text format: every finding on a line of its own with every quote, not grouped by rule")
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
}

// checkOptions checks the flags' values (after the config filled them) and maps them to the
// pipeline's options.
func (cf *checkFlags) checkOptions(e *env, paths []string) (check.Options, error) {
	switch {
	case cf.timeout > engine.MaxTimeout:
		return check.Options{}, fmt.Errorf("the time limit per contract (--timeout or the config's timeout) is %s: at most %s is allowed", cf.timeout, engine.MaxTimeout)
	case cf.runTimeout <= 0:
		return check.Options{}, fmt.Errorf("--run-timeout must be positive, got %s", cf.runTimeout)
	case !oneOf(cf.failOn, "error", "warning", "never"):
		return check.Options{}, fmt.Errorf("--fail-on must be error, warning or never, got %q", cf.failOn)
	case !oneOf(cf.color, "auto", "always", "never"):
		return check.Options{}, fmt.Errorf("--color must be auto, always or never, got %q", cf.color)
	case cf.format == "xlsx" && e.isTerminal:
		// A zip archive would fill the terminal with bytes that can change its settings.
		return check.Options{}, fmt.Errorf("xlsx is a binary file: write it with --report xlsx=FILE (and e.g. -f text for the terminal), or redirect standard output to a file")
	}
	today := time.Now()
	if cf.today != "" {
		var err error
		if today, err = time.Parse(time.DateOnly, cf.today); err != nil {
			return check.Options{}, fmt.Errorf("--today must be YYYY-MM-DD: %w", err)
		}
	}
	load, err := cf.contractOptions(e)
	if err != nil {
		return check.Options{}, err
	}
	return check.Options{
		Paths: paths, Load: load, Policies: cf.options(false),
		Timeout: cf.timeout, RunTimeout: cf.runTimeout, FailOn: cf.failOn,
		Format:  cf.format,
		Report:  report.Options{Color: useColor(e, cf.color), ShowPassed: cf.showPassed, Verbose: cf.verbose, SummaryPath: e.getenv("GITHUB_STEP_SUMMARY"), SARIFCategory: cf.sarifCat},
		Reports: cf.reports, ChangedFile: cf.changed, ChangedOnly: cf.changedOnly,
		Waivers: cf.waivers, WaiverPolicy: cf.waiverPolicy, Today: today, Baseline: cf.baseline,
		ToolVersion: version, BeforeWrite: cf.prof.writeHeap, Stdin: e.stdin, Stdout: e.stdout,
	}, nil
}

// runChecker runs the pipeline under the process settings a run wants (profiles, collector)
// and turns its outcome into the exit code.
func runChecker(e *env, cf *checkFlags, opts check.Options) int {
	c, err := check.New(opts)
	if err != nil {
		return errorf(e, "check", "%v", err)
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
	defer func() {
		if err := c.Close(); err != nil {
			fmt.Fprintf(e.stderr, "termlint check: %v\n", err)
		}
	}()
	out, err := c.Run(context.Background())
	if err != nil {
		return policyFailure(e, "check", err)
	}
	if out.SARIFWarning != "" {
		fmt.Fprintf(e.stderr, "termlint check: warning: %s\n", out.SARIFWarning)
	}
	switch {
	case out.InputError():
		return exitFailure
	case out.Failing():
		return exitFail
	}
	return exitOK
}

// defaultRunTimeout bounds a whole check: a pull request's policies or contracts must not hold a
// CI runner for hours, however many contracts each stay under the per-contract limit.
const defaultRunTimeout = 10 * time.Minute

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
	return t, cf.fromConfig(fs, c)
}

// fromConfig fills every flag the user did not set from the config c.
func (cf *checkFlags) fromConfig(fs flagSet, c *config.Config) error {
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
			return fmt.Errorf("%s: timeout: %w", c.Path, err)
		}
		cf.timeout = d
	}
	return nil
}

func isProfilePath(p string) bool {
	return strings.ContainsAny(p, `/\`) || strings.HasSuffix(p, ".yaml")
}

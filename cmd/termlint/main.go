// Command termlint lints vendor terms and conditions, encoded as YAML, against a buyer's Rego
// playbook.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/termlint/termlint/internal/report"
)

// version is set at build time with -ldflags "-X main.version=..." (GoReleaser does, see
// .goreleaser.yaml); main replaces an unstamped "dev" with what the Go toolchain recorded, see
// resolveVersion. Tests run commands through run and see "dev".
var version = "dev"

// commit and date are stamped beside version by a release build; empty otherwise.
var commit, date string

// Exit codes, shared by every subcommand.
const (
	exitOK      = 0
	exitFail    = 1
	exitFailure = 2
)

// env is what a command may touch of the process, so that tests can run commands in memory.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     bool
	// tuneGC lets a command set the process's garbage collector for its phases; only main does,
	// since the settings belong to the whole process and tests run commands side by side.
	tuneGC bool
}

type command struct {
	name, summary string
	run           func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"check", "lint contracts against the playbook", runCheck},
		{"report", "write an HTML report: matrix, memo per contract, annotated documents", runReport},
		{"validate", "check contract YAML against the contract model and its sources", runValidate},
		{"test", "run the Rego unit tests of policies, with coverage", runTest},
		{"rules", "list the rules of the playbook", runRules},
		{"export", "print the normalised input policies see for a contract or a deal", runExport},
		{"bundle", "build an OPA bundle of the playbook", runBundle},
		{"lib", "write the helper library and input schema for opa and editors", runLib},
		{"schema", "print the contract JSON Schema (--deal: the deal file's)", runSchema},
		{"version", "print the version", runVersion},
	}
}

func main() {
	// The process's time zone is the runner's TZ; a policy that asks for "Local" time
	// (time.clock([ns, "Local"])) would give another verdict on another machine, and a waiver's
	// expiry would be judged on another day. Every date and time is UTC.
	time.Local = time.UTC
	info, ok := debug.ReadBuildInfo()
	version = resolveVersion(version, info, ok)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, isTerminal: isTerminal(os.Stdout), tuneGC: true}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	// Messages quote names and text from the inputs; none may act on the terminal or the runner.
	e.stderr = report.SafeWriter{W: e.stderr}
	if len(args) == 0 {
		usage(e.stderr)
		return exitFailure
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(e.stdout)
		return exitOK
	case "--version", "-v":
		return runVersion(e, nil)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "termlint: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitFailure
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "termlint lints vendor terms and conditions (encoded as YAML) against a buyer's Rego playbook.")
	fmt.Fprintln(w, "\nUsage:\n  termlint <command> [flags] [paths...]\n\nCommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'termlint <command> --help' for a command's flags.\nExit codes: 0 clean, 1 findings at the fail level or invalid content, 2 usage, input or policy error.")
}

// newFlags makes a flag set whose errors and help go where the command's output goes.
func newFlags(e *env, name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = true
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: termlint %s\n\nFlags:\n%s", synopsis, fs.FlagUsages())
	}
	return fs
}

// parse parses flags; it returns (code, true) when the command must stop: after --help (0) or a
// usage error (2).
func parse(e *env, fs *pflag.FlagSet, args []string) (int, bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		// pflag has already printed the usage, through fs.Usage.
		return exitOK, true
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "termlint %s: %v\nRun 'termlint %s --help' for usage.\n", fs.Name(), err, fs.Name())
		return exitFailure, true
	}
	return 0, false
}

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "version")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	fmt.Fprintf(e.stdout, "termlint %s%s\n", version, buildDetails(commit, date))
	return exitOK
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

func errorf(e *env, cmd, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "termlint %s: %s\n", cmd, strings.TrimSpace(fmt.Sprintf(format, args...)))
	return exitFailure
}

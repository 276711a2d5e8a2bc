package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/termlint/termlint/internal/check"
	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/schema"
)

// loadFlags are the flags every command that reads contracts shares.
type loadFlags struct {
	noQuotes    bool
	maxFileSize int64
	sourceRoot  string
	exclude     []string
}

// flagSet is the part of pflag.FlagSet the shared flag groups use.
type flagSet = *pflag.FlagSet

func (lf *loadFlags) register(fs flagSet) {
	fs.BoolVar(&lf.noQuotes, "no-quotes", false, "skip checking quotes against the source texts (when the sources are not at hand)")
	fs.Int64Var(&lf.maxFileSize, "max-file-size", contract.DefaultLimits().MaxBytes, "largest contract file accepted, in bytes")
	fs.StringArrayVar(&lf.exclude, "exclude", nil, "leave out files a directory search finds whose path matches GLOB (** for any directories; repeatable); named files are always read")
	fs.StringVar(&lf.sourceRoot, "source-root", "", "directory every document.source must lie in, after symbolic links (default: the git repository holding the contract, else its directory)")
}

// contractOptions are the loader's options the flags (and TERMLINT_YAML) choose.
func (lf *loadFlags) contractOptions(e *env) (contract.Options, error) {
	limits := contract.DefaultLimits()
	limits.MaxBytes = lf.maxFileSize
	opts := contract.Options{Limits: limits, SkipQuotes: lf.noQuotes, SourceRoot: lf.sourceRoot, Exclude: lf.exclude}
	// TERMLINT_YAML=v3 parses every contract with yaml.v3 alone, past the fast parser: when a
	// contract loads differently than expected, running with and without it tells whether the
	// fast parser is at fault (see docs/architecture.md). An environment variable, not a flag,
	// so that a CI job (the Action included) can be switched without changing its command.
	switch v := e.getenv("TERMLINT_YAML"); v {
	case "", "fast":
	case "v3":
		opts.YAMLv3 = true
	default:
		return opts, fmt.Errorf("TERMLINT_YAML must be v3 (yaml.v3 only) or fast (the default), got %q", v)
	}
	return opts, nil
}

func (lf *loadFlags) loader(e *env) (*contract.Loader, error) {
	opts, err := lf.contractOptions(e)
	if err != nil {
		return nil, err
	}
	return contract.NewLoader(opts)
}

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", "validate [flags] [paths...]\n\nChecks contract YAML files (directories are searched for *.yaml and *.yml files that hold a contract,\nsee docs/authoring.md; - reads standard input)\nagainst the contract model, and every quote against its source text.\nExit 0 valid, 1 invalid content, 2 usage error or unreadable input.")
	var lf loadFlags
	lf.register(fs)
	format := fs.StringP("format", "f", "text", "output format: text or json")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if !oneOf(*format, "text", "json") {
		return errorf(e, "validate", "unknown format %q: want text or json", *format)
	}
	load, err := lf.contractOptions(e)
	if err != nil {
		return errorf(e, "validate", "%v", err)
	}
	out, err := check.Validate(check.ValidateOptions{Paths: fs.Args(), Load: load, Format: *format, Stdin: e.stdin, Stdout: e.stdout})
	if err != nil {
		return errorf(e, "validate", "%v", err)
	}
	switch {
	case out.Unreadable:
		return exitFailure
	case out.Invalid:
		return exitFail
	}
	return exitOK
}

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema", "schema [--deal]\n\nPrints the contract JSON Schema (draft-07), for editors and other tools; with --deal, the schema of deal files.")
	deal := fs.Bool("deal", false, "print the schema of deal files (the documents of one deal and their precedence)")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	out := schema.Contract()
	if *deal {
		out = schema.Deal()
	}
	if _, err := e.stdout.Write(out); err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	return exitOK
}

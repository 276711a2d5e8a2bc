// Command actionrun runs the steps of a composite GitHub Action (action.yml) the way a runner
// does, for the Action's end-to-end test (.ci/action-e2e.sh): each `run:` step as
// `bash --noprofile --norc -eo pipefail FILE` in the workspace, with its `env:` evaluated from the
// inputs (their defaults filled in), the github context given on the command line and earlier
// steps' outputs, a GITHUB_OUTPUT file of its own, and one GITHUB_STEP_SUMMARY for the job. It
// stops at the first failing step, as a runner does, then writes the Action's outputs.
//
// Only the expressions action.yml uses are understood (inputs.X, steps.ID.outputs.X, github.X,
// and `if:` comparisons of an input with a string); anything else is an error, so a change to
// action.yml that this runner would misread fails the test instead of passing it.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
}

type kv map[string]string

func (m kv) String() string { return fmt.Sprint(map[string]string(m)) }

func (m kv) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want NAME=VALUE, got %q", s)
	}
	m[k] = v
	return nil
}

func main() {
	inputs, github := kv{}, kv{}
	dir := flag.String("action", ".", "directory holding action.yml")
	workspace := flag.String("workspace", ".", "the job's workspace (GITHUB_WORKSPACE), where steps run")
	temp := flag.String("temp", "", "RUNNER_TEMP (required)")
	summary := flag.String("summary", "", "GITHUB_STEP_SUMMARY file (required)")
	outputs := flag.String("outputs", "", "file to write the Action's outputs to, NAME=VALUE a line (required)")
	skip := flag.String("skip", "", "comma-separated step ids not to run (the install step, when the binary is on PATH)")
	flag.Var(inputs, "input", "an input, NAME=VALUE (repeatable)")
	flag.Var(github, "github", "a github context value, e.g. event.pull_request.base.sha=abc (repeatable)")
	flag.Parse()
	code, err := run(*dir, *workspace, *temp, *summary, *outputs, strings.Split(*skip, ","), inputs, github)
	if err != nil {
		fmt.Fprintln(os.Stderr, "actionrun:", err)
		os.Exit(125)
	}
	os.Exit(code)
}

var exprRE = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

func run(dir, workspace, temp, summary, outFile string, skip []string, inputs, github kv) (int, error) {
	if temp == "" || summary == "" || outFile == "" {
		return 0, errors.New("-temp, -summary and -outputs are required")
	}
	data, err := os.ReadFile(filepath.Join(dir, "action.yml"))
	if err != nil {
		return 0, err
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		return 0, fmt.Errorf("action.yml: %w", err)
	}
	if a.Runs.Using != "composite" {
		return 0, fmt.Errorf("action.yml: runs.using is %q, not composite", a.Runs.Using)
	}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			return 0, fmt.Errorf("input %q is not declared in action.yml", name)
		}
	}
	steps := map[string]kv{}
	actionDir, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	// eval replaces each ${{ }} in s; inputs get their defaults, which may themselves use the
	// github context.
	var eval func(s string) (string, error)
	eval = func(s string) (string, error) {
		var bad error
		out := exprRE.ReplaceAllStringFunc(s, func(m string) string {
			e := strings.TrimSpace(exprRE.FindStringSubmatch(m)[1])
			switch {
			case strings.HasPrefix(e, "inputs."):
				name := strings.TrimPrefix(e, "inputs.")
				in, ok := a.Inputs[name]
				if !ok {
					bad = fmt.Errorf("unknown input in %q", m)
					return ""
				}
				if v, ok := inputs[name]; ok {
					return v
				}
				v, err := eval(in.Default)
				if err != nil {
					bad = err
				}
				return v
			case strings.HasPrefix(e, "steps."):
				parts := strings.Split(e, ".")
				if len(parts) != 4 || parts[2] != "outputs" {
					bad = fmt.Errorf("unsupported expression %q", m)
					return ""
				}
				return steps[parts[1]][parts[3]]
			case strings.HasPrefix(e, "github."):
				return github[strings.TrimPrefix(e, "github.")]
			}
			bad = fmt.Errorf("unsupported expression %q", m)
			return ""
		})
		return out, bad
	}
	code := 0
	for i, st := range a.Runs.Steps {
		name := st.Name
		if name == "" {
			name = fmt.Sprintf("step %d", i+1)
		}
		if contains(skip, st.ID) && st.ID != "" {
			fmt.Fprintf(os.Stderr, "actionrun: skipping %s (-skip)\n", name)
			continue
		}
		ok, err := cond(st.If, eval)
		if err != nil {
			return 0, fmt.Errorf("%s: if: %w", name, err)
		}
		if !ok {
			continue
		}
		if st.Uses != "" {
			return 0, fmt.Errorf("%s: uses %s, which this runner cannot run; skip it with -skip or an input that turns it off", name, st.Uses)
		}
		if st.Shell != "bash" {
			return 0, fmt.Errorf("%s: shell %q: only bash is supported", name, st.Shell)
		}
		script := filepath.Join(temp, fmt.Sprintf("actionrun-step-%d.sh", i))
		if err := os.WriteFile(script, []byte(st.Run), 0o644); err != nil {
			return 0, err
		}
		outputFile := filepath.Join(temp, fmt.Sprintf("actionrun-output-%d", i))
		if err := os.WriteFile(outputFile, nil, 0o644); err != nil {
			return 0, err
		}
		env := append(os.Environ(),
			"GITHUB_ACTIONS=true", "CI=true",
			"GITHUB_ACTION_PATH="+actionDir, "GITHUB_WORKSPACE="+workspace,
			"RUNNER_TEMP="+temp, "GITHUB_OUTPUT="+outputFile, "GITHUB_STEP_SUMMARY="+summary,
		)
		keys := make([]string, 0, len(st.Env))
		for k := range st.Env {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, err := eval(st.Env[k])
			if err != nil {
				return 0, fmt.Errorf("%s: env %s: %w", name, k, err)
			}
			env = append(env, k+"="+v)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = workspace, env, os.Stdout, os.Stderr
		err = cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
		if st.ID != "" {
			if steps[st.ID], err = readOutputs(outputFile); err != nil {
				return 0, fmt.Errorf("%s: %w", name, err)
			}
		}
		if code != 0 {
			fmt.Fprintf(os.Stderr, "actionrun: %s exited %d\n", name, code)
			break
		}
	}
	var b strings.Builder
	names := make([]string, 0, len(a.Outputs))
	for n := range a.Outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v, err := eval(a.Outputs[n].Value)
		if err != nil {
			return 0, fmt.Errorf("output %s: %w", n, err)
		}
		fmt.Fprintf(&b, "%s=%s\n", n, v)
	}
	return code, os.WriteFile(outFile, []byte(b.String()), 0o644)
}

// cond evaluates the `if:` forms action.yml uses: empty, or `inputs.X == 'v'` / `!=`.
func cond(expr string, eval func(string) (string, error)) (bool, error) {
	expr = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(expr), "${{"), "}}"))
	if expr == "" {
		return true, nil
	}
	for _, op := range []string{"==", "!="} {
		l, r, ok := strings.Cut(expr, op)
		if !ok {
			continue
		}
		l, r = strings.TrimSpace(l), strings.TrimSpace(r)
		if !strings.HasPrefix(l, "inputs.") || len(r) < 2 || r[0] != '\'' || r[len(r)-1] != '\'' {
			break
		}
		v, err := eval("${{ " + l + " }}")
		if err != nil {
			return false, err
		}
		return (v == r[1:len(r)-1]) == (op == "=="), nil
	}
	return false, fmt.Errorf("unsupported condition %q", expr)
}

// readOutputs reads a GITHUB_OUTPUT file: NAME=VALUE lines and NAME<<DELIMITER blocks.
func readOutputs(path string) (kv, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	out := kv{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for sc.Scan() && sc.Text() != delim {
				val = append(val, sc.Text())
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		} else if line != "" {
			return nil, fmt.Errorf("GITHUB_OUTPUT: malformed line %q", line)
		}
	}
	return out, sc.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package main

func runRules(e *env, args []string) int  { return errorf(e, "rules", "not built yet") }
func runExport(e *env, args []string) int { return errorf(e, "export", "not built yet") }
func runBundle(e *env, args []string) int { return errorf(e, "bundle", "not built yet") }

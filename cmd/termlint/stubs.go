package main

func runCheck(e *env, args []string) int  { return errorf(e, "check", "not built yet") }
func runTest(e *env, args []string) int   { return errorf(e, "test", "not built yet") }
func runRules(e *env, args []string) int  { return errorf(e, "rules", "not built yet") }
func runExport(e *env, args []string) int { return errorf(e, "export", "not built yet") }
func runBundle(e *env, args []string) int { return errorf(e, "bundle", "not built yet") }

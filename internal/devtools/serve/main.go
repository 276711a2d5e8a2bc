// Command serve is a static file server for tests that need an HTTP server on this machine, such
// as .ci/action-install-test.sh, which serves GoReleaser's snapshot archives to the Action's
// install script. It listens on 127.0.0.1 only, logs every request (so a test can tell a cache
// hit from a download), and stops by itself after -timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	dir := flag.String("dir", ".", "directory to serve")
	addrFile := flag.String("addr-file", "", "write the address (127.0.0.1:PORT) to this file once listening")
	logFile := flag.String("log", "", "append one line per request to this file (default: standard error)")
	timeout := flag.Duration("timeout", 10*time.Minute, "stop after this long")
	flag.Parse()
	if err := serve(*dir, *addrFile, *logFile, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func serve(dir, addrFile, logFile string, timeout time.Duration) error {
	var logw io.Writer = os.Stderr
	if logFile != "" {
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return fmt.Errorf("opening the log: %w", err)
		}
		// Each line is written whole by the logger; a failed close loses nothing a test reads.
		defer func() { _ = f.Close() }()
		logw = f
	}
	// Port 0: the kernel picks a free port, so parallel runs do not collide.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	if addrFile != "" {
		// Written whole under another name and renamed, so a reader never sees half an address.
		tmp := addrFile + ".tmp"
		if err := os.WriteFile(tmp, []byte(ln.Addr().String()+"\n"), 0o644); err != nil {
			return fmt.Errorf("writing the address: %w", err)
		}
		if err := os.Rename(tmp, addrFile); err != nil {
			return fmt.Errorf("writing the address: %w", err)
		}
	}
	srv := &http.Server{Handler: handler(dir, log.New(logw, "", 0)), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	go func() {
		<-ctx.Done()
		shutdown, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

// handler serves the files under dir to GET and HEAD, and logs "METHOD PATH STATUS" per request.
func handler(dir string, logger *log.Logger) http.Handler {
	files := http.FileServer(http.Dir(filepath.Clean(dir)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(rec, "method not allowed", http.StatusMethodNotAllowed)
		} else {
			files.ServeHTTP(rec, r)
		}
		logger.Printf("%s %s %d", r.Method, r.URL.Path, rec.status)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

package main

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "v1.2.3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "v1.2.3", "a.txt"), []byte("archive"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(filepath.Dir(dir), "outside.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Remove(outside) })

	var logb bytes.Buffer
	srv := httptest.NewServer(handler(dir, log.New(&logb, "", 0)))
	defer srv.Close()

	tests := []struct {
		method, path string
		status       int
		body         string
	}{
		{http.MethodGet, "/v1.2.3/a.txt", http.StatusOK, "archive"},
		{http.MethodHead, "/v1.2.3/a.txt", http.StatusOK, ""},
		{http.MethodGet, "/v1.2.3/missing.txt", http.StatusNotFound, ""},
		{http.MethodGet, "/../outside.txt", http.StatusNotFound, ""},
		{http.MethodPost, "/v1.2.3/a.txt", http.StatusMethodNotAllowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, http.NoBody)
			if err != nil {
				t.Fatal(err)
			}
			// The client would clean "/../"; the server must hold without that help.
			req.URL.Opaque = tt.path
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.body != "" && string(body) != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if strings.Contains(string(body), "secret") {
				t.Errorf("served a file outside the directory")
			}
		})
	}
	// Close waits for the handlers, which log after the response is sent.
	srv.Close()
	if got := strings.Count(logb.String(), "\n"); got != len(tests) {
		t.Errorf("logged %d lines, want %d:\n%s", got, len(tests), logb.String())
	}
	if !strings.Contains(logb.String(), "GET /v1.2.3/a.txt 200") {
		t.Errorf("log lacks the request:\n%s", logb.String())
	}
}

//go:build !linux

package main

import "os/exec"

// stopWithParent: only Linux has a parent-death signal; elsewhere the legacy host stops through its
// health check of the engine.
func stopWithParent(*exec.Cmd) {}

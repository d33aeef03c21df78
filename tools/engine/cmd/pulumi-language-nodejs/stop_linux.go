package main

import (
	"os/exec"
	"syscall"
)

// stopWithParent makes the kernel stop the legacy host if this process dies first.
func stopWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}

// Command pulumi-language-nodejs is the Node.js language host installed by scripts/engine-setup.sh.
//
// It is a stopgap (docs/engine.md): the host that matches the pinned engine is not served by the Go
// module proxy this project can use, so the newest host it does serve (sdk/v3 v3.68.0) is built as
// ../libexec/pulumi-language-nodejs-legacy next to this binary. This command starts that host and
// serves the LanguageRuntime gRPC service in front of it: every call is forwarded unchanged except
// RunPlugin, which the legacy host does not implement and which the engine uses to start policy
// packs (and Node.js plugins run from source). RunPlugin is implemented here on the engine's own
// SDK (sdk/v3 of the pinned release).
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// legacyHostName is the file name of the forwarded-to host, in ../libexec relative to this binary.
const legacyHostName = "pulumi-language-nodejs-legacy"

func main() {
	// The legacy host's parent-death signal (stop_linux.go) fires when the starting OS thread ends:
	// keep the main goroutine, which starts it, on one thread for the life of the process.
	runtime.LockOSThread()
	code, err := run(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// run starts the legacy host with the engine's arguments, then serves in front of it until either
// stops. It returns the exit code to use.
func run(args []string) (int, error) {
	legacyPath, err := legacyHostPath()
	if err != nil {
		return 1, err
	}

	// The legacy host takes the same arguments (flags, then the engine address) and, like every
	// plugin, prints the port it listens on as its first line of stdout.
	legacy := exec.Command(legacyPath, args...)
	legacy.Stderr = os.Stderr
	stopWithParent(legacy)
	legacyOut, err := legacy.StdoutPipe()
	if err != nil {
		return 1, err
	}
	if err := legacy.Start(); err != nil {
		return 1, fmt.Errorf("starting %s: %w", legacyPath, err)
	}
	out := bufio.NewReader(legacyOut)
	line, err := out.ReadString('\n')
	legacyPort, convErr := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || convErr != nil {
		_ = legacy.Process.Kill()
		_ = legacy.Wait()
		return 1, fmt.Errorf("%s did not report a port (first line of output: %q)", legacyPath, line)
	}

	conn, err := grpc.NewClient(
		fmt.Sprintf("127.0.0.1:%d", legacyPort),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		rpcutil.GrpcChannelOptions(),
	)
	if err != nil {
		_ = legacy.Process.Kill()
		return 1, err
	}
	defer conn.Close()

	stop := make(chan bool, 1)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{legacy: pulumirpc.NewLanguageRuntimeClient(conn)})
			return nil
		},
	})
	if err != nil {
		_ = legacy.Process.Kill()
		return 1, err
	}
	fmt.Printf("%d\n", handle.Port)

	// Anything else the legacy host prints goes to our stdout; wait for it only after that.
	legacyDone := make(chan error, 1)
	go func() {
		_, _ = io.Copy(os.Stdout, out)
		legacyDone <- legacy.Wait()
	}()

	// The engine that started us can die without a word (SIGKILL): the legacy host's health check
	// would notice only after minutes. Watch for being re-parented and stop at once instead.
	orphaned := make(chan struct{})
	go watchParent(os.Getppid(), orphaned)

	select {
	case <-orphaned:
		stop <- true
		<-handle.Done
		_ = legacy.Process.Kill()
		<-legacyDone
		return 0, nil
	case err := <-handle.Done:
		_ = legacy.Process.Kill()
		<-legacyDone
		return 0, err
	case err := <-legacyDone:
		// The legacy host stops when the engine goes away (its health check); so do we.
		stop <- true
		<-handle.Done
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return exitErr.ExitCode(), nil
		}
		return 0, err
	}
}

// watchParent closes orphaned once this process's parent is no longer `parent` (it died and the
// process was re-parented to init or a subreaper). Polling getppid works on every Unix.
func watchParent(parent int, orphaned chan<- struct{}) {
	for {
		time.Sleep(500 * time.Millisecond)
		if os.Getppid() != parent {
			close(orphaned)
			return
		}
	}
}

func legacyHostPath() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	if resolved, err := filepath.EvalSymlinks(self); err == nil {
		self = resolved
	}
	path := filepath.Join(filepath.Dir(filepath.Dir(self)), "libexec", legacyHostName)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("the legacy Node.js language host is missing (%w); rebuild with: "+
			"PLATFORM_ENGINE_REBUILD=1 bash scripts/engine-setup.sh", err)
	}
	return path, nil
}

// host forwards LanguageRuntime calls to the legacy host, except RunPlugin (runplugin.go).
type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	legacy pulumirpc.LanguageRuntimeClient
}

func (h *host) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	return h.legacy.Handshake(ctx, req)
}

func (h *host) GetRequiredPlugins(
	ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return h.legacy.GetRequiredPlugins(ctx, req)
}

func (h *host) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return h.legacy.GetRequiredPackages(ctx, req)
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	return h.legacy.Run(ctx, req)
}

func (h *host) GetPluginInfo(ctx context.Context, req *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return h.legacy.GetPluginInfo(ctx, req)
}

func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest,
	srv grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	stream, err := h.legacy.InstallDependencies(srv.Context(), req)
	if err != nil {
		return err
	}
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := srv.Send(msg); err != nil {
			return err
		}
	}
}

func (h *host) RuntimeOptionsPrompts(
	ctx context.Context, req *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return h.legacy.RuntimeOptionsPrompts(ctx, req)
}

func (h *host) Template(ctx context.Context, req *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return h.legacy.Template(ctx, req)
}

func (h *host) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return h.legacy.About(ctx, req)
}

func (h *host) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return h.legacy.GetProgramDependencies(ctx, req)
}

func (h *host) GenerateProgram(
	ctx context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return h.legacy.GenerateProgram(ctx, req)
}

func (h *host) GenerateProject(
	ctx context.Context, req *pulumirpc.GenerateProjectRequest,
) (*pulumirpc.GenerateProjectResponse, error) {
	return h.legacy.GenerateProject(ctx, req)
}

func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return h.legacy.GeneratePackage(ctx, req)
}

func (h *host) Pack(ctx context.Context, req *pulumirpc.PackRequest) (*pulumirpc.PackResponse, error) {
	return h.legacy.Pack(ctx, req)
}

func (h *host) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return h.legacy.Link(ctx, req)
}

func (h *host) Cancel(ctx context.Context, req *emptypb.Empty) (*emptypb.Empty, error) {
	return h.legacy.Cancel(ctx, req)
}

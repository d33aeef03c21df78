package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"github.com/google/shlex"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunPlugin runs a Node.js plugin from source: a policy pack (kind "analyzer", through the SDK's
// cmd/run-policy-pack) or another plugin (through cmd/run-plugin), with node, streaming its output
// back to the engine.
func (h *host) RunPlugin(
	req *pulumirpc.RunPluginRequest, srv grpc.ServerStreamingServer[pulumirpc.RunPluginResponse],
) error {
	ctx := srv.Context()
	if req.GetAttachDebugger() {
		return status.Error(codes.Unimplemented, "this Node.js language host cannot attach a debugger to plugins")
	}

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(srv, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	node, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("node is not on PATH: %w", err)
	}

	programDir := req.GetInfo().GetProgramDirectory()
	options := req.GetInfo().GetOptions().AsMap()
	// The engine sends the plugin's whole environment; fall back to ours if it sends none.
	env := slices.Clone(req.GetEnv())
	if len(env) == 0 {
		env = os.Environ()
	}
	if typescript, ok := options["typescript"].(bool); ok && typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}

	analyzer := req.GetKind() == string(apitype.AnalyzerPlugin)
	module := "@pulumi/pulumi/cmd/run-plugin"
	if analyzer {
		module = "@pulumi/pulumi/cmd/run-policy-pack"
	}
	entry, err := resolveModule(ctx, node, module, programDir)
	if err != nil {
		return err
	}

	args := []string{entry}
	if nodeargs, ok := options["nodeargs"].(string); ok && nodeargs != "" {
		split, err := shlex.Split(nodeargs)
		if err != nil {
			return fmt.Errorf("runtime option nodeargs: %w", err)
		}
		args = append(split, args...)
	}
	// Policy packs take the program directory last, other plugins first.
	if analyzer {
		args = append(append(args, req.GetArgs()...), programDir)
	} else {
		args = append(append(args, programDir), req.GetArgs()...)
	}

	// A policy pack needs the stack's configuration in its environment before it starts; the SDK's
	// policy proxy answers the engine's first calls, hands over the configuration, then forwards.
	var proxy *sdk.PolicyProxy
	if analyzer {
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start policy pack proxy: %w", err)
		}
		config, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get stack configuration: %w", err)
		}
		env, err = appendPolicyEnv(env, config)
		if err != nil {
			return err
		}
	}

	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = req.GetPwd()
	if analyzer {
		// Policy packs have always run in their own directory.
		cmd.Dir = programDir
	}
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not run node: %w", err)
	}
	if proxy != nil {
		err = proxy.Attach(ctx, cmd)
	} else {
		err = cmd.Wait()
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return fmt.Errorf("plugin exited with non-zero exit code: %d", exitErr.ExitCode())
	}
	if err != nil {
		return err
	}
	return closer.Close()
}

func appendPolicyEnv(env []string, config *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if config == nil {
		return env, nil
	}
	add := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", config.GetOrganization())
	add("PULUMI_NODEJS_PROJECT", config.GetProject())
	add("PULUMI_NODEJS_STACK", config.GetStack())
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(config.GetDryRun()))
	if config.GetConfig() != nil {
		encoded, err := json.Marshal(config.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("could not encode stack configuration: %w", err)
		}
		add("PULUMI_CONFIG", string(encoded))
	}
	return env, nil
}

// resolveModule asks node where `module` resolves from dir, as the program itself would see it.
func resolveModule(ctx context.Context, node, module, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, node, "--eval", "process.stdout.write(require.resolve(process.argv[1]))", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		detail := err.Error()
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			detail = strings.TrimSpace(string(exitErr.Stderr))
			if i := strings.IndexByte(detail, '\n'); i > 0 {
				detail = detail[:i]
			}
		}
		return "", fmt.Errorf("cannot find %s from %s; are its dependencies installed "+
			"(npm/pnpm install)? node: %s", module, dir, detail)
	}
	return string(out), nil
}

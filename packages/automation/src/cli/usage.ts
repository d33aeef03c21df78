/** The `platform --help` text. README.md and packages/automation/README.md quote its command lines. */
export const USAGE = `usage: platform synth   --env <dev|staging|prod|dr> [--stack <project>|all | --layer <layer>] [--json] [--root <dir>]
       platform preview --env <env> [--simulate] [--json] [--plain] [--parallel <n>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform up      --env <env> [--simulate] [--json] [--plain] [--parallel <n>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform destroy --env <env> [--simulate] [--confirm-production <env>] [--plain] [--parallel <n>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform refresh --env <env> [--simulate] [--clear-pending-creates] [--plain] [--parallel <n>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform drift   --env <env> [--simulate] [--json] [--plain] [--parallel <n>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform outputs --env <env> [--simulate] [--json] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform cancel  --env <env> [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform render  --env <env> [--out <dir>] [--stack <project>|all | --layer <layer>] [--root <dir>]
       platform export  --env <env> --format tfplan [--out <dir>] [--stack <project>|all | --layer <layer>] [--root <dir>]

  synth     run the stack programs of one environment offline (Pulumi mock runtime + simulated
            cloud), list every resource, and evaluate the CrossGuard policy packs over them.
  preview   the real Pulumi engine, with the policy packs: against the simulated cloud with
            --simulate, else against your clouds and backend (PULUMI_BACKEND_URL)
  up        the same, applying the changes (simulated: local file backend in .state/)
  destroy   tear the environment down again, layers in reverse order; protected
            resources (and what they depend on) are never touched and are listed at the end
  refresh   read the cloud back into the state
  drift     a preview-only refresh of every layer: lists per layer the resources that differ
            from the state (changed or deleted outside Pulumi), records nothing; exit 4 on drift
  outputs   every layer's stack outputs from the backend (secret values read [secret]); exit 3
            when a layer has no stack there
  cancel    remove the lock a run that no longer exists left on a stack (pulumi cancel)
  render    write every Kubernetes object of the environment as the YAML the real kubernetes
            provider would apply (up on the simulated cloud in a throwaway state, no cluster;
            needs bash scripts/tools-setup.sh kubernetes-provider); Helm releases are not rendered
  export    synthesize offline as synth does and write, per stack project, <out>/<project>/tfplan.json
            (its aws and gcp resources as Terraform plan JSON, for Checkov, Trivy or conftest) and
            <out>/<project>/kubernetes/*.yaml (its Kubernetes objects)

  --env                    environment (required)
  --stack                  one stack project (e.g. foundation, or platform for the root
                           one-stack project), or all: every layer stack under stacks/, in the
                           layer registry's order (foundation, security, cluster, data,
                           platform) [default: all]; synth of one layer runs the layers it
                           reads first, for their outputs, and reports only that one
  --layer                  one layer of the registry instead of --stack: foundation, security,
                           cluster, data or platform (the platform-addons project)
  --simulate               run against the simulated cloud with the pinned engine
                           (pnpm engine:setup). Without it, preview, up, destroy, refresh
                           and drift use the same engine against real clouds: the backend
                           from PULUMI_BACKEND_URL (required), credentials and secrets
                           provider from the environment, provider plugins downloaded
  --json                   synth, preview, up, drift and outputs: print exactly one JSON document on
                           stdout (the engine's output goes to stderr)
  --plain                  preview, up, destroy, refresh and drift: plain lines (==> per stack,
                           then the engine's output, each line after its stack's name) instead
                           of the live task list; plain lines are also what a non-terminal
                           stdout, --json and CI (CI set) get
  --parallel               preview, up, destroy, refresh and drift: the most layers run at once;
                           a layer starts once the layers it depends on have succeeded (destroy:
                           once the layers depending on it are destroyed), and one whose
                           dependency did not succeed is skipped while the others run on; 1 runs
                           them one after another in the registry's order [default: 2]
  --root                   repository root holding Pulumi.yaml and stacks/ [default: found from cwd]
  --confirm-production     destroy only: the environment named again; required for prod and dr
  --clear-pending-creates  refresh only: forget creates that an interrupted run left pending
  --out                    render and export: the folder written, one folder per stack project,
                           emptied first [default: .state/rendered/<env>, .state/export/<env>]
  --format                 export only: tfplan (required)

On a terminal, preview, up, destroy, refresh and drift show a task list: one task per stack,
pending, running (the engine's last lines under it), then done or failed with its change counts
and duration; a failed stack's whole engine output follows the list.

With GITHUB_STEP_SUMMARY set (GitHub Actions), preview, up and drift append a markdown summary
to that file: per layer the status and change counts, the policy violations, the drift.

Ctrl-C or SIGTERM during preview, up, destroy, refresh or drift cancels the engine cleanly: it finishes
the operations in flight, unlocks the stack, and the command reports what finished.

exit codes: 0 success, 1 mandatory policy violations, 2 usage or config error,
            3 an engine or internal failure (the message says which), 4 drift found,
            130 / 143 cancelled by SIGINT / SIGTERM`;

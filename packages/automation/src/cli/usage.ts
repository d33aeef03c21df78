/** The `platform --help` text. README.md and packages/automation/README.md quote its command lines. */
export const USAGE = `usage: platform synth   --env <dev|staging|prod|dr> [--stack <project>|all] [--json] [--root <dir>]
       platform preview --env <env> --simulate [--stack <project>|all] [--root <dir>]
       platform up      --env <env> --simulate [--stack <project>|all] [--root <dir>]
       platform destroy --env <env> --simulate [--confirm-production <env>] [--stack <project>|all] [--root <dir>]
       platform refresh --env <env> --simulate [--clear-pending-creates] [--stack <project>|all] [--root <dir>]
       platform cancel  --env <env> [--stack <project>|all] [--root <dir>]
       platform render  --env <env> [--out <dir>] [--stack <project>|all] [--root <dir>]
       platform export  --env <env> --format tfplan [--out <dir>] [--stack <project>|all] [--root <dir>]

  synth     run the stack programs of one environment offline (Pulumi mock runtime + simulated
            cloud), list every resource, and evaluate the CrossGuard policy packs over them.
  preview   the real Pulumi engine, with the policy packs, against the simulated cloud
  up        the same, applying the changes to the simulated cloud (local file backend in .state/)
  destroy   tear the simulated environment down again, layers in reverse order; protected
            resources (and what they depend on) are never touched and are listed at the end
  refresh   read the simulated cloud back into the state
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
                           platform) [default: all]
  --simulate               run against the simulated cloud with the pinned engine
                           (pnpm engine:setup); required for preview, up, destroy and refresh
  --json                   synth only: print exactly one JSON document on stdout
  --root                   repository root holding Pulumi.yaml and stacks/ [default: found from cwd]
  --confirm-production     destroy only: the environment named again; required for prod and dr
  --clear-pending-creates  refresh only: forget creates that an interrupted run left pending
  --out                    render and export: the folder written, one folder per stack project,
                           emptied first [default: .state/rendered/<env>, .state/export/<env>]
  --format                 export only: tfplan (required)

Ctrl-C or SIGTERM during preview, up, destroy or refresh cancels the engine cleanly: it finishes
the operations in flight, unlocks the stack, and the command reports what finished.

exit codes: 0 success, 1 mandatory policy violations, 2 usage or config error,
            3 an engine or internal failure (the message says which),
            130 / 143 cancelled by SIGINT / SIGTERM`;

/** Argument parsing for the `platform` command, as a pure function. */
import { UsageError } from "../workspace/errors.js";

export const USAGE = `usage: platform synth   --env <dev|staging|prod|dr> [--stack <project>|all] [--json] [--root <dir>]
       platform preview --env <env> --simulate [--stack <project>|all] [--root <dir>]
       platform up      --env <env> --simulate [--stack <project>|all] [--root <dir>]
       platform destroy --env <env> --simulate [--stack <project>|all] [--root <dir>]

  synth     run the stack programs of one environment offline (Pulumi mock runtime + simulated
            cloud), list every resource, and evaluate the CrossGuard policy packs over them.
  preview   the real Pulumi engine, with the policy packs, against the simulated cloud
  up        the same, applying the changes to the simulated cloud (local file backend in .state/)
  destroy   tear the simulated environment down again (protected resources stop it, as in prod)

  --env       environment (required)
  --stack     one stack project (e.g. foundation, or platform for the root one-stack project),
              or all: every layer stack under stacks/                 [default: all]
  --simulate  run against the simulated cloud with the pinned engine (pnpm engine:setup);
              required for preview, up and destroy
  --json      synth only: print exactly one JSON document on stdout instead of the tree
  --root      repository root holding Pulumi.yaml and stacks/        [default: found from cwd]

exit codes: 0 success, 1 mandatory policy violations or a failed engine operation,
            2 usage or config error, 3 an internal failure (a bug: please report it)`;

export const COMMANDS = ["synth", "preview", "up", "destroy"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface RunCommand {
    readonly command: CommandName;
    readonly env: string;
    readonly stack: string;
    readonly json: boolean;
    readonly simulate: boolean;
    readonly root?: string;
}

export interface HelpCommand {
    readonly command: "help";
}

export type Command = RunCommand | HelpCommand;

export function parseArgs(argv: readonly string[]): Command {
    if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
        return { command: "help" };
    }
    const [command, ...rest] = argv;
    if (!(COMMANDS as readonly string[]).includes(command)) {
        throw new UsageError(`unknown command "${command}"; use one of ${COMMANDS.join(", ")} (see platform --help)`);
    }
    let env: string | undefined;
    let stack = "all";
    let json = false;
    let simulate = false;
    let root: string | undefined;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const value = (): string => {
            const next = rest[i + 1];
            if (next === undefined || next.startsWith("--")) {
                throw new UsageError(`${arg} needs a value (see platform --help)`);
            }
            i++;
            return next;
        };
        switch (arg) {
            case "--env":
                env = value();
                break;
            case "--stack":
                stack = value();
                break;
            case "--root":
                root = value();
                break;
            case "--json":
                json = true;
                break;
            case "--simulate":
                simulate = true;
                break;
            default:
                throw new UsageError(`unknown option "${arg}" (see platform --help)`);
        }
    }
    if (env === undefined) {
        throw new UsageError("--env is required: pass --env dev, staging, prod or dr");
    }
    if (json && command !== "synth") {
        throw new UsageError(`--json is only for synth; ${command} streams the engine's output`);
    }
    if (simulate && command === "synth") {
        throw new UsageError("synth always runs offline against the simulated cloud; drop --simulate");
    }
    return { command: command as CommandName, env, stack, json, simulate, root };
}

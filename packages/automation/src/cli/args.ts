/** Argument parsing for the `platform` command, as a pure function. */
import { UsageError } from "../workspace/projects.js";

export const USAGE = `usage: platform synth --env <dev|staging|prod|dr> [--stack <project>|all] [--json] [--root <dir>]

  synth   run the stack programs of one environment offline (Pulumi mock runtime + simulated
          cloud), list every resource, and evaluate the CrossGuard policy packs over them.

  --env    environment to synthesize (required)
  --stack  one stack project (e.g. foundation, platform) or all          [default: all]
  --json   print exactly one JSON document on stdout instead of the tree
  --root   repository root holding Pulumi.yaml and stacks/              [default: found from cwd]

exit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage or config error,
            3 the synthesis itself failed (a bug: please report it)`;

export interface SynthCommand {
    readonly command: "synth";
    readonly env: string;
    readonly stack: string;
    readonly json: boolean;
    readonly root?: string;
}

export interface HelpCommand {
    readonly command: "help";
}

export type Command = SynthCommand | HelpCommand;

export function parseArgs(argv: readonly string[]): Command {
    if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
        return { command: "help" };
    }
    const [command, ...rest] = argv;
    if (command !== "synth") {
        throw new UsageError(`unknown command "${command}"; the command is synth (see platform --help)`);
    }
    let env: string | undefined;
    let stack = "all";
    let json = false;
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
            default:
                throw new UsageError(`unknown option "${arg}" (see platform --help)`);
        }
    }
    if (env === undefined) {
        throw new UsageError("--env is required: pass --env dev, staging, prod or dr");
    }
    return { command: "synth", env, stack, json, root };
}

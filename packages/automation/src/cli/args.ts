/**
 * Argument parsing for the `platform` command: `node:util` `parseArgs` reads the tokens, and this
 * file adds what it does not check: which options each command takes, repeated options, option
 * values that look like options, and messages that name the flag, the value and the fix.
 */
import { parseArgs as parseTokens } from "node:util";
import { EXPORT_FORMATS } from "../export/formats.js";
import { checkEnvironment, ENVIRONMENT_LIST } from "../workspace/environments.js";
import { UsageError } from "../workspace/errors.js";
import { LAYER_NAMES, type LayerName } from "../workspace/layers.js";
import { USAGE } from "./usage.js";

export { USAGE };

export const COMMANDS = ["synth", "preview", "up", "destroy", "refresh", "drift", "outputs", "cancel", "render", "export"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The commands that drive the engine: against the simulated cloud with `--simulate`, else the user's backend and clouds. */
export const ENGINE_COMMANDS: readonly CommandName[] = ["preview", "up", "destroy", "refresh", "drift"];

export interface RunCommand {
    readonly command: CommandName;
    readonly env: string;
    /** A project name, or `all`. */
    readonly stack: string;
    /** A layer of the registry (`--layer`), instead of `--stack`: resolved to its project by the caller. */
    readonly layer?: LayerName;
    readonly json: boolean;
    /** preview, up, destroy, refresh, drift: plain progress lines even on a terminal (as in CI). */
    readonly plain: boolean;
    readonly simulate: boolean;
    readonly root?: string;
    /** destroy only: the environment named again, required for prod and dr. */
    readonly confirmProduction?: string;
    /** refresh only: drop creates an interrupted run left pending. */
    readonly clearPendingCreates: boolean;
    /** render and export: the folder written. @default .state/rendered/<env>, .state/export/<env> */
    readonly out?: string;
    /** export only: what to write (`tfplan`). */
    readonly format?: string;
    /** preview, up, destroy, refresh, drift: the most layers run at once. @default undefined: the engine's DEFAULT_PARALLEL_LAYERS (2) */
    readonly parallel?: number;
}

export interface HelpCommand {
    readonly command: "help";
}

export type Command = RunCommand | HelpCommand;

const OPTIONS = {
    env: { type: "string" },
    stack: { type: "string" },
    layer: { type: "string" },
    root: { type: "string" },
    json: { type: "boolean" },
    plain: { type: "boolean" },
    simulate: { type: "boolean" },
    "confirm-production": { type: "string" },
    "clear-pending-creates": { type: "boolean" },
    out: { type: "string" },
    format: { type: "string" },
    parallel: { type: "string" },
    help: { type: "boolean", short: "h" },
} as const;
type OptionName = keyof typeof OPTIONS;

/** The options each command accepts (besides --help). */
const ACCEPTS: Readonly<Record<CommandName, readonly OptionName[]>> = {
    synth: ["env", "stack", "layer", "root", "json"],
    preview: ["env", "stack", "layer", "root", "simulate", "json", "plain", "parallel"],
    up: ["env", "stack", "layer", "root", "simulate", "json", "plain", "parallel"],
    destroy: ["env", "stack", "layer", "root", "simulate", "confirm-production", "plain", "parallel"],
    refresh: ["env", "stack", "layer", "root", "simulate", "clear-pending-creates", "plain", "parallel"],
    drift: ["env", "stack", "layer", "root", "simulate", "json", "plain", "parallel"],
    // outputs reads the stacks' outputs from the backend: the simulated one, or PULUMI_BACKEND_URL.
    outputs: ["env", "stack", "layer", "root", "simulate", "json"],
    // cancel only removes a lock from the local backend; --simulate is accepted for symmetry.
    cancel: ["env", "stack", "layer", "root", "simulate"],
    // render always runs on the simulated cloud (with the real kubernetes provider).
    render: ["env", "stack", "layer", "root", "out"],
    // export synthesizes offline, as synth does.
    export: ["env", "stack", "layer", "root", "out", "format"],
};

/** Why an option does not belong to a command, with the fix. */
const MISPLACED: Partial<Record<OptionName, string>> = {
    json: "only synth, preview, up, drift and outputs print a JSON result. Fix: drop --json",
    plain: "only preview, up, destroy, refresh and drift show a task list to switch off. Fix: drop --plain",
    simulate: "synth and render always run against the simulated cloud. Fix: drop --simulate",
    "confirm-production": "only destroy needs it. Fix: drop --confirm-production",
    "clear-pending-creates": "only refresh clears pending creates. Fix: platform refresh --env <env> --simulate --clear-pending-creates",
    out: "only render and export write files. Fix: drop --out, or platform render --env <env> --out <dir>",
    format: "only export has formats. Fix: drop --format, or platform export --env <env> --format tfplan",
    parallel: "only preview, up, destroy, refresh and drift run layers at once. Fix: drop --parallel",
};

/**
 * `--parallel`'s value: a whole number from 1 up (more than the layers there are runs them all at
 * once where the graph allows). Written plainly (`2`, not `02`, `2.0` or `1e1`) so the log shows
 * what ran.
 */
export function parseParallel(value: string): number {
    if (!/^[1-9][0-9]{0,2}$/.test(value)) {
        throw new UsageError(
            `--parallel = ${JSON.stringify(value)}: not a whole number from 1 to 999. ` +
                "Fix: pass --parallel 1 to run one layer at a time, or a larger number for more layers at once (default 2)",
        );
    }
    return Number(value);
}

function isCommand(value: string): value is CommandName {
    return (COMMANDS as readonly string[]).includes(value);
}

function isOption(name: string): name is OptionName {
    return Object.hasOwn(OPTIONS, name);
}

const HELP_HINT = "see platform --help";

/** Parses the `platform` command line. Throws {@link UsageError} for anything wrong with it. */
export function parseArgs(argv: readonly string[]): Command {
    const { tokens } = parseTokens({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
    if (argv.length === 0 || argv[0] === "help" || tokens.some((t) => t.kind === "option" && t.name === "help")) {
        return { command: "help" };
    }
    const [first] = argv;
    if (first.startsWith("-")) {
        throw new UsageError(`${first}: options come after the command. Fix: platform <${COMMANDS.join("|")}> ${argv.join(" ")}`);
    }
    if (!isCommand(first)) {
        throw new UsageError(`"${first}": unknown command. Fix: use one of ${COMMANDS.join(", ")} (${HELP_HINT})`);
    }
    const command = first;
    const values = new Map<OptionName, Array<string | true>>();
    for (const token of tokens.slice(1)) {
        if (token.kind === "option-terminator") {
            throw new UsageError(`--: the platform command takes no positional arguments. Fix: remove "--" and what follows it`);
        }
        if (token.kind === "positional") {
            throw new UsageError(`"${token.value}": unexpected argument. Fix: ${command} takes only options (${HELP_HINT})`);
        }
        const flag = token.rawName;
        if (!isOption(token.name)) {
            throw new UsageError(
                `${flag}: unknown option. Fix: use one of ${ACCEPTS[command].map((o) => `--${o}`).join(", ")} (${HELP_HINT})`,
            );
        }
        if (!ACCEPTS[command].includes(token.name)) {
            throw new UsageError(`${flag}: not an option of ${command}; ${MISPLACED[token.name] ?? HELP_HINT}`);
        }
        const option: OptionName = token.name;
        let value: string | true;
        if (OPTIONS[option].type === "string") {
            // parseArgs (not strict) takes the next argument as the value even when it is another option.
            if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) {
                throw new UsageError(`${flag}: needs a value. Fix: ${flag} <value> (${HELP_HINT})`);
            }
            value = token.value;
        } else {
            if (token.inlineValue) {
                throw new UsageError(`${flag}: takes no value, got "${token.value ?? ""}". Fix: write ${flag} alone`);
            }
            value = true;
        }
        values.set(option, [...(values.get(option) ?? []), value]);
    }
    for (const [option, given] of values) {
        if (given.length > 1) {
            const shown = given.map((v) => (v === true ? "(flag)" : JSON.stringify(v))).join(", ");
            throw new UsageError(`--${option} = ${shown}: given ${given.length} times. Fix: pass --${option} once`);
        }
    }
    const string = (option: OptionName): string | undefined => {
        const value = values.get(option)?.[0];
        return typeof value === "string" ? value : undefined;
    };
    const env = string("env");
    if (env === undefined) {
        throw new UsageError(`--env: required. Fix: pass --env ${ENVIRONMENT_LIST}`);
    }
    checkEnvironment(env);
    // Without --simulate the engine commands use the user's backend and cloud credentials
    // (engine/environment.ts: realEngineEnvironment checks PULUMI_BACKEND_URL).
    const simulate = values.has("simulate");
    const format = string("format");
    if (command === "export") {
        const formats = EXPORT_FORMATS.join(", ");
        if (format === undefined) {
            throw new UsageError(`--format: required. Fix: pass --format ${formats}`);
        }
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
            throw new UsageError(
                `--format = ${JSON.stringify(format)}: not a format platform export writes. Fix: pass --format ${formats}`,
            );
        }
    }
    const parallel = string("parallel");
    const layer = string("layer");
    if (layer !== undefined && values.has("stack")) {
        throw new UsageError(
            `--layer = ${JSON.stringify(layer)} and --stack = ${JSON.stringify(string("stack"))}: both name what to run. Fix: pass one of them`,
        );
    }
    if (layer !== undefined && !(LAYER_NAMES as readonly string[]).includes(layer)) {
        throw new UsageError(`--layer = ${JSON.stringify(layer)}: not a layer. Fix: pass one of ${LAYER_NAMES.join(", ")}`);
    }
    return {
        command,
        env,
        stack: string("stack") ?? "all",
        ...(layer !== undefined ? { layer: layer as LayerName } : {}),
        json: values.has("json"),
        plain: values.has("plain"),
        simulate,
        root: string("root"),
        confirmProduction: string("confirm-production"),
        clearPendingCreates: values.has("clear-pending-creates"),
        out: string("out"),
        format,
        parallel: parallel === undefined ? undefined : parseParallel(parallel),
    };
}

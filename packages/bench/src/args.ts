/**
 * `pnpm bench [--quick] [--runs N] [--sizes A,B,C] [--only KINDS] [--env E]`, read with
 * `node:util` parseArgs; every message names the flag, the value and the fix.
 */
import { parseArgs } from "node:util";

export const KINDS = ["synth", "engine", "env-synth", "cli"] as const;
export type Kind = (typeof KINDS)[number];

export interface BenchOptions {
    readonly help: boolean;
    /** Resources of the generated program, ascending. */
    readonly sizes: readonly number[];
    /** Runs per measurement; the median is reported. */
    readonly runs: number;
    /** Runs of `platform synth` of the environment. */
    readonly envRuns: number;
    /**
     * Rounds of the overhead rows (a round on prod, each layer's pair and the whole environment's,
     * takes about 2 minutes here): six, the fewest whose [min, max] holds the median difference
     * with at least 95% confidence (96.9%).
     */
    readonly cliRuns: number;
    readonly kinds: readonly Kind[];
    /** The environment of the whole-environment rows. */
    readonly env: string;
    /** The layer of the overhead rows: all (a row per layer and one for the whole environment), or one layer project. */
    readonly stack: string;
}

export const DEFAULTS: BenchOptions = {
    help: false,
    sizes: [100, 500, 2000],
    runs: 3,
    envRuns: 2,
    cliRuns: 6,
    kinds: KINDS,
    env: "prod",
    stack: "all",
};

/** A few minutes less: small sizes, one run, one layer for the overhead rows. */
export const QUICK: Partial<BenchOptions> = { sizes: [50, 100, 200], runs: 1, envRuns: 1, cliRuns: 1, stack: "foundation" };

export const USAGE = `usage: pnpm bench [--quick] [--runs N] [--sizes A,B,C] [--only ${KINDS.join(",")}] [--env E] [--stack S]

  --quick   sizes ${QUICK.sizes?.join(",")}, one run, the overhead rows on the foundation layer only
  --runs    runs per size and of every row (the median is reported) [default ${DEFAULTS.runs};
            platform synth ${DEFAULTS.envRuns}, the cli rows ${DEFAULTS.cliRuns} rounds]
  --sizes   resources of the generated program, at least two [default ${DEFAULTS.sizes.join(",")}]
  --only    which rows: synth (offline synth per resource), engine (preview and up per resource),
            env-synth (platform synth of the environment), cli (platform preview vs raw pulumi
            preview: per stack, the target, and the whole environment in one command)
  --env     environment of the env-synth and cli rows [default ${DEFAULTS.env}]
  --stack   layer of the cli rows, or all: every layer and the whole environment [default ${DEFAULTS.stack}]`;

function positiveInteger(flag: string, raw: string, max: number, example: string): number {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
        throw new Error(`${flag} = ${JSON.stringify(raw)}: not a whole number from 1 to ${max}. Fix: ${flag} ${example}`);
    }
    return Number(raw);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            options: {
                quick: { type: "boolean" },
                runs: { type: "string" },
                sizes: { type: "string" },
                only: { type: "string" },
                env: { type: "string" },
                stack: { type: "string" },
                help: { type: "boolean", short: "h" },
            },
            strict: true,
            allowPositionals: false,
        });
    } catch (err) {
        throw new Error(`${err instanceof Error ? err.message : String(err)}. Fix: see pnpm bench --help`);
    }
    const { values } = parsed;
    const base: BenchOptions = values.quick === true ? { ...DEFAULTS, ...QUICK } : DEFAULTS;
    let sizes = base.sizes;
    if (values.sizes !== undefined) {
        sizes = values.sizes.split(",").map((s) => positiveInteger("--sizes", s.trim(), 100_000, "100,500"));
        if (new Set(sizes).size < 2) {
            throw new Error(`--sizes = ${JSON.stringify(values.sizes)}: a slope needs two different sizes. Fix: --sizes 100,500`);
        }
        sizes = [...new Set(sizes)].sort((a, b) => a - b);
    }
    let kinds = base.kinds;
    if (values.only !== undefined) {
        const asked = values.only.split(",").map((k) => k.trim());
        const unknown = asked.filter((k) => !(KINDS as readonly string[]).includes(k));
        if (unknown.length > 0 || asked.length === 0) {
            throw new Error(`--only = ${JSON.stringify(values.only)}: unknown row ${unknown.join(", ")}. Fix: --only ${KINDS.join(",")}`);
        }
        kinds = KINDS.filter((k) => asked.includes(k));
    }
    const runs = values.runs === undefined ? base.runs : positiveInteger("--runs", values.runs, 50, "3");
    return {
        help: values.help === true,
        sizes,
        runs,
        envRuns: values.runs === undefined ? base.envRuns : runs,
        cliRuns: values.runs === undefined ? base.cliRuns : runs,
        kinds,
        env: values.env ?? base.env,
        stack: values.stack ?? base.stack,
    };
}

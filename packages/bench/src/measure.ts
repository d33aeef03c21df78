/** The measurements behind each row of the table. Progress goes to `log` (stderr). */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import {
    attachedPolicyPacks,
    checkAcrossEnvironments,
    checkEnvironment,
    discoverProjects,
    dryRunEnvironment,
    PLATFORM_REPOSITORY,
    type ResultDocument,
    selectProjects,
    writeStagedWorkspace,
} from "@platform/automation";
import { synthesize } from "@platform/synth";
import { freshState, keysProject, pulumi, removeState } from "./engine.js";
import { COUNT_KEY, keys } from "./program.js";
import type { OverheadMeasurements } from "./overhead.js";
import { fitLine, median } from "./stats.js";
import type { Row } from "./table.js";
import { timed, timeRuns } from "./timing.js";

const run = promisify(execFile);
const CLI = path.join(PLATFORM_REPOSITORY, "packages", "automation", "dist", "src", "cli", "main.js");

export type Log = (line: string) => void;

function setupText(sizes: readonly number[], runs: number): string {
    return `${sizes.join(" / ")} resources, ${runs} run${runs === 1 ? "" : "s"}`;
}

function slopeRow(name: string, sizes: readonly number[], runs: number, times: readonly number[][], target?: number): Row {
    const medians = times.map(median);
    const line = fitLine(sizes.map((n, i) => [n, medians[i]] as const));
    return {
        name,
        setup: setupText(sizes, runs),
        medians,
        value: line.slope,
        unit: "ms/resource",
        ...(target === undefined ? {} : { target }),
        note: `fixed ${Math.round(line.intercept)} ms per run`,
    };
}

/** Offline synth (the mock runtime of packages/synth) of N keys, in this process. */
export async function synthRow(sizes: readonly number[], runs: number, log: Log): Promise<Row> {
    const once = (n: number) =>
        synthesize({
            project: "bench",
            stack: "bench",
            config: { [COUNT_KEY]: String(n), "aws:region": "us-east-1" },
            program: () => keys(n),
        });
    // Loading @pulumi/aws and the SDK is a one-off of the process, not a cost per resource.
    await once(sizes[0]);
    const times: number[][] = [];
    for (const n of sizes) {
        times.push(
            await timeRuns(
                runs,
                () => Promise.resolve(),
                () => once(n),
            ),
        );
        log(`synth ${n}: ${times[times.length - 1].map(Math.round).join(", ")} ms`);
    }
    return slopeRow("offline synth (packages/synth), KMS keys", sizes, runs, times);
}

/** The pinned engine's `pulumi preview` and `pulumi up` of N keys on an empty state. */
export async function engineRows(sizes: readonly number[], runs: number, log: Log): Promise<Row[]> {
    const previews: number[][] = [];
    const defaultPreviews: number[][] = [];
    const ups: number[][] = [];
    for (const n of sizes) {
        const preview: number[] = [];
        const defaultPreview: number[] = [];
        const up: number[] = [];
        for (let r = 0; r < runs; r++) {
            const state = freshState(`keys-${n}`);
            try {
                const dir = await keysProject(state, n);
                // As `platform preview` runs it (dryRunEnvironment), then with the engine's defaults.
                preview.push(await timed(() => pulumi(state, dir, ["preview", "--stack", "bench"], dryRunEnvironment("preview"))));
                defaultPreview.push(await timed(() => pulumi(state, dir, ["preview", "--stack", "bench"])));
                up.push(await timed(() => pulumi(state, dir, ["up", "--yes", "--skip-preview", "--stack", "bench"])));
            } finally {
                removeState(state);
            }
        }
        const ms = (times: number[]) => times.map(Math.round).join(", ");
        log(`engine ${n}: preview ${ms(preview)} ms (engine defaults ${ms(defaultPreview)} ms); up ${ms(up)} ms`);
        previews.push(preview);
        defaultPreviews.push(defaultPreview);
        ups.push(up);
    }
    return [
        slopeRow("engine preview as platform runs it (pinned pulumi, simulated cloud)", sizes, runs, previews, 15),
        slopeRow("engine preview, engine defaults (per-step snapshots)", sizes, runs, defaultPreviews),
        slopeRow("engine up (pinned pulumi, simulated cloud)", sizes, runs, ups),
    ];
}

/** `platform synth --env E` as a user runs it: a new process, all layers, all packs. */
export async function envSynthRow(env: string, runs: number, log: Log): Promise<Row> {
    const times = await timeRuns(
        runs,
        () => Promise.resolve(),
        () =>
            run(process.execPath, [CLI, "synth", "--env", env, "--json"], { cwd: PLATFORM_REPOSITORY, maxBuffer: 512 * 1024 * 1024 }).catch(
                (err: { code?: number }) => {
                    // Exit 1 is "mandatory violations": still a whole synth.
                    if (err.code !== 1) throw err;
                },
            ),
    );
    log(`platform synth --env ${env}: ${times.map(Math.round).join(", ")} ms`);
    const value = median(times) / 1000;
    return {
        name: `platform synth --env ${env} (all layers, all packs)`,
        setup: `${runs} run${runs === 1 ? "" : "s"}`,
        medians: [median(times)],
        value,
        unit: "s",
        target: 5,
    };
}

/**
 * `platform preview --env E --simulate --json` against `pulumi preview --policy-pack ...` of the
 * same staged stacks with the same packs and pack config: what the command adds to the engine (its
 * start, the state checks, the config check, staging, the Automation API's event stream). Per
 * layer (`--stack <layer>` against that stack's raw preview: the target), and with `stack` all
 * the whole environment in one command too. One state for all runs (stacks created and every
 * variant run once first, untimed), then `runs` rounds; in each, every pair in turn, which side
 * goes first alternating by round: a fresh state per run made the raw previews alone vary by 4 s
 * between runs on 2 cores, more than what is measured.
 */
export async function overheadMeasurements(env: string, stack: string, runs: number, log: Log): Promise<OverheadMeasurements> {
    const discovered = discoverProjects(PLATFORM_REPOSITORY);
    const projects = selectProjects(discovered, stack, env);
    const state = freshState(`cli-${env}`);
    const previous = process.env["PLATFORM_STATE_DIR"];
    try {
        process.env["PLATFORM_STATE_DIR"] = state.dir;
        // The packs platform attaches to each stack (its cloud's pack, platform's configured for it, kubernetes).
        const stacks = projects.map((project) => {
            const dir = writeStagedWorkspace(PLATFORM_REPOSITORY, project);
            const cloud = checkAcrossEnvironments(PLATFORM_REPOSITORY, project, checkEnvironment(env))?.cloud;
            const attached = attachedPolicyPacks(cloud, path.join(dir, "policy-pack-config"));
            const packs = [
                ...attached.packs.flatMap((pack) => ["--policy-pack", pack]),
                ...attached.configs.flatMap((config) => ["--policy-pack-config", config]),
            ];
            return { layer: project.name, dir, packs };
        });
        // Every layer's stack exists, as after a first `platform up`: a measured layer's stack
        // references resolve (to no outputs, in a preview) whichever layers are measured.
        for (const project of selectProjects(discovered, "all", env)) {
            const measured = stacks.find((s) => s.layer === project.name);
            await pulumi(state, measured?.dir ?? writeStagedWorkspace(PLATFORM_REPOSITORY, project), ["stack", "init", env]);
        }
        const rawRun = (of: typeof stacks) =>
            timed(async () => {
                for (const { dir, packs } of of) {
                    await pulumi(state, dir, ["preview", "--stack", env, ...packs], dryRunEnvironment("preview"));
                }
            });
        // One layer at a time, as the raw previews run (and those with the engine settings
        // platform uses): the row is the command's overhead, not what its settings save.
        // --json: the layers' durations (each stack's run) say how much of the command is outside them.
        const platformRun = async (layer: string) => {
            let stdout = "";
            const ms = await timed(async () => {
                ({ stdout } = await run(
                    process.execPath,
                    [CLI, "preview", "--env", env, "--simulate", "--json", "--parallel", "1", "--stack", layer],
                    {
                        cwd: PLATFORM_REPOSITORY,
                        env: { ...process.env, PLATFORM_STATE_DIR: state.dir, CI: "true" },
                        maxBuffer: 256 * 1024 * 1024,
                    },
                ));
            });
            const layers = (JSON.parse(stdout) as ResultDocument).layers.reduce((sum, l) => sum + (l.durationMs ?? 0), 0);
            return { ms, outside: ms - layers };
        };
        const variants = [
            ...stacks.map((s) => ({ name: `--stack ${s.layer}`, raw: () => rawRun([s]), platform: () => platformRun(s.layer) })),
            ...(stack === "all" && stacks.length > 1
                ? [{ name: "all layers", raw: () => rawRun(stacks), platform: () => platformRun("all") }]
                : []),
        ];
        const measured = variants.map(() => ({ platform: [] as number[], raw: [] as number[], outside: [] as number[] }));
        for (const variant of variants) {
            await variant.raw();
            await variant.platform();
        }
        for (let r = 0; r < runs; r++) {
            for (const [i, variant] of variants.entries()) {
                const pair =
                    r % 2 === 0
                        ? { raw: await variant.raw(), platform: await variant.platform() }
                        : { platform: await variant.platform(), raw: await variant.raw() };
                measured[i].raw.push(pair.raw);
                measured[i].platform.push(pair.platform.ms);
                measured[i].outside.push(pair.platform.outside);
                log(
                    `preview --env ${env} ${variant.name} (round ${r + 1}): platform ${Math.round(pair.platform.ms)} ms (${Math.round(pair.platform.outside)} ms outside its layers' runs), raw pulumi ${Math.round(pair.raw)} ms`,
                );
            }
        }
        return {
            env,
            stacks: stacks.map((s, i) => ({ layer: s.layer, runs: measured[i] })),
            ...(variants.length > stacks.length ? { environment: measured[stacks.length] } : {}),
        };
    } finally {
        if (previous === undefined) delete process.env["PLATFORM_STATE_DIR"];
        else process.env["PLATFORM_STATE_DIR"] = previous;
        removeState(state);
    }
}

/**
 * Running the pinned Checkov (`bash scripts/checkov-setup.sh`) over exported Terraform plans, and
 * reading its JSON report. Checkov is found like the Go tools: in CI (CI or PLATFORM_REQUIRE_TOOLS
 * set) a missing install is an error, on a laptop the caller skips.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { engineCacheRoot, toolsRequired } from "@platform/synth";

const run = promisify(execFile);

export const CHECKOV_SETUP = "bash scripts/checkov-setup.sh";

/** Where checkov-setup.sh installs Checkov (whether or not it is there yet). */
export function checkovPath(env: NodeJS.ProcessEnv = process.env): string {
    return path.join(engineCacheRoot(env), "tools", "checkov", "bin", "checkov");
}

/** The installed Checkov; undefined on a laptop without it; an error in CI. */
export function findCheckov(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const file = checkovPath(env);
    if (existsSync(file)) return file;
    if (toolsRequired(env)) {
        throw new Error(`checkov is not installed (${file}); CI must install it before the tests. Fix: ${CHECKOV_SETUP}`);
    }
    return undefined;
}

/** One failed check of Checkov's JSON report. */
export interface CheckovFailure {
    readonly check_id: string;
    readonly check_name: string;
    /** The Terraform address, e.g. `aws_vpc.network-vpc`. */
    readonly resource: string;
    /** The plan file, relative to the scanned folder (`/prod/foundation/tfplan.json`). */
    readonly file_path: string;
}

interface Report {
    readonly check_type?: string;
    readonly results?: { readonly failed_checks?: CheckovFailure[]; readonly passed_checks?: CheckovFailure[] };
}

/** What Checkov reports over a folder of plans: the failed checks and the passed ones (same shape). */
export interface CheckovResults {
    readonly failed: CheckovFailure[];
    readonly passed: CheckovFailure[];
}

/**
 * Checkov's failed checks over every Terraform plan under `dir` (one process: its start-up costs
 * more than the scan). `--skip-download` keeps it offline (no guideline download).
 */
export async function checkovFailures(checkov: string, dir: string): Promise<CheckovFailure[]> {
    return (await checkovResults(checkov, dir)).failed;
}

/**
 * Checkov's failed and passed checks over every Terraform plan under `dir`. A check it neither
 * passes nor fails on a resource did not evaluate there (Checkov's UNKNOWN: not its resource, or
 * not its configuration).
 */
export async function checkovResults(checkov: string, dir: string): Promise<CheckovResults> {
    const args = ["-d", dir, "--framework", "terraform_plan", "-o", "json", "--skip-download", "--compact"];
    let stdout: string;
    try {
        ({ stdout } = await run(checkov, args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: "ERROR" } }));
    } catch (err) {
        // Checkov exits 1 when a check fails; its report is still on stdout.
        const out = (err as { stdout?: string }).stdout;
        if (typeof out !== "string" || out.trim() === "") throw err;
        stdout = out;
    }
    const parsed = JSON.parse(stdout) as Report | Report[];
    const reports = Array.isArray(parsed) ? parsed : [parsed];
    return {
        failed: reports.flatMap((r) => r.results?.failed_checks ?? []),
        passed: reports.flatMap((r) => r.results?.passed_checks ?? []),
    };
}

/** One row of `checkov --list`: a check and one resource type it applies to. */
export interface CheckovListRow {
    readonly id: string;
    readonly kind: string;
    readonly entity: string;
    readonly title: string;
}

/** The rows of a `checkov --list` table. */
export function parseCheckovList(text: string): CheckovListRow[] {
    return text
        .split("\n")
        .filter((line) => /^\|\s*\d+\s*\|/.test(line))
        .map((line) => line.split("|").map((cell) => cell.trim()))
        .map((cells) => ({ id: cells[2], kind: cells[3], entity: cells[4], title: cells[5] }));
}

/** Checkov's own list of its terraform checks (the ones its terraform_plan framework runs). */
export async function checkovList(checkov: string): Promise<CheckovListRow[]> {
    const { stdout } = await run(checkov, ["--list", "--framework", "terraform", "--skip-download"], {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LOG_LEVEL: "ERROR" },
    });
    return parseCheckovList(stdout);
}

/**
 * The `platform` command as a child process, and the processes and backend files the real-engine
 * fault tests watch: lock files, the checkpoint, and the simulated plugins an engine started.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../paths.js";

const run = promisify(execFile);
export const PLATFORM_MAIN = path.join(REPO_ROOT, "packages", "automation", "dist", "src", "cli", "main.js");

export interface Finished {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `platform <args>` to the end (never rejects). */
export async function platform(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
    try {
        const { stdout, stderr } = await run(process.execPath, [PLATFORM_MAIN, ...args], {
            cwd: REPO_ROOT,
            env: { ...process.env, ...env },
            maxBuffer: 64 * 1024 * 1024,
        });
        return { code: 0, signal: null, stdout, stderr };
    } catch (err) {
        const e = err as { code?: number; signal?: NodeJS.Signals; stdout?: string; stderr?: string };
        return {
            code: typeof e.code === "number" ? e.code : null,
            signal: e.signal ?? null,
            stdout: e.stdout ?? "",
            stderr: e.stderr ?? "",
        };
    }
}

export interface Running {
    readonly child: ChildProcess;
    readonly output: { stdout: string; stderr: string };
    readonly finished: Promise<Finished>;
}

/** Starts `platform <args>` in the background (in a process group of its own with `group`, as a shell job is). */
export function startPlatform(args: readonly string[], env: NodeJS.ProcessEnv = {}, group = false): Running {
    const child = spawn(process.execPath, [PLATFORM_MAIN, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: group,
    });
    const output = { stdout: "", stderr: "" };
    child.stdout?.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
    const finished = new Promise<Finished>((resolve) =>
        child.on("close", (code, signal) => resolve({ code, signal, stdout: output.stdout, stderr: output.stderr })),
    );
    return { child, output, finished };
}

/** Polls `probe` until it returns a value (not undefined); fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 120_000): Promise<T> {
    const start = Date.now();
    for (;;) {
        const value = probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() - start > timeoutMs) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** A stack's files in a file backend. */
export function stackFiles(backendDir: string, project: string, stack: string): { checkpoint: string; lockDir: string } {
    return {
        checkpoint: path.join(backendDir, ".pulumi", "stacks", project, `${stack}.json`),
        lockDir: path.join(backendDir, ".pulumi", "locks", "organization", project, stack),
    };
}

export interface LockFile {
    readonly file: string;
    readonly pid: number;
    readonly username: string;
    readonly hostname: string;
    readonly timestamp: string;
}

/** The stack's lock files as the engine wrote them. */
export function locks(lockDir: string): LockFile[] {
    if (!existsSync(lockDir)) {
        return [];
    }
    return readdirSync(lockDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => ({
            file: path.join(lockDir, f),
            ...(JSON.parse(readFileSync(path.join(lockDir, f), "utf8")) as Omit<LockFile, "file">),
        }));
}

interface CheckpointResource {
    readonly urn: string;
    readonly type: string;
    readonly protect?: boolean;
}

export interface CheckpointView {
    readonly resources: CheckpointResource[];
    readonly pending: Array<{ type: string; resource: { urn: string; custom?: boolean } }>;
}

/** The checkpoint's resources and pending operations (undefined while the file does not parse). */
export function readCheckpoint(file: string): CheckpointView | undefined {
    try {
        const doc = JSON.parse(readFileSync(file, "utf8")) as {
            checkpoint?: { latest?: { resources?: CheckpointResource[]; pending_operations?: CheckpointView["pending"] } };
        };
        const latest = doc.checkpoint?.latest;
        return { resources: latest?.resources ?? [], pending: latest?.pending_operations ?? [] };
    } catch {
        return undefined;
    }
}

function stat(pid: string): { ppid: number; state: string } | undefined {
    try {
        const text = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
        return { state: fields[0], ppid: Number(fields[1]) };
    } catch {
        return undefined;
    }
}

/** Live processes whose command line contains `needle` (optionally only children of `parent`). */
export function processesMatching(needle: string, parent?: number): number[] {
    return readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .filter((pid) => {
            const s = stat(pid);
            if (s === undefined || s.state === "Z" || (parent !== undefined && s.ppid !== parent)) {
                return false;
            }
            try {
                return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(needle);
            } catch {
                return false;
            }
        })
        .map(Number);
}

/** True while `pid` runs (a zombie counts as ended). */
export function alive(pid: number): boolean {
    const s = stat(String(pid));
    return s !== undefined && s.state !== "Z";
}

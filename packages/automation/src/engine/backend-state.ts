/**
 * Reads what a run left in the local file backend (`pulumi login file://...`, the "diy" backend),
 * without the engine: the stack's lock files, and its checkpoint with any pending operations.
 *
 * The engine itself cannot answer these questions safely: it treats a checkpoint emptied to `{}`
 * as a stack with no resources (and plans to create everything again), it only warns about
 * operations an interrupted run left pending (and then repeats the creates), and its lock error
 * cannot tell a run in progress from one that was killed. The layout read here is the engine's
 * own (pkg/backend/diy in pulumi v3.276.0): `.pulumi/meta.yaml`, `.pulumi/stacks/<project>/<stack>.json`
 * (`.json.gz` when gzip is on), `<stack>.json.bak`, `.pulumi/backups/<project>/<stack>/`, and
 * `.pulumi/locks/<org>/<project>/<stack>/<id>.json` holding `{pid, username, hostname, timestamp}`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import { processIsRunning } from "./processes.js";

/** A lock file on the stack. */
export interface StackLock {
    readonly file: string;
    readonly pid: number | undefined;
    readonly username: string;
    readonly hostname: string;
    readonly timestamp: string;
    /** true: the process runs on this machine; false: it is gone; undefined: another machine (cannot tell). */
    readonly running: boolean | undefined;
}

/** An operation a run started and never finished (the engine writes it before calling the provider). */
export interface PendingOperation {
    /** `creating`, `updating`, `deleting`, `reading`, `importing`. */
    readonly type: string;
    readonly urn: string;
}

/** A readable copy of the checkpoint: the `.bak` beside it or a file under `backups/`. */
export interface CheckpointCopy {
    readonly file: string;
    readonly resources: number;
    /** When the copy was written (file time, ISO 8601). */
    readonly time: string;
}

export type CheckpointHealth =
    /** No checkpoint file: the stack does not exist (or was removed with pulumi stack rm). */
    | { readonly status: "absent" }
    | { readonly status: "ok"; readonly resources: number; readonly pendingOperations: readonly PendingOperation[] }
    /** Unreadable, emptied, or stripped of its deployment: `lastGood` is the newest copy that reads. */
    | { readonly status: "corrupted"; readonly problem: string; readonly lastGood: CheckpointCopy | undefined };

export interface StackState {
    readonly project: string;
    readonly stack: string;
    /** The checkpoint file (it may not exist). */
    readonly checkpointFile: string;
    readonly locks: readonly StackLock[];
    readonly checkpoint: CheckpointHealth;
}

/** The directory of a `file://` backend URL (engine-env.sh writes the path unencoded). */
export function backendDirectory(backendUrl: string): string {
    if (!backendUrl.startsWith("file://")) {
        throw new Error(`not a local file backend: ${backendUrl}`);
    }
    return backendUrl.slice("file://".length);
}

type ParsedCheckpoint =
    | { readonly ok: true; readonly resources: number; readonly hasDeployment: boolean; readonly pendingOperations: PendingOperation[] }
    | { readonly ok: false; readonly problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks that `text` is a checkpoint the engine would read as the stack's real state. */
export function parseCheckpoint(text: string): ParsedCheckpoint {
    if (text.trim() === "") {
        return { ok: false, problem: "the file is empty" };
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        return { ok: false, problem: `it is not valid JSON (${(err as Error).message})` };
    }
    if (!isRecord(doc)) {
        return { ok: false, problem: "it is not a JSON object" };
    }
    if (Object.keys(doc).length === 0) {
        return { ok: false, problem: "it is an empty JSON object ({}), not a checkpoint" };
    }
    if (typeof doc["version"] !== "number") {
        return { ok: false, problem: 'it has no "version"' };
    }
    const checkpoint = doc["checkpoint"];
    if (!isRecord(checkpoint)) {
        return { ok: false, problem: 'it has no "checkpoint" section' };
    }
    const latest = checkpoint["latest"];
    if (latest === undefined || latest === null) {
        return { ok: true, resources: 0, hasDeployment: false, pendingOperations: [] };
    }
    if (!isRecord(latest)) {
        return { ok: false, problem: '"checkpoint.latest" is not an object' };
    }
    const resources = latest["resources"] ?? [];
    if (!Array.isArray(resources)) {
        return { ok: false, problem: '"checkpoint.latest.resources" is not a list' };
    }
    const pending = Array.isArray(latest["pending_operations"]) ? (latest["pending_operations"] as unknown[]) : [];
    const pendingOperations = pending.filter(isRecord).map((op) => ({
        type: typeof op["type"] === "string" ? op["type"] : "unknown",
        urn: isRecord(op["resource"]) && typeof op["resource"]["urn"] === "string" ? op["resource"]["urn"] : "(unknown resource)",
    }));
    return { ok: true, resources: resources.length, hasDeployment: true, pendingOperations };
}

function readMaybeGzipped(file: string): string {
    const bytes = readFileSync(file);
    return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
}

/** The stack's checkpoint file: project-scoped layout (meta.yaml version 1) or the legacy one. */
function checkpointBase(backendDir: string, project: string, stack: string): { stacksDir: string; backupsDir: string } {
    const meta = path.join(backendDir, ".pulumi", "meta.yaml");
    let version = 0;
    if (existsSync(meta)) {
        const doc: unknown = parseYaml(readFileSync(meta, "utf8"));
        version = isRecord(doc) && typeof doc["version"] === "number" ? doc["version"] : 0;
    }
    const scope = version >= 1 ? [project] : [];
    return {
        stacksDir: path.join(backendDir, ".pulumi", "stacks", ...scope),
        backupsDir: path.join(backendDir, ".pulumi", "backups", ...scope, stack),
    };
}

/** Readable copies of the checkpoint, newest first. */
function checkpointCopies(checkpointFile: string, backupsDir: string): CheckpointCopy[] {
    const candidates = [`${checkpointFile}.bak`];
    if (existsSync(backupsDir)) {
        candidates.push(
            ...readdirSync(backupsDir)
                .filter((f) => /\.json(\.gz)?$/.test(f))
                .map((f) => path.join(backupsDir, f)),
        );
    }
    return candidates
        .filter((file) => existsSync(file))
        .map((file) => ({ file, mtime: statSync(file).mtimeMs, parsed: parseCheckpoint(readMaybeGzipped(file)) }))
        .filter((c) => c.parsed.ok && c.parsed.hasDeployment)
        .sort((a, b) => b.mtime - a.mtime)
        .map((c) => ({ file: c.file, resources: c.parsed.ok ? c.parsed.resources : 0, time: new Date(c.mtime).toISOString() }));
}

function checkpointHealth(checkpointFile: string, backupsDir: string): CheckpointHealth {
    if (!existsSync(checkpointFile)) {
        return { status: "absent" };
    }
    const parsed = parseCheckpoint(readMaybeGzipped(checkpointFile));
    const lastGood = (): CheckpointCopy | undefined => checkpointCopies(checkpointFile, backupsDir)[0];
    if (!parsed.ok) {
        return { status: "corrupted", problem: parsed.problem, lastGood: lastGood() };
    }
    if (!parsed.hasDeployment) {
        // A new stack has no deployment yet, and no earlier copy. One whose earlier copy had
        // resources lost them by a truncated write or an edit, not by `pulumi destroy` (that
        // leaves a deployment with no resources).
        const previous = lastGood();
        if (previous !== undefined && previous.resources > 0) {
            return {
                status: "corrupted",
                problem: `it has no deployment, but its earlier copy lists ${previous.resources} resources`,
                lastGood: previous,
            };
        }
    }
    return { status: "ok", resources: parsed.resources, pendingOperations: parsed.pendingOperations };
}

function readLock(file: string, hostname: string): StackLock {
    let doc: unknown;
    try {
        doc = JSON.parse(readFileSync(file, "utf8"));
    } catch {
        doc = {};
    }
    const record = isRecord(doc) ? doc : {};
    const pid = typeof record["pid"] === "number" ? record["pid"] : undefined;
    const host = typeof record["hostname"] === "string" ? record["hostname"] : "(unknown host)";
    return {
        file,
        pid,
        username: typeof record["username"] === "string" ? record["username"] : "(unknown user)",
        hostname: host,
        timestamp: typeof record["timestamp"] === "string" ? record["timestamp"] : "(unknown time)",
        running: host === hostname ? pid !== undefined && processIsRunning(pid) : undefined,
    };
}

/** The lock files on a stack (any organization folder; the diy backend writes `organization`). */
function stackLocks(backendDir: string, project: string, stack: string, hostname: string): StackLock[] {
    const locksDir = path.join(backendDir, ".pulumi", "locks");
    if (!existsSync(locksDir)) {
        return [];
    }
    const locks: StackLock[] = [];
    for (const org of readdirSync(locksDir)) {
        const dir = path.join(locksDir, org, project, stack);
        if (existsSync(dir) && statSync(dir).isDirectory()) {
            for (const name of readdirSync(dir)
                .filter((f) => f.endsWith(".json"))
                .sort()) {
                locks.push(readLock(path.join(dir, name), hostname));
            }
        }
    }
    return locks;
}

/** Locks, checkpoint health and pending operations of one stack in a file backend. */
export function inspectStackState(backendDir: string, project: string, stack: string, hostname: string = os.hostname()): StackState {
    const { stacksDir, backupsDir } = checkpointBase(backendDir, project, stack);
    const plain = path.join(stacksDir, `${stack}.json`);
    const checkpointFile = !existsSync(plain) && existsSync(`${plain}.gz`) ? `${plain}.gz` : plain;
    return {
        project,
        stack,
        checkpointFile,
        locks: stackLocks(backendDir, project, stack, hostname),
        checkpoint: checkpointHealth(checkpointFile, backupsDir),
    };
}

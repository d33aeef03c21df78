/**
 * Finds the Pulumi projects of the workspace (the root one-stack project and every stack project
 * under stacks/) and reads their stack config files into the form the engine hands a program.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";

/** Raised for anything the user can fix: bad arguments, missing files, malformed YAML. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export interface StackProject {
    /** Pulumi project name (`name` in Pulumi.yaml). */
    readonly name: string;
    /** Directory holding Pulumi.yaml. */
    readonly dir: string;
    /** Absolute path of the compiled entry point (`main`). */
    readonly main: string;
    /** True for the root one-stack project. */
    readonly isRoot: boolean;
    /** Directory of the `Pulumi.<stack>.yaml` files (Pulumi.yaml `stackConfigDir`, else the project directory). */
    readonly configDir: string;
}

export interface StackConfig {
    /** `namespace:key` -> engine string value (mappings and lists JSON-encoded). */
    readonly values: Record<string, string>;
    /** Keys whose values were `secure:` (replaced by a placeholder: they cannot be decrypted offline). */
    readonly secretKeys: string[];
}

/** Placeholder for `secure:` values when synthesizing offline. */
export const SECRET_PLACEHOLDER = "[secret: not decrypted offline]";

function readYaml(file: string): unknown {
    try {
        return parseYaml(readFileSync(file, "utf8"));
    } catch (err) {
        throw new UsageError(`${file}: not valid YAML (${(err as Error).message.split("\n")[0]}); fix the file`);
    }
}

/** Reads one Pulumi.yaml. */
export function readProject(dir: string, isRoot: boolean): StackProject {
    const file = path.join(dir, "Pulumi.yaml");
    const doc = readYaml(file);
    if (typeof doc !== "object" || doc === null) {
        throw new UsageError(`${file}: expected a mapping with name, runtime and main`);
    }
    const { name, main, stackConfigDir } = doc as Record<string, unknown>;
    if (typeof name !== "string" || name.length === 0) {
        throw new UsageError(`${file}: "name" is missing; set the Pulumi project name`);
    }
    if (typeof main !== "string" || main.length === 0) {
        throw new UsageError(`${file}: "main" is missing; point it at the compiled entry (e.g. dist/src/main.js)`);
    }
    if (stackConfigDir !== undefined && (typeof stackConfigDir !== "string" || stackConfigDir.length === 0)) {
        throw new UsageError(`${file}: "stackConfigDir" must be a directory path relative to the project`);
    }
    return { name, dir, main: path.resolve(dir, main), isRoot, configDir: path.resolve(dir, stackConfigDir ?? ".") };
}

/**
 * STOPGAP until the layer registry lands: the layers' deployment order. Stacks listed here run in
 * this order, any other stack after them in directory order.
 */
const STOPGAP_LAYER_ORDER = ["foundation", "cluster", "data", "platform"];

function layerRank(dir: string): number {
    const rank = STOPGAP_LAYER_ORDER.indexOf(dir);
    return rank < 0 ? STOPGAP_LAYER_ORDER.length : rank;
}

/** The root project and every `stacks/<name>` project, stacks in layer order (then directory order), root last. */
export function discoverProjects(root: string): StackProject[] {
    if (!existsSync(path.join(root, "Pulumi.yaml"))) {
        throw new UsageError(`${root} has no Pulumi.yaml; run from the repository or pass --root <dir>`);
    }
    const stacksDir = path.join(root, "stacks");
    const stacks = existsSync(stacksDir)
        ? readdirSync(stacksDir, { withFileTypes: true })
              .filter((d) => d.isDirectory() && existsSync(path.join(stacksDir, d.name, "Pulumi.yaml")))
              .map((d) => d.name)
              .sort()
              .sort((a, b) => layerRank(a) - layerRank(b))
              .map((d) => readProject(path.join(stacksDir, d), false))
        : [];
    return [...stacks, readProject(root, true)];
}

/** Path of a project's stack config file. */
export function stackConfigPath(project: StackProject, stack: string): string {
    return path.join(project.configDir, `Pulumi.${stack}.yaml`);
}

/** Converts a YAML config value to the string the engine passes to the program. */
export function toEngineValue(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** Reads `Pulumi.<stack>.yaml` into engine form. Keys without a namespace get the project's. */
export function readStackConfig(project: StackProject, stack: string): StackConfig {
    const file = stackConfigPath(project, stack);
    if (!existsSync(file)) {
        throw new UsageError(`${file} does not exist; create it or pick another --env`);
    }
    const doc = readYaml(file);
    const config = (doc as Record<string, unknown> | null)?.["config"] ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new UsageError(`${file}: "config" must be a mapping of keys to values`);
    }
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(config as Record<string, unknown>)) {
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        const secure = typeof value === "object" && value !== null && "secure" in value;
        if (secure) {
            secretKeys.push(key);
        }
        values[key] = secure ? SECRET_PLACEHOLDER : toEngineValue(value);
    }
    return { values, secretKeys };
}

/**
 * The projects a command runs: a named one, or for `all` every layer stack (not the root
 * one-stack project, which is an alternative to the layers, not one of them) that has config for
 * the environment.
 */
export function selectProjects(projects: readonly StackProject[], stack: string, env: string): StackProject[] {
    if (stack === "all") {
        const selected = projects.filter((p) => !p.isRoot && existsSync(stackConfigPath(p, env)));
        if (selected.length === 0) {
            throw new UsageError(`no stack project has a Pulumi.${env}.yaml; add one under stacks/<project>/`);
        }
        return selected;
    }
    const project = projects.find((p) => p.name === stack);
    if (!project) {
        throw new UsageError(`--stack ${stack}: no such project; use one of ${projects.map((p) => p.name).join(", ")} or all`);
    }
    return [project];
}

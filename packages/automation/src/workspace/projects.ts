/**
 * Finds the Pulumi projects of the workspace (the root one-stack project and every layer stack
 * project under stacks/) and reads their stack config files into the form the engine hands a program.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "./errors.js";
import { dependenciesOf, inDeploymentOrder, layerOf, type LayerName, outputsReadBy } from "./layers.js";

export interface StackProject {
    /** Pulumi project name (`name` in Pulumi.yaml). */
    readonly name: string;
    /** Directory holding Pulumi.yaml. */
    readonly dir: string;
    /** Absolute path of the compiled entry point (`main`). */
    readonly main: string;
    /**
     * Directory of the project's `Pulumi.<stack>.yaml` files: `dir`, or `dir` joined with
     * Pulumi.yaml's `stackConfigDir` (as the pulumi CLI joins it).
     */
    readonly configDir: string;
    /** True for the root one-stack project. */
    readonly isRoot: boolean;
}

/** A stack project under `stacks/<layer>/`: one layer of the registry. */
export interface LayerProject extends StackProject {
    readonly layer: LayerName;
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

/**
 * The stack config directory of a Pulumi.yaml document. Pulumi reads `stackConfigDir`, and (from
 * before it was renamed) a string `config`; setting both is an error there too.
 */
function stackConfigDirOf(file: string, doc: Record<string, unknown>): string | undefined {
    const { stackConfigDir, config } = doc;
    if (stackConfigDir !== undefined && (typeof stackConfigDir !== "string" || stackConfigDir.trim() === "")) {
        throw new UsageError(
            `${file}: stackConfigDir = ${JSON.stringify(stackConfigDir)}: must be a directory path relative to the project. ` +
                `Fix: write e.g. stackConfigDir: environments, or remove the key to keep Pulumi.<stack>.yaml beside Pulumi.yaml`,
        );
    }
    if (typeof config === "string") {
        if (stackConfigDir !== undefined) {
            throw new UsageError(
                `${file}: both stackConfigDir and a string "config" are set; "config" is the old name of stackConfigDir. Fix: keep only stackConfigDir`,
            );
        }
        return config;
    }
    return stackConfigDir;
}

/** Reads one Pulumi.yaml. */
export function readProject(dir: string, isRoot: boolean): StackProject {
    const file = path.join(dir, "Pulumi.yaml");
    const doc = readYaml(file);
    if (typeof doc !== "object" || doc === null) {
        throw new UsageError(`${file}: expected a mapping with name, runtime and main`);
    }
    const record = doc as Record<string, unknown>;
    const { name, main } = record;
    if (typeof name !== "string" || name.length === 0) {
        throw new UsageError(`${file}: "name" is missing; set the Pulumi project name`);
    }
    if (typeof main !== "string" || main.length === 0) {
        throw new UsageError(`${file}: "main" is missing; point it at the compiled entry (e.g. dist/src/main.js)`);
    }
    const configDir = stackConfigDirOf(file, record);
    // path.join, not resolve: Pulumi joins stackConfigDir onto the project directory (filepath.Join).
    return { name, dir, main: path.resolve(dir, main), configDir: configDir === undefined ? dir : path.join(dir, configDir), isRoot };
}

/** The layer stack projects under `stacks/`, in the registry's deployment order. */
export function discoverLayerProjects(root: string): LayerProject[] {
    const stacksDir = path.join(root, "stacks");
    if (!existsSync(stacksDir)) {
        return [];
    }
    const layers = readdirSync(stacksDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(stacksDir, d.name, "Pulumi.yaml")))
        .map((d) => ({ ...readProject(path.join(stacksDir, d.name), false), layer: layerOf(d.name).name }));
    return inDeploymentOrder(layers);
}

/**
 * The layer stack projects in deployment order, then the root project. Two projects with one
 * name are an error: the backend keys stacks by project name, so they would share state.
 */
export function discoverProjects(root: string): StackProject[] {
    if (!existsSync(path.join(root, "Pulumi.yaml"))) {
        throw new UsageError(`${root} has no Pulumi.yaml; run from the repository or pass --root <dir>`);
    }
    const projects = [...discoverLayerProjects(root), readProject(root, true)];
    for (const project of projects) {
        const clash = projects.find((p) => p !== project && p.name === project.name);
        if (clash) {
            throw new UsageError(
                `${path.join(project.dir, "Pulumi.yaml")}: name "${project.name}" is also the name of ${path.join(clash.dir, "Pulumi.yaml")}; ` +
                    `their stacks would share state in the backend. Fix: give one of them another name`,
            );
        }
    }
    return projects;
}

/** Path of a project's stack config file (honours `stackConfigDir`). */
export function stackConfigPath(project: StackProject, stack: string): string {
    return path.join(project.configDir, `Pulumi.${stack}.yaml`);
}

/** Converts a YAML config value to the string the engine passes to the program. */
export function toEngineValue(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** A stack file as written: its path, its `config` mapping (values not converted) and its other top-level keys. */
export interface StackFileDocument {
    readonly file: string;
    readonly config: Record<string, unknown>;
    /** The keys beside `config` (`secretsprovider`, `encryptedkey`, `encryptionsalt`, ...). */
    readonly settings: Record<string, unknown>;
}

/** Reads a project's `Pulumi.<stack>.yaml`. */
export function readStackFile(project: StackProject, stack: string): StackFileDocument {
    const file = stackConfigPath(project, stack);
    if (!existsSync(file)) {
        throw new UsageError(`${file} does not exist; create it or pick another --env`);
    }
    const doc = readYaml(file) ?? {};
    if (typeof doc !== "object" || Array.isArray(doc)) {
        throw new UsageError(`${file}: must be a mapping with a "config" key`);
    }
    const { config = {}, ...settings } = doc as Record<string, unknown>;
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new UsageError(`${file}: "config" must be a mapping of keys to values`);
    }
    return { file, config: config as Record<string, unknown>, settings };
}

/** The `config` mapping of a stack file, as written (values not converted). */
export function readStackConfigDocument(project: StackProject, stack: string): Record<string, unknown> {
    return readStackFile(project, stack).config;
}

/** A stack file's encrypted value (`key: { secure: <ciphertext> }`). */
export function isSecureValue(value: unknown): boolean {
    return typeof value === "object" && value !== null && "secure" in value;
}

/** Reads `Pulumi.<stack>.yaml` into engine form. Keys without a namespace get the project's. */
export function readStackConfig(project: StackProject, stack: string): StackConfig {
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(readStackConfigDocument(project, stack))) {
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        const secure = isSecureValue(value);
        if (secure) {
            secretKeys.push(key);
        }
        values[key] = secure ? SECRET_PLACEHOLDER : toEngineValue(value);
    }
    return { values, secretKeys };
}

function isLayerProject(project: StackProject): project is LayerProject {
    return !project.isRoot && "layer" in project;
}

/**
 * The layer projects the `selected` ones read through stack references (their registry
 * dependencies that are not only named, transitively) and that are not selected themselves, in
 * deployment order. Offline
 * synthesis of one layer runs these first, so the layer sees their outputs as the backend would
 * give them. A dependency without a stack for the environment is an error naming the fix.
 */
export function upstreamProjects(projects: readonly StackProject[], selected: readonly StackProject[], env: string): StackProject[] {
    const layers = projects.filter(isLayerProject);
    const needed = new Set<LayerName>();
    const visit = (layer: LayerName) => {
        for (const dependency of outputsReadBy(layer)) {
            if (!needed.has(dependency)) {
                needed.add(dependency);
                visit(dependency);
            }
        }
    };
    selected.filter(isLayerProject).forEach((p) => visit(p.layer));
    const upstream = layers.filter((p) => needed.has(p.layer) && !selected.some((s) => s.name === p.name));
    for (const layer of needed) {
        const project = upstream.find((p) => p.layer === layer);
        if (project !== undefined && !existsSync(stackConfigPath(project, env))) {
            throw new UsageError(
                `stacks/${layer} has no Pulumi.${env}.yaml, and the selected stack reads its outputs. Fix: add it, or synthesize with --stack all`,
            );
        }
    }
    return inDeploymentOrder(upstream);
}

/**
 * The projects a command runs, in deployment order: a named one, or for `all` every layer stack
 * that has config for the environment (not the root one-stack project, which is an alternative to
 * the layers, not one of them). For `all`, a layer whose declared dependency has no stack for the
 * environment is an error: its stack references could not resolve.
 */
/** The stack project of a layer (`--layer platform` is the platform-addons project). */
export function projectOfLayer(projects: readonly StackProject[], layer: LayerName): string {
    const project = projects.filter(isLayerProject).find((p) => p.layer === layer);
    if (project === undefined) {
        throw new UsageError(
            `--layer ${layer}: no stack project for that layer under stacks/. Fix: add stacks/${layer}, or leave --layer out`,
        );
    }
    return project.name;
}

export function selectProjects(projects: readonly StackProject[], stack: string, env: string): StackProject[] {
    if (stack === "all") {
        const layers = projects.filter(isLayerProject);
        const selected = layers.filter((p) => existsSync(stackConfigPath(p, env)));
        if (selected.length === 0) {
            throw new UsageError(`no stack project has a Pulumi.${env}.yaml; add one under stacks/<layer>/`);
        }
        for (const project of selected) {
            for (const dependency of dependenciesOf(project.layer)) {
                if (!selected.some((p) => p.layer === dependency)) {
                    throw new UsageError(
                        `stacks/${project.layer} needs the ${dependency} layer (declared in the layer registry), which has no stack for ${env}. ` +
                            `Fix: add stacks/${dependency} with a Pulumi.${env}.yaml, or run one stack with --stack ${project.name}`,
                    );
                }
            }
        }
        return inDeploymentOrder(selected);
    }
    const project = projects.find((p) => p.name === stack);
    if (!project) {
        throw new UsageError(`--stack ${stack}: no such project; use one of ${projects.map((p) => p.name).join(", ")} or all`);
    }
    return [project];
}

/**
 * The projects as a graph of project names: each layer project with the projects among `projects`
 * whose layers it depends on (`dependencies`, by default the registry's); the root project and
 * dependencies outside `projects` (a single `--stack`) add nothing. What the scheduler
 * (engine/schedule.ts) walks.
 */
export function projectGraph(
    projects: readonly StackProject[],
    dependencies: (layer: LayerName) => readonly LayerName[] = dependenciesOf,
): Array<{ readonly name: string; readonly dependsOn: string[] }> {
    return projects.map((project) => ({
        name: project.name,
        dependsOn: isLayerProject(project)
            ? dependencies(project.layer).flatMap((layer) =>
                  projects.filter((p) => isLayerProject(p) && p.layer === layer).map((p) => p.name),
              )
            : [],
    }));
}

/**
 * Stages a stack project for the engine under `<state>/workspaces/<project>/`: a Pulumi.yaml whose
 * `main` points back at the compiled program, the stack's config, and the project's node_modules.
 * The engine writes what it likes there (e.g. the passphrase provider's `encryptionsalt`), so
 * running the engine never edits the checked-in Pulumi.<env>.yaml files, wherever the project's
 * `stackConfigDir` puts them. Which of the checked-in secrets settings a run stages: stack-secrets.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { ProjectSettings, StackSettings } from "@pulumi/pulumi/automation/index.js";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { UsageError } from "../workspace/errors.js";
import { readStackFile, stackConfigPath, type StackFileDocument, type StackProject } from "../workspace/projects.js";
import { stateDir } from "./environment.js";
import { stagedSecrets, type StagingMode } from "./stack-secrets.js";

export interface StagedWorkspace {
    readonly workDir: string;
    readonly projectSettings: ProjectSettings;
    readonly stackSettings: Record<string, StackSettings>;
    /** The checked-in stack file it was staged from. */
    readonly stackFile: StackFileDocument;
    /** For the workspace's `secretsProvider`: what `pulumi stack init` makes a new stack with (stack-secrets.ts). */
    readonly secretsProvider?: string;
    /** Rehearsals: config keys whose `secure:` values the program gets as a placeholder. */
    readonly placeholders: readonly string[];
}

/** The node_modules the program resolves @pulumi/pulumi from (the language host runs that copy). */
export function programModules(project: StackProject): string {
    let dir = path.dirname(project.main);
    for (;;) {
        const candidate = path.join(dir, "node_modules");
        if (existsSync(path.join(candidate, "@pulumi", "pulumi"))) {
            return candidate;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new UsageError(`no node_modules with @pulumi/pulumi above ${project.main}; run pnpm install`);
        }
        dir = parent;
    }
}

/** The staged copy's folder: `<state>/workspaces/<project name>`. */
export function stagedWorkDir(root: string, project: StackProject): string {
    return path.join(stateDir(root), "workspaces", project.name);
}

/** Creates the staged folder and its node_modules link; returns the Pulumi.yaml settings for it. */
export function stageProject(root: string, project: StackProject): { workDir: string; projectSettings: ProjectSettings } {
    const workDir = stagedWorkDir(root, project);
    mkdirSync(workDir, { recursive: true });
    const modules = path.join(workDir, "node_modules");
    if (!existsSync(modules)) {
        symlinkSync(programModules(project), modules, "dir");
    }
    return {
        workDir,
        projectSettings: {
            name: project.name,
            runtime: { name: "nodejs", options: { typescript: false } },
            main: path.relative(workDir, project.main),
            description: `${project.name} (staged from ${path.relative(root, project.dir) || "."} by platform)`,
        },
    };
}

/**
 * Stages one stack for the Automation API, which writes the settings into the staged folder; how
 * its secrets are staged depends on the mode (stack-secrets.ts).
 */
export function stageWorkspace(root: string, project: StackProject, stack: string, mode: StagingMode): StagedWorkspace {
    const stackFile = readStackFile(project, stack);
    const secrets = stagedSecrets(stackFile, mode);
    const { workDir, projectSettings } = stageProject(root, project);
    return {
        workDir,
        projectSettings,
        stackSettings: { [stack]: secrets.stackSettings },
        stackFile,
        ...(secrets.secretsProvider === undefined ? {} : { secretsProvider: secrets.secretsProvider }),
        placeholders: secrets.placeholders,
    };
}

/** What the engine left in a staged `Pulumi.<stack>.yaml` (e.g. a data key it made); empty when there is none. */
export function readStagedStackFile(workDir: string, stack: string): Record<string, unknown> {
    const file = path.join(workDir, `Pulumi.${stack}.yaml`);
    const doc: unknown = existsSync(file) ? parseYaml(readFileSync(file, "utf8")) : undefined;
    return typeof doc === "object" && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
}

/** Stack names of the project's checked-in `Pulumi.<stack>.yaml` files. */
export function checkedInStacks(project: StackProject): string[] {
    if (!existsSync(project.configDir)) {
        return [];
    }
    return readdirSync(project.configDir)
        .map((file) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
        .filter((stack): stack is string => stack !== undefined && existsSync(stackConfigPath(project, stack)))
        .sort();
}

/**
 * Writes the staged copy itself, for the plain `pulumi` CLI (scripts/shims/pulumi): Pulumi.yaml and
 * a Pulumi.<stack>.yaml per checked-in stack file with its config, staged as a rehearsal stages it
 * (stack-secrets.ts). The salt the CLI wrote into the staged file earlier is kept, so secrets in the
 * staged copy stay readable.
 */
export function writeStagedWorkspace(root: string, project: StackProject): string {
    const { workDir, projectSettings } = stageProject(root, project);
    writeFileSync(path.join(workDir, "Pulumi.yaml"), stringifyYaml(projectSettings));
    for (const stack of checkedInStacks(project)) {
        const staged = path.join(workDir, `Pulumi.${stack}.yaml`);
        const salt = readStagedStackFile(workDir, stack)["encryptionsalt"];
        // The rehearsal's config: a checked-in secure: value (another provider's) becomes the placeholder.
        const doc: Record<string, unknown> = { config: stagedSecrets(readStackFile(project, stack), "rehearsal").stackSettings.config };
        if (typeof salt === "string") {
            doc["encryptionsalt"] = salt;
        }
        writeFileSync(staged, stringifyYaml(doc));
    }
    return workDir;
}

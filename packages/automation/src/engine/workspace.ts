/**
 * Stages a stack project for the engine under `.state/workspaces/<project>/`: a Pulumi.yaml whose
 * `main` points back at the compiled program, the stack's config, and the project's node_modules.
 * The engine writes what it likes there (e.g. the passphrase provider's `encryptionsalt`), so
 * running the engine never edits the checked-in Pulumi.<env>.yaml files.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import type { ProjectSettings, StackSettings } from "@pulumi/pulumi/automation/index.js";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../workspace/errors.js";
import { stackConfigPath, type StackProject } from "../workspace/projects.js";
import { stateDir } from "./environment.js";

export interface StagedWorkspace {
    readonly workDir: string;
    readonly projectSettings: ProjectSettings;
    readonly stackSettings: Record<string, StackSettings>;
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

export function stageWorkspace(root: string, project: StackProject, stack: string): StagedWorkspace {
    const configFile = stackConfigPath(project, stack);
    if (!existsSync(configFile)) {
        throw new UsageError(`${configFile} does not exist; create it or pick another --env`);
    }
    const workDir = path.join(stateDir(root), "workspaces", project.name);
    mkdirSync(workDir, { recursive: true });
    const modules = path.join(workDir, "node_modules");
    if (!existsSync(modules)) {
        symlinkSync(programModules(project), modules, "dir");
    }
    const doc = (parseYaml(readFileSync(configFile, "utf8")) ?? {}) as { config?: StackSettings["config"] };
    return {
        workDir,
        projectSettings: {
            name: project.name,
            runtime: { name: "nodejs", options: { typescript: false } },
            main: path.relative(workDir, project.main),
            description: `${project.name} (staged from ${path.relative(root, project.dir) || "."} by platform)`,
        },
        stackSettings: { [stack]: { config: doc.config ?? {} } },
    };
}

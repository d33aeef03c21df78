/**
 * Stages a stack project for the engine under `.state/workspaces/<project>/`: a Pulumi.yaml whose
 * `main` points back at the compiled program, the stack's config, and the project's node_modules.
 * The engine writes what it likes there (e.g. the passphrase provider's `encryptionsalt`), so
 * running the engine never edits the checked-in Pulumi.<env>.yaml files.
 */
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import type { ProjectSettings, StackSettings } from "@pulumi/pulumi/automation/index.js";
import { parse as parseYaml } from "yaml";
import { readFileSync } from "node:fs";
import { stackConfigPath, type StackProject, UsageError } from "../workspace/projects.js";
import { STATE_DIR } from "./environment.js";

export interface StagedWorkspace {
    readonly workDir: string;
    readonly projectSettings: ProjectSettings;
    readonly stackSettings: Record<string, StackSettings>;
}

export function stageWorkspace(root: string, project: StackProject, stack: string): StagedWorkspace {
    const configFile = stackConfigPath(project, stack);
    if (!existsSync(configFile)) {
        throw new UsageError(`${configFile} does not exist; create it or pick another --env`);
    }
    const workDir = path.join(root, STATE_DIR, "workspaces", project.name);
    mkdirSync(workDir, { recursive: true });
    const modules = path.join(workDir, "node_modules");
    if (!existsSync(modules)) {
        symlinkSync(path.join(project.dir, "node_modules"), modules, "dir");
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

/**
 * Config rules a stack program cannot check alone, because they span environments: no two
 * environments' networks overlap (each stack file lists only its own network; the others come
 * from the sibling files). `platform synth`, preview and up run this before the program.
 */
import * as path from "node:path";
import {
    CONFIG_NAMESPACE,
    ConfigValidationError,
    environmentNetworkIssues,
    parseStackConfig,
    type PlatformSettings,
} from "@platform/core/config";
import { ENVIRONMENTS, type EnvironmentName } from "@platform/facts";
import { existsSync } from "node:fs";
import { readStackConfig, stackConfigPath, type StackProject } from "./projects.js";

/**
 * The validated settings of `env` for `project`, after checking them against every other
 * environment file the project reads; undefined for a project whose config has no `platform:` key
 * (not a platform program: test fixtures). Files of other environments that do not validate are
 * left out (their own runs report them); a problem of `env` itself is thrown as it is.
 */
export function checkAcrossEnvironments(root: string, project: StackProject, env: EnvironmentName): PlatformSettings | undefined {
    const values = readStackConfig(project, env).values;
    if (!Object.keys(values).some((key) => key.startsWith(`${CONFIG_NAMESPACE}:`))) {
        return undefined;
    }
    const settings = parseStackConfig(values, project.name, { stack: env });
    const others: PlatformSettings[] = [];
    for (const other of ENVIRONMENTS.filter((e) => e !== env && existsSync(stackConfigPath(project, e)))) {
        try {
            others.push(parseStackConfig(readStackConfig(project, other).values, project.name, { stack: other }));
        } catch (err) {
            if (!(err instanceof ConfigValidationError)) throw err;
        }
    }
    const fileOf = (e: EnvironmentName) => path.relative(root, stackConfigPath(project, e));
    const mine = fileOf(env);
    const issues = environmentNetworkIssues([...others, settings], fileOf).filter(
        (i) => i.field.startsWith(`${mine} `) || i.problem.includes(`${mine} `),
    );
    if (issues.length > 0) {
        throw new ConfigValidationError(issues);
    }
    return settings;
}

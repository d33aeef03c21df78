/**
 * `node stage-main.js <repository root> <project dir>`: writes the project's staged copy (see
 * {@link writeStagedWorkspace}) and prints its folder. scripts/shims/pulumi runs it before it runs
 * the pulumi CLI there. Exits 2 with the message on a project it cannot read.
 */
import { readProject } from "../workspace/projects.js";
import { writeStagedWorkspace } from "./workspace.js";

function main(argv: readonly string[]): number {
    const [root, projectDir] = argv;
    if (root === undefined || projectDir === undefined) {
        process.stderr.write("usage: stage-main.js <repository root> <project dir>\n");
        return 2;
    }
    try {
        process.stdout.write(`${writeStagedWorkspace(root, readProject(projectDir, false))}\n`);
        return 0;
    } catch (err) {
        process.stderr.write(
            `pulumi (engine environment): cannot stage ${projectDir}: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        return 2;
    }
}

process.exitCode = main(process.argv.slice(2));

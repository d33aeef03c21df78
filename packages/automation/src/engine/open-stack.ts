/**
 * Opens one layer's stack for the Automation API with as few CLI starts as the backend allows.
 * Every operation the platform runs names its stack (`--stack`), so selecting it only checks that
 * it exists and records a "current stack" nothing here reads; on the file backend the checkpoint
 * answers the first question already. Each avoided start is one engine process before the layer's
 * operation (0.1 to 0.2 s idle, more on a loaded machine): for prod's five layers about half of
 * the 1.6 s the `platform` command spent outside the engine (docs/performance.md, round 4).
 */
import { LocalWorkspace, type LocalWorkspaceOptions, Stack, StackAlreadyExistsError } from "@pulumi/pulumi/automation/index.js";

/**
 * What the backend is known to hold for the stack: `present` (a readable checkpoint on the file
 * backend), `absent` (no checkpoint on the file backend), `unknown` (another backend, or a
 * checkpoint the engine must judge itself).
 */
export type KnownStack = "present" | "absent" | "unknown";

export interface OpenStackArgs {
    readonly stackName: string;
    readonly workDir: string;
}

/**
 * - `present`: selected without the CLI (see the file's comment).
 * - `absent`: created with `pulumi stack init`; `createOrSelect` would first run a `stack select`
 *   that can only fail. Created meanwhile by another run: selected.
 * - `unknown`: `createOrSelect`, the engine decides.
 */
export async function openStack(args: OpenStackArgs, workspace: LocalWorkspaceOptions, known: KnownStack): Promise<Stack> {
    if (known === "present") {
        const ws = await LocalWorkspace.create({ ...workspace, workDir: args.workDir });
        // The instance's own selectStack: the workspace is this call's, and every other method still runs the CLI.
        ws.selectStack = () => Promise.resolve();
        return Stack.select(args.stackName, ws);
    }
    if (known === "unknown") {
        return LocalWorkspace.createOrSelectStack({ ...args }, workspace);
    }
    try {
        return await LocalWorkspace.createStack({ ...args }, workspace);
    } catch (err) {
        if (err instanceof StackAlreadyExistsError) {
            return LocalWorkspace.selectStack({ ...args }, workspace);
        }
        throw err;
    }
}

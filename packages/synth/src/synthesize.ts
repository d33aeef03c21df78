/**
 * Runs a Pulumi program in-process under the mock runtime and returns what it registered.
 *
 * The program runs inside `runInPulumiStack`, exactly as the language host runs it, so the root
 * stack exists, stack outputs resolve, and every resource carries its real options. Invokes go to
 * the simulated cloud and fail loudly when not modelled. Runs are serialized: the SDK's runtime
 * state is process-global.
 */
import * as pulumi from "@pulumi/pulumi";
import { type CloudModelOptions, SIMULATED_ORGANIZATION, simulateInvoke, simulateResource } from "./cloud-model.js";
import type { InventoryResource } from "./inventory.js";
import { type ContextualMocks, RecordingMonitor } from "./recording-monitor.js";

export interface SynthesisRequest {
    readonly project: string;
    readonly stack: string;
    /** Config in engine form: `namespace:key` -> string (mappings JSON-encoded). */
    readonly config?: Readonly<Record<string, string>>;
    /** Config keys holding secrets. */
    readonly secretKeys?: readonly string[];
    /** The program; its return value becomes the stack outputs. */
    readonly program: () => unknown;
    /** Run as a preview (`pulumi.runtime.isDryRun()` true). @default false */
    readonly preview?: boolean;
    readonly cloud?: CloudModelOptions;
    /** The organization `pulumi.getOrganization()` answers. @default "organization" (a self-managed backend's) */
    readonly organization?: string;
}

export interface SynthesisResult {
    readonly project: string;
    readonly stack: string;
    /** Every registered resource in registration order, the root stack first. */
    readonly resources: InventoryResource[];
    readonly outputs: Record<string, unknown>;
    /** Property paths of the stack outputs that are Pulumi secrets (their values in `outputs` are unwrapped). */
    readonly secretOutputPaths: readonly string[];
    /** The stacks the program read through StackReferences (`<organization>/<project>/<stack>`), in the order read. */
    readonly stackReferences: readonly string[];
}

let queue: Promise<unknown> = Promise.resolve();

/** Waits for outstanding registrations (the SDK exports this helper but marks it internal). */
async function drainRpcs(): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
    if (typeof runtime.waitForRPCs !== "function") {
        throw new Error("@pulumi/pulumi no longer exports runtime.waitForRPCs; update packages/synth for this SDK version");
    }
    await runtime.waitForRPCs();
}

/** Synthesizes one stack. Rejects with the program's own error when it throws. */
export function synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const run = queue.then(() => runOnce(request));
    queue = run.catch(() => undefined);
    return run;
}

async function runOnce(request: SynthesisRequest): Promise<SynthesisResult> {
    const cloud = request.cloud ?? {};
    // The SDK reports a failed mock call to the program as an Error without a message; keep ours.
    const failures: Error[] = [];
    const recordFailure = <T>(fn: () => T): T => {
        try {
            return fn();
        } catch (err) {
            failures.push(err instanceof Error ? err : new Error(String(err)));
            throw err;
        }
    };
    const mocks: ContextualMocks = {
        newResource: (args, context) =>
            recordFailure(() =>
                simulateResource(
                    {
                        type: args.type,
                        name: args.name,
                        inputs: args.inputs as Record<string, unknown>,
                        urn: context?.urn,
                        providerInputs: context?.providerInputs,
                    },
                    cloud,
                ),
            ),
        call: (args) => recordFailure(() => simulateInvoke(args.token, args.inputs as Record<string, unknown>, cloud)),
    };
    const organization = request.organization ?? SIMULATED_ORGANIZATION;
    // setMocks turns on the feature flags the mock runtime supports; then our monitor replaces the SDK's.
    await pulumi.runtime.setMocks(
        { newResource: (args) => mocks.newResource(args, undefined), call: (args) => mocks.call(args) },
        request.project,
        request.stack,
        request.preview ?? false,
        organization,
    );
    const monitor = new RecordingMonitor(mocks, request.stack, request.project);
    pulumi.runtime.setMockOptions(monitor, request.project, request.stack, request.preview ?? false, organization);
    pulumi.runtime.setAllConfig({ ...(request.config ?? {}) }, [...(request.secretKeys ?? [])]);

    // A program error is caught inside the stack and rethrown after it: if it escaped the stack's
    // init, the SDK would also reject the stack's output promises, which nobody awaits, and Node
    // would end the process on those unhandled rejections.
    let programError: { error: unknown } | undefined;
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        try {
            return (await request.program()) as pulumi.Inputs | undefined;
        } catch (error) {
            programError = { error };
            return undefined;
        }
    });
    await drainRpcs();
    if (programError) {
        throw failures[0] ?? programError.error;
    }
    if (failures.length > 0) {
        throw failures[0];
    }
    return {
        project: request.project,
        stack: request.stack,
        resources: monitor.recorded,
        outputs: (pulumi.runtime.unwrapRpcSecret(outputs ?? {}) as Record<string, unknown>) ?? {},
        secretOutputPaths: monitor.stackOutputSecretPaths,
        stackReferences: [...monitor.stackReferences],
    };
}

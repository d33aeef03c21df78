import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { synthesize } from "@platform/synth";
import { SDK_PROMISE_DEBUG_FUNCTION, unmappedPromiseDebugStacks } from "../src/runtime/promise-debug-stacks.js";

type Formatter = (error: Error, callSites: NodeJS.CallSite[]) => unknown;

/** `hooks.prepareStackTrace` as the property it is. */
const hooks = Error as unknown as { prepareStackTrace: Formatter | undefined };

/** A stand-in for source-map-support's formatter: records the top frame of every trace it formats. */
function recordingFormatter(): { formatter: Formatter; topFrames: (string | null)[] } {
    const topFrames: (string | null)[] = [];
    const formatter: Formatter = (error, callSites) => {
        topFrames.push(callSites[0]?.getFunctionName() ?? null);
        return `MAPPED ${String(error)}`;
    };
    return { formatter, topFrames };
}

/** One KMS key (the mock runtime registers it the way the engine's does: transferProperties per output). */
async function oneKey(): Promise<void> {
    await synthesize({
        project: "bench",
        stack: "dev",
        preview: true,
        program: () => {
            new aws.kms.Key("key", { description: "k", enableKeyRotation: true });
            return {};
        },
    });
}

describe("unmappedPromiseDebugStacks", () => {
    let saved: unknown;
    beforeEach(() => {
        saved = hooks.prepareStackTrace;
    });
    afterEach(() => {
        hooks.prepareStackTrace = saved as Formatter | undefined;
    });

    it("without it, the SDK formats a trace through the installed formatter for every promise of a resource (the cost it removes)", async () => {
        const { formatter, topFrames } = recordingFormatter();
        hooks.prepareStackTrace = formatter;
        await oneKey();
        const sdk = topFrames.filter((name) => name === SDK_PROMISE_DEBUG_FUNCTION).length;
        // At least four promises per output property of aws.kms.Key (value, known, secret,
        // dependencies; 15 of them) plus the SDK's own; none would mean the SDK renamed the
        // function and the formatter matches nothing.
        assert.ok(sdk >= 4 * 15, `${sdk} SDK promise traces`);
    });

    it("with it, none of those traces reaches the installed formatter; they are V8's plain text", async () => {
        const { formatter, topFrames } = recordingFormatter();
        hooks.prepareStackTrace = formatter;
        assert.equal(unmappedPromiseDebugStacks(), true);
        await oneKey();
        assert.deepEqual(
            topFrames.filter((name) => name === SDK_PROMISE_DEBUG_FUNCTION),
            [],
        );
        const sdkStack = (function debuggablePromise(): string | undefined {
            return new Error("leak").stack;
        })();
        assert.match(sdkStack ?? "", /^Error: leak\n {4}at debuggablePromise \(.*promise-debug-stacks\.test\.js:\d+:\d+\)\n {4}at /);
    });

    it("every other trace still goes through the installed formatter (errors keep their source maps)", () => {
        const { formatter, topFrames } = recordingFormatter();
        hooks.prepareStackTrace = formatter;
        unmappedPromiseDebugStacks();
        const stack = (function failing(): string | undefined {
            return new Error("boom").stack;
        })();
        assert.equal(stack, "MAPPED Error: boom");
        assert.deepEqual(topFrames, ["failing"]);
    });

    it("changes nothing without an installed formatter, and installs once", () => {
        hooks.prepareStackTrace = undefined;
        assert.equal(unmappedPromiseDebugStacks(), false);
        assert.equal(hooks.prepareStackTrace, undefined);

        const { formatter } = recordingFormatter();
        hooks.prepareStackTrace = formatter;
        assert.equal(unmappedPromiseDebugStacks(), true);
        const installed = hooks.prepareStackTrace;
        assert.notEqual(installed, formatter);
        assert.equal(unmappedPromiseDebugStacks(), false);
        assert.equal(hooks.prepareStackTrace, installed);
    });
});

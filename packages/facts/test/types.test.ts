import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import { AWS_TYPES, GCP_TYPES, STATEFUL_TYPES, AWS_TAGGABLE_TYPES, GCP_LABELLABLE_TYPES, AWS_UNTAGGABLE_TYPES } from "../src/index.js";

/** `__pulumiType` is what the policy server compares (it is @internal in the SDKs' typings). */
function tokenOf(cls: unknown): unknown {
    return (cls as { __pulumiType?: unknown }).__pulumiType;
}

/** Resolves `module/Class` (e.g. `ec2/Vpc`) from a token against an SDK's namespace object. */
function sdkClass(sdk: Record<string, unknown>, token: string): unknown {
    const [, path = "", cls = ""] = token.split(":");
    const module = path.split("/")[0];
    const namespace = (module === "index" ? sdk : sdk[module]) as Record<string, unknown> | undefined;
    return namespace?.[cls];
}

describe("type tokens", () => {
    for (const [table, sdk] of [
        [AWS_TYPES, aws],
        [GCP_TYPES, gcp],
    ] as const) {
        for (const [key, token] of Object.entries(table)) {
            it(`${key} is the token of the SDK class ${token}`, () => {
                assert.equal(tokenOf(sdkClass(sdk as unknown as Record<string, unknown>, token)), token);
            });
        }
    }

    it("every stateful, taggable and untaggable type is in the token tables", () => {
        const known = new Set<string>([...Object.values(AWS_TYPES), ...Object.values(GCP_TYPES)]);
        const listed = [...Object.keys(STATEFUL_TYPES), ...AWS_TAGGABLE_TYPES, ...GCP_LABELLABLE_TYPES, ...AWS_UNTAGGABLE_TYPES];
        assert.deepEqual(
            listed.filter((t) => !known.has(t)),
            [],
        );
    });

    it("no type is both taggable and untaggable", () => {
        assert.deepEqual(
            [...AWS_UNTAGGABLE_TYPES].filter((t) => AWS_TAGGABLE_TYPES.has(t)),
            [],
        );
    });
});

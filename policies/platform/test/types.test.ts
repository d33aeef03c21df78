import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import { AWS_TAGGABLE_TYPES, GCP_LABELLABLE_TYPES } from "../src/taggable.js";
import { TYPES } from "../src/types.js";

/** `__pulumiType` is what the policy server compares (it is @internal in the SDK's typings). */
const tokenOf = (cls: object): unknown => (cls as { __pulumiType?: unknown }).__pulumiType;

/** Finds the SDK class for a token such as `aws:ec2/vpc:Vpc` (module path, then class name). */
function classFor(sdk: object, token: string): object | undefined {
    const [, modulePath = "", className = ""] = token.split(":");
    const mod = modulePath.split("/")[0] ?? "";
    const namespace = (sdk as Record<string, unknown>)[mod] as Record<string, unknown> | undefined;
    return namespace?.[className] as object | undefined;
}

describe("platform type tokens", () => {
    it("match the provider SDK classes", () => {
        for (const token of [...Object.values(TYPES), ...AWS_TAGGABLE_TYPES, ...GCP_LABELLABLE_TYPES]) {
            const cls = classFor(token.startsWith("aws:") ? aws : gcp, token);
            assert.ok(cls, `no SDK class for ${token}`);
            assert.equal(tokenOf(cls), token);
        }
    });
});

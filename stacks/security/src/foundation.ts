/**
 * The foundation's `logs` key ARN on AWS, read through a typed stack reference
 * `<organization>/foundation/<stack>` (same environment): the audit trail is encrypted with it. A
 * missing output fails the deployment by name; a foundation on GCP fails before anything exists.
 * (On GCP the security layer reads nothing from the foundation: the audit log bucket uses
 * Google-managed encryption, docs/decisions.md.)
 */
import * as pulumi from "@pulumi/pulumi";
import {
    type AwsFoundationOutputs,
    type Cloud,
    type GcpFoundationOutputs,
    type KmsKeyOutputs,
    type StackOutputs,
    TypedStackReference,
} from "@platform/core";

export const FOUNDATION_PROJECT = "foundation";

/** The foundation outputs this layer reads. */
interface FoundationKeysContract {
    readonly cloud: Cloud;
    readonly kmsKeyArns: KmsKeyOutputs;
}

/** The AWS foundation's `logs` key ARN. */
export function foundationLogsKeyArn(): pulumi.Output<string> {
    const ref = new TypedStackReference<FoundationKeysContract>("foundation", {
        organization: pulumi.getOrganization(),
        project: FOUNDATION_PROJECT,
        stack: pulumi.getStack(),
    });
    return pulumi.all([ref.require("cloud"), ref.require("kmsKeyArns")]).apply(([cloud, keys]) => {
        if (cloud !== "aws") {
            throw new Error(`the foundation stack of this environment is on ${cloud}, but the security stack's config says aws`);
        }
        return keys.logs;
    });
}

/** The same from the foundation layer's return value (the root one-stack program: no stack reference). */
export function logsKeyFrom(foundation: StackOutputs<AwsFoundationOutputs> | StackOutputs<GcpFoundationOutputs>): {
    logsKmsKeyArn?: pulumi.Output<string>;
} {
    if (foundation.cloud !== "aws") {
        return {};
    }
    return { logsKmsKeyArn: pulumi.output((foundation as StackOutputs<AwsFoundationOutputs>).kmsKeyArns).apply((k) => k.logs) };
}

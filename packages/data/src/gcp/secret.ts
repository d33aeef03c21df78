/**
 * A value kept in Secret Manager, replicated only to the stack's region and encrypted with the
 * foundation's `secrets` key (CMEK). The value is a Pulumi secret in state and never a stack
 * output: consumers get the secret's id.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { Children } from "../component.js";

export interface GcpSecretArgs {
    readonly project: string;
    readonly region: string;
    /** The `secrets` key (its Secret Manager service agent must already be allowed to use it). */
    readonly kmsKeyName: pulumi.Input<string>;
    readonly value: pulumi.Input<string>;
    /** The service refuses to delete the secret (prod and dr). */
    readonly deletionProtection: boolean;
}

export interface GcpSecret {
    readonly secret: gcp.secretmanager.Secret;
    readonly version: gcp.secretmanager.SecretVersion;
}

export function gcpSecret(children: Children, child: string, args: GcpSecretArgs): GcpSecret {
    const secret = new gcp.secretmanager.Secret(
        children.name(child),
        {
            project: args.project,
            secretId: children.physical(child, "gcp"),
            replication: {
                userManaged: { replicas: [{ location: args.region, customerManagedEncryption: { kmsKeyName: args.kmsKeyName } }] },
            },
            deletionProtection: args.deletionProtection,
        },
        children.stateful(),
    );
    const version = new gcp.secretmanager.SecretVersion(
        children.name(child),
        { secret: secret.id, secretData: pulumi.secret(args.value) },
        children.options(),
    );
    return { secret, version };
}

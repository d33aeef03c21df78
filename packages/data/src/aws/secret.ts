/**
 * A generated credential kept in Secrets Manager: a `random.RandomPassword` (a secret in state),
 * stored as a JSON secret encrypted with the foundation's `secrets` key. The value never becomes a
 * stack output: consumers get the secret's ARN.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { Children } from "../component.js";
import { type PasswordRules, passwordArgs } from "../password.js";

export interface GeneratedSecretArgs {
    readonly description: string;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly password: PasswordRules;
    /** The secret's JSON document from the password, e.g. `{ username, password, host }`. */
    readonly document: (password: pulumi.Output<string>) => pulumi.Output<Record<string, unknown>>;
    /** Days a deleted secret stays restorable (7..30). */
    readonly recoveryWindowDays: number;
}

export interface GeneratedSecret {
    readonly password: random.RandomPassword;
    readonly secret: aws.secretsmanager.Secret;
    readonly version: aws.secretsmanager.SecretVersion;
}

export function generatedSecret(children: Children, child: string, args: GeneratedSecretArgs): GeneratedSecret {
    const password = new random.RandomPassword(children.name(`${child}-password`), passwordArgs(args.password), children.options());
    const secret = new aws.secretsmanager.Secret(
        children.name(child),
        {
            name: children.physical(child),
            description: args.description,
            kmsKeyId: args.kmsKeyArn,
            recoveryWindowInDays: args.recoveryWindowDays,
        },
        children.stateful(),
    );
    const version = new aws.secretsmanager.SecretVersion(
        children.name(child),
        { secretId: secret.id, secretString: pulumi.secret(args.document(password.result).apply((doc) => JSON.stringify(doc))) },
        children.options(),
    );
    return { password, secret, version };
}

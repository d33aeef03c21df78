/**
 * Generated credentials kept in Secrets Manager: a `random.RandomPassword` (a secret in state) and
 * a Secrets Manager secret encrypted with the foundation's `secrets` key whose JSON document holds
 * it. The value never becomes a stack output: consumers get the secret's ARN.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { Children } from "../component.js";
import { type PasswordRules, passwordArgs } from "../password.js";

/** A generated password named `<component>-<child>-password`. */
export function generatedPassword(children: Children, child: string, rules: PasswordRules): random.RandomPassword {
    return new random.RandomPassword(children.name(`${child}-password`), passwordArgs(rules), children.options());
}

export interface AwsSecretArgs {
    readonly description: string;
    /** The foundation's `secrets` key. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The secret's document (JSON); kept a Pulumi secret. */
    readonly document: pulumi.Input<Record<string, unknown>>;
    /** Days a deleted secret stays restorable (7..30). */
    readonly recoveryWindowDays: number;
}

export interface AwsSecret {
    readonly secret: aws.secretsmanager.Secret;
    readonly version: aws.secretsmanager.SecretVersion;
}

/** The secret `<prefix>-<child>` and its current version. */
export function awsSecret(children: Children, child: string, args: AwsSecretArgs): AwsSecret {
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
        { secretId: secret.id, secretString: pulumi.secret(pulumi.output(args.document).apply((doc) => JSON.stringify(doc))) },
        children.options(),
    );
    return { secret, version };
}

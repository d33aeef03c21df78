/**
 * A CloudWatch log group created before the service that writes to it, so it has a retention and
 * the foundation's `logs` key instead of the service's unencrypted, never-expiring default.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { Children } from "../component.js";

export interface LogGroupArgs {
    /** The exact name the service writes to, e.g. `/aws/rds/instance/<id>/postgresql`. */
    readonly name: pulumi.Input<string>;
    readonly retentionDays: number;
    readonly kmsKeyArn: pulumi.Input<string>;
}

export function serviceLogGroup(children: Children, child: string, args: LogGroupArgs): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        children.name(child),
        { name: args.name, retentionInDays: args.retentionDays, kmsKeyId: args.kmsKeyArn },
        children.stateful(),
    );
}

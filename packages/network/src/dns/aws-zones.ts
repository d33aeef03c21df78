/**
 * Route 53 zones: an optional public zone (delegate its name servers from the registrar) and an
 * optional private zone attached to the VPC for internal service names.
 *
 * The public zone is signed with DNSSEC (an asymmetric KMS key, a key-signing key, signing on;
 * publish `publicZoneDsRecord` at the registrar to complete the chain of trust) and query-logged
 * to `/aws/route53/<zone>` (Checkov CKV2_AWS_38 and CKV2_AWS_39). Route 53 keeps both in
 * us-east-1: a stack elsewhere passes `globalProvider`.
 *
 * Protection: pass `{ protect: true }` (production does). A deleted public zone comes back with new
 * name servers, which silently breaks the registrar's delegation, so zones are stateful children:
 * protected with the component and retained on delete.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkDomainName, checkLogRetentionDays, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";
import { dnssecKeyPolicy, QUERY_LOG_GROUP_PREFIX, queryLogResourcePolicy, ROUTE53_GLOBAL_REGION } from "./aws-dns-policies.js";

/** Where the public zone's query logs go. */
export interface QueryLogSettings {
    /** Days the query logs are kept (a CloudWatch Logs retention value). */
    readonly retentionDays: number;
    /** Customer-managed key of the log group (the foundation's `logs` key, in us-east-1). */
    readonly kmsKeyArn: pulumi.Input<string>;
}

export interface AwsDnsZonesArgs {
    /** Project and environment (zone comments name the owner; zone names are the domains). */
    readonly naming: ComponentNaming;
    /** Public zone apex, e.g. `example.com`. Plain value: it decides whether the zone exists. @default no public zone */
    readonly publicZone?: string;
    /** Private zone name, e.g. `prod.internal`; requires `vpcId`. @default no private zone */
    readonly privateZone?: string;
    /** VPC the private zone answers in (the AwsNetwork's `vpcId`). */
    readonly vpcId?: pulumi.Input<string>;
    /**
     * Query logging of the public zone: every query Route 53 answers, to a log group encrypted
     * with a customer key. Required with a public zone: the platform's most exposed name, and the
     * first thing an incident responder reads (CKV2_AWS_39). @default none (then publicZone is refused)
     */
    readonly queryLogs?: QueryLogSettings;
    /**
     * Sign the public zone with DNSSEC, so resolvers can tell forged answers (cache poisoning)
     * from the zone's (CKV2_AWS_38). The chain of trust is complete once `publicZoneDsRecord` is
     * published at the registrar. @default true
     */
    readonly dnssec?: boolean;
    /**
     * The stack's AWS region, checked against us-east-1 (where Route 53 keeps DNSSEC keys and
     * writes query logs) when no `globalProvider` is given. @default not checked
     */
    readonly region?: string;
    /** A provider for us-east-1, for a stack in another region. @default the component's provider */
    readonly globalProvider?: aws.Provider;
}

export class AwsDnsZones extends PlatformComponent {
    readonly publicZone?: aws.route53.Zone;
    readonly privateZone?: aws.route53.Zone;
    readonly publicZoneId: pulumi.Output<string | null>;
    readonly privateZoneId: pulumi.Output<string | null>;
    readonly publicNameServers: pulumi.Output<string[]>;
    /** The DS record to publish at the registrar (DNSSEC); null without a signed public zone. */
    readonly publicZoneDsRecord: pulumi.Output<string | null>;

    constructor(name: string, args: AwsDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:AwsDnsZones", name, args.naming, opts);
        this.validate(validateAwsDnsZonesArgs(args));
        const owner = `${args.naming.project}-${args.naming.environment}`;
        if (args.publicZone !== undefined) {
            this.publicZone = new aws.route53.Zone(
                this.childName("public"),
                { name: args.publicZone, comment: `Public zone of ${owner}, managed by the platform`, forceDestroy: false },
                this.statefulOptions(),
            );
        }
        if (args.privateZone !== undefined && args.vpcId !== undefined) {
            this.privateZone = new aws.route53.Zone(
                this.childName("private"),
                {
                    name: args.privateZone,
                    comment: `Private zone of ${owner}, managed by the platform`,
                    vpcs: [{ vpcId: args.vpcId }],
                    forceDestroy: false,
                },
                this.statefulOptions(),
            );
        }
        const signing =
            this.publicZone !== undefined && args.publicZone !== undefined
                ? this.secureZone(this.publicZone, args.publicZone, args)
                : undefined;
        this.publicZoneDsRecord = signing ? signing.dsRecord : pulumi.output(null);
        this.publicZoneId = this.publicZone ? this.publicZone.zoneId : pulumi.output(null);
        this.privateZoneId = this.privateZone ? this.privateZone.zoneId : pulumi.output(null);
        this.publicNameServers = this.publicZone ? this.publicZone.nameServers : pulumi.output([]);
        this.complete("publicZoneId", "privateZoneId", "publicNameServers", "publicZoneDsRecord");
    }

    /** DNSSEC signing and query logging of a public zone; returns the key-signing key when signed. */
    private secureZone(zone: aws.route53.Zone, zoneName: string, args: AwsDnsZonesArgs): aws.route53.KeySigningKey | undefined {
        const global = args.globalProvider ? { provider: args.globalProvider } : {};
        const partition = aws.getPartitionOutput({}, { parent: this, ...global }).partition;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this, ...global }).accountId;
        const scope = pulumi.all([partition, accountId]).apply(([p, a]) => ({ partition: p, accountId: a }));

        let ksk: aws.route53.KeySigningKey | undefined;
        if (args.dnssec ?? true) {
            const key = new aws.kms.Key(
                this.childName("dnssec-key"),
                {
                    description: `${this.physicalName("dnssec")}: DNSSEC signing key of ${zoneName}`,
                    customerMasterKeySpec: "ECC_NIST_P256",
                    keyUsage: "SIGN_VERIFY",
                    deletionWindowInDays: 30,
                    policy: scope.apply(dnssecKeyPolicy),
                    tags: { Name: this.physicalName("dnssec"), purpose: "dnssec" },
                },
                this.statefulOptions(global),
            );
            ksk = new aws.route53.KeySigningKey(
                this.childName("ksk"),
                {
                    hostedZoneId: zone.id,
                    keyManagementServiceArn: key.arn,
                    // KSK names: letters, digits and underscores.
                    name: this.physicalName("ksk").replace(/[^A-Za-z0-9_]/g, "_"),
                    status: "ACTIVE",
                },
                this.statefulOptions(global),
            );
            new aws.route53.HostedZoneDnsSec(
                this.childName("dnssec"),
                { hostedZoneId: zone.id, signingStatus: "SIGNING" },
                this.childOptions({ ...global, dependsOn: [ksk] }),
            );
        }
        if (args.queryLogs !== undefined) {
            const logGroup = new aws.cloudwatch.LogGroup(
                this.childName("query-logs"),
                {
                    name: `${QUERY_LOG_GROUP_PREFIX}${zoneName}`,
                    retentionInDays: args.queryLogs.retentionDays,
                    kmsKeyId: args.queryLogs.kmsKeyArn,
                },
                this.statefulOptions(global),
            );
            const resourcePolicy = new aws.cloudwatch.LogResourcePolicy(
                this.childName("query-logs-policy"),
                { policyName: this.physicalName("route53-query-logs"), policyDocument: scope.apply(queryLogResourcePolicy) },
                this.childOptions(global),
            );
            new aws.route53.QueryLog(
                this.childName("query-log"),
                { zoneId: zone.zoneId, cloudwatchLogGroupArn: logGroup.arn },
                this.childOptions({ ...global, dependsOn: [resourcePolicy] }),
            );
        }
        return ksk;
    }
}

/** Every problem with AwsDnsZones' arguments. */
export function validateAwsDnsZonesArgs(args: AwsDnsZonesArgs): Issue[] {
    const issues: Issue[] = [];
    if (args.publicZone === undefined && args.privateZone === undefined) {
        issues.push({
            field: "publicZone",
            value: undefined,
            problem: "neither publicZone nor privateZone is set",
            fix: "set at least one, or do not create AwsDnsZones",
        });
    }
    for (const field of ["publicZone", "privateZone"] as const) {
        if (args[field] !== undefined) issues.push(...checkDomainName(field, args[field]));
    }
    if (args.publicZone !== undefined && args.queryLogs === undefined) {
        issues.push({
            field: "queryLogs",
            value: undefined,
            problem: "a public zone must log its queries",
            fix: "pass { retentionDays, kmsKeyArn } (the foundation's logs key)",
        });
    }
    if (args.queryLogs !== undefined) issues.push(...checkLogRetentionDays("queryLogs.retentionDays", args.queryLogs.retentionDays));
    if (
        args.publicZone !== undefined &&
        args.globalProvider === undefined &&
        args.region !== undefined &&
        args.region !== ROUTE53_GLOBAL_REGION
    ) {
        issues.push({
            field: "region",
            value: args.region,
            problem: `Route 53 keeps DNSSEC keys and query logs in ${ROUTE53_GLOBAL_REGION} only`,
            fix: `pass globalProvider: an aws.Provider for ${ROUTE53_GLOBAL_REGION} (and a logs key there)`,
        });
    }
    if (args.privateZone !== undefined && args.vpcId === undefined) {
        issues.push({
            field: "vpcId",
            value: undefined,
            problem: "a private zone needs the VPC it answers in",
            fix: "pass the network's vpcId",
        });
    }
    return issues;
}

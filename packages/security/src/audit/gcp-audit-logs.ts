/**
 * Audit logs on GCP: data access audit logs on for every service (admin activity is always on),
 * and a sink copying every audit log into a log bucket of this project kept `retentionDays`
 * (longer than the _Required bucket's 400 days is not needed; longer than _Default's 30 is),
 * locked with `compliance` so its retention can never be shortened nor the bucket deleted.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import {
    checkOneOf,
    checkPattern,
    checkWholeNumber,
    type ComponentNaming,
    GCP_PROJECT_PATTERN,
    type Issue,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
    PlatformComponent,
} from "@platform/core";

/** Every audit log of the project. */
export const AUDIT_LOG_FILTER = 'logName:"cloudaudit.googleapis.com"';
/** Audit log types turned on for all services (ADMIN_WRITE is always on and cannot be configured). */
export const AUDIT_LOG_TYPES = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const;

export interface GcpAuditLogsArgs {
    readonly naming: ComponentNaming;
    readonly project: string;
    /** The log bucket's location (the stack's region). */
    readonly region: string;
    /** Days audit logs are kept. @default 365 */
    readonly retentionDays?: number;
    /**
     * `compliance` locks the log bucket (retention can never be shortened, the bucket never
     * deleted before its logs expire); `governance` and `none` leave it unlocked (log entries are
     * immutable either way). `platform:security.auditObjectLock`.
     * @default "none"
     */
    readonly objectLock?: ObjectLockMode;
}

/** Protection: pass `{ protect: true }` (dr does): the log bucket is protected and retained. */
export class GcpAuditLogs extends PlatformComponent {
    readonly logBucketId: pulumi.Output<string>;
    readonly sinkWriterIdentity: pulumi.Output<string>;

    constructor(name: string, args: GcpAuditLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:GcpAuditLogs", name, args.naming, opts);
        const retentionDays = args.retentionDays ?? 365;
        const objectLock = args.objectLock ?? "none";
        this.validate(validateGcpAuditLogsArgs(args, retentionDays, objectLock));
        const project = args.project;
        new gcp.projects.IAMAuditConfig(
            this.childName("all-services"),
            { project, service: "allServices", auditLogConfigs: AUDIT_LOG_TYPES.map((logType) => ({ logType })) },
            this.childOptions(),
        );
        const bucketId = this.physicalName("logs", "gcp");
        const bucket = new gcp.logging.ProjectBucketConfig(
            this.childName("logs"),
            {
                project,
                location: args.region,
                bucketId,
                retentionDays,
                locked: objectLock === "compliance",
                description: `Audit logs of ${args.naming.project}-${args.naming.environment}`,
            },
            this.statefulOptions(),
        );
        const sink = new gcp.logging.ProjectSink(
            this.childName("audit"),
            {
                project,
                name: this.physicalName("audit", "gcp"),
                destination: pulumi.interpolate`logging.googleapis.com/projects/${project}/locations/${args.region}/buckets/${bucket.bucketId}`,
                filter: AUDIT_LOG_FILTER,
                uniqueWriterIdentity: true,
            },
            this.childOptions(),
        );
        this.logBucketId = bucket.bucketId;
        this.sinkWriterIdentity = sink.writerIdentity;
        this.complete("logBucketId", "sinkWriterIdentity");
    }
}

/** Every problem with GcpAuditLogs' arguments. */
export function validateGcpAuditLogsArgs(args: GcpAuditLogsArgs, retentionDays: number, objectLock: string): Issue[] {
    return [
        ...checkPattern("project", args.project, GCP_PROJECT_PATTERN, "a GCP project id such as acme-dr-prod"),
        ...checkWholeNumber("retentionDays", retentionDays, { min: 30, max: 3650 }),
        ...checkOneOf("objectLock", objectLock, OBJECT_LOCK_MODES),
    ];
}

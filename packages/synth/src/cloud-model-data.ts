/**
 * The simulated cloud's model of the data layer's resource types (databases, caches, brokers,
 * queues, buckets and their settings, backups, secrets, the service agents and IAM bindings they
 * need, generated passwords): ids, the outputs components read (endpoints, ARNs, secret
 * references), invoke answers, and the inputs whose change replaces a resource. `cloud-model.ts`
 * merges these into the one model mocks, `platform synth` and the simulated plugins answer from.
 * Kept apart so the data layer's part reads in one place; every value is a rehearsal value.
 */
import { createHash } from "node:crypto";

type State = Record<string, unknown>;

/** What a model function knows about the resource (the same facts `cloud-model.ts` uses). */
export interface DataResourceContext {
    readonly type: string;
    readonly name: string;
    readonly inputs: State;
    readonly account: string;
    readonly region: string;
    readonly gcpProject: string;
}

/** The project number the simulated cloud reports for every GCP project (`SIMULATED_GCP_PROJECT_NUMBER`). */
const PROJECT_NUMBER = "123456789012";

function hex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

/** A name the provider would generate: `<logical name>-<7 hex>` (Pulumi autonaming). */
function autoname(ctx: DataResourceContext): string {
    return `${ctx.name}-${hex(7, ctx.type, ctx.name)}`;
}

function named(ctx: DataResourceContext, field: string): string {
    return str(ctx.inputs[field], autoname(ctx));
}

function arn(ctx: DataResourceContext, service: string, resource: string, regional = true): string {
    return `arn:aws:${service}:${regional ? ctx.region : ""}:${ctx.account}:${resource}`;
}

function uuid(...parts: string[]): string {
    const h = hex(32, ...parts);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A private address in 10.x for a simulated endpoint (never .0 / .1). */
function privateIp(seed: string, secondOctet = 100): string {
    const n = parseInt(hex(4, seed), 16);
    return `10.${secondOctet}.${(n >> 8) & 255}.${(n & 253) + 2}`;
}

/** The short region code ElastiCache endpoints use (`us-east-1` -> `use1`). */
function shortRegion(region: string): string {
    const [area = "us", direction = "east", number = "1"] = region.split("-");
    return `${area}${direction.charAt(0)}${number}`;
}

const RDS_PORT = 5432;

function rdsInstance(ctx: DataResourceContext, id: string): State {
    const address = `${id}.c${hex(12, ctx.account, ctx.region)}.${ctx.region}.rds.amazonaws.com`;
    const port = typeof ctx.inputs["port"] === "number" ? ctx.inputs["port"] : RDS_PORT;
    const managed = ctx.inputs["manageMasterUserPassword"] === true;
    return {
        arn: arn(ctx, "rds", `db:${id}`),
        identifier: id,
        address,
        endpoint: `${address}:${String(port)}`,
        port,
        resourceId: `db-${hex(26, "rds-resource", id).toUpperCase()}`,
        hostedZoneId: "Z2R2ITUGPM61AM",
        status: "available",
        masterUserSecrets: managed
            ? [
                  {
                      secretArn: arn(ctx, "secretsmanager", `secret:rds!db-${uuid("rds-secret", id)}-${hex(6, "rds-secret-suffix", id)}`),
                      secretStatus: "active",
                      kmsKeyId: str(ctx.inputs["masterUserSecretKmsKeyId"], "alias/aws/secretsmanager"),
                  },
              ]
            : [],
    };
}

/** AWS resources of the data layer: computed outputs by type. */
export const AWS_DATA_MODEL: Readonly<Record<string, (ctx: DataResourceContext, id: string) => State>> = {
    "aws:rds/instance:Instance": rdsInstance,
    "aws:rds/parameterGroup:ParameterGroup": (ctx, id) => ({ arn: arn(ctx, "rds", `pg:${id}`), name: id }),
    "aws:rds/subnetGroup:SubnetGroup": (ctx, id) => ({ arn: arn(ctx, "rds", `subgrp:${id}`), name: id }),
    "aws:rds/proxy:Proxy": (ctx, id) => ({
        arn: arn(ctx, "rds", `db-proxy:prx-${hex(17, "proxy", id)}`),
        name: id,
        endpoint: `${id}.proxy-c${hex(12, ctx.account, ctx.region)}.${ctx.region}.rds.amazonaws.com`,
    }),
    "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": (ctx, id) => ({
        arn: arn(ctx, "rds", `target-group:prx-tg-${hex(17, "proxy-tg", id)}`),
        name: "default",
    }),
    "aws:rds/proxyTarget:ProxyTarget": (ctx) => ({
        endpoint: "",
        port: RDS_PORT,
        rdsResourceId: str(ctx.inputs["dbInstanceIdentifier"], "instance"),
        targetArn: "",
        trackedClusterId: "",
        type: "RDS_INSTANCE",
    }),
    "aws:elasticache/subnetGroup:SubnetGroup": (ctx, id) => ({ arn: arn(ctx, "elasticache", `subnetgroup:${id}`), name: id }),
    "aws:elasticache/replicationGroup:ReplicationGroup": (ctx, id) => {
        const host = `${id}.${hex(6, "elasticache", ctx.account, ctx.region)}.${shortRegion(ctx.region)}.cache.amazonaws.com`;
        const clusters = typeof ctx.inputs["numCacheClusters"] === "number" ? ctx.inputs["numCacheClusters"] : 1;
        return {
            arn: arn(ctx, "elasticache", `replicationgroup:${id}`),
            replicationGroupId: id,
            primaryEndpointAddress: `master.${host}`,
            readerEndpointAddress: `replica.${host}`,
            port: typeof ctx.inputs["port"] === "number" ? ctx.inputs["port"] : 6379,
            memberClusters: Array.from({ length: clusters }, (_, i) => `${id}-${String(i + 1).padStart(3, "0")}`),
            clusterEnabled: false,
            engineVersionActual: `${str(ctx.inputs["engineVersion"], "7.1")}.0`,
        };
    },
    "aws:mq/broker:Broker": (ctx, id) => {
        const host = `${id}.mq.${ctx.region}.on.aws`;
        return {
            arn: arn(ctx, "mq", `broker:${named(ctx, "brokerName")}:${id}`),
            brokerName: named(ctx, "brokerName"),
            instances: [{ consoleUrl: `https://${host}`, endpoints: [`amqps://${host}:5671`], ipAddress: "" }],
        };
    },
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": () => ({}),
    "aws:s3/bucket:Bucket": (ctx, id) => ({
        arn: `arn:aws:s3:::${id}`,
        bucket: id,
        bucketDomainName: `${id}.s3.amazonaws.com`,
        bucketRegionalDomainName: `${id}.s3.${ctx.region}.amazonaws.com`,
        bucketRegion: ctx.region,
        hostedZoneId: "Z3AQBSTGFYJSTF",
        region: ctx.region,
    }),
    "aws:backup/vault:Vault": (ctx, id) => ({ arn: arn(ctx, "backup", `backup-vault:${id}`), name: id, recoveryPoints: 0 }),
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": (ctx, id) => ({ backupVaultArn: arn(ctx, "backup", `backup-vault:${id}`) }),
    "aws:backup/plan:Plan": (ctx, id) => ({ arn: arn(ctx, "backup", `backup-plan:${id}`), version: hex(32, "plan-version", id) }),
    "aws:backup/selection:Selection": () => ({}),
    "aws:secretsmanager/secret:Secret": (ctx, id) => ({ arn: id, name: named(ctx, "name") }),
    "aws:secretsmanager/secretVersion:SecretVersion": (ctx) => ({
        arn: str(ctx.inputs["secretId"], "secret"),
        versionId: uuid("secret-version", ctx.name),
        versionStages: ["AWSCURRENT"],
    }),
};

/** The settings resources S3 keys by bucket: one of each per bucket, its id the bucket's name. */
const S3_BUCKET_SETTINGS = [
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
];

/** The id an AWS data-layer resource gets, or undefined for types this model does not own. */
export function awsDataId(ctx: DataResourceContext): string | undefined {
    switch (ctx.type) {
        case "aws:rds/instance:Instance":
            return named(ctx, "identifier");
        case "aws:rds/parameterGroup:ParameterGroup":
        case "aws:rds/subnetGroup:SubnetGroup":
        case "aws:rds/proxy:Proxy":
        case "aws:elasticache/subnetGroup:SubnetGroup":
        case "aws:backup/vault:Vault":
            return named(ctx, "name");
        case "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup":
            return str(ctx.inputs["dbProxyName"], "proxy");
        case "aws:rds/proxyTarget:ProxyTarget":
            return `${str(ctx.inputs["dbProxyName"], "proxy")},${str(ctx.inputs["targetGroupName"], "default")},RDS_INSTANCE,${str(ctx.inputs["dbInstanceIdentifier"], "instance")}`;
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return named(ctx, "replicationGroupId");
        case "aws:mq/broker:Broker":
            return `b-${uuid("mq-broker", ctx.name)}`;
        case "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy":
            return str(ctx.inputs["queueUrl"], autoname(ctx));
        case "aws:s3/bucket:Bucket":
            return str(ctx.inputs["bucket"], `${str(ctx.inputs["bucketPrefix"], ctx.name)}${hex(26, "bucket", ctx.name)}`);
        case "aws:backup/vaultLockConfiguration:VaultLockConfiguration":
            return str(ctx.inputs["backupVaultName"], "vault");
        case "aws:backup/plan:Plan":
        case "aws:backup/selection:Selection":
            return uuid(ctx.type, ctx.name);
        case "aws:secretsmanager/secret:Secret":
            return arn(ctx, "secretsmanager", `secret:${named(ctx, "name")}-${hex(6, "secret-suffix", ctx.name)}`);
        case "aws:secretsmanager/secretVersion:SecretVersion":
            return `${str(ctx.inputs["secretId"], "secret")}|${uuid("secret-version", ctx.name)}`;
        default:
            return S3_BUCKET_SETTINGS.includes(ctx.type) ? str(ctx.inputs["bucket"], autoname(ctx)) : undefined;
    }
}

/** Email of a Google-managed service agent of the simulated project, by the API it serves. */
export const GCP_SERVICE_AGENT_DOMAINS: Readonly<Record<string, string>> = {
    "sqladmin.googleapis.com": "gcp-sa-cloud-sql.iam.gserviceaccount.com",
    "redis.googleapis.com": "cloud-redis.iam.gserviceaccount.com",
    "pubsub.googleapis.com": "gcp-sa-pubsub.iam.gserviceaccount.com",
    "secretmanager.googleapis.com": "gcp-sa-secretmanager.iam.gserviceaccount.com",
    "storage.googleapis.com": "gs-project-accounts.iam.gserviceaccount.com",
};

function serviceAgent(service: string): string {
    const domain = GCP_SERVICE_AGENT_DOMAINS[service] ?? `gcp-sa-${service.split(".")[0] ?? "service"}.iam.gserviceaccount.com`;
    return `service-${PROJECT_NUMBER}@${domain}`;
}

/** The Storage Transfer Service agent of a project, and the numeric subject an AWS role trusts. */
export function transferServiceAccount(project: string): { email: string; subjectId: string } {
    const digits = BigInt(`0x${hex(16, "sts-subject", project)}`)
        .toString()
        .padStart(21, "1")
        .slice(0, 21);
    return { email: `project-${PROJECT_NUMBER}@storage-transfer-service.iam.gserviceaccount.com`, subjectId: digits };
}

/** GCP resources of the data layer: id and outputs, or undefined for types this model does not own. */
export function gcpDataState(ctx: DataResourceContext, project: string, name: string): { id: string; state: State } | undefined {
    const iamMember = (target: string) => ({
        id: `${str(ctx.inputs[target], target)}/${str(ctx.inputs["role"], "role")}/${str(ctx.inputs["member"], "member")}`,
        state: { etag: `BwY${hex(10, ctx.name)}` },
    });
    switch (ctx.type) {
        case "gcp:sql/databaseInstance:DatabaseInstance": {
            const region = str(ctx.inputs["region"], "us-west1");
            const ip = privateIp(`sql/${project}/${name}`, 90);
            return {
                id: name,
                state: {
                    name,
                    connectionName: `${project}:${region}:${name}`,
                    privateIpAddress: ip,
                    publicIpAddress: "",
                    firstIpAddress: ip,
                    ipAddresses: [{ ipAddress: ip, type: "PRIVATE", timeToRetire: "" }],
                    selfLink: `https://sqladmin.googleapis.com/sql/v1beta4/projects/${project}/instances/${name}`,
                    serviceAccountEmailAddress: `p${PROJECT_NUMBER}-${hex(6, name)}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
                    instanceType: ctx.inputs["masterInstanceName"] === undefined ? "CLOUD_SQL_INSTANCE" : "READ_REPLICA_INSTANCE",
                },
            };
        }
        case "gcp:sql/database:Database":
            return { id: `projects/${project}/instances/${str(ctx.inputs["instance"], "instance")}/databases/${name}`, state: { name } };
        case "gcp:redis/instance:Instance": {
            const region = str(ctx.inputs["region"], "us-west1");
            const tls = ctx.inputs["transitEncryptionMode"] === "SERVER_AUTHENTICATION";
            const id = `projects/${project}/locations/${region}/instances/${name}`;
            return {
                id,
                state: {
                    name,
                    host: privateIp(`redis/${id}`, 91),
                    port: tls ? 6378 : 6379,
                    readEndpoint: ctx.inputs["readReplicasMode"] === "READ_REPLICAS_ENABLED" ? privateIp(`redis-read/${id}`, 91) : "",
                    currentLocationId: str(ctx.inputs["locationId"], `${region}-a`),
                    // Memorystore generates the AUTH string; a rehearsal value, never a real credential.
                    authString: ctx.inputs["authEnabled"] === true ? `simulated-${hex(32, "redis-auth", id)}` : "",
                    serverCaCerts: tls
                        ? [{ cert: `-----BEGIN CERTIFICATE-----\nsimulated ${hex(16, id)}\n-----END CERTIFICATE-----\n` }]
                        : [],
                },
            };
        }
        case "gcp:pubsub/topic:Topic":
            return { id: `projects/${project}/topics/${name}`, state: { name } };
        case "gcp:pubsub/subscription:Subscription":
            return { id: `projects/${project}/subscriptions/${name}`, state: { name } };
        case "gcp:storage/bucket:Bucket":
            return {
                id: name,
                state: {
                    name,
                    url: `gs://${name}`,
                    selfLink: `https://www.googleapis.com/storage/v1/b/${name}`,
                    projectNumber: PROJECT_NUMBER,
                },
            };
        case "gcp:storage/transferJob:TransferJob": {
            const job = `transferJobs/${BigInt(`0x${hex(15, "transfer-job", project, ctx.name)}`).toString()}`;
            return { id: `${project}/${job}`, state: { name: job, creationTime: "2025-01-01T00:00:00Z" } };
        }
        case "gcp:secretmanager/secret:Secret": {
            const secretId = str(ctx.inputs["secretId"], name);
            return { id: `projects/${project}/secrets/${secretId}`, state: { name: `projects/${PROJECT_NUMBER}/secrets/${secretId}` } };
        }
        case "gcp:secretmanager/secretVersion:SecretVersion": {
            const version = `${str(ctx.inputs["secret"], "secret").replace(/^projects\/[^/]+/, `projects/${PROJECT_NUMBER}`)}/versions/1`;
            return { id: version, state: { name: version, version: "1", createTime: "2025-01-01T00:00:00Z" } };
        }
        case "gcp:projects/serviceIdentity:ServiceIdentity": {
            const email = serviceAgent(str(ctx.inputs["service"], "service"));
            return {
                id: `projects/${project}/services/${str(ctx.inputs["service"], "service")}`,
                state: { email, member: `serviceAccount:${email}` },
            };
        }
        case "gcp:projects/iAMCustomRole:IAMCustomRole": {
            const roleId = str(ctx.inputs["roleId"], name);
            return { id: `projects/${project}/roles/${roleId}`, state: { name: `projects/${project}/roles/${roleId}`, deleted: false } };
        }
        case "gcp:storage/bucketIAMMember:BucketIAMMember":
            return iamMember("bucket");
        case "gcp:pubsub/topicIAMMember:TopicIAMMember":
            return iamMember("topic");
        case "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember":
            return iamMember("subscription");
        case "gcp:serviceaccount/iAMMember:IAMMember":
            return iamMember("serviceAccountId");
        case "gcp:secretmanager/secretIamMember:SecretIamMember":
            return iamMember("secretId");
        default:
            return undefined;
    }
}

/** Characters `random.RandomPassword` draws from, by class (the provider's defaults). */
const PASSWORD_CLASSES = {
    upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    lower: "abcdefghijklmnopqrstuvwxyz",
    numeric: "0123456789",
    special: "!@#$%&*()-_=+[]{}<>:?",
} as const;

/**
 * `random:index/randomPassword:RandomPassword` and `random:index/randomString:RandomString`: a
 * value of the requested length and classes (`upper`, `lower`, `numeric`, `special`, the `min*`
 * counts, `overrideSpecial`), derived from the logical name and the inputs so every rehearsal of a
 * program sees the same one. Not random and not secret in any real sense: simulation only.
 */
export function simulateRandom(ctx: DataResourceContext): { id: string; state: State } {
    const length = typeof ctx.inputs["length"] === "number" ? ctx.inputs["length"] : 16;
    const enabled = (key: keyof typeof PASSWORD_CLASSES) => ctx.inputs[key] !== false;
    const special = typeof ctx.inputs["overrideSpecial"] === "string" ? ctx.inputs["overrideSpecial"] : PASSWORD_CLASSES.special;
    const classes: Array<{ chars: string; min: number }> = [
        { chars: PASSWORD_CLASSES.upper, min: enabled("upper") ? Number(ctx.inputs["minUpper"] ?? 0) : -1 },
        { chars: PASSWORD_CLASSES.lower, min: enabled("lower") ? Number(ctx.inputs["minLower"] ?? 0) : -1 },
        { chars: PASSWORD_CLASSES.numeric, min: enabled("numeric") ? Number(ctx.inputs["minNumeric"] ?? 0) : -1 },
        { chars: special, min: enabled("special") && special.length > 0 ? Number(ctx.inputs["minSpecial"] ?? 0) : -1 },
    ].filter((c) => c.min >= 0);
    const all = classes.map((c) => c.chars).join("");
    const stream = createHash("sha512")
        .update(`${ctx.type}\u0000${ctx.name}\u0000${JSON.stringify(ctx.inputs)}`)
        .digest();
    let cursor = 0;
    const pick = (chars: string) => chars.charAt(stream[cursor++ % stream.length] % chars.length);
    const required = classes.flatMap((c) => Array.from({ length: c.min }, () => pick(c.chars)));
    const rest = Array.from({ length: Math.max(0, length - required.length) }, () => pick(all));
    const result = [...required, ...rest].join("").slice(0, length);
    const isPassword = ctx.type === "random:index/randomPassword:RandomPassword";
    return {
        id: isPassword ? "none" : result,
        state: {
            ...ctx.inputs,
            result,
            ...(isPassword ? { bcryptHash: `$2a$10$simulated${hex(44, "bcrypt", result)}` } : {}),
        },
    };
}

/** Answers to the data layer's invokes, or undefined for tokens this model does not own. */
export function simulateDataInvoke(token: string, inputs: State, gcpProject: string): State | undefined {
    const project = str(inputs["project"], gcpProject);
    switch (token) {
        case "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": {
            const email = serviceAgent("storage.googleapis.com");
            return { emailAddress: email, member: `serviceAccount:${email}`, project, id: email };
        }
        case "gcp:storage/getTransferProjectServiceAccount:getTransferProjectServiceAccount": {
            const { email, subjectId } = transferServiceAccount(project);
            return { email, subjectId, member: `serviceAccount:${email}`, project, id: email };
        }
        default:
            return undefined;
    }
}

/**
 * Inputs whose change replaces a data-layer resource (a model of the Terraform AWS v6 and Google
 * v6 providers' ForceNew arguments, like `REPLACE_ON_CHANGE` in `cloud-model.ts`).
 */
export const DATA_REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    "aws:rds/instance:Instance": [
        "identifier",
        "identifierPrefix",
        "engine",
        "dbName",
        "username",
        "availabilityZone",
        "kmsKeyId",
        "storageEncrypted",
        "characterSetName",
        "ncharCharacterSetName",
        "snapshotIdentifier",
        "restoreToPointInTime",
        "timezone",
        "customIamInstanceProfile",
        "region",
    ],
    "aws:rds/parameterGroup:ParameterGroup": ["name", "namePrefix", "family", "description", "region"],
    "aws:rds/subnetGroup:SubnetGroup": ["name", "namePrefix", "region"],
    "aws:rds/proxy:Proxy": ["name", "engineFamily", "vpcSubnetIds", "region"],
    "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": ["dbProxyName", "region"],
    "aws:rds/proxyTarget:ProxyTarget": ["dbProxyName", "targetGroupName", "dbInstanceIdentifier", "dbClusterIdentifier", "region"],
    "aws:elasticache/subnetGroup:SubnetGroup": ["name", "region"],
    "aws:elasticache/replicationGroup:ReplicationGroup": [
        "replicationGroupId",
        "atRestEncryptionEnabled",
        "kmsKeyId",
        "subnetGroupName",
        "port",
        "snapshotArns",
        "snapshotName",
        "dataTieringEnabled",
        "globalReplicationGroupId",
        "region",
    ],
    "aws:mq/broker:Broker": [
        "brokerName",
        "engineType",
        "deploymentMode",
        "storageType",
        "subnetIds",
        "publiclyAccessible",
        "encryptionOptions",
        "region",
    ],
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": ["queueUrl", "region"],
    // A bucket's name, namespace and Object Lock are fixed at creation.
    "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix", "bucketNamespace", "objectLockEnabled", "region"],
    ...Object.fromEntries(S3_BUCKET_SETTINGS.map((type) => [type, ["bucket", "expectedBucketOwner", "region"]])),
    "aws:backup/vault:Vault": ["name", "kmsKeyArn", "region"],
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": [
        "backupVaultName",
        "changeableForDays",
        "maxRetentionDays",
        "minRetentionDays",
        "region",
    ],
    "aws:backup/plan:Plan": ["name", "region"],
    // A selection cannot be modified: every argument re-creates it.
    "aws:backup/selection:Selection": [
        "name",
        "planId",
        "iamRoleArn",
        "selectionTags",
        "resources",
        "notResources",
        "conditions",
        "region",
    ],
    "aws:secretsmanager/secret:Secret": ["name", "namePrefix", "region"],
    "aws:secretsmanager/secretVersion:SecretVersion": ["secretId", "secretString", "secretBinary", "region"],
    "gcp:sql/databaseInstance:DatabaseInstance": [
        "name",
        "project",
        "region",
        "encryptionKeyName",
        "masterInstanceName",
        "replicaConfiguration",
        "restoreBackupContext",
        "clone",
    ],
    "gcp:sql/database:Database": ["name", "project", "instance"],
    "gcp:redis/instance:Instance": [
        "name",
        "project",
        "region",
        "tier",
        "authorizedNetwork",
        "connectMode",
        "customerManagedKey",
        "locationId",
        "alternativeLocationId",
        "reservedIpRange",
        "transitEncryptionMode",
    ],
    "gcp:pubsub/topic:Topic": ["name", "project"],
    "gcp:pubsub/subscription:Subscription": ["name", "project", "topic"],
    "gcp:storage/bucket:Bucket": ["name", "project", "location", "customPlacementConfig"],
    "gcp:storage/transferJob:TransferJob": ["name", "project"],
    "gcp:secretmanager/secret:Secret": ["secretId", "project", "replication"],
    "gcp:secretmanager/secretVersion:SecretVersion": ["secret", "secretData"],
    "gcp:projects/serviceIdentity:ServiceIdentity": ["project", "service"],
    "gcp:projects/iAMCustomRole:IAMCustomRole": ["roleId", "project"],
    "gcp:storage/bucketIAMMember:BucketIAMMember": ["bucket", "role", "member", "condition"],
    "gcp:pubsub/topicIAMMember:TopicIAMMember": ["topic", "project", "role", "member", "condition"],
    "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember": ["subscription", "project", "role", "member", "condition"],
    "gcp:serviceaccount/iAMMember:IAMMember": ["serviceAccountId", "role", "member", "condition"],
    "gcp:secretmanager/secretIamMember:SecretIamMember": ["secretId", "project", "role", "member", "condition"],
    // The random provider: every argument re-creates the value.
    "random:index/randomPassword:RandomPassword": [
        "length",
        "special",
        "upper",
        "lower",
        "numeric",
        "minSpecial",
        "minUpper",
        "minLower",
        "minNumeric",
        "overrideSpecial",
        "keepers",
    ],
};

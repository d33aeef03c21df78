import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsPostgresDatabase, type AwsPostgresDatabaseArgs, rdsParameters } from "../../src/index.js";
import { ACCOUNT, awsProfile, DATA_KEY, json, LOGS_KEY, ProtectedParent, protection, SECRETS_KEY, synth } from "../helpers.js";

const INSTANCE = "aws:rds/instance:Instance";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

const network = { vpcId: "vpc-0a1", subnetIds: ["subnet-a", "subnet-b", "subnet-c"], allowedSecurityGroupIds: ["sg-nodes"] };
const keys = { kmsKeyArn: DATA_KEY, secretsKmsKeyArn: SECRETS_KEY, logsKmsKeyArn: LOGS_KEY };

function args(env: "dev" | "staging" | "prod", extra: Partial<AwsPostgresDatabaseArgs> = {}): AwsPostgresDatabaseArgs {
    return { ...awsProfile(env), ...network, ...keys, logRetentionDays: env === "prod" ? 90 : 14, ...extra };
}

async function run(a: AwsPostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const db = new AwsPostgresDatabase("postgres", a, opts);
        return {
            host: db.host,
            port: db.port,
            instanceHost: db.instanceHost,
            readerHosts: db.readerHosts,
            adminSecret: db.adminSecret,
            databaseName: db.databaseName,
            adminUsername: db.adminUsername,
        };
    });
}

function counts(resources: readonly InventoryResource[]): Record<string, number> {
    return Object.fromEntries(countByType(resources).map((c) => [c.type, c.count]));
}

const SG_ID = (resources: readonly InventoryResource[], name: string) => findResource(resources, SG, name).id;

describe("AwsPostgresDatabase", () => {
    it("dev: one single-AZ instance, no proxy, no replica", async () => {
        const { resources } = await run(args("dev"));
        assert.deepEqual(counts(resources), {
            [LOG_GROUP]: 2,
            [SG]: 1,
            "aws:iam/role:Role": 1,
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 1,
            [INSTANCE]: 1,
            "aws:rds/parameterGroup:ParameterGroup": 1,
            "aws:rds/subnetGroup:SubnetGroup": 1,
            [INGRESS]: 1,
            "platform:data:AwsPostgresDatabase": 1,
            "pulumi:pulumi:Stack": 1,
        });
        const db = findResource(resources, INSTANCE, "postgres-db").inputs;
        assert.deepEqual(
            [db["instanceClass"], db["multiAz"], db["allocatedStorage"], db["maxAllocatedStorage"], db["backupRetentionPeriod"]],
            ["db.t4g.medium", false, 50, 100, 7],
        );
        assert.deepEqual([db["deletionProtection"], db["skipFinalSnapshot"], db["finalSnapshotIdentifier"]], [false, true, undefined]);
    });

    it("staging: Multi-AZ, 200 GB autoscaling to 400, 7-day backups, deletion protection and a final snapshot", async () => {
        const db = findResource((await run(args("staging"))).resources, INSTANCE, "postgres-db").inputs;
        assert.deepEqual(
            [db["instanceClass"], db["multiAz"], db["allocatedStorage"], db["maxAllocatedStorage"], db["backupRetentionPeriod"]],
            ["db.r7g.large", true, 200, 400, 7],
        );
        assert.deepEqual(
            [db["deletionProtection"], db["skipFinalSnapshot"], db["finalSnapshotIdentifier"]],
            [true, false, "acme-staging-postgres-db-final"],
        );
    });

    it("prod: every input of the primary", async () => {
        const { resources } = await run(args("prod"));
        assert.deepEqual(findResource(resources, INSTANCE, "postgres-db").inputs, {
            identifier: "acme-prod-postgres-db",
            engine: "postgres",
            engineVersion: "17",
            instanceClass: "db.r7g.xlarge",
            dbName: "app",
            username: "dbadmin",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: SECRETS_KEY,
            port: 5432,
            allocatedStorage: 500,
            maxAllocatedStorage: 1000,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: DATA_KEY,
            multiAz: true,
            dbSubnetGroupName: "acme-prod-postgres-subnets",
            vpcSecurityGroupIds: [SG_ID(resources, "postgres-db")],
            parameterGroupName: "acme-prod-postgres-params",
            publiclyAccessible: false,
            networkType: "IPV4",
            iamDatabaseAuthenticationEnabled: true,
            caCertIdentifier: "rds-ca-rsa2048-g1",
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            monitoringInterval: 60,
            monitoringRoleArn: `arn:aws:iam::${ACCOUNT}:role/acme-prod-postgres-monitoring`,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: DATA_KEY,
            performanceInsightsRetentionPeriod: 7,
            backupRetentionPeriod: 30,
            backupWindow: "00:00-01:00",
            maintenanceWindow: "sun:04:00-sun:05:00",
            deleteAutomatedBackups: false,
            deletionProtection: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: "acme-prod-postgres-db-final",
            autoMinorVersionUpgrade: true,
            allowMajorVersionUpgrade: false,
            copyTagsToSnapshot: true,
            applyImmediately: false,
            tags: { Name: "acme-prod-postgres-db" },
        });
    });

    it("no password exists anywhere: RDS manages it in Secrets Manager, the output is the secret's ARN", async () => {
        const { resources, outputs } = await run(args("prod"));
        const inputs = JSON.stringify(resources.map((r) => r.inputs));
        assert.doesNotMatch(inputs, /"(password|masterPassword|passwordWo)"/);
        assert.match(String(outputs["adminSecret"]), /^arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-/);
        assert.deepEqual([outputs["databaseName"], outputs["adminUsername"], outputs["port"]], ["app", "dbadmin", 5432]);
    });

    it("the parameter group requires TLS and logs connections, DDL and slow statements", async () => {
        const params = findResource((await run(args("prod"))).resources, "aws:rds/parameterGroup:ParameterGroup", "postgres-params");
        assert.deepEqual(params.inputs, {
            name: "acme-prod-postgres-params",
            family: "postgres17",
            description: "acme-prod-postgres-db: TLS required, connection, DDL and slow-statement logging",
            parameters: rdsParameters(),
        });
        assert.deepEqual(
            rdsParameters().map((p) => `${p.name}=${p.value}`),
            [
                "rds.force_ssl=1",
                "log_connections=1",
                "log_disconnections=1",
                "log_statement=ddl",
                "log_min_duration_statement=1000",
                "log_lock_waits=1",
                "log_temp_files=10240",
                "log_autovacuum_min_duration=10000",
            ],
        );
    });

    it("major version 16 uses the postgres16 family", async () => {
        const { resources } = await run(args("dev", { majorVersion: "16" }));
        assert.equal(findResource(resources, "aws:rds/parameterGroup:ParameterGroup", "postgres-params").inputs["family"], "postgres16");
        assert.equal(findResource(resources, INSTANCE, "postgres-db").inputs["engineVersion"], "16");
    });

    it("isolated subnets, and 5432 only from each allowed security group; nothing without one", async () => {
        const { resources } = await run(args("prod", { allowedSecurityGroupIds: ["sg-nodes", "sg-karpenter"] }));
        assert.deepEqual(findResource(resources, "aws:rds/subnetGroup:SubnetGroup", "postgres-subnets").inputs, {
            name: "acme-prod-postgres-subnets",
            description: "acme-prod-postgres-db: isolated subnets",
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        });
        assert.deepEqual(findResource(resources, SG, "postgres-db").inputs, {
            vpcId: "vpc-0a1",
            description: "Postgres on tcp/5432 from the cluster nodes only",
            tags: { Name: "acme-prod-postgres-db" },
        });
        assert.deepEqual(
            ofType(resources, INGRESS).map((r) => r.inputs),
            [1, 2].map((i) => ({
                securityGroupId: SG_ID(resources, "postgres-db"),
                referencedSecurityGroupId: i === 1 ? "sg-nodes" : "sg-karpenter",
                ipProtocol: "tcp",
                fromPort: 5432,
                toPort: 5432,
                description: `Postgres from allowed security group ${i}`,
                tags: { Name: `acme-prod-postgres-db-from-${i}` },
            })),
        );
        assert.deepEqual(ofType((await run(args("prod", { allowedSecurityGroupIds: [] }))).resources, INGRESS), []);
    });

    it("server and upgrade logs go to log groups with the logs key and the retention, created before the instance", async () => {
        const { resources } = await run(args("prod"));
        const groups = ofType(resources, LOG_GROUP);
        assert.deepEqual(
            groups.map((g) => g.inputs),
            ["postgresql", "upgrade"].map((log) => ({
                name: `/aws/rds/instance/acme-prod-postgres-db/${log}`,
                retentionInDays: 90,
                kmsKeyId: LOGS_KEY,
            })),
        );
        const db = findResource(resources, INSTANCE, "postgres-db");
        assert.deepEqual(
            groups.map((g) => db.dependencies.includes(g.urn)),
            [true, true],
        );
    });

    it("enhanced monitoring has its own role, trusted by RDS monitoring, with the AWS managed policy", async () => {
        const { resources } = await run(args("prod", { monitoringIntervalSeconds: 15 }));
        const role = findResource(resources, "aws:iam/role:Role", "postgres-monitoring");
        assert.deepEqual(json(role.inputs["assumeRolePolicy"]), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        assert.deepEqual(findResource(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "postgres-monitoring").inputs, {
            role: "acme-prod-postgres-monitoring",
            policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
        });
        assert.equal(findResource(resources, INSTANCE, "postgres-db").inputs["monitoringInterval"], 15);
    });

    it("read replicas replicate the primary in one zone each, without backups of their own, with their own log groups", async () => {
        const { resources, outputs } = await run(args("prod", { readReplicas: 2 }));
        const replicas = ofType(resources, INSTANCE).filter((r) => r.name.startsWith("postgres-replica-"));
        assert.deepEqual(
            replicas.map((r) => [
                r.inputs["identifier"],
                r.inputs["replicateSourceDb"],
                r.inputs["multiAz"],
                r.inputs["backupRetentionPeriod"],
                r.inputs["skipFinalSnapshot"],
            ]),
            [
                ["acme-prod-postgres-replica-1", "acme-prod-postgres-db", false, 0, true],
                ["acme-prod-postgres-replica-2", "acme-prod-postgres-db", false, 0, true],
            ],
        );
        const replica = replicas[0].inputs;
        assert.deepEqual(
            ["manageMasterUserPassword", "username", "dbName", "allocatedStorage"].map((k) => replica[k]),
            [undefined, undefined, undefined, undefined],
        );
        assert.deepEqual(
            [replica["storageEncrypted"], replica["kmsKeyId"], replica["publiclyAccessible"], replica["iamDatabaseAuthenticationEnabled"]],
            [true, DATA_KEY, false, true],
        );
        assert.equal(ofType(resources, LOG_GROUP).length, 6);
        assert.deepEqual(outputs["readerHosts"], [
            "acme-prod-postgres-replica-1.c591a2c049e4b.us-east-1.rds.amazonaws.com",
            "acme-prod-postgres-replica-2.c591a2c049e4b.us-east-1.rds.amazonaws.com",
        ]);
    });

    describe("connection pooling through RDS Proxy", () => {
        it("end-to-end IAM authentication, TLS required, in the isolated subnets; clients get the proxy's endpoint", async () => {
            const { resources, outputs } = await run(args("prod", { connectionPooling: "rdsProxy" }));
            const proxySg = SG_ID(resources, "postgres-proxy");
            assert.deepEqual(findResource(resources, "aws:rds/proxy:Proxy", "postgres-proxy").inputs, {
                name: "acme-prod-postgres-proxy",
                engineFamily: "POSTGRESQL",
                defaultAuthScheme: "IAM_AUTH",
                requireTls: true,
                roleArn: `arn:aws:iam::${ACCOUNT}:role/acme-prod-postgres-proxy`,
                vpcSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
                vpcSecurityGroupIds: [proxySg],
                idleClientTimeout: 1800,
                debugLogging: false,
                tags: { Name: "acme-prod-postgres-proxy" },
            });
            assert.match(String(outputs["host"]), /^acme-prod-postgres-proxy\.proxy-[0-9a-f]+\.us-east-1\.rds\.amazonaws\.com$/);
            assert.match(String(outputs["instanceHost"]), /^acme-prod-postgres-db\.[0-9a-z]+\.us-east-1\.rds\.amazonaws\.com$/);
            assert.deepEqual(findResource(resources, "aws:rds/proxyTarget:ProxyTarget", "postgres-proxy").inputs, {
                dbProxyName: "acme-prod-postgres-proxy",
                targetGroupName: "default",
                dbInstanceIdentifier: "acme-prod-postgres-db",
            });
            assert.deepEqual(findResource(resources, "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup", "postgres-proxy").inputs, {
                dbProxyName: "acme-prod-postgres-proxy",
                connectionPoolConfig: { maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 120 },
            });
        });

        it("the proxy's role may only connect to this instance, and needs no secret", async () => {
            const { resources } = await run(args("prod", { connectionPooling: "rdsProxy" }));
            const resourceId = findResource(resources, INSTANCE, "postgres-db").outputs["resourceId"];
            assert.deepEqual(json(findResource(resources, "aws:iam/role:Role", "postgres-proxy").inputs["assumeRolePolicy"]), {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
            });
            const policy = findResource(resources, "aws:iam/rolePolicy:RolePolicy", "postgres-proxy-connect");
            assert.deepEqual(json(policy.inputs["policy"]), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "ConnectWithIamAuthentication",
                        Effect: "Allow",
                        Action: "rds-db:connect",
                        Resource: `arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:${String(resourceId)}/*`,
                    },
                ],
            });
            assert.equal(findResource(resources, "aws:rds/proxy:Proxy", "postgres-proxy").inputs["auths"], undefined);
        });

        it("the nodes reach the proxy, the proxy reaches the database, and nothing else is opened", async () => {
            const { resources } = await run(args("prod", { connectionPooling: "rdsProxy" }));
            const db = SG_ID(resources, "postgres-db");
            const proxy = SG_ID(resources, "postgres-proxy");
            const rule = (r: InventoryResource) =>
                `${r.type.endsWith("EgressRule") ? "egress" : "ingress"} ${String(r.inputs["securityGroupId"])} <- ${String(r.inputs["referencedSecurityGroupId"])} tcp/${String(r.inputs["fromPort"])}`;
            assert.deepEqual(
                [...ofType(resources, INGRESS), ...ofType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")]
                    .map(rule)
                    .sort(),
                [
                    `egress ${proxy} <- ${db} tcp/5432`,
                    `ingress ${db} <- ${proxy} tcp/5432`,
                    `ingress ${db} <- sg-nodes tcp/5432`,
                    `ingress ${proxy} <- sg-nodes tcp/5432`,
                ].sort(),
            );
        });

        it("without pooling there is no proxy and clients get the instance", async () => {
            const { resources, outputs } = await run(args("prod", { connectionPooling: "none" }));
            assert.deepEqual(ofType(resources, "aws:rds/proxy:Proxy"), []);
            assert.equal(outputs["host"], outputs["instanceHost"]);
        });
    });

    describe("protection", () => {
        it("protect: true protects every child; instances and log groups are also retained on delete", async () => {
            const { resources } = await run(args("prod", { readReplicas: 1 }), { protect: true });
            const lines = protection(resources);
            assert.deepEqual(
                lines.filter((l) => l.includes("retain=true")),
                [
                    "postgres-db aws:rds/instance:Instance protect=true retain=true",
                    "postgres-db-postgresql-logs aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
                    "postgres-db-upgrade-logs aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
                    "postgres-replica-1 aws:rds/instance:Instance protect=true retain=true",
                    "postgres-replica-1-postgresql-logs aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
                    "postgres-replica-1-upgrade-logs aws:cloudwatch/logGroup:LogGroup protect=true retain=true",
                ],
            );
            assert.deepEqual(
                lines.filter((l) => !l.includes("protect=true")),
                [],
            );
        });

        it("protection is inherited from a protected ancestor; nothing is protected without it", async () => {
            const inherited = await synth(() => {
                new AwsPostgresDatabase("postgres", args("prod"), { parent: new ProtectedParent() });
            });
            assert.deepEqual(
                ofType(inherited.resources, INSTANCE).map((r) => [r.protect, r.retainOnDelete]),
                [[true, true]],
            );
            const open = await run(args("prod"));
            assert.deepEqual(
                open.resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name),
                [],
            );
        });
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsPostgresDatabaseArgs>, Array<[string, string]>]> = [
            ["an unknown size", { size: "huge" as never }, [["size", "is not an allowed value"]]],
            ["an unsupported major version", { majorVersion: "14" as never }, [["majorVersion", "is not an allowed value"]]],
            [
                "a database name with capitals",
                { databaseName: "App" },
                [["databaseName", "is not lowercase letters, digits and underscores, starting with a letter, at most 63 characters"]],
            ],
            [
                "a reserved administrator",
                { adminUsername: "rdsadmin" },
                [["adminUsername", "is reserved by Postgres or the cloud service"]],
            ],
            ["storage below 20 GB", { storageGb: 10 }, [["storageGb", "must be a whole number from 20 to 65536"]]],
            [
                "a ceiling not above the allocated storage",
                { maxStorageGb: 500 },
                [["maxStorageGb", "must be a whole number above storageGb (500) and at most 65536"]],
            ],
            ["backups kept 36 days", { backupRetentionDays: 36 }, [["backupRetentionDays", "must be a whole number from 1 to 35"]]],
            ["no backups", { backupRetentionDays: 0 }, [["backupRetentionDays", "must be a whole number from 1 to 35"]]],
            ["six replicas", { readReplicas: 6 }, [["readReplicas", "must be a whole number from 0 to 5"]]],
            ["PgBouncer as pooling", { connectionPooling: "pgbouncer" as never }, [["connectionPooling", "is not an allowed value"]]],
            [
                "a 20-second monitoring interval",
                { monitoringIntervalSeconds: 20 },
                [["monitoringIntervalSeconds", "is not an allowed value"]],
            ],
            [
                "a Performance Insights retention of 30 days",
                { performanceInsightsRetentionDays: 30 },
                [["performanceInsightsRetentionDays", "is not a retention Performance Insights accepts"]],
            ],
            [
                "a log retention CloudWatch does not offer",
                { logRetentionDays: 10 },
                [["logRetentionDays", "is not a retention CloudWatch Logs accepts"]],
            ],
            [
                "a naming part that is not a segment",
                { naming: { project: "Acme", environment: "prod" } },
                [["naming.project", "is not a name segment"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(args("prod", override)))), expected);
            });
        }

        it("lists every problem at once, before creating anything", async () => {
            const issues = await rejectedIssues(run(args("prod", { storageGb: 5, readReplicas: -1, size: "xl" as never })));
            assert.deepEqual(
                issues.map((i) => i.field),
                ["size", "storageGb", "readReplicas"],
            );
        });
    });
});

import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { cloudSqlFlags, GcpDataServiceAgents, GcpPostgresDatabase, type GcpPostgresDatabaseArgs } from "../../src/index.js";
import { drProfile, gcpFoundation } from "../gcp.js";
import { GCP_BACKUPS_KEY, GCP_DATA_KEY, GCP_NETWORK, GCP_PROJECT, GCP_SECRETS_KEY, protection, synth } from "../helpers.js";

const INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";

function args(extra: Partial<GcpPostgresDatabaseArgs> = {}): GcpPostgresDatabaseArgs {
    return { ...drProfile(), ...gcpFoundation, labels: { team: "platform", environment: "dr" }, ...extra };
}

function run(a: GcpPostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const db = new GcpPostgresDatabase("postgres", a, opts);
        return {
            host: db.host,
            adminSecret: db.adminSecret,
            readerHosts: db.readerHosts,
            connectionName: db.connectionName,
            port: db.port,
        };
    }, "dr");
}

describe("GcpPostgresDatabase", () => {
    it("creates the instance, its database, the administrator and the administrator's secret", async () => {
        const { resources } = await run(args());
        assert.deepEqual(countByType(resources), [
            { type: "gcp:secretmanager/secret:Secret", count: 1 },
            { type: "gcp:secretmanager/secretVersion:SecretVersion", count: 1 },
            { type: "gcp:sql/database:Database", count: 1 },
            { type: INSTANCE, count: 1 },
            { type: "gcp:sql/user:User", count: 1 },
            { type: "platform:data:GcpPostgresDatabase", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
            { type: "random:index/randomPassword:RandomPassword", count: 1 },
        ]);
    });

    it("dr: every input of the instance (REGIONAL, private IP only, TLS, CMEK, backups with PITR, 30 kept, deletion protection)", async () => {
        const { resources } = await run(args());
        assert.deepEqual(findResource(resources, INSTANCE, "postgres-db").inputs, {
            project: GCP_PROJECT,
            region: "us-west1",
            name: "acme-dr-postgres-db",
            databaseVersion: "POSTGRES_17",
            encryptionKeyName: GCP_DATA_KEY,
            deletionProtection: true,
            settings: {
                tier: "db-custom-4-26624",
                edition: "ENTERPRISE",
                availabilityType: "REGIONAL",
                diskType: "PD_SSD",
                diskSize: 500,
                diskAutoresize: true,
                diskAutoresizeLimit: 1000,
                ipConfiguration: {
                    ipv4Enabled: false,
                    privateNetwork: GCP_NETWORK,
                    allocatedIpRange: "acme-dr-network-psa",
                    sslMode: "ENCRYPTED_ONLY",
                    enablePrivatePathForGoogleCloudServices: false,
                },
                backupConfiguration: {
                    enabled: true,
                    startTime: "00:00",
                    pointInTimeRecoveryEnabled: true,
                    transactionLogRetentionDays: 7,
                    backupRetentionSettings: { retainedBackups: 30, retentionUnit: "COUNT" },
                },
                databaseFlags: cloudSqlFlags(),
                insightsConfig: {
                    queryInsightsEnabled: true,
                    queryStringLength: 1024,
                    queryPlansPerMinute: 5,
                    recordApplicationTags: true,
                    recordClientAddress: false,
                },
                maintenanceWindow: { day: 7, hour: 4, updateTrack: "stable" },
                deletionProtectionEnabled: true,
                retainBackupsOnDelete: true,
                finalBackupConfig: { enabled: true, retentionDays: 30 },
                userLabels: { team: "platform", environment: "dr" },
            },
        });
        assert.deepEqual(
            cloudSqlFlags().map((f) => `${f.name}=${f.value}`),
            [
                "cloudsql.iam_authentication=on",
                "log_connections=on",
                "log_disconnections=on",
                "log_statement=ddl",
                "log_min_duration_statement=1000",
                "log_lock_waits=on",
                "log_temp_files=10240",
                "log_checkpoints=on",
                "log_min_error_statement=error",
                "cloudsql.enable_pgaudit=on",
                "pgaudit.log=ddl,role",
            ],
        );
    });

    it("a dev-like instance is ZONAL without PITR, deletion protection or a final backup; short retention keeps logs as long", async () => {
        const { resources } = await run(
            args({ highAvailability: false, pointInTimeRecovery: false, deletionProtection: false, backupRetentionDays: 3, size: "small" }),
        );
        const settings = findResource(resources, INSTANCE, "postgres-db").inputs["settings"] as Record<string, unknown>;
        assert.deepEqual(
            [
                settings["availabilityType"],
                settings["tier"],
                settings["deletionProtectionEnabled"],
                settings["retainBackupsOnDelete"],
                settings["finalBackupConfig"],
            ],
            ["ZONAL", "db-custom-2-7680", false, false, undefined],
        );
        assert.deepEqual(settings["backupConfiguration"], {
            enabled: true,
            startTime: "00:00",
            pointInTimeRecoveryEnabled: false,
            transactionLogRetentionDays: 3,
            backupRetentionSettings: { retainedBackups: 3, retentionUnit: "COUNT" },
        });
    });

    it("the administrator's password is generated, a secret in state, and kept in Secret Manager with the secrets key", async () => {
        const { resources, outputs } = await run(args());
        const user = findResource(resources, "gcp:sql/user:User", "postgres-admin");
        assert.deepEqual(user.secretInputs, ["password"]);
        assert.deepEqual(
            [user.inputs["name"], user.inputs["instance"], user.inputs["type"]],
            ["dbadmin", "acme-dr-postgres-db", "BUILT_IN"],
        );
        assert.deepEqual(findResource(resources, "gcp:secretmanager/secret:Secret", "postgres-admin").inputs, {
            project: GCP_PROJECT,
            secretId: "acme-dr-postgres-admin",
            replication: {
                userManaged: { replicas: [{ location: "us-west1", customerManagedEncryption: { kmsKeyName: GCP_SECRETS_KEY } }] },
            },
            deletionProtection: true,
        });
        const version = findResource(resources, "gcp:secretmanager/secretVersion:SecretVersion", "postgres-admin");
        assert.deepEqual(version.secretInputs, ["secretData"]);
        const document = JSON.parse(String(version.inputs["secretData"])) as Record<string, unknown>;
        assert.deepEqual(Object.keys(document), ["username", "password", "host", "port", "dbname"]);
        assert.equal(document["password"], user.inputs["password"]);
        assert.deepEqual(findResource(resources, "random:index/randomPassword:RandomPassword", "postgres-admin-password").inputs, {
            length: 32,
            special: true,
            overrideSpecial: "-_.~!#%^*+=",
            minSpecial: 1,
            minUpper: 1,
            minLower: 1,
            minNumeric: 1,
        });
        assert.equal(outputs["adminSecret"], "projects/acme-dr-prod/secrets/acme-dr-postgres-admin");
        assert.doesNotMatch(JSON.stringify(outputs), new RegExp(String(document["password"]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    });

    it("read replicas follow the primary, ZONAL, without backups of their own", async () => {
        const { resources, outputs } = await run(args({ readReplicas: 2 }));
        const replicas = ofType(resources, INSTANCE).filter((r) => r.name !== "postgres-db");
        assert.deepEqual(
            replicas.map((r) => {
                const s = r.inputs["settings"] as Record<string, unknown>;
                return [
                    r.inputs["name"],
                    r.inputs["masterInstanceName"],
                    s["availabilityType"],
                    s["backupConfiguration"],
                    r.inputs["encryptionKeyName"],
                ];
            }),
            [1, 2].map((i) => [`acme-dr-postgres-replica-${i}`, "acme-dr-postgres-db", "ZONAL", { enabled: false }, GCP_DATA_KEY]),
        );
        assert.equal((outputs["readerHosts"] as string[]).length, 2);
    });

    it("every child waits for the CMEK grants of the service agents the stack passes as dependsOn", async () => {
        const { resources } = await synth(() => {
            const agents = new GcpDataServiceAgents("data-agents", {
                naming: { project: "acme", environment: "dr" },
                project: GCP_PROJECT,
                dataKmsKeyName: GCP_DATA_KEY,
                secretsKmsKeyName: GCP_SECRETS_KEY,
                backupsKmsKeyName: GCP_BACKUPS_KEY,
            });
            new GcpPostgresDatabase("postgres", args(), { dependsOn: [agents] });
        }, "dr");
        const grant = findResource(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "data-agents-cloud-sql-data-key");
        const children = resources.filter((r) => r.custom && r.parent?.endsWith("::postgres"));
        assert.equal(children.length, 6);
        assert.deepEqual(
            children.filter((r) => !r.dependencies.includes(grant.urn)).map((r) => r.name),
            [],
        );
    });

    it("protect: true protects everything; the instances, the database and the secret are retained", async () => {
        const { resources } = await run(args({ readReplicas: 1 }), { protect: true });
        const lines = protection(resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            [
                "postgres-admin gcp:secretmanager/secret:Secret protect=true retain=true",
                "postgres-app gcp:sql/database:Database protect=true retain=true",
                "postgres-db gcp:sql/databaseInstance:DatabaseInstance protect=true retain=true",
                "postgres-replica-1 gcp:sql/databaseInstance:DatabaseInstance protect=true retain=true",
            ],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
        const open = await run(args());
        assert.deepEqual(
            open.resources.filter((r) => r.protect || r.retainOnDelete),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<GcpPostgresDatabaseArgs>, Array<[string, string]>]> = [
            [
                "a project id with capitals",
                { project: "Acme-DR" },
                [["project", "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)"]],
            ],
            ["an AWS region", { region: "us-east-1" }, [["region", "is not a GCP region"]]],
            ["a reserved database name", { databaseName: "template1" }, [["databaseName", "is reserved by Postgres or the cloud service"]]],
            [
                "a Cloud SQL reserved administrator",
                { adminUsername: "cloudsqladmin" },
                [["adminUsername", "is reserved by Postgres or the cloud service"]],
            ],
            ["a fractional disk", { storageGb: 100.5 }, [["storageGb", "must be a whole number from 20 to 65536"]]],
            [
                "a ceiling above 64 TB",
                { maxStorageGb: 70000 },
                [["maxStorageGb", "must be a whole number above storageGb (500) and at most 65536"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(args(override)))), expected);
            });
        }
    });
});

describe("GcpDataServiceAgents", () => {
    const agentArgs = {
        naming: { project: "acme", environment: "dr" },
        project: GCP_PROJECT,
        dataKmsKeyName: GCP_DATA_KEY,
        secretsKmsKeyName: GCP_SECRETS_KEY,
        backupsKmsKeyName: GCP_BACKUPS_KEY,
    };

    it("creates the Cloud SQL, Memorystore, Pub/Sub and Secret Manager agents and grants each agent its key, Cloud Storage the backups key", async () => {
        const { resources, outputs } = await synth(() => {
            const agents = new GcpDataServiceAgents("data-agents", agentArgs);
            return { emails: agents.emails };
        }, "dr");
        assert.deepEqual(
            ofType(resources, "gcp:projects/serviceIdentity:ServiceIdentity").map((r) => r.inputs),
            ["sqladmin", "redis", "pubsub", "secretmanager"].map((s) => ({ project: GCP_PROJECT, service: `${s}.googleapis.com` })),
        );
        assert.deepEqual(
            ofType(resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")
                .map((r) => `${String(r.inputs["cryptoKeyId"]).split("/").pop()} ${String(r.inputs["role"])} ${String(r.inputs["member"])}`)
                .sort(),
            [
                "acme-dr-kms-backups roles/cloudkms.cryptoKeyEncrypterDecrypter serviceAccount:service-123456789012@gs-project-accounts.iam.gserviceaccount.com",
                "acme-dr-kms-data roles/cloudkms.cryptoKeyEncrypterDecrypter serviceAccount:service-123456789012@cloud-redis.iam.gserviceaccount.com",
                "acme-dr-kms-data roles/cloudkms.cryptoKeyEncrypterDecrypter serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
                "acme-dr-kms-data roles/cloudkms.cryptoKeyEncrypterDecrypter serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com",
                "acme-dr-kms-secrets roles/cloudkms.cryptoKeyEncrypterDecrypter serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com",
            ],
        );
        assert.deepEqual(Object.keys(outputs["emails"] as object), ["cloudSql", "memorystore", "pubsub", "secretManager", "storage"]);
    });

    it("rejects a bad project", async () => {
        assert.deepEqual(
            fieldsAndProblems(await rejectedIssues(synth(() => new GcpDataServiceAgents("data-agents", { ...agentArgs, project: "x" })))),
            [["project", "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)"]],
        );
    });
});

import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, rejectedIssues } from "@platform/synth";
import { GcpRedisCache, type GcpRedisCacheArgs } from "../../src/index.js";
import { drProfile, gcpFoundation } from "../gcp.js";
import { GCP_DATA_KEY, GCP_NETWORK, GCP_PROJECT, GCP_SECRETS_KEY, protection, synth } from "../helpers.js";

const INSTANCE = "gcp:redis/instance:Instance";

function args(extra: Partial<GcpRedisCacheArgs> = {}): GcpRedisCacheArgs {
    const p = drProfile();
    return {
        naming: p.naming,
        size: p.size,
        highAvailability: p.highAvailability,
        deletionProtection: p.deletionProtection,
        ...gcpFoundation,
        ...extra,
    };
}

function run(a: GcpRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const cache = new GcpRedisCache("redis", a, opts);
        return { host: cache.host, port: cache.port, authSecret: cache.authSecret };
    }, "dr");
}

describe("GcpRedisCache", () => {
    it("dr: a STANDARD_HA instance with TLS, AUTH, CMEK, private service access, hourly RDB snapshots and deletion protection", async () => {
        const { resources } = await run(args());
        assert.deepEqual(countByType(resources), [
            { type: INSTANCE, count: 1 },
            { type: "gcp:secretmanager/secret:Secret", count: 1 },
            { type: "gcp:secretmanager/secretVersion:SecretVersion", count: 1 },
            { type: "platform:data:GcpRedisCache", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(findResource(resources, INSTANCE, "redis-cache").inputs, {
            project: GCP_PROJECT,
            region: "us-west1",
            name: "acme-dr-redis-cache",
            displayName: "Redis for acme-dr-redis",
            tier: "STANDARD_HA",
            memorySizeGb: 10,
            redisVersion: "REDIS_7_2",
            locationId: "us-west1-a",
            alternativeLocationId: "us-west1-b",
            authorizedNetwork: GCP_NETWORK,
            connectMode: "PRIVATE_SERVICE_ACCESS",
            reservedIpRange: "acme-dr-network-psa",
            authEnabled: true,
            transitEncryptionMode: "SERVER_AUTHENTICATION",
            customerManagedKey: GCP_DATA_KEY,
            persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "ONE_HOUR" },
            maintenancePolicy: { weeklyMaintenanceWindows: [{ day: "SUNDAY", startTime: { hours: 5, minutes: 0 } }] },
            deletionProtection: true,
            labels: {},
        });
    });

    it("without high availability: BASIC in one zone, no deletion protection", async () => {
        const inputs = findResource(
            (await run(args({ highAvailability: false, deletionProtection: false, size: "small" }))).resources,
            INSTANCE,
            "redis-cache",
        ).inputs;
        assert.deepEqual(
            [inputs["tier"], inputs["alternativeLocationId"], inputs["deletionProtection"], inputs["memorySizeGb"]],
            ["BASIC", undefined, false, 1],
        );
    });

    it("the AUTH string Memorystore generates is kept, with host, port and CA, in Secret Manager; never an output", async () => {
        const { resources, outputs } = await run(args());
        const instance = findResource(resources, INSTANCE, "redis-cache");
        const version = findResource(resources, "gcp:secretmanager/secretVersion:SecretVersion", "redis-auth");
        assert.deepEqual(version.secretInputs, ["secretData"]);
        const document = JSON.parse(String(version.inputs["secretData"])) as Record<string, unknown>;
        assert.deepEqual(document, {
            authToken: instance.outputs["authString"],
            host: instance.outputs["host"],
            port: 6378,
            tls: true,
            caCertificates: (instance.outputs["serverCaCerts"] as Array<{ cert: string }>).map((c) => c.cert),
        });
        assert.deepEqual(findResource(resources, "gcp:secretmanager/secret:Secret", "redis-auth").inputs, {
            project: GCP_PROJECT,
            secretId: "acme-dr-redis-auth",
            replication: {
                userManaged: { replicas: [{ location: "us-west1", customerManagedEncryption: { kmsKeyName: GCP_SECRETS_KEY } }] },
            },
            deletionProtection: true,
        });
        assert.deepEqual(outputs, {
            host: instance.outputs["host"],
            port: 6378,
            authSecret: "projects/acme-dr-prod/secrets/acme-dr-redis-auth",
        });
    });

    it("protect: true protects the instance and secret and retains them", async () => {
        assert.deepEqual(protection((await run(args(), { protect: true })).resources), [
            "redis-auth gcp:secretmanager/secret:Secret protect=true retain=true",
            "redis-auth gcp:secretmanager/secretVersion:SecretVersion protect=true retain=false",
            "redis-cache gcp:redis/instance:Instance protect=true retain=true",
        ]);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<GcpRedisCacheArgs>, Array<[string, string]>]> = [
            ["an unknown size", { size: "xl" as never }, [["size", "is not an allowed value"]]],
            ["an AWS region", { region: "us-west-2" }, [["region", "is not a GCP region"]]],
            [
                "a bad project",
                { project: "p" },
                [["project", "is not a GCP project id (6-30 lowercase letters, digits and hyphens, starting with a letter)"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(args(override)))), expected);
            });
        }
    });
});

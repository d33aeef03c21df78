/**
 * The data layer on the real engine: foundation, cluster then data `up` on the simulated cloud (the
 * data stack reading the foundation and the cluster through stack references the file backend
 * resolves), the cluster's nodes admitted to the data services, Velero's pinned Helm release on the
 * data layer's Kubernetes provider (the simulated kubernetes plugin records a release without
 * rendering its chart), a no-change preview, no secret in clear in the stack's state or outputs,
 * then destroy in reverse order.
 */
import * as assert from "node:assert/strict";
import { discoverProjects } from "@platform/automation";
import { VELERO_CHART } from "@platform/data";
import { simulateResource } from "@platform/synth";
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { REPO_ROOT } from "../paths.js";
import { useSimulatedEngine } from "./harness.js";

interface StateResource {
    readonly type: string;
    readonly urn: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

/** The key Pulumi marks a secret value with in state (`ciphertext` as stored, `plaintext` once decrypted). */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

async function deployment(stack: Stack): Promise<StateResource[]> {
    const state = (await stack.exportStack()) as { deployment: { resources?: StateResource[] } };
    return state.deployment.resources ?? [];
}

/** The data stack's resources in dev (`platform synth --env dev`), stack references excepted. */
const EXPECTED_DATA_RESOURCES = 66;

function isSecret(value: unknown): boolean {
    return typeof value === "object" && value !== null && SECRET_SIGNATURE in value;
}

describe("the data layer on the real engine (simulated cloud)", function () {
    this.timeout(600_000);
    const { stage, pulumi } = useSimulatedEngine();
    const project = (name: string) => {
        const found = discoverProjects(REPO_ROOT).find((p) => p.name === name);
        assert.ok(found, `project ${name}`);
        return found;
    };

    it("dev: foundation, cluster then data up through the file backend, a clean preview, no secret in clear, destroy in reverse", async () => {
        const { stack: foundation } = await stage(project("foundation"), "dev");
        const { stack: cluster } = await stage(project("cluster"), "dev");
        const { stack: data, workDir: dataDir } = await stage(project("data"), "dev");

        const foundationUp = await foundation.up({ color: "never" });
        assert.equal(foundationUp.summary.result, "succeeded");
        const clusterUp = await cluster.up({ color: "never" });
        assert.equal(clusterUp.summary.result, "succeeded");
        const dataUp = await data.up({ color: "never" });
        assert.equal(dataUp.summary.result, "succeeded");
        // Every resource of the data stack in `platform synth --env dev` but the two stack references (reads).
        const created = dataUp.summary.resourceChanges?.["create"] ?? 0;
        assert.equal(created, EXPECTED_DATA_RESOURCES);

        // The stack reference came through the backend: the database sits in the foundation's isolated subnets.
        const foundationOutputs = await foundation.outputs();
        const state = await deployment(data);
        const subnetGroup = state.find((r) => r.type === "aws:rds/subnetGroup:SubnetGroup");
        assert.deepEqual(subnetGroup?.inputs?.["subnetIds"], foundationOutputs["isolatedSubnetIds"]?.value);
        const keyArns = foundationOutputs["kmsKeyArns"]?.value as Record<string, string>;
        const db = state.find((r) => r.type === "aws:rds/instance:Instance");
        assert.deepEqual([db?.inputs?.["kmsKeyId"], db?.inputs?.["masterUserSecretKmsKeyId"]], [keyArns["data"], keyArns["secrets"]]);

        // And the cluster's: its nodes' security group reaches Postgres, Redis and RabbitMQ (dev has no proxy;
        // the group's id is no secret, though the cluster's kubeconfig is),
        // Velero's Pod Identity association is in its cluster, and its release is the pinned chart, deployed.
        const clusterOutputs = await cluster.outputs();
        const nodeSg = String(clusterOutputs["nodeSecurityGroupId"]?.value);
        assert.deepEqual(
            state
                .filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter((r) => r.inputs?.["referencedSecurityGroupId"] === nodeSg)
                .map((r) => `${r.urn.split("::").pop()}:${String(r.inputs?.["fromPort"])}`)
                .sort(),
            ["postgres-db-from-1:5432", "rabbitmq-broker-from-1-443:443", "rabbitmq-broker-from-1-5671:5671", "redis-cache-from-1:6379"],
        );
        const identity = state.find((r) => r.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation");
        assert.deepEqual(
            [identity?.inputs?.["clusterName"], identity?.inputs?.["namespace"], identity?.inputs?.["serviceAccount"]],
            [clusterOutputs["clusterName"]?.value, "velero", "velero"],
        );
        const release = state.find((r) => r.type === "kubernetes:helm.sh/v3:Release");
        const status = release?.outputs?.["status"] as Record<string, unknown> | undefined;
        assert.deepEqual(
            [release?.inputs?.["chart"], release?.inputs?.["version"], status?.["status"], status?.["namespace"]],
            [VELERO_CHART.name, VELERO_CHART.version, "deployed", "velero"],
        );
        assert.equal((await data.outputs())["volumeStorageClass"]?.value, clusterOutputs["defaultStorageClass"]?.value);
        const k8sProvider = state.find((r) => r.type === "pulumi:providers:kubernetes");
        assert.equal(k8sProvider?.urn.split("::").pop(), "acme-dev-data-k8s");

        // The contract, with references to the secret stores and no secret value.
        const outputs = await data.outputs();
        const postgres = outputs["postgres"]?.value as Record<string, unknown>;
        assert.match(String(postgres["host"]), /^acme-dev-postgres-db\.c[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/);
        assert.match(String(postgres["adminSecret"]), /^arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-/);
        const redis = outputs["redis"]?.value as Record<string, unknown>;
        assert.match(String(redis["authSecret"]), /^arn:aws:secretsmanager:us-east-1:111111111111:secret:acme-dev-redis-auth-[0-9a-f]{6}$/);
        const backups = outputs["backups"]?.value as Record<string, unknown>;
        assert.equal(backups["bucketName"], "acme-dev-backups-111111111111-us-east-1-an");
        assert.deepEqual(backups["selectionTag"], { key: "backup-plan", value: "acme-dev-backup-plan" });
        assert.equal(
            (outputs["queue"]?.value as Record<string, unknown>)["url"],
            "https://sqs.us-east-1.amazonaws.com/111111111111/acme-dev-jobs-queue",
        );
        assert.deepEqual(
            Object.entries(outputs)
                .filter(([, o]) => o.secret)
                .map(([k]) => k),
            [],
        );

        // No secret in clear in the state: `pulumi stack export` (without --show-secrets: the state as
        // stored) has every generated value as ciphertext, wherever it went. The Automation API's
        // exportStack decrypts, so it serves only to find the values to look for.
        const passwords = state.filter((r) => r.type === "random:index/randomPassword:RandomPassword");
        assert.deepEqual(passwords.map((p) => p.urn.split("::").pop()).sort(), ["rabbitmq-admin-password", "redis-auth-password"]);
        const exported = await pulumi(dataDir, ["stack", "export", "--stack", "dev"]);
        assert.equal(exported.code, 0, exported.output);
        const stored = (JSON.parse(exported.output) as { deployment: { resources: StateResource[] } }).deployment.resources;
        const storedText = exported.output;
        for (const password of passwords) {
            const plain = password.outputs?.["result"];
            assert.ok(isSecret(plain), `${password.urn} result is a secret`);
            const value = JSON.parse(String((plain as Record<string, unknown>)["plaintext"])) as string;
            assert.equal(value.length, Number(password.inputs?.["length"]));
            // The simulated value is derived from the resource: the model computes the same one.
            assert.equal(
                value,
                simulateResource({ type: password.type, name: password.urn.split("::").pop() ?? "", inputs: password.inputs ?? {} }).state[
                    "result"
                ],
            );
            assert.ok(
                !storedText.includes(value) && !storedText.includes(JSON.stringify(value).slice(1, -1)),
                `${password.urn}'s value is stored in clear`,
            );
        }
        const storedOf = (type: string) => stored.filter((r) => r.type === type);
        const ciphertext = (value: unknown) => isSecret(value) && typeof (value as Record<string, unknown>)["ciphertext"] === "string";
        const cache = storedOf("aws:elasticache/replicationGroup:ReplicationGroup")[0];
        assert.ok(ciphertext(cache?.inputs?.["authToken"]) && ciphertext(cache?.outputs?.["authToken"]));
        const broker = storedOf("aws:mq/broker:Broker")[0];
        assert.ok(ciphertext(broker?.inputs?.["users"]) && ciphertext(broker?.outputs?.["users"]));
        const versions = storedOf("aws:secretsmanager/secretVersion:SecretVersion");
        assert.equal(versions.length, 2);
        for (const version of versions) {
            assert.ok(ciphertext(version.inputs?.["secretString"]) && ciphertext(version.outputs?.["secretString"]), version.urn);
        }
        for (const password of storedOf("random:index/randomPassword:RandomPassword")) {
            assert.ok(ciphertext(password.outputs?.["result"]) && ciphertext(password.outputs?.["bcryptHash"]), password.urn);
        }

        const preview = await data.preview({ color: "never" });
        assert.deepEqual(Object.keys(preview.changeSummary), ["same"]);

        const dataDown = await data.destroy({ color: "never" });
        assert.equal(dataDown.summary.result, "succeeded");
        assert.equal(dataDown.summary.resourceChanges?.["delete"], created);
        const clusterDown = await cluster.destroy({ color: "never" });
        assert.equal(clusterDown.summary.result, "succeeded");
        assert.equal(clusterDown.summary.resourceChanges?.["delete"], clusterUp.summary.resourceChanges?.["create"]);
        const foundationDown = await foundation.destroy({ color: "never" });
        assert.equal(foundationDown.summary.result, "succeeded");
        assert.equal(foundationDown.summary.resourceChanges?.["delete"], foundationUp.summary.resourceChanges?.["create"]);
    });
});

import * as assert from "node:assert/strict";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import { at, type InventoryResource } from "@platform/synth";
import { EDGE_HEALTH_PATH } from "@platform/network";
import { REPO_ROOT } from "./paths.js";

// docs/dr.md, the runbook for switching prod to the GCP dr environment and back: what it names must
// exist in the synthesized environments, with the settings it states.
const results = new Map<string, Promise<EnvironmentSynthesis>>();
function synth(env: string): Promise<EnvironmentSynthesis> {
    const cached = results.get(env) ?? synthesizeEnvironment({ root: REPO_ROOT, env });
    results.set(env, cached);
    return cached;
}
function stack(result: EnvironmentSynthesis, project: string) {
    const found = result.stacks.find((s) => s.project === project);
    assert.ok(found, project);
    return found;
}
function only(resources: readonly InventoryResource[], type: string, name?: string): InventoryResource {
    const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    assert.equal(found.length, 1, `${type} ${name ?? ""}: ${found.length}`);
    return found[0];
}

describe("disaster recovery (docs/dr.md): the dr environment has what the runbook uses", () => {
    it("the regional GKE cluster, with deletion protection", async () => {
        const cluster = only(stack(await synth("dr"), "cluster").resources, "gcp:container/cluster:Cluster");
        assert.deepEqual([cluster.inputs["location"], cluster.inputs["deletionProtection"], cluster.protect], ["us-west1", true, true]);
    });

    it("the data stores the applications restore into: regional Cloud SQL with PITR, Memorystore, the backup bucket with Velero", async () => {
        const data = stack(await synth("dr"), "data").resources;
        const sql = only(data, "gcp:sql/databaseInstance:DatabaseInstance");
        assert.deepEqual(
            [
                at(sql.inputs, "settings", "availabilityType"),
                at(sql.inputs, "settings", "backupConfiguration", "pointInTimeRecoveryEnabled"),
                at(sql.inputs, "settings", "backupConfiguration", "backupRetentionSettings", "retainedBackups"),
                sql.inputs["deletionProtection"],
            ],
            ["REGIONAL", true, 30, true],
        );
        only(data, "gcp:redis/instance:Instance");
        only(data, "gcp:storage/bucket:Bucket");
        only(data, "kubernetes:helm.sh/v3:Release", "velero-release");
    });

    it("the daily copy of prod's S3 backups into the dr bucket under aws-prod/, from prod's real bucket name", async () => {
        const prodBackups = stack(await synth("prod"), "data").outputs["backups"] as { bucketName: string };
        const dr = stack(await synth("dr"), "data");
        const job = only(dr.resources, "gcp:storage/transferJob:TransferJob");
        const drBucket = (dr.outputs["backups"] as { bucketName: string }).bucketName;
        assert.deepEqual(
            [
                at(job.inputs, "transferSpec", "awsS3DataSource", "bucketName"),
                at(job.inputs, "transferSpec", "gcsDataSink", "bucketName"),
                at(job.inputs, "transferSpec", "gcsDataSink", "path"),
                at(job.inputs, "schedule", "startTimeOfDay", "hours"),
            ],
            [prodBackups.bucketName, drBucket, "aws-prod/", 4],
        );
    });

    it("the reserved public address: the public edge's global address, external, protected and retained, exported as publicAddress", async () => {
        const platform = stack(await synth("dr"), "platform-addons");
        assert.equal(platform.resources.filter((r) => r.type === "gcp:compute/address:Address").length, 0, "no regional address any more");
        const address = only(platform.resources, "gcp:compute/globalAddress:GlobalAddress");
        assert.deepEqual(
            [address.inputs["addressType"], address.inputs["ipVersion"], address.protect, address.retainOnDelete],
            ["EXTERNAL", "IPV4", true, true],
        );
        const reserved = address.outputs["address"];
        assert.match(String(reserved), /^34\.\d+\.\d+\.\d+$/);
        assert.equal(platform.outputs["publicAddress"], reserved);
        assert.equal(platform.outputs["failover"], null);
        // ingress-nginx no longer holds the entry point: its load balancer takes an ephemeral address.
        const nginx = only(platform.resources, "kubernetes:helm.sh/v3:Release", "ingress-nginx-release");
        assert.equal(at(nginx.inputs, "values", "controller", "service", "loadBalancerIP"), undefined);
    });

    it("the Gateway serves the failover name on that address, behind Cloud Armor and the TLS 1.2 policy, with the DNS-authorized certificate", async () => {
        const platform = stack(await synth("dr"), "platform-addons");
        const address = only(platform.resources, "gcp:compute/globalAddress:GlobalAddress");
        const map = only(platform.resources, "gcp:certificatemanager/certificateMap:CertificateMap");
        const armor = only(platform.resources, "gcp:compute/securityPolicy:SecurityPolicy");
        const tls = only(platform.resources, "gcp:compute/sSLPolicy:SSLPolicy");
        const cert = only(platform.resources, "gcp:certificatemanager/certificate:Certificate");
        assert.deepEqual(at(cert.inputs, "managed", "domains"), ["app.acme.example.com"]);
        // The names the runbook's commands use.
        assert.deepEqual([address.inputs["name"], cert.inputs["name"]], ["acme-dr-edge-address", "acme-dr-edge-certificate"]);
        const kind = (k: string) =>
            platform.resources.filter(
                (r) =>
                    r.inputs["kind"] === k && String(r.inputs["apiVersion"]).match(/^(gateway\.networking\.k8s\.io|networking\.gke\.io)\//),
            );
        const [gateway] = kind("Gateway");
        assert.deepEqual(
            [at(gateway?.inputs, "spec", "addresses"), at(gateway?.inputs, "metadata", "annotations", "networking.gke.io/certmap")],
            [[{ type: "NamedAddress", value: address.outputs["name"] }], map.outputs["name"]],
        );
        assert.equal(at(kind("GCPBackendPolicy")[0]?.inputs, "spec", "default", "securityPolicy"), armor.outputs["name"]);
        assert.equal(at(kind("GCPGatewayPolicy")[0]?.inputs, "spec", "default", "sslPolicy"), tls.outputs["name"]);
        // Google's health checkers may reach the port the HealthCheckPolicy probes (the foundation's firewall).
        const probe = at(kind("HealthCheckPolicy")[0]?.inputs, "spec", "default", "config", "httpHealthCheck", "port");
        const firewall = stack(await synth("dr"), "foundation").resources.find(
            (r) => r.type === "gcp:compute/firewall:Firewall" && String(r.inputs["name"]).endsWith("allow-health-checks"),
        );
        assert.deepEqual(at(firewall?.inputs, "sourceRanges"), ["35.191.0.0/16", "130.211.0.0/22"]);
        assert.ok(
            (at(firewall?.inputs, "allows", 0, "ports") as string[]).includes(String(probe)),
            `health checks may reach ${String(probe)}`,
        );
        const lb = platform.outputs["publicLoadBalancer"] as { address: string; hostnames: string[]; dnsAuthorizations: unknown[] };
        assert.deepEqual(
            [lb.address, lb.hostnames, lb.dnsAuthorizations.length],
            [address.outputs["address"], ["app.acme.example.com"], 1],
        );
    });
});

describe("disaster recovery (docs/dr.md): prod fails over to the dr address", () => {
    it("one HTTPS health check on the primary, the platform's public edge: the path its ALB answers itself, on 443, 3 failures, every 30 s, with SNI", async () => {
        const platform = stack(await synth("prod"), "platform-addons");
        const check = only(platform.resources, "aws:route53/healthCheck:HealthCheck");
        const alb = only(platform.resources, "aws:lb/loadBalancer:LoadBalancer");
        assert.deepEqual(
            ["type", "fqdn", "port", "resourcePath", "failureThreshold", "requestInterval", "enableSni"].map((k) => check.inputs[k]),
            ["HTTPS", alb.outputs["dnsName"], 443, EDGE_HEALTH_PATH, 3, 30, true],
        );
        assert.equal(check.protect, true);
        // The ALB answers that path itself (200), on its HTTPS listener, before any forwarding rule.
        const rule = only(platform.resources, "aws:lb/listenerRule:ListenerRule");
        assert.deepEqual(
            [rule.inputs["priority"], rule.inputs["conditions"], rule.inputs["actions"]],
            [
                1,
                [{ pathPattern: { values: [EDGE_HEALTH_PATH] } }],
                [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200", messageBody: "ok" } }],
            ],
        );
    });

    it("app.acme.example.com: PRIMARY alias to the public edge's ALB with the check, SECONDARY A record on the dr environment's reserved address", async () => {
        const prod = stack(await synth("prod"), "platform-addons");
        const foundation = stack(await synth("prod"), "foundation");
        const zoneId = (foundation.outputs["dns"] as { publicZoneId: string }).publicZoneId;
        const check = only(prod.resources, "aws:route53/healthCheck:HealthCheck");
        const alb = only(prod.resources, "aws:lb/loadBalancer:LoadBalancer");
        const primary = only(prod.resources, "aws:route53/record:Record", "failover-primary");
        const secondary = only(prod.resources, "aws:route53/record:Record", "failover-secondary");
        const drAddress = stack(await synth("dr"), "platform-addons").outputs["publicAddress"];
        const fields = ["zoneId", "name", "type", "setIdentifier", "failoverRoutingPolicies", "healthCheckId", "aliases", "records", "ttl"];
        assert.deepEqual(
            fields.map((k) => primary.inputs[k]),
            [
                zoneId,
                "app.acme.example.com",
                "A",
                "primary",
                [{ type: "PRIMARY" }],
                check.id,
                [{ name: alb.outputs["dnsName"], zoneId: alb.outputs["zoneId"], evaluateTargetHealth: true }],
                undefined,
                undefined,
            ],
        );
        assert.deepEqual(
            fields.map((k) => secondary.inputs[k]),
            [zoneId, "app.acme.example.com", "A", "secondary", [{ type: "SECONDARY" }], undefined, undefined, [drAddress], 60],
        );
        assert.deepEqual(prod.outputs["failover"], { hostname: "app.acme.example.com", healthCheckId: check.id });
    });

    it("prod's zone carries dr's certificate authorization exactly as dr reports it, so dr can serve the name before a failover", async () => {
        const prod = stack(await synth("prod"), "platform-addons");
        const cname = only(prod.resources, "aws:route53/record:Record", "failover-secondary-authorization-1");
        const lb = stack(await synth("dr"), "platform-addons").outputs["publicLoadBalancer"] as {
            dnsAuthorizations: Array<{ recordName: string; recordData: string }>;
        };
        const [auth] = lb.dnsAuthorizations;
        assert.deepEqual(
            [cname.inputs["name"], cname.inputs["type"], cname.inputs["records"]],
            [auth?.recordName, "CNAME", [auth?.recordData]],
        );
    });

    it("only prod fails over: dev and staging have no failover records", async () => {
        for (const env of ["dev", "staging"]) {
            const resources = stack(await synth(env), "platform-addons").resources;
            assert.deepEqual(
                resources
                    .filter(
                        (r) =>
                            r.type === "aws:route53/healthCheck:HealthCheck" ||
                            (r.type === "aws:route53/record:Record" && r.name.startsWith("failover-")),
                    )
                    .map((r) => r.type),
                [],
                env,
            );
        }
    });
});

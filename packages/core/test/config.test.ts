import * as assert from "node:assert/strict";
import { synthesize } from "@platform/synth";
import { type ConfigIssue, ConfigValidationError, loadPlatformSettings, parsePlatformConfig } from "../src/index.js";

const valid = {
    environment: "prod",
    project: "acme",
    team: "platform",
    costCenter: "cc-1042",
    network: { cidr: "10.30.0.0/16" },
};

function issuesOf(raw: Record<string, unknown>): ConfigIssue[] {
    try {
        parsePlatformConfig(raw);
    } catch (err) {
        if (err instanceof ConfigValidationError) {
            return [...err.issues];
        }
        throw err;
    }
    assert.fail("expected a ConfigValidationError");
}

describe("config: parsePlatformConfig", () => {
    it("resolves a minimal prod config from the profile", () => {
        const s = parsePlatformConfig(valid);
        assert.equal(s.cloud, "aws");
        assert.equal(s.region, "us-east-1");
        assert.deepEqual(s.network.availabilityZones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        assert.deepEqual(s.network.reservedCidrs, []);
        assert.deepEqual(s.dns, { publicZone: undefined, privateZone: undefined });
        assert.equal(s.profile.network.natGateways, "perAz");
        assert.deepEqual(s.ownership, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
    });

    it("applies validated profile overrides and keeps the rest", () => {
        const s = parsePlatformConfig({
            ...valid,
            environment: "dev",
            profile: { network: { natGateways: "perAz" }, cluster: { nodeCount: 2 } },
        });
        assert.equal(s.profile.network.natGateways, "perAz");
        assert.equal(s.profile.network.availabilityZones, 2);
        assert.equal(s.profile.cluster.nodeCount, 2);
        assert.equal(s.profile.cluster.nodeVcpu, 2);
    });

    it("resolves dr to GCP zones and requires the GCP project", () => {
        const s = parsePlatformConfig({ ...valid, environment: "dr", gcpProject: "acme-dr-prod", network: { cidr: "10.40.0.0/16" } });
        assert.equal(s.cloud, "gcp");
        assert.deepEqual(s.network.availabilityZones, ["us-west1-a", "us-west1-b", "us-west1-c"]);
        assert.deepEqual(issuesOf({ ...valid, environment: "dr", network: { cidr: "10.40.0.0/16" } }), [
            {
                key: "platform:gcpProject",
                value: undefined,
                problem: "required setting is missing",
                fix: "set it to a GCP project id such as acme-dr-prod",
            },
        ]);
    });

    it("reports every missing required key at once", () => {
        assert.deepEqual(
            issuesOf({}).map((i) => i.key),
            ["platform:environment", "platform:project", "platform:team", "platform:costCenter", "platform:network"],
        );
    });

    it("rejects an unknown environment naming the allowed values", () => {
        assert.deepEqual(issuesOf({ ...valid, environment: "production" }), [
            {
                key: "platform:environment",
                value: "production",
                problem: "is not an allowed value",
                fix: "use one of: dev, staging, prod, dr",
            },
        ]);
    });

    it("rejects an unknown cloud", () => {
        assert.deepEqual(issuesOf({ ...valid, cloud: "azure" }), [
            { key: "platform:cloud", value: "azure", problem: "is not an allowed value", fix: "use one of: aws, gcp" },
        ]);
    });

    it("rejects unknown keys at every level (typos)", () => {
        assert.deepEqual(
            issuesOf({
                ...valid,
                netwrok: {},
                network: { cidr: "10.30.0.0/16", natGateway: "single" },
                profile: { cluster: { nodes: 3 } },
            }).map((i) => [i.key, i.problem]),
            [
                ["platform:netwrok", "unknown setting"],
                ["platform:profile.cluster.nodes", "unknown setting"],
                ["platform:network.natGateway", "unknown setting"],
            ],
        );
    });

    it("rejects a malformed CIDR with the reason and an example", () => {
        assert.deepEqual(issuesOf({ ...valid, network: { cidr: "10.30.0.1/16" } }), [
            {
                key: "platform:network.cidr",
                value: "10.30.0.1/16",
                problem: "host bits are set; the network address for /16 is 10.30.0.0/16",
                fix: "write a network address with its prefix, e.g. 10.20.0.0/16",
            },
        ]);
    });

    it("rejects a VPC prefix the subnet plan cannot carve", () => {
        const [issue] = issuesOf({ ...valid, network: { cidr: "10.0.0.0/8" } });
        assert.equal(issue.key, "platform:network.cidr");
        assert.equal(issue.problem, "prefix /8 is outside the supported /16../23 for aws");
    });

    it("rejects overlapping CIDRs naming both keys", () => {
        assert.deepEqual(issuesOf({ ...valid, network: { cidr: "10.30.0.0/16", reservedCidrs: ["10.0.0.0/8"] } }), [
            {
                key: "platform:network.reservedCidrs[0]",
                value: "10.0.0.0/8",
                problem: "overlaps platform:network.cidr (10.30.0.0/16)",
                fix: "choose non-overlapping blocks so routing and peering stay unambiguous",
            },
        ]);
    });

    it("rejects overlapping GCP regional ranges", () => {
        const issues = issuesOf({
            ...valid,
            environment: "dr",
            gcpProject: "acme-dr-prod",
            network: { cidr: "10.40.0.0/16", secondaryRegions: [{ region: "us-east4", cidr: "10.40.128.0/17" }] },
        });
        assert.deepEqual(
            issues.map((i) => [i.key, i.problem]),
            [["platform:network.secondaryRegions[0].cidr", "overlaps platform:network.cidr (10.40.0.0/16)"]],
        );
    });

    it("rejects fewer AZs than the profile needs", () => {
        assert.deepEqual(issuesOf({ ...valid, network: { cidr: "10.30.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] } }), [
            {
                key: "platform:network.availabilityZones",
                value: ["us-east-1a", "us-east-1b"],
                problem: "2 zone(s) listed but the prod profile needs 3",
                fix: "list at least 3 zones, or lower platform:profile.network.availabilityZones",
            },
        ]);
    });

    it("rejects AZs of another region and duplicates", () => {
        assert.equal(
            issuesOf({ ...valid, network: { cidr: "10.30.0.0/16", availabilityZones: ["us-east-1a", "us-west-2b", "us-east-1c"] } })[0]
                .problem,
            "us-west-2b not in region us-east-1",
        );
        assert.equal(
            issuesOf({ ...valid, network: { cidr: "10.30.0.0/16", availabilityZones: ["us-east-1a", "us-east-1a", "us-east-1c"] } })[0]
                .problem,
            "us-east-1a listed twice",
        );
    });

    it("rejects out-of-range and wrongly-typed profile overrides", () => {
        assert.deepEqual(
            issuesOf({
                ...valid,
                profile: { network: { availabilityZones: 5, flowLogRetentionDays: 10 }, data: { highAvailability: "yes" } },
            }).map((i) => [i.key, i.value, i.problem]),
            [
                ["platform:profile.network.availabilityZones", 5, "must be a whole number from 1 to 4"],
                ["platform:profile.network.flowLogRetentionDays", 10, "is not an accepted value"],
                ["platform:profile.data.highAvailability", "yes", "must be true or false"],
            ],
        );
    });

    it("rejects secondaryRegions on aws and gcpProject on aws", () => {
        assert.deepEqual(
            issuesOf({ ...valid, gcpProject: "acme-x-prod", network: { cidr: "10.30.0.0/16", secondaryRegions: [] } }).map((i) => i.key),
            ["platform:gcpProject", "platform:network.secondaryRegions"],
        );
    });

    it("rejects a malformed region, project and domain", () => {
        assert.deepEqual(
            issuesOf({ ...valid, region: "useast1", project: "Acme", dns: { publicZone: "Example.com" } }).map((i) => i.key),
            ["platform:project", "platform:region", "platform:dns.publicZone"],
        );
    });

    it("the error message lists key, value, problem and fix for each issue", () => {
        assert.throws(
            () => parsePlatformConfig({ ...valid, environment: "qa" }),
            (err: Error) =>
                err.message ===
                'Invalid platform configuration (1 problem):\n  - platform:environment = "qa": is not an allowed value. Fix: use one of: dev, staging, prod, dr',
        );
    });
});

describe("config: loadPlatformSettings (engine form)", () => {
    it("reads platform:* keys, decoding JSON mappings and keeping numeric-looking strings as strings", async () => {
        const result = await synthesize({
            project: "p",
            stack: "s",
            config: {
                "platform:environment": "staging",
                "platform:project": "acme",
                "platform:team": "platform",
                "platform:costCenter": "1042",
                "platform:network": JSON.stringify({ cidr: "10.20.0.0/16" }),
                "aws:region": "us-east-1",
            },
            program: () => {
                const s = loadPlatformSettings();
                return { env: s.environment, cc: s.ownership["cost-center"], cidr: s.network.cidr };
            },
        });
        assert.deepEqual(result.outputs, { env: "staging", cc: "1042", cidr: "10.20.0.0/16" });
    });

    it("reports a mapping key given as a plain string", async () => {
        await assert.rejects(
            synthesize({
                project: "p",
                stack: "s",
                config: {
                    "platform:environment": "dev",
                    "platform:project": "acme",
                    "platform:team": "t",
                    "platform:costCenter": "c",
                    "platform:network": "10.0.0.0/16",
                },
                program: () => loadPlatformSettings(),
            }),
            /platform:network = "10.0.0.0\/16": must be an object/,
        );
    });
});

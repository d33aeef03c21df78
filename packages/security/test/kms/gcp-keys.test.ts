import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { describeValue } from "@platform/core";
import { countByType, type InventoryResource, ofType, rejectedIssues, synthesize, type SynthesisResult } from "@platform/synth";
import { GcpKmsKeys, type GcpKmsKeysArgs, KEY_PURPOSES, kmsDuration } from "../../src/index.js";

const RING = "gcp:kms/keyRing:KeyRing";
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const COMPONENT = "platform:security:GcpKmsKeys";
const RING_ID = "projects/acme-dr-prod/locations/us-west1/keyRings/acme-dr-kms-keyring";
const BASE: GcpKmsKeysArgs = {
    project: "acme-dr-prod",
    location: "us-west1",
    naming: { project: "acme", environment: "dr" },
};

function synth(args: GcpKmsKeysArgs, name = "kms", opts?: pulumi.ComponentResourceOptions): Promise<SynthesisResult> {
    return synthesize({
        project: "platform",
        stack: "test",
        program: () => {
            const kms = new GcpKmsKeys(name, args, opts);
            return { keyRingId: kms.keyRingId, keyIds: kms.keyIds, purposes: kms.purposes, keyPurposes: Object.keys(kms.keys) };
        },
    });
}

function key(resources: readonly InventoryResource[], name: string): InventoryResource {
    const found = resources.filter((r) => r.type === KEY && r.name === name);
    assert.equal(found.length, 1, `expected one key named ${name}`);
    return found[0];
}

/** The component rejects `args` with exactly one issue: on `field`, showing `value`, whose problem contains `problem`. */
async function rejectsArgument(args: unknown, field: string, value: string, problem: string): Promise<void> {
    const issues = await rejectedIssues(synth(args as GcpKmsKeysArgs));
    assert.deepEqual(
        issues.map((i) => [i.field, describeValue(i.value)]),
        [[field, value]],
    );
    assert.ok(issues[0].problem.includes(problem), `${issues[0].problem} should contain ${problem}`);
    assert.ok(issues[0].fix.length > 0);
}

describe("kmsDuration", () => {
    it("converts days to a Cloud KMS duration in seconds", () => {
        assert.equal(kmsDuration(90), "7776000s");
        assert.equal(kmsDuration(1), "86400s");
    });
});

describe("GcpKmsKeys", () => {
    it("creates one key ring and one key per purpose by default", async () => {
        const { resources, outputs } = await synth(BASE);
        assert.deepEqual(countByType(resources), [
            { type: KEY, count: 4 },
            { type: RING, count: 1 },
            { type: COMPONENT, count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
        ]);
        assert.deepEqual(outputs["purposes"], [...KEY_PURPOSES]);
        assert.deepEqual(outputs["keyPurposes"], ["logs", "data", "secrets", "backups"]);
    });

    it("creates the ring in the given project and region with a physical name", async () => {
        const { resources } = await synth(BASE);
        assert.deepEqual(ofType(resources, RING)[0].inputs, { project: "acme-dr-prod", location: "us-west1", name: "acme-dr-kms-keyring" });
    });

    it("creates symmetric keys rotating every 90 days with a 30-day destroy window and a purpose label", async () => {
        const { resources } = await synth(BASE);
        assert.deepEqual(key(resources, "kms-data").inputs, {
            name: "acme-dr-kms-data",
            keyRing: RING_ID,
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: "7776000s",
            destroyScheduledDuration: "2592000s",
            versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
            labels: { purpose: "data" },
        });
        for (const k of ofType(resources, KEY)) {
            assert.equal(k.inputs["rotationPeriod"], "7776000s", k.name);
            assert.equal(k.inputs["keyRing"], RING_ID, k.name);
        }
    });

    it("exposes key ids by purpose and the ring id", async () => {
        const { outputs } = await synth(BASE);
        assert.equal(outputs["keyRingId"], RING_ID);
        assert.deepEqual(outputs["keyIds"], {
            logs: `${RING_ID}/cryptoKeys/acme-dr-kms-logs`,
            data: `${RING_ID}/cryptoKeys/acme-dr-kms-data`,
            secrets: `${RING_ID}/cryptoKeys/acme-dr-kms-secrets`,
            backups: `${RING_ID}/cryptoKeys/acme-dr-kms-backups`,
        });
    });

    it("parents every child on the component, names derived from the component name, unprotected without protect", async () => {
        const { resources } = await synth(BASE, "dr-keys");
        const component = resources.find((r) => r.type === COMPONENT);
        assert.ok(component);
        const children = resources.filter((r) => r.custom);
        assert.deepEqual(children.map((c) => c.name).sort(), [
            "dr-keys-backups",
            "dr-keys-data",
            "dr-keys-keyring",
            "dr-keys-logs",
            "dr-keys-secrets",
        ]);
        for (const child of children) {
            assert.equal(child.parent, component.urn, child.urn);
            assert.equal(child.protect, false, child.urn);
            assert.equal(child.retainOnDelete, false, child.urn);
        }
    });

    it("protect through resource options protects and retains the ring and every key", async () => {
        const { resources } = await synth(BASE, "kms", { protect: true });
        const children = resources.filter((r) => r.custom);
        assert.equal(children.length, 5);
        for (const child of children) {
            assert.deepEqual([child.protect, child.retainOnDelete], [true, true], child.urn);
        }
    });

    it("creates only the purposes asked for", async () => {
        const { resources, outputs } = await synth({ ...BASE, purposes: ["secrets", "data"] });
        assert.deepEqual(
            ofType(resources, KEY)
                .map((k) => k.name)
                .sort(),
            ["kms-data", "kms-secrets"],
        );
        assert.deepEqual(outputs["keyPurposes"], ["secrets", "data"]);
        assert.deepEqual(Object.keys(outputs["keyIds"] as object), ["secrets", "data"]);
    });

    it("uses the rotation period given, in seconds", async () => {
        const { resources } = await synth({ ...BASE, rotationPeriodDays: 30, purposes: ["logs"] });
        assert.equal(key(resources, "kms-logs").inputs["rotationPeriod"], "2592000s");
    });

    it("adds extra labels, sanitized to GCP label rules, with purpose always set", async () => {
        const { resources } = await synth({ ...BASE, purposes: ["backups"], labels: { "Data Class": "Restricted", purpose: "other" } });
        assert.deepEqual(key(resources, "kms-backups").inputs["labels"], { data_class: "restricted", purpose: "backups" });
    });

    describe("bad arguments", () => {
        it("a project that is not a GCP project id", async () => {
            await rejectsArgument({ ...BASE, project: "my_project" }, "project", '"my_project"', "is not a GCP project id");
        });

        it("a location that is not a region", async () => {
            await rejectsArgument(
                { ...BASE, location: "global" },
                "location",
                '"global"',
                "is not the region of the resources the keys encrypt",
            );
        });

        it("a naming part that is not a name segment", async () => {
            await rejectsArgument(
                { ...BASE, naming: { project: "acme--x", environment: "dr" } },
                "naming.project",
                '"acme--x"',
                "not a name segment",
            );
        });

        it("a missing naming environment", async () => {
            await rejectsArgument({ ...BASE, naming: { project: "acme" } }, "naming.environment", "(unset)", "not a name segment");
        });

        it("an empty purpose list", async () => {
            await rejectsArgument({ ...BASE, purposes: [] }, "purposes", "[]", "no key purpose given");
        });

        it("an unknown purpose", async () => {
            await rejectsArgument({ ...BASE, purposes: ["data", "tokens"] }, "purposes", '["data","tokens"]', "unknown purpose tokens");
        });

        it("a purpose listed twice", async () => {
            await rejectsArgument(
                { ...BASE, purposes: ["data", "logs", "data"] },
                "purposes",
                '["data","logs","data"]',
                '"data" listed twice',
            );
        });

        it("rotation above 90 days", async () => {
            await rejectsArgument({ ...BASE, rotationPeriodDays: 91 }, "rotationPeriodDays", "91", "from 1 to 90");
        });

        it("rotation of 0 days", async () => {
            await rejectsArgument({ ...BASE, rotationPeriodDays: 0 }, "rotationPeriodDays", "0", "from 1 to 90");
        });

        it("a fractional rotation period", async () => {
            await rejectsArgument({ ...BASE, rotationPeriodDays: 1.5 }, "rotationPeriodDays", "1.5", "must be a whole number from 1 to 90");
        });
    });
});

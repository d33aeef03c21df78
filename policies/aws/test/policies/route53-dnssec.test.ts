import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, type StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { route53Dnssec } from "../../src/policies/route53-dnssec.js";
import { DNSSEC, zones } from "./route53-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [route53Dnssec] }, s.build());
const unsigned = (urn: string, id: string) =>
    expectedViolation(
        packName,
        route53Dnssec,
        urn,
        `public hosted zone ${id} (${urn}) is not signed with DNSSEC; add a key-signing key and a HostedZoneDnsSec with signingStatus SIGNING.`,
    );

describe("aws-route53-dnssec", () => {
    it("passes a public zone signed by reference (a preview: the zone id unknown) or by its id, and never asks a private zone", async () => {
        const { s, pub } = zones();
        s.custom(
            DNSSEC,
            "dnssec",
            { hostedZoneId: pulumi.unknown, signingStatus: "SIGNING" },
            { propertyDependencies: { hostedZoneId: [pub] } },
        );
        assert.deepEqual(await run(s), []);
        const byId = zones();
        byId.s.custom(DNSSEC, "dnssec", { hostedZoneId: "ZPUBLIC" });
        assert.deepEqual(await run(byId.s), [], "signingStatus unset is SIGNING");
    });

    it("flags an unsigned public zone, one whose signing is NOT_SIGNING, and one signed only for another zone", async () => {
        const bare = zones();
        assert.deepEqual(await run(bare.s), [unsigned(bare.pub.urn, "ZPUBLIC")]);
        const off = zones();
        off.s.custom(DNSSEC, "dnssec", { hostedZoneId: "ZPUBLIC", signingStatus: "NOT_SIGNING" });
        assert.deepEqual(await run(off.s), [unsigned(off.pub.urn, "ZPUBLIC")]);
        const other = zones();
        other.s.custom(DNSSEC, "dnssec", { hostedZoneId: "ZPRIVATE", signingStatus: "SIGNING" });
        assert.deepEqual(await run(other.s), [unsigned(other.pub.urn, "ZPUBLIC")]);
    });
});

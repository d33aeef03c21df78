/**
 * `platform destroy` of production: refused unless the environment is named again, and even then
 * protected resources (and what they depend on) are never touched, and are listed.
 */
import * as assert from "node:assert/strict";
import { backendDirectory, describeUrn } from "@platform/automation";
import { useSimulatedEngine } from "./harness.js";
import { platform, readCheckpoint, stackFiles } from "./platform-process.js";

describe("real engine: destroying prod", function () {
    this.timeout(600_000);
    const harness = useSimulatedEngine();

    it("refuses without --confirm-production (nothing deleted); with it, deletes only what is unprotected and lists what it left", async () => {
        const { checkpoint } = stackFiles(backendDirectory(harness.engine.backendUrl), "foundation", "prod");
        const up = await platform(["up", "--env", "prod", "--simulate"]);
        assert.equal(up.code, 0, up.stderr);
        const before = readCheckpoint(checkpoint)!.resources;
        assert.equal(before.length, 63);
        const protectedUrns = before.filter((r) => r.protect === true).map((r) => r.urn);
        assert.equal(protectedUrns.length, 6, "4 KMS keys, 2 DNS zones");

        const refused = await platform(["destroy", "--env", "prod", "--simulate"]);
        assert.deepEqual(refused, {
            code: 2,
            signal: null,
            stdout: "",
            stderr:
                'platform: --env = "prod": prod is a production environment, and destroying it needs the environment named again. ' +
                "Fix: platform destroy --env prod --simulate --confirm-production prod (protected resources, and what they depend on, are kept either way)\n",
        });
        assert.deepEqual(
            readCheckpoint(checkpoint)!.resources.map((r) => r.urn),
            before.map((r) => r.urn),
            "nothing was deleted",
        );

        const destroyed = await platform(["destroy", "--env", "prod", "--simulate", "--confirm-production", "prod"]);
        assert.equal(destroyed.code, 0, destroyed.stderr);
        const after = readCheckpoint(checkpoint)!.resources;
        assert.deepEqual(
            protectedUrns.filter((urn) => !after.some((r) => r.urn === urn)),
            [],
            "every protected resource is still there",
        );
        const kept = after.filter((r) => r.protect !== true);
        assert.ok(after.length < before.length, "unprotected resources were deleted");
        const listed = destroyed.stdout.split("\n").filter((l) => /^ {4}(protected|kept) {2}/.test(l));
        assert.deepEqual(listed, [
            ...after.filter((r) => r.protect === true).map((r) => `    protected  ${describeUrn(r.urn)}`),
            ...kept.map((r) => `    kept       ${describeUrn(r.urn)}`),
        ]);
        assert.ok(
            destroyed.stdout.includes(
                `foundation/prod: left ${after.length} resources: ${protectedUrns.length} protected, and ${kept.length} that protected resources depend on (destroy never touches them)\n`,
            ),
            destroyed.stdout,
        );
        assert.match(destroyed.stdout, /^ok {8}foundation\/prod: \{"delete":51,"same":12\}$/m);
        assert.deepEqual([...listed].sort(), [
            "    kept       aws:ec2/vpc:Vpc acme-prod-network-vpc",
            "    kept       platform:network:AwsDnsZones acme-prod-dns",
            "    kept       platform:network:AwsNetwork acme-prod-network",
            "    kept       platform:security:AwsKmsKeys acme-prod-kms",
            "    kept       pulumi:providers:aws acme-prod-aws",
            "    kept       pulumi:pulumi:Stack foundation-prod",
            "    protected  aws:kms/key:Key acme-prod-kms-backups",
            "    protected  aws:kms/key:Key acme-prod-kms-data",
            "    protected  aws:kms/key:Key acme-prod-kms-logs",
            "    protected  aws:kms/key:Key acme-prod-kms-secrets",
            "    protected  aws:route53/zone:Zone acme-prod-dns-private",
            "    protected  aws:route53/zone:Zone acme-prod-dns-public",
        ]);
    });
});

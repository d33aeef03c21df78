import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePack, expectedViolation, type StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { route53QueryLogging } from "../../src/policies/route53-query-logging.js";
import { QUERY_LOG, zones } from "./route53-fixtures.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [route53QueryLogging] }, s.build());
const unlogged = (urn: string) =>
    expectedViolation(
        packName,
        route53QueryLogging,
        urn,
        `public hosted zone ZPUBLIC (${urn}) does not log its queries; add a route53.QueryLog to a /aws/route53/ log group.`,
    );

describe("aws-route53-query-logging", () => {
    it("passes a public zone with a query log by reference or by id; private zones are not asked", async () => {
        const { s, pub } = zones();
        s.custom(
            QUERY_LOG,
            "log",
            { zoneId: pulumi.unknown, cloudwatchLogGroupArn: pulumi.unknown },
            { propertyDependencies: { zoneId: [pub] } },
        );
        assert.deepEqual(await run(s), []);
        const byId = zones();
        byId.s.custom(QUERY_LOG, "log", {
            zoneId: "ZPUBLIC",
            cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:1:log-group:/aws/route53/acme.example.com",
        });
        assert.deepEqual(await run(byId.s), []);
    });

    it("flags a public zone without a query log, or whose only query log is another zone's", async () => {
        const bare = zones();
        assert.deepEqual(await run(bare.s), [unlogged(bare.pub.urn)]);
        const other = zones();
        other.s.custom(QUERY_LOG, "log", { zoneId: "ZPRIVATE" });
        assert.deepEqual(await run(other.s), [unlogged(other.pub.urn)]);
    });
});

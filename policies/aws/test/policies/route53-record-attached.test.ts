import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture, UNKNOWN_STRING_VALUE } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { route53RecordAttached } from "../../src/policies/route53-record-attached.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [route53RecordAttached] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, route53RecordAttached, urn, detail);
const RECORD = "aws:route53/record:Record";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const EIP = "aws:ec2/eip:Eip";
const CHECK = "aws:route53/healthCheck:HealthCheck";
const FIX =
    "points at no resource of the stack (an address nothing here owns dangles once released); alias it to the load balancer, or take the address from an Elastic IP of the stack.";
const ZONE = "Z123";
const alias = { name: "lb-1.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K", evaluateTargetHealth: true };

describe("aws-route53-record-attached", () => {
    it("passes aliases to a load balancer, addresses of an Elastic IP, other record types, and a checked failover pair's secondary", async () => {
        const s = new StackFixture();
        const lb = s.custom(LB, "edge", {}, { outputs: { dnsName: alias.name } });
        const eip = s.custom(EIP, "bastion", { domain: "vpc" }, { outputs: { publicIp: "203.0.113.10" } });
        const check = s.custom(CHECK, "primary", { type: "HTTPS" });
        s.custom(
            RECORD,
            "apex",
            { zoneId: ZONE, name: "example.com", type: "A", aliases: [alias] },
            { propertyDependencies: { aliases: [lb] } },
        );
        s.custom(
            RECORD,
            "bastion",
            { zoneId: ZONE, name: "b.example.com", type: "A", records: ["203.0.113.10"], ttl: 60 },
            { propertyDependencies: { records: [eip] } },
        );
        s.custom(RECORD, "validation", {
            zoneId: ZONE,
            name: "_x.example.com",
            type: "CNAME",
            records: ["_y.acm-validations.aws."],
            ttl: 60,
        });
        s.custom(
            RECORD,
            "failover-primary",
            {
                zoneId: ZONE,
                name: "app.example.com",
                type: "A",
                aliases: [alias],
                setIdentifier: "primary",
                failoverRoutingPolicies: [{ type: "PRIMARY" }],
                healthCheckId: "hc-1",
            },
            { propertyDependencies: { aliases: [lb], healthCheckId: [check] } },
        );
        s.custom(RECORD, "failover-secondary", {
            zoneId: ZONE,
            name: "app.example.com",
            type: "A",
            records: ["34.18.206.253"],
            ttl: 60,
            setIdentifier: "secondary",
            failoverRoutingPolicies: [{ type: "SECONDARY" }],
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags literal A and AAAA addresses, and a failover secondary whose primary has no health check", async () => {
        const s = new StackFixture();
        const literal = s.custom(RECORD, "literal", {
            zoneId: ZONE,
            name: "old.example.com",
            type: "A",
            records: ["198.51.100.7"],
            ttl: 300,
        });
        const v6 = s.custom(RECORD, "v6", { zoneId: ZONE, name: "v6.example.com", type: "AAAA", records: ["2001:db8::1"], ttl: 300 });
        const primary = s.custom(RECORD, "unchecked-primary", {
            zoneId: ZONE,
            name: "app.example.com",
            type: "A",
            records: ["198.51.100.8"],
            setIdentifier: "primary",
            failoverRoutingPolicies: [{ type: "PRIMARY" }],
        });
        const secondary = s.custom(RECORD, "unchecked-secondary", {
            zoneId: ZONE,
            name: "app.example.com",
            type: "A",
            records: ["198.51.100.9"],
            setIdentifier: "secondary",
            failoverRoutingPolicies: [{ type: "SECONDARY" }],
        });
        assert.deepEqual(await run(s), [
            v(literal.urn, `A record literal-id (${literal.urn}) ${FIX}`),
            v(v6.urn, `AAAA record v6-id (${v6.urn}) ${FIX}`),
            v(primary.urn, `A record unchecked-primary-id (${primary.urn}) ${FIX}`),
            v(secondary.urn, `A record unchecked-secondary-id (${secondary.urn}) ${FIX}`),
        ]);
    });

    it("in a preview before the foundation exists (zone unknown): the checked pair's secondary passes; one for another name does not", async () => {
        const s = new StackFixture();
        const lb = s.custom(LB, "edge", {}, { outputs: { dnsName: alias.name } });
        const check = s.custom(CHECK, "primary", { type: "HTTPS" });
        const props = (role: "PRIMARY" | "SECONDARY", recordName: string) => ({
            zoneId: UNKNOWN_STRING_VALUE,
            name: recordName,
            type: "A",
            setIdentifier: role.toLowerCase(),
            failoverRoutingPolicies: [{ type: role }],
            ...(role === "PRIMARY" ? { aliases: [alias], healthCheckId: "hc-1" } : { records: ["34.18.206.253"], ttl: 60 }),
        });
        s.custom(RECORD, "failover-primary", props("PRIMARY", "app.example.com"), {
            propertyDependencies: { aliases: [lb], healthCheckId: [check] },
        });
        s.custom(RECORD, "failover-secondary", props("SECONDARY", "app.example.com"));
        const stray = s.custom(RECORD, "stray-secondary", props("SECONDARY", "other.example.com"));
        assert.deepEqual(await run(s), [v(stray.urn, `A record stray-secondary-id (${stray.urn}) ${FIX}`)]);
    });
});

import * as assert from "node:assert/strict";
import { fieldsAndProblems } from "@platform/synth";
import {
    FAILOVER_DEFAULTS,
    planAuthorizationRecords,
    planDnsFailover,
    validateDnsFailoverArgs,
    type DnsFailoverPlanArgs,
} from "../../src/index.js";

const ALB = { dnsName: "acme-prod-public-123.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" };
const base: DnsFailoverPlanArgs = {
    hostname: "app.acme.example.com",
    zoneName: "acme.example.com",
    primary: { alias: ALB },
    secondary: { address: "34.105.10.20" },
};

describe("planDnsFailover", () => {
    it("alias primary + address secondary: two A records, the health check on the primary with the defaults", () => {
        assert.deepEqual(planDnsFailover(base), {
            name: "app.acme.example.com",
            type: "A",
            healthCheck: {
                type: "HTTPS",
                fqdn: ALB.dnsName,
                port: 443,
                resourcePath: "/healthz",
                failureThreshold: 3,
                requestInterval: 30,
                enableSni: true,
            },
            primary: {
                failover: "PRIMARY",
                setIdentifier: "primary",
                alias: { name: ALB.dnsName, zoneId: ALB.zoneId, evaluateTargetHealth: true },
                healthCheck: true,
            },
            secondary: { failover: "SECONDARY", setIdentifier: "secondary", records: ["34.105.10.20"], ttl: 60, healthCheck: false },
        });
        assert.deepEqual(FAILOVER_DEFAULTS, {
            path: "/healthz",
            port: 443,
            failureThreshold: 3,
            requestIntervalSeconds: 30,
            ttlSeconds: 60,
        });
    });

    it("hostname + hostname: two CNAME records; the given health check settings and TTL win", () => {
        const plan = planDnsFailover({
            ...base,
            primary: { hostname: "lb.aws.example.net" },
            secondary: { hostname: "lb.gcp.example.net" },
            healthCheck: { path: "/health/ready", port: 8443, failureThreshold: 2, requestIntervalSeconds: 10 },
            ttlSeconds: 30,
        });
        assert.equal(plan.type, "CNAME");
        assert.deepEqual(
            [
                plan.healthCheck.fqdn,
                plan.healthCheck.port,
                plan.healthCheck.resourcePath,
                plan.healthCheck.failureThreshold,
                plan.healthCheck.requestInterval,
            ],
            ["lb.aws.example.net", 8443, "/health/ready", 2, 10],
        );
        assert.deepEqual(plan.primary, {
            failover: "PRIMARY",
            setIdentifier: "primary",
            records: ["lb.aws.example.net"],
            ttl: 30,
            healthCheck: true,
        });
        assert.deepEqual(plan.secondary.records, ["lb.gcp.example.net"]);
    });
});

describe("validateDnsFailoverArgs", () => {
    it("accepts the plain pairs and values known only at deploy time", () => {
        assert.deepEqual(validateDnsFailoverArgs(base), []);
        const later = { apply: () => undefined };
        assert.deepEqual(
            validateDnsFailoverArgs({ ...base, primary: { alias: { dnsName: later, zoneId: later } }, secondary: { address: later } }),
            [],
        );
    });

    it("refuses a name outside the zone, a bad alias, a private or malformed address", () => {
        assert.deepEqual(
            fieldsAndProblems(
                validateDnsFailoverArgs({
                    ...base,
                    hostname: "app.other.com",
                    primary: { alias: { dnsName: "not a name", zoneId: "abc" } },
                    secondary: { address: "10.40.0.5" },
                }),
            ),
            [
                [
                    "hostname",
                    "is not inside the zone acme.example.com (the apex cannot fail over by CNAME and belongs to the zone's owner)",
                ],
                ["primary.alias.dnsName", "is not a lowercase domain name"],
                ["primary.alias.zoneId", "is not the load balancer's canonical hosted zone id"],
                ["secondary.address", "is not a public address (private, loopback or reserved range)"],
            ],
        );
        assert.deepEqual(fieldsAndProblems(validateDnsFailoverArgs({ ...base, secondary: { address: "34.105.10" } })), [
            ["secondary.address", "is not an IPv4 address"],
        ]);
        assert.deepEqual(fieldsAndProblems(validateDnsFailoverArgs({ ...base, secondary: { address: "100.64.1.1" } })), [
            ["secondary.address", "is not a public address (private, loopback or reserved range)"],
        ]);
    });

    it("refuses a pair of different record types, either way round", () => {
        assert.deepEqual(fieldsAndProblems(validateDnsFailoverArgs({ ...base, secondary: { hostname: "lb.gcp.example.net" } })), [
            [
                "secondary.hostname",
                "a hostname (CNAME) cannot pair with an alias primary (A): both records of a failover pair have one type",
            ],
        ]);
        assert.deepEqual(fieldsAndProblems(validateDnsFailoverArgs({ ...base, primary: { hostname: "lb.aws.example.net" } })), [
            [
                "secondary.address",
                "an address (A) cannot pair with a hostname primary (CNAME): both records of a failover pair have one type",
            ],
        ]);
    });

    it("refuses health check settings Route 53 does not take, and a TTL out of range", () => {
        assert.deepEqual(
            fieldsAndProblems(
                validateDnsFailoverArgs({
                    ...base,
                    healthCheck: { path: "healthz", port: 0, failureThreshold: 11, requestIntervalSeconds: 20 as 30 },
                    ttlSeconds: 0,
                }),
            ),
            [
                ["healthCheck.path", "is not an absolute path without spaces"],
                ["healthCheck.port", "must be a whole number from 1 to 65535"],
                ["healthCheck.failureThreshold", "must be a whole number from 1 to 10"],
                ["healthCheck.requestIntervalSeconds", "Route 53 checks every 10 or 30 seconds only"],
                ["ttlSeconds", "must be a whole number from 1 to 300"],
            ],
        );
    });

    it("reports an unset hostname", () => {
        assert.deepEqual(fieldsAndProblems(validateDnsFailoverArgs({ ...base, hostname: undefined as unknown as string })), [
            ["hostname", "must be a string"],
        ]);
    });

    it("secondary authorizations: the failover name's _acme-challenge CNAME to a Certificate Manager target, with or without the final dot", () => {
        const ok = { recordName: "_acme-challenge.app.acme.example.com", recordData: "0a1b2c3d4e5f.9.authorize.certificatemanager.goog." };
        assert.deepEqual(validateDnsFailoverArgs({ ...base, secondaryAuthorizations: [ok] }), []);
        assert.deepEqual(
            fieldsAndProblems(
                validateDnsFailoverArgs({
                    ...base,
                    secondaryAuthorizations: [
                        ok,
                        { recordName: "_acme-challenge.www.acme.example.com.", recordData: "attacker.example.net." },
                    ],
                }),
            ),
            [
                [
                    "secondaryAuthorizations[1].recordName",
                    "does not authorize the failover name (expected _acme-challenge.app.acme.example.com.)",
                ],
                ["secondaryAuthorizations[1].recordData", "is not a Certificate Manager authorization target"],
            ],
        );
    });
});

describe("planAuthorizationRecords", () => {
    it("one CNAME per authorization, names and values fully qualified, 300 s TTL; none when unset", () => {
        assert.deepEqual(
            planAuthorizationRecords({
                secondaryAuthorizations: [
                    { recordName: "_acme-challenge.app.acme.example.com", recordData: "0a1b.9.authorize.certificatemanager.goog" },
                ],
            }),
            [
                {
                    name: "_acme-challenge.app.acme.example.com.",
                    type: "CNAME",
                    records: ["0a1b.9.authorize.certificatemanager.goog."],
                    ttl: 300,
                },
            ],
        );
        assert.deepEqual(planAuthorizationRecords({}), []);
    });
});

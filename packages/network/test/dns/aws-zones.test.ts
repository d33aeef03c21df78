import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, findResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { AwsDnsZones, type AwsDnsZonesArgs } from "../../src/index.js";

const ZONE = "aws:route53/zone:Zone";
const naming = { project: "acme", environment: "prod" };
const LOGS_KEY = "arn:aws:kms:us-east-1:123456789012:key/logs";
const queryLogs = { retentionDays: 90, kmsKeyArn: LOGS_KEY };

async function synth(args: Omit<AwsDnsZonesArgs, "naming">, opts?: pulumi.ComponentResourceOptions) {
    return synthesize({
        project: "t",
        stack: "prod",
        program: () => {
            const zones = new AwsDnsZones("dns", { naming, ...args }, opts);
            return {
                publicZoneId: zones.publicZoneId,
                privateZoneId: zones.privateZoneId,
                ns: zones.publicNameServers,
                ds: zones.publicZoneDsRecord,
            };
        },
    });
}

describe("AwsDnsZones", () => {
    it("public and private zones; the private zone is attached to the VPC", async () => {
        const { resources, outputs } = await synth({
            publicZone: "acme.example.com",
            privateZone: "prod.acme.internal",
            vpcId: "vpc-1",
            queryLogs,
        });
        const pub = findResource(resources, ZONE, "dns-public");
        const priv = findResource(resources, ZONE, "dns-private");
        assert.deepEqual(
            [pub.inputs["name"], pub.inputs["vpcs"], pub.inputs["forceDestroy"], pub.inputs["comment"]],
            ["acme.example.com", undefined, false, "Public zone of acme-prod, managed by the platform"],
        );
        assert.deepEqual([priv.inputs["name"], priv.inputs["vpcs"]], ["prod.acme.internal", [{ vpcId: "vpc-1" }]]);
        assert.equal(outputs["publicZoneId"], pub.id);
        assert.equal(outputs["privateZoneId"], priv.id);
        assert.equal((outputs["ns"] as string[]).length, 4);
    });

    it("protect through resource options reaches the zones, which are also retained on delete", async () => {
        const { resources } = await synth(
            { publicZone: "acme.example.com", privateZone: "prod.acme.internal", vpcId: "vpc-1", queryLogs },
            { protect: true },
        );
        assert.deepEqual(
            resources
                .filter((r) => r.custom)
                .map((z) => [z.name, z.protect, z.retainOnDelete])
                .sort(),
            [
                ["dns-dnssec", true, false],
                ["dns-dnssec-key", true, true],
                ["dns-ksk", true, true],
                ["dns-private", true, true],
                ["dns-public", true, true],
                ["dns-query-log", true, false],
                ["dns-query-logs", true, true],
                ["dns-query-logs-policy", true, false],
            ],
        );
    });

    it("the public zone is signed (ECC P-256 key scoped to Route 53 DNSSEC, an active KSK, signing on) and query-logged to /aws/route53/<zone>", async () => {
        const { resources, outputs } = await synth({ publicZone: "acme.example.com", queryLogs });
        const pub = findResource(resources, ZONE, "dns-public");
        assert.deepEqual(
            resources
                .filter((r) => r.custom)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                "aws:cloudwatch/logGroup:LogGroup dns-query-logs",
                "aws:cloudwatch/logResourcePolicy:LogResourcePolicy dns-query-logs-policy",
                "aws:kms/key:Key dns-dnssec-key",
                "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec dns-dnssec",
                "aws:route53/keySigningKey:KeySigningKey dns-ksk",
                "aws:route53/queryLog:QueryLog dns-query-log",
                "aws:route53/zone:Zone dns-public",
            ],
        );
        const key = findResource(resources, "aws:kms/key:Key", "dns-dnssec-key").inputs;
        assert.deepEqual(
            [key["customerMasterKeySpec"], key["keyUsage"], key["enableKeyRotation"], key["deletionWindowInDays"]],
            ["ECC_NIST_P256", "SIGN_VERIFY", undefined, 30],
        );
        const statements = (JSON.parse(String(key["policy"])) as { Statement: Array<Record<string, unknown>> }).Statement;
        assert.deepEqual(
            statements.map((st) => [st["Sid"], st["Principal"], st["Action"], st["Condition"]]),
            [
                ["AccountAdministers", { AWS: "arn:aws:iam::111111111111:root" }, "kms:*", undefined],
                [
                    "Route53DnssecSigns",
                    { Service: "dnssec-route53.amazonaws.com" },
                    ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"],
                    {
                        StringEquals: { "aws:SourceAccount": "111111111111" },
                        ArnLike: { "aws:SourceArn": "arn:aws:route53:::hostedzone/*" },
                    },
                ],
                [
                    "Route53DnssecGrants",
                    { Service: "dnssec-route53.amazonaws.com" },
                    "kms:CreateGrant",
                    { Bool: { "kms:GrantIsForAWSResource": true } },
                ],
            ],
        );
        const ksk = findResource(resources, "aws:route53/keySigningKey:KeySigningKey", "dns-ksk").inputs;
        assert.deepEqual([ksk["hostedZoneId"], ksk["name"], ksk["status"]], [pub.id, "acme_prod_dns_ksk", "ACTIVE"]);
        assert.equal(ksk["keyManagementServiceArn"], findResource(resources, "aws:kms/key:Key", "dns-dnssec-key").outputs["arn"]);
        const signing = findResource(resources, "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec", "dns-dnssec");
        assert.deepEqual([signing.inputs["hostedZoneId"], signing.inputs["signingStatus"]], [pub.id, "SIGNING"]);
        assert.match(String(outputs["ds"]), /^\d+ 13 2 [0-9A-F]{64}$/);

        const group = findResource(resources, "aws:cloudwatch/logGroup:LogGroup", "dns-query-logs").inputs;
        assert.deepEqual([group["name"], group["retentionInDays"], group["kmsKeyId"]], ["/aws/route53/acme.example.com", 90, LOGS_KEY]);
        const policy = findResource(resources, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "dns-query-logs-policy").inputs;
        assert.equal(policy["policyName"], "acme-prod-dns-route53-query-logs");
        assert.deepEqual(JSON.parse(String(policy["policyDocument"])), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Route53WritesQueryLogs",
                    Effect: "Allow",
                    Principal: { Service: "route53.amazonaws.com" },
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/route53/*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "111111111111" },
                        ArnLike: { "aws:SourceArn": "arn:aws:route53:::hostedzone/*" },
                    },
                },
            ],
        });
        assert.deepEqual(findResource(resources, "aws:route53/queryLog:QueryLog", "dns-query-log").inputs["zoneId"], pub.id);
    });

    it("dnssec: false leaves the zone unsigned (query logs stay); a private zone is neither signed nor logged", async () => {
        const { resources, outputs } = await synth({ publicZone: "acme.example.com", queryLogs, dnssec: false });
        assert.deepEqual(
            ofType(resources, "aws:route53/keySigningKey:KeySigningKey").length + ofType(resources, "aws:kms/key:Key").length,
            0,
        );
        assert.equal(ofType(resources, "aws:route53/queryLog:QueryLog").length, 1);
        assert.equal(outputs["ds"], null);
    });

    it("private only: no public zone, null id and no name servers; unprotected and not retained by default", async () => {
        const { resources, outputs } = await synth({ privateZone: "dev.acme.internal", vpcId: "vpc-1" });
        assert.deepEqual(
            ofType(resources, ZONE).map((z) => [z.name, z.protect, z.retainOnDelete]),
            [["dns-private", false, false]],
        );
        assert.deepEqual([outputs["publicZoneId"], outputs["ns"], outputs["ds"]], [null, [], null]);
        assert.equal(resources.filter((r) => r.custom).length, 1);
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Omit<AwsDnsZonesArgs, "naming">, Array<[string, string]>]> = [
            ["neither zone", {}, [["publicZone", "neither publicZone nor privateZone is set"]]],
            ["uppercase domain", { publicZone: "Acme.com", queryLogs }, [["publicZone", "is not a lowercase domain name"]]],
            ["a public zone without query logs", { publicZone: "acme.com" }, [["queryLogs", "a public zone must log its queries"]]],
            [
                "a retention CloudWatch Logs does not take",
                { publicZone: "acme.com", queryLogs: { retentionDays: 100, kmsKeyArn: LOGS_KEY } },
                [["queryLogs.retentionDays", "is not a retention CloudWatch Logs accepts"]],
            ],
            [
                "a public zone in another region without a us-east-1 provider",
                { publicZone: "acme.com", queryLogs, region: "eu-west-1" },
                [["region", "Route 53 keeps DNSSEC keys and query logs in us-east-1 only"]],
            ],
            ["private zone without VPC", { privateZone: "x.internal" }, [["vpcId", "a private zone needs the VPC it answers in"]]],
        ];
        for (const [label, args, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth(args))), expected);
            });
        }
    });
});

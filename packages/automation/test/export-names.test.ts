import * as assert from "node:assert/strict";
import { pluralize, pulumiName, singularize, snakeCase } from "../src/index.js";

describe("export: Pulumi names to Terraform names", () => {
    const snake: Array<[string, string]> = [
        ["kmsKeyId", "kms_key_id"],
        ["ipv6CidrBlock", "ipv6_cidr_block"],
        ["s3BucketName", "s3_bucket_name"],
        ["enableIAMAuth", "enable_iam_auth"],
        ["multiAz", "multi_az"],
        ["name", "name"],
        ["httpPutResponseHopLimit", "http_put_response_hop_limit"],
    ];
    for (const [from, to] of snake) {
        it(`snakeCase(${from}) = ${to}`, () => assert.equal(snakeCase(from), to));
    }

    const plural: Array<[string, string]> = [
        ["lifecycle_rule", "lifecycle_rules"],
        ["policy", "policies"],
        ["address", "addresses"],
        ["match", "matches"],
        ["source_ranges", "source_ranges"],
        ["key", "keys"],
        ["alias", "aliases"],
    ];
    for (const [from, to] of plural) {
        it(`pluralize(${from}) = ${to}, singularize(${to}) = ${from === "source_ranges" ? "source_range" : from}`, () => {
            assert.equal(pluralize(from), to);
            assert.equal(singularize(to), from === "source_ranges" ? "source_range" : from);
        });
    }

    it("singularize keeps names ending in ss and names without a plural s", () => {
        assert.equal(singularize("ingress"), "ingress");
        assert.equal(singularize("access"), "access");
        assert.equal(singularize("rule"), "rule");
    });

    it("pulumiName camel-cases, and pluralizes only lists", () => {
        assert.equal(pulumiName("lifecycle_rule", true), "lifecycleRules");
        assert.equal(pulumiName("lifecycle_rule", false), "lifecycleRule");
        assert.equal(pulumiName("master_ipv4_cidr_block", false), "masterIpv4CidrBlock");
        assert.equal(pulumiName("allow", true), "allows");
    });
});

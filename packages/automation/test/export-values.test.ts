import * as assert from "node:assert/strict";
import { type FieldShapes, isPolicyDocument, terraformAttributes, terraformName, UNKNOWN_VALUE } from "../src/index.js";

const MAPS = new Set(["tags", "labels"]);

describe("export: inputs to Terraform values", () => {
    it("snake_cases names, keeps scalars and lists of scalars", () => {
        assert.deepEqual(
            terraformAttributes(
                { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, subnetIds: ["a", "b"], port: 443 },
                { mapProperties: MAPS },
            ),
            {
                cidr_block: "10.0.0.0/16",
                enable_dns_support: true,
                subnet_ids: ["a", "b"],
                port: 443,
            },
        );
    });

    it("makes a nested object a one-element block list, recursively, and keeps string maps as objects", () => {
        const values = terraformAttributes(
            {
                encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:k" } },
                tags: { Name: "x", "cost-center": "cc" },
            },
            { mapProperties: MAPS },
        );
        assert.deepEqual(values, {
            encryption_config: [{ resources: ["secrets"], provider: [{ key_arn: "arn:k" }] }],
            tags: { Name: "x", "cost-center": "cc" },
        });
    });

    it("singularizes a list of blocks the metadata does not describe, except Terraform's plural block names", () => {
        const values = terraformAttributes(
            {
                rules: [{ id: "a", transitions: [{ days: 30 }] }],
                ingress: [{ fromPort: 22 }],
                blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }],
            },
            { mapProperties: MAPS },
        );
        assert.deepEqual(values, {
            rule: [{ id: "a", transition: [{ days: 30 }] }],
            ingress: [{ from_port: 22 }],
            block_device_mappings: [{ device_name: "/dev/xvda", ebs: [{ encrypted: "true" }] }],
        });
    });

    it("takes the metadata's field names and shapes where it records them", () => {
        const fields: FieldShapes = {
            allow: { maxItemsOne: false, elem: { fields: { ports: { maxItemsOne: false } } } },
            log_config: { maxItemsOne: true },
        };
        assert.equal(terraformName("allows", [{ protocol: "tcp" }], fields), "allow");
        assert.equal(terraformName("logConfig", { metadata: "INCLUDE_ALL_METADATA" }, fields), "log_config");
        assert.equal(terraformName("sourceRanges", ["0.0.0.0/0"], fields), "source_ranges");
        assert.deepEqual(
            terraformAttributes(
                { allows: [{ protocol: "tcp", ports: ["22"] }], logConfig: { metadata: "INCLUDE_ALL_METADATA" } },
                { fields, mapProperties: MAPS },
            ),
            {
                allow: [{ protocol: "tcp", ports: ["22"] }],
                log_config: [{ metadata: "INCLUDE_ALL_METADATA" }],
            },
        );
    });

    it("keeps policy documents as JSON strings, given as objects or as strings", () => {
        const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
        assert.equal(isPolicyDocument(document), true);
        assert.equal(isPolicyDocument({ Version: "2012-10-17" }), false);
        assert.deepEqual(terraformAttributes({ policy: document, assumeRolePolicy: JSON.stringify(document) }, { mapProperties: MAPS }), {
            policy: JSON.stringify(document),
            assume_role_policy: JSON.stringify(document),
        });
    });

    it("writes unknown and unset-but-present values as null and leaves absent optional inputs out", () => {
        assert.deepEqual(
            terraformAttributes({ kmsKeyId: UNKNOWN_VALUE, retentionInDays: undefined, name: "logs" }, { mapProperties: MAPS }),
            {
                kms_key_id: null,
                retention_in_days: null,
                name: "logs",
            },
        );
        // A log group with only its required input: nothing else is invented.
        assert.deepEqual(terraformAttributes({ name: "logs" }, { mapProperties: MAPS }), { name: "logs" });
    });
});

import * as assert from "node:assert/strict";
import {
    asArray,
    asBoolean,
    asNonEmptyString,
    asNumber,
    asRecord,
    asString,
    asStringArray,
    asStringMap,
    awsDefaultTags,
    awsTags,
    gcpDefaultLabels,
    gcpLabels,
    isProductionStack,
    parseJson,
    parseJsonOrObject,
    providerEnvironment,
    resourceEnvironment,
    resourceTags,
    stackEnvironments,
} from "../src/index.js";

describe("values", () => {
    it("narrows or returns undefined", () => {
        assert.deepEqual([asString("a"), asString(1)], ["a", undefined]);
        assert.deepEqual([asNonEmptyString(""), asNonEmptyString("x")], [undefined, "x"]);
        assert.deepEqual([asNumber(3), asNumber(NaN), asNumber("3")], [3, undefined, undefined]);
        assert.deepEqual([asBoolean(false), asBoolean("true")], [false, undefined]);
        assert.deepEqual([asRecord({ a: 1 }), asRecord([1]), asRecord(null)], [{ a: 1 }, undefined, undefined]);
        assert.deepEqual([asArray([1]), asArray({})], [[1], undefined]);
        assert.deepEqual(asStringArray(["a", 1, "b"]), ["a", "b"]);
        assert.deepEqual(asStringArray(undefined), []);
        assert.deepEqual(asStringMap({ a: "1", b: 2 }), { a: "1" });
    });
});

describe("json", () => {
    it("parses without throwing and reads objects in either form", () => {
        assert.deepEqual(parseJson('{"a":1}'), { ok: true, value: { a: 1 } });
        assert.equal(parseJson("{").ok, false);
        assert.deepEqual(parseJsonOrObject('{"tags":{"a":"b"}}'), { tags: { a: "b" } });
        assert.deepEqual(parseJsonOrObject({ tags: {} }), { tags: {} });
        assert.deepEqual(
            [parseJsonOrObject("[1]"), parseJsonOrObject("nope"), parseJsonOrObject(undefined)],
            [undefined, undefined, undefined],
        );
    });
});

describe("tags and labels", () => {
    const awsProvider = { props: { defaultTags: JSON.stringify({ tags: { environment: "prod", team: "platform" } }) } };
    const gcpProvider = { props: { defaultLabels: { environment: "dr", team: "platform" } } };

    it("reads provider defaults in object and JSON form", () => {
        assert.deepEqual(awsDefaultTags(awsProvider.props), { environment: "prod", team: "platform" });
        assert.deepEqual(awsDefaultTags({ defaultTags: { tags: { a: "b" } } }), { a: "b" });
        assert.deepEqual(awsDefaultTags(undefined), {});
        assert.deepEqual(gcpDefaultLabels(gcpProvider.props), { environment: "dr", team: "platform" });
        assert.deepEqual(gcpDefaultLabels({ defaultLabels: '{"a":"b"}' }), { a: "b" });
    });

    it("merges resource tags over computed and default ones", () => {
        assert.deepEqual(
            awsTags({ type: "aws:ec2/vpc:Vpc", props: { tags: { team: "net", Name: "v" }, tagsAll: { x: "y" } }, provider: awsProvider }),
            {
                environment: "prod",
                team: "net",
                x: "y",
                Name: "v",
            },
        );
        assert.deepEqual(
            awsTags({
                type: "aws:autoscaling/group:Group",
                props: { tags: [{ key: "a", value: "b", propagateAtLaunch: true }] },
                provider: awsProvider,
            }),
            { a: "b" },
        );
        assert.deepEqual(
            gcpLabels({
                type: "gcp:kms/cryptoKey:CryptoKey",
                props: { labels: { team: "sec" }, effectiveLabels: { e: "1" }, pulumiLabels: { p: "2" } },
                provider: gcpProvider,
            }),
            {
                environment: "dr",
                team: "sec",
                e: "1",
                p: "2",
            },
        );
        assert.deepEqual(resourceTags({ type: "random:index/randomId:RandomId", props: { tags: { a: "b" } } }), {});
    });
});

describe("environment", () => {
    it("reads the environment from providers, else from resources", () => {
        const awsP = { type: "pulumi:providers:aws", props: { defaultTags: { tags: { environment: "prod" } } } };
        const gcpP = { type: "pulumi:providers:gcp", props: { defaultLabels: '{"environment":"dr"}' } };
        assert.equal(providerEnvironment(awsP), "prod");
        assert.equal(providerEnvironment(gcpP), "dr");
        assert.equal(providerEnvironment({ type: "pulumi:providers:kubernetes", props: {} }), undefined);
        assert.equal(
            resourceEnvironment({ type: "aws:ec2/vpc:Vpc", props: { tags: { environment: "staging" } }, provider: awsP }),
            "staging",
        );
        assert.equal(resourceEnvironment({ type: "aws:ec2/vpc:Vpc", props: {}, provider: awsP }), "prod");
        const vpc = { type: "aws:ec2/vpc:Vpc", props: { tags: { environment: "staging" } } };
        assert.deepEqual(stackEnvironments([gcpP, awsP, vpc]), ["dr", "prod"]);
        assert.deepEqual(stackEnvironments([vpc]), ["staging"]);
        assert.deepEqual(stackEnvironments([{ type: "aws:ec2/vpc:Vpc", props: {} }]), []);
        assert.equal(isProductionStack([gcpP]), true);
        assert.equal(isProductionStack([vpc]), false);
    });
});

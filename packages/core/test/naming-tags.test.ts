import * as assert from "node:assert/strict";
import fc from "fast-check";
import { fitName, gcpLabels, NAME_RULES, ownershipTags, REQUIRED_TAG_KEYS, resourceName } from "../src/index.js";

describe("naming", () => {
    it("joins project, environment and component", () => {
        assert.equal(resourceName({ project: "acme", environment: "prod", component: "vpc" }), "acme-prod-vpc");
    });

    it("shortens to the kind's limit with a stable hash suffix", () => {
        const name = resourceName(
            { project: "acme", environment: "staging", component: "a-very-long-component-name-for-lb" },
            "loadBalancer",
        );
        // Cut at the limit, trailing hyphen dropped, then "-<hash>": 24 + 1 + 6 = 31 <= 32.
        assert.ok(name.length <= NAME_RULES.loadBalancer.maxLength);
        assert.match(name, /^acme-staging-a-very-long-[0-9a-f]{6}$/);
        assert.equal(
            name,
            resourceName({ project: "acme", environment: "staging", component: "a-very-long-component-name-for-lb" }, "loadBalancer"),
        );
    });

    it("never exceeds the limit and distinct long names stay distinct", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z0-9]{40,80}$/), fc.stringMatching(/^[a-z0-9]{40,80}$/), (a, b) => {
                const x = fitName(a, 30);
                const y = fitName(b, 30);
                return x.length <= 30 && y.length <= 30 && (a === b || x !== y);
            }),
        );
    });

    it("rejects parts that are not lowercase hyphenated words, naming the part", () => {
        assert.throws(
            () => resourceName({ project: "Acme", environment: "prod", component: "vpc" }),
            /name part project="Acme" must be lowercase letters and digits separated by single hyphens/,
        );
        assert.throws(() => resourceName({ project: "acme", environment: "prod", component: "my--vpc" }), /name part component="my--vpc"/);
    });
});

describe("tags and labels", () => {
    it("ownership tags carry exactly the required keys", () => {
        const tags = ownershipTags({ environment: "prod", team: "platform", costCenter: "cc-1042", project: "acme" });
        assert.deepEqual(Object.keys(tags), [...REQUIRED_TAG_KEYS]);
        assert.deepEqual(tags, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
    });

    it("GCP labels are lowercased and sanitized to the label alphabet", () => {
        assert.deepEqual(gcpLabels({ "Cost Center": "CC/1042", "9lives": "x" }), { cost_center: "cc_1042", k9lives: "x" });
    });

    it("GCP labels never exceed 63 characters", () => {
        fc.assert(
            fc.property(fc.string({ minLength: 1, maxLength: 100 }), fc.string({ maxLength: 100 }), (k, v) =>
                Object.entries(gcpLabels({ [k]: v })).every(
                    ([lk, lv]) => lk.length <= 63 && lv.length <= 63 && /^[a-z][a-z0-9_-]*$/.test(lk),
                ),
            ),
        );
    });
});

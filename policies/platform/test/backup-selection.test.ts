import * as assert from "node:assert/strict";
import { selectionRules, selects, wildcardMatch } from "../src/backup-selection.js";

const ARN = "arn:aws:rds:us-east-1:111111111111:db:acme-prod-postgres-db";

describe("AWS Backup selection matching", () => {
    it("reads selectionTags (STRINGEQUALS only), resources, notResources and every condition list, dropping the aws:ResourceTag/ prefix", () => {
        assert.deepEqual(
            selectionRules({
                selectionTags: [
                    { type: "STRINGEQUALS", key: "backup-plan", value: "acme-prod-backup-plan" },
                    { type: "STRINGLIKE", key: "ignored", value: "x" },
                    { type: "STRINGEQUALS", key: "no-value" },
                ],
                resources: ["*", 3],
                notResources: [ARN],
                conditions: [
                    {
                        stringEquals: [{ key: "aws:ResourceTag/team", value: "platform" }],
                        stringNotEquals: [{ key: "tier", value: "scratch" }],
                        stringLikes: [{ key: "aws:ResourceTag/env", value: "prod*" }],
                        stringNotLikes: [{ key: "aws:ResourceTag/name", value: "*-tmp" }],
                    },
                ],
            }),
            {
                resources: ["*"],
                notResources: [ARN],
                tags: [{ key: "backup-plan", value: "acme-prod-backup-plan" }],
                conditions: [
                    { key: "team", operator: "stringEquals", value: "platform" },
                    { key: "tier", operator: "stringNotEquals", value: "scratch" },
                    { key: "env", operator: "stringLike", value: "prod*" },
                    { key: "name", operator: "stringNotLike", value: "*-tmp" },
                ],
            },
        );
        assert.deepEqual(selectionRules({}), { resources: [], notResources: [], tags: [], conditions: [] });
    });

    it("matches wildcards: * is any run of characters, the rest literal (regular expression characters included)", () => {
        assert.equal(wildcardMatch("arn:aws:rds:*:db:*", ARN), true);
        assert.equal(wildcardMatch("arn:aws:s3:::*", ARN), false);
        assert.equal(wildcardMatch("a.b", "axb"), false);
        assert.equal(wildcardMatch("a.b", "a.b"), true);
        assert.equal(wildcardMatch("*", ""), true);
    });

    it("selects by tag or by ARN (or *), narrowed by every condition, minus notResources", () => {
        const byTag = selectionRules({ selectionTags: [{ type: "STRINGEQUALS", key: "backup-plan", value: "p" }] });
        assert.equal(selects(byTag, { "backup-plan": "p" }, undefined), true);
        assert.equal(selects(byTag, { "backup-plan": "other" }, ARN), false);
        assert.equal(selects(byTag, {}, ARN), false);

        const byArn = selectionRules({ resources: ["arn:aws:rds:*"] });
        assert.equal(selects(byArn, {}, ARN), true);
        assert.equal(selects(byArn, {}, undefined), false, "an ARN unknown before creation matches no ARN pattern");
        assert.equal(selects(selectionRules({ resources: ["*"] }), {}, undefined), true);

        const narrowed = selectionRules({
            resources: ["*"],
            notResources: ["*:db:acme-prod-postgres-db"],
            conditions: [
                { stringEquals: [{ key: "aws:ResourceTag/team", value: "platform" }], stringNotLikes: [{ key: "name", value: "*-tmp" }] },
            ],
        });
        assert.equal(selects(narrowed, { team: "platform" }, "arn:aws:s3:::bucket"), true);
        assert.equal(selects(narrowed, { team: "data" }, "arn:aws:s3:::bucket"), false);
        assert.equal(selects(narrowed, { team: "platform", name: "x-tmp" }, "arn:aws:s3:::bucket"), false);
        assert.equal(selects(narrowed, { team: "platform" }, ARN), false);

        const like = selectionRules({
            resources: ["*"],
            conditions: [{ stringLikes: [{ key: "env", value: "prod*" }], stringNotEquals: [{ key: "tier", value: "scratch" }] }],
        });
        assert.equal(selects(like, { env: "prod-eu" }, undefined), true);
        assert.equal(selects(like, {}, undefined), false, "stringLike needs the tag");
        assert.equal(selects(like, { env: "prod", tier: "scratch" }, undefined), false);
    });
});

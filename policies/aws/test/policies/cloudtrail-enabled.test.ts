import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { cloudtrailEnabled } from "../../src/policies/cloudtrail-enabled.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [cloudtrailEnabled] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, cloudtrailEnabled, urn, detail);
const TRAIL = "aws:cloudtrail/trail:Trail";
const good = {
    s3BucketName: "b",
    isMultiRegionTrail: true,
    enableLogFileValidation: true,
    kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/logs",
};

describe("aws-cloudtrail-enabled", () => {
    it("passes a multi-region, validated, CMK-encrypted trail that logs", async () => {
        const s = new StackFixture();
        s.custom(TRAIL, "good", good);
        s.custom(TRAIL, "logging", { ...good, enableLogging: true });
        assert.deepEqual(await run(s), []);
    });

    it("flags each setting off, and every setting unset", async () => {
        const s = new StackFixture();
        const single = s.custom(TRAIL, "single", { ...good, isMultiRegionTrail: false });
        const unvalidated = s.custom(TRAIL, "unvalidated", { ...good, enableLogFileValidation: false });
        const unencrypted = s.custom(TRAIL, "unencrypted", { ...good, kmsKeyId: "" });
        const stopped = s.custom(TRAIL, "stopped", { ...good, enableLogging: false });
        const unset = s.custom(TRAIL, "unset", { s3BucketName: "b" });
        assert.deepEqual(await run(s), [
            v(single.urn, "CloudTrail trail single is not multi-region (set isMultiRegionTrail: true)."),
            v(unvalidated.urn, "CloudTrail trail unvalidated does not validate log files (set enableLogFileValidation: true)."),
            v(unencrypted.urn, "CloudTrail trail unencrypted is not encrypted with a customer key (set kmsKeyId)."),
            v(stopped.urn, "CloudTrail trail stopped has logging switched off (remove enableLogging: false)."),
            v(unset.urn, "CloudTrail trail unset is not multi-region (set isMultiRegionTrail: true)."),
            v(unset.urn, "CloudTrail trail unset does not validate log files (set enableLogFileValidation: true)."),
            v(unset.urn, "CloudTrail trail unset is not encrypted with a customer key (set kmsKeyId)."),
        ]);
    });
});

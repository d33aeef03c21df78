import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { guarddutyEnabled } from "../../src/policies/guardduty-enabled.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [guarddutyEnabled] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, guarddutyEnabled, urn, detail);
const DETECTOR = "aws:guardduty/detector:Detector";

describe("aws-guardduty-enabled", () => {
    it("passes an enabled detector publishing every 15 minutes or hourly, enable left to its default", async () => {
        const s = new StackFixture();
        s.custom(DETECTOR, "fast", { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
        s.custom(DETECTOR, "hourly", { findingPublishingFrequency: "ONE_HOUR" });
        assert.deepEqual(await run(s), []);
    });

    it("flags a disabled detector, a six-hour frequency and an unset frequency", async () => {
        const s = new StackFixture();
        const off = s.custom(DETECTOR, "off", { enable: false, findingPublishingFrequency: "FIFTEEN_MINUTES" });
        const slow = s.custom(DETECTOR, "slow", { findingPublishingFrequency: "SIX_HOURS" });
        const unset = s.custom(DETECTOR, "unset", {});
        assert.deepEqual(await run(s), [
            v(off.urn, "GuardDuty detector off is disabled (enable: false); set enable: true."),
            v(slow.urn, "GuardDuty detector slow publishes findings at SIX_HOURS; set findingPublishingFrequency: FIFTEEN_MINUTES."),
            v(
                unset.urn,
                "GuardDuty detector unset publishes findings every six hours (findingPublishingFrequency unset); set findingPublishingFrequency: FIFTEEN_MINUTES.",
            ),
        ]);
    });
});

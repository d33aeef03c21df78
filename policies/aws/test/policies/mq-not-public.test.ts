import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { mqNotPublic } from "../../src/policies/mq-not-public.js";

const BROKER = "aws:mq/broker:Broker";

describe("aws-mq-not-public", () => {
    it("passes private and unset brokers, flags a public one", async () => {
        const s = new StackFixture();
        s.custom(BROKER, "private", { publiclyAccessible: false });
        s.custom(BROKER, "unset", {});
        const exposed = s.custom(BROKER, "public", { publiclyAccessible: true });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [mqNotPublic] }, s.build()), [
            expectedViolation(packName, mqNotPublic, exposed.urn, "MQ broker public sets publiclyAccessible: true; set it to false."),
        ]);
    });
});

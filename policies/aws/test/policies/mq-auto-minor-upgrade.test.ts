import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { mqAutoMinorUpgrade } from "../../src/policies/mq-auto-minor-upgrade.js";

describe("aws-mq-auto-minor-upgrade", () => {
    it("passes minor upgrades on; flags off and unset", async () => {
        const s = new StackFixture();
        s.custom("aws:mq/broker:Broker", "on", { engineType: "RabbitMQ", autoMinorVersionUpgrade: true });
        const off = s.custom("aws:mq/broker:Broker", "off", { engineType: "RabbitMQ", autoMinorVersionUpgrade: false });
        const unset = s.custom("aws:mq/broker:Broker", "unset", { engineType: "RabbitMQ" });
        const v = (urn: string, name: string) =>
            expectedViolation(
                packName,
                mqAutoMinorUpgrade,
                urn,
                `MQ broker ${name} does not set autoMinorVersionUpgrade: true, so security fixes wait for a manual upgrade; set it.`,
            );
        assert.deepEqual(await evaluatePack({ name: packName, policies: [mqAutoMinorUpgrade] }, s.build()), [
            v(off.urn, "off"),
            v(unset.urn, "unset"),
        ]);
    });
});

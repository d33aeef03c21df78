import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { mqLogs } from "../../src/policies/mq-logs.js";

const BROKER = "aws:mq/broker:Broker";
const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [mqLogs] }, s.build());

describe("aws-mq-logs", () => {
    it("passes RabbitMQ with general logs and ActiveMQ with general and audit logs", async () => {
        const s = new StackFixture();
        s.custom(BROKER, "rabbit", { engineType: "RabbitMQ", logs: { general: true } });
        s.custom(BROKER, "active", { engineType: "ActiveMQ", logs: { general: true, audit: true } });
        assert.deepEqual(await run(s), []);
    });

    it("flags unset logs, general off, and ActiveMQ without audit", async () => {
        const s = new StackFixture();
        const unset = s.custom(BROKER, "unset", { engineType: "RabbitMQ" });
        const off = s.custom(BROKER, "off", { engineType: "RabbitMQ", logs: { general: false } });
        const active = s.custom(BROKER, "active", { engineType: "ActiveMQ", logs: { general: true } });
        const v = (urn: string, detail: string) => expectedViolation(packName, mqLogs, urn, detail);
        assert.deepEqual(await run(s), [
            v(unset.urn, "MQ broker unset does not send general logs to CloudWatch Logs; set logs: { general: true }."),
            v(off.urn, "MQ broker off does not send general logs to CloudWatch Logs; set logs: { general: true }."),
            v(active.urn, "MQ broker active does not send audit logs to CloudWatch Logs; set logs: { audit: true }."),
        ]);
    });
});

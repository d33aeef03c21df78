import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { synthesize } from "@platform/synth";
import { keyOf } from "../src/upstream.js";

const KEYS = { logs: "arn:logs", data: "arn:data", secrets: "arn:secrets", backups: "arn:backups" };

describe("platform upstream: the foundation's keys", () => {
    it("reads one purpose's key from the key map", async () => {
        const { outputs } = await synthesize({ project: "t", stack: "prod", program: () => ({ key: keyOf(KEYS, "data", "kmsKeyArns") }) });
        assert.deepEqual(outputs, { key: "arn:data" });
    });

    it("a missing or empty data key fails by name, not as an undefined bucket key", async () => {
        const { data: _data, ...noData } = KEYS;
        await assert.rejects(
            synthesize({
                project: "t",
                stack: "prod",
                program: () => ({ key: keyOf(pulumi.output(noData as typeof KEYS), "data", "kmsKeyArns") }),
            }),
            /the foundation stack's kmsKeyArns has no 'data' key; deploy the foundation layer first/,
        );
        await assert.rejects(
            synthesize({ project: "t", stack: "dr", program: () => ({ key: keyOf({ ...KEYS, data: "" }, "data", "kmsKeyIds") }) }),
            /the foundation stack's kmsKeyIds has no 'data' key/,
        );
    });
});

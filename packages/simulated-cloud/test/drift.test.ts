import * as assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { applyDrift, DRIFT_VARIABLE, driftFromEnvironment, parseDrift } from "../src/index.js";

const VPC = "urn:pulumi:dev::foundation::platform:network:AwsNetwork$aws:ec2/vpc:Vpc::network-vpc";
const KEY = "urn:pulumi:dev::foundation::aws:kms/key:Key::logs";
const READ = {
    id: "vpc-1",
    properties: { cidrBlock: "10.10.0.0/16", tags: { Name: "a" } },
    inputs: { cidrBlock: "10.10.0.0/16", tags: { Name: "a" } },
};

describe("simulated drift (PLATFORM_SIMULATED_DRIFT)", () => {
    it("replaces the set properties in the outputs and the inputs of that resource only", () => {
        const drift = parseDrift(JSON.stringify({ [VPC]: { set: { tags: { Name: "console" } } } }), "drift.json");
        assert.deepEqual(applyDrift(drift, VPC, READ), {
            id: "vpc-1",
            properties: { cidrBlock: "10.10.0.0/16", tags: { Name: "console" } },
            inputs: { cidrBlock: "10.10.0.0/16", tags: { Name: "console" } },
        });
        assert.equal(applyDrift(drift, KEY, READ), READ);
        const withoutInputs = { id: "vpc-1", properties: { cidrBlock: "10.10.0.0/16" } };
        assert.deepEqual(applyDrift(drift, VPC, withoutInputs), {
            id: "vpc-1",
            properties: { cidrBlock: "10.10.0.0/16", tags: { Name: "console" } },
        });
    });

    it("a deleted resource reads back with an empty id (the engine's 'gone')", () => {
        assert.deepEqual(applyDrift(parseDrift(JSON.stringify({ [KEY]: "deleted" }), "d.json"), KEY, READ), { id: "", properties: {} });
    });

    it("rejects what is not a drift file, naming the variable, the file and the fix", () => {
        const fix =
            /Fix: write \{"<urn>": \{"set": \{"<property>": <value>\}\}\} or \{"<urn>": "deleted"\}, or unset PLATFORM_SIMULATED_DRIFT$/;
        for (const [text, problem] of [
            ["{", /^PLATFORM_SIMULATED_DRIFT = "d.json": not JSON \(/],
            ["[]", /^PLATFORM_SIMULATED_DRIFT = "d.json": not a JSON object\. /],
            ['{"vpc-1": "deleted"}', /^PLATFORM_SIMULATED_DRIFT = "d.json": key "vpc-1" is not a resource URN\. /],
            [
                JSON.stringify({ [VPC]: "gone" }),
                /: the entry of urn:pulumi:dev::foundation::.*::network-vpc is neither "deleted" nor \{"set": \{\.\.\.\}\}\. /,
            ],
            [JSON.stringify({ [VPC]: { set: {}, also: 1 } }), /is neither "deleted" nor/],
        ] as const) {
            assert.throws(
                () => parseDrift(text, "d.json"),
                (err: Error) => problem.test(err.message) && fix.test(err.message),
            );
        }
    });

    it("reads the file the variable names at each call; unset means no drift; a missing file is an error", () => {
        assert.deepEqual(driftFromEnvironment({}), {});
        assert.deepEqual(driftFromEnvironment({ [DRIFT_VARIABLE]: "" }), {});
        const file = path.join(mkdtempSync(path.join(tmpdir(), "drift-")), "drift.json");
        writeFileSync(file, JSON.stringify({ [KEY]: "deleted" }));
        assert.deepEqual(driftFromEnvironment({ [DRIFT_VARIABLE]: file }), { [KEY]: "deleted" });
        writeFileSync(file, "{}");
        assert.deepEqual(driftFromEnvironment({ [DRIFT_VARIABLE]: file }), {});
        assert.throws(
            () => driftFromEnvironment({ [DRIFT_VARIABLE]: `${file}.missing` }),
            /^Error: PLATFORM_SIMULATED_DRIFT = ".*drift\.json\.missing": cannot read it \(.*\)\. Fix: point it at a drift file, or unset it$/,
        );
    });
});

/**
 * `platform synth --json` and the text report print secrets as [secret]: top-level and nested
 * secret inputs, secure config values, secret stack outputs, and secret values quoted in policy
 * messages. The fixture program's literal secrets must appear nowhere.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { buildReport, EXIT, type PackDefinition, renderText, runCli, synthesizeEnvironment, type SynthReport } from "@platform/automation";
import { FIXTURE_SECRETS } from "./fixtures/secret-values.js";
import { FIXTURES } from "./paths.js";

const ROOT = path.join(FIXTURES, "secrets");

/** A pack that quotes an input in its message, as careless policies do. */
const LEAKY_PACK: PackDefinition = {
    name: "leaky",
    policies: [
        {
            name: "quotes-the-api-key",
            description: "reports the apiKey input in its message",
            enforcementLevel: "advisory",
            validateResource: (args, reportViolation) => {
                if (typeof args.props["apiKey"] === "string") {
                    reportViolation(
                        `apiKey is ${String(args.props["apiKey"])}; labels.token is ${String((args.props["labels"] as Record<string, unknown>)["token"])}`,
                    );
                }
            },
        },
    ],
};

describe("secrets in synth reports", () => {
    it("synth --json prints every secret input and output as [secret] and leaves the rest readable", async () => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(["synth", "--env", "dev", "--json", "--root", ROOT, "--stack", "secrets"], {
            stdout: (t) => out.push(t),
            stderr: (t) => err.push(t),
            cwd: ROOT,
        });
        const text = out.join("\n");
        assert.deepEqual([code, err], [EXIT.ok, []]);
        for (const secret of FIXTURE_SECRETS) {
            assert.equal(text.includes(secret), false, `${secret} is printed in clear`);
        }
        const report = JSON.parse(text) as SynthReport;
        const database = report.stacks[0].resources.find((r) => r.name === "database");
        assert.deepEqual(database?.inputs, {
            user: "app-user",
            password: "[secret]",
            apiKey: "[secret]",
            labels: { team: "platform", token: "[secret]" },
            items: ["plain-item", "[secret]"],
        });
        assert.deepEqual(report.stacks[0].outputs, {
            endpoint: "db.internal",
            password: "[secret]",
            nested: { deep: "[secret]", shallow: "visible" },
        });
    });

    it("policy messages that quote a secret show [secret], in the JSON report and in the text report", async () => {
        const result = await synthesizeEnvironment({ root: ROOT, env: "dev", stack: "secrets", packs: [LEAKY_PACK] });
        const expected = "apiKey is [secret]; labels.token is [secret]";
        assert.deepEqual(
            buildReport(result).violations.map((v) => v.message),
            [`reports the apiKey input in its message\n${expected}`],
        );
        const text = renderText(result);
        assert.ok(text.includes(`\n${expected}\n`), text);
        for (const secret of FIXTURE_SECRETS) {
            assert.equal(text.includes(secret), false, `${secret} is printed in clear`);
        }
        // The inventory itself keeps the values (policies read them) and where they were.
        const database = result.stacks[0].resources.find((r) => r.name === "database");
        assert.equal(database?.inputs["apiKey"], FIXTURE_SECRETS[0]);
        assert.deepEqual(database?.secretPaths, ["apiKey", "items[1]", "labels.token", "password"]);
        assert.deepEqual(result.stacks[0].secretOutputPaths, ["nested.deep", "password"]);
    });
});

import * as assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation/index.js";
import { type KnownStack, openStack } from "../src/index.js";

/**
 * A stand-in `pulumi` that logs every invocation: `version` answers 3.276.0, `stack init` of a
 * stack named in $FAKE_EXISTING fails as the CLI does, everything else succeeds.
 */
const FAKE_CLI = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_LOG"
if [ "$1" = version ]; then echo v3.276.0; exit 0; fi
if [ "$1 $2" = "stack init" ] && [ -n "\${FAKE_EXISTING:-}" ]; then
  echo "error: stack '$FAKE_EXISTING' already exists" >&2; exit 255
fi
exit 0
`;

describe("openStack", () => {
    let dir: string;
    let log: string;
    let command: PulumiCommand;

    before(async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), "open-stack-"));
        mkdirSync(path.join(dir, "bin"));
        writeFileSync(path.join(dir, "bin", "pulumi"), FAKE_CLI);
        chmodSync(path.join(dir, "bin", "pulumi"), 0o755);
        log = path.join(dir, "calls.log");
        process.env["FAKE_LOG"] = log;
        command = await PulumiCommand.get({ root: dir, skipVersionCheck: true });
    });
    after(() => {
        delete process.env["FAKE_LOG"];
        rmSync(dir, { recursive: true, force: true });
    });

    /** The CLI calls openStack made for `known` (the version call of the set-up is not counted). */
    async function callsFor(known: KnownStack, existing?: string): Promise<{ stack: string; calls: string[] }> {
        const workDir = mkdtempSync(path.join(dir, "work-"));
        writeFileSync(log, "");
        const stack = await openStack(
            { stackName: "dev", workDir },
            {
                pulumiCommand: command,
                envVars: { FAKE_LOG: log, ...(existing === undefined ? {} : { FAKE_EXISTING: existing }) },
                projectSettings: { name: "foundation", runtime: "nodejs" },
            },
            known,
        );
        return { stack: stack.name, calls: readFileSync(log, "utf8").split("\n").filter(Boolean) };
    }

    it("present (a checkpoint on the file backend): starts no CLI at all", async () => {
        assert.deepEqual(await callsFor("present"), { stack: "dev", calls: [] });
    });

    it("absent: creates the stack with one `stack init`, no select first", async () => {
        assert.deepEqual(await callsFor("absent"), { stack: "dev", calls: ["stack init dev --non-interactive"] });
    });

    it("absent, but another run created it meanwhile: the failed init is followed by a select", async () => {
        assert.deepEqual(await callsFor("absent", "dev"), {
            stack: "dev",
            calls: ["stack init dev --non-interactive", "stack select --stack dev --non-interactive"],
        });
    });

    it("unknown (another backend): select, and create only if the engine says it is missing", async () => {
        assert.deepEqual(await callsFor("unknown"), { stack: "dev", calls: ["stack select --stack dev --non-interactive"] });
    });

    it("the shortcut stays on that workspace: another workspace's selectStack still runs the CLI", async () => {
        await callsFor("present");
        writeFileSync(log, "");
        const other = await openStack(
            { stackName: "prod", workDir: mkdtempSync(path.join(dir, "work-")) },
            { pulumiCommand: command, envVars: { FAKE_LOG: log }, projectSettings: { name: "data", runtime: "nodejs" } },
            "unknown",
        );
        await other.workspace.selectStack("prod");
        assert.deepEqual(readFileSync(log, "utf8").split("\n").filter(Boolean), [
            "stack select --stack prod --non-interactive",
            "stack select --stack prod --non-interactive",
        ]);
    });
});

import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { TYPESCRIPT_OFF_PRELOAD, withTypescriptOff } from "../src/index.js";

describe("the engine's NODE_OPTIONS: typescript: false honoured under the legacy language host", () => {
    const require = `--require ${JSON.stringify(TYPESCRIPT_OFF_PRELOAD)}`;

    it("adds the preload after the user's options, once", () => {
        assert.deepEqual(withTypescriptOff({ PATH: "/bin" }), { PATH: "/bin", NODE_OPTIONS: require });
        assert.deepEqual(withTypescriptOff({ NODE_OPTIONS: "--max-old-space-size=4096" }), {
            NODE_OPTIONS: `--max-old-space-size=4096 ${require}`,
        });
        const once = withTypescriptOff({});
        assert.deepEqual(withTypescriptOff(once), once);
        assert.ok(existsSync(TYPESCRIPT_OFF_PRELOAD), TYPESCRIPT_OFF_PRELOAD);
    });

    it("the preload removes PULUMI_NODEJS_TYPESCRIPT=true and leaves every other value alone", () => {
        const seen = (value: string | undefined): string => {
            const env: NodeJS.ProcessEnv = { ...withTypescriptOff({ PATH: process.env["PATH"] ?? "" }) };
            if (value !== undefined) env["PULUMI_NODEJS_TYPESCRIPT"] = value;
            return execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.env.PULUMI_NODEJS_TYPESCRIPT))"], {
                env,
                encoding: "utf8",
            });
        };
        assert.equal(seen("true"), "undefined");
        assert.equal(seen("false"), "false");
        assert.equal(seen(undefined), "undefined");
    });
});

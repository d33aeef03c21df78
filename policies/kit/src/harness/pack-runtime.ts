/**
 * What a policy pack loads at run time. The nodejs language host starts a pack by loading its
 * directory, so Node runs package.json `main` (`dist/src/pack.js`), which calls
 * `new PolicyPack(...)`. `loadPackRuntime` does exactly that in a fresh Node process, with
 * `@pulumi/policy`'s entry point replaced by a stand-in that records the pack instead of serving
 * it (the SDK's server is the policy process itself and needs gRPC; everything else is the pack's
 * own doing), and reports every module the process loaded.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** Modules a pack's runtime must not load, with why. */
export const NOT_AT_PACK_RUNTIME: ReadonlyArray<{ readonly pattern: RegExp; readonly why: string }> = [
    { pattern: /\/policies\/kit\/dist\/src\/harness\//, why: "the kit's evaluation and test harness" },
    { pattern: /\/node_modules\/@grpc\/grpc-js\//, why: "gRPC (only the SDK's server may load it)" },
    { pattern: /\/node_modules\/google-protobuf\//, why: "protobuf (only the SDK's server may load it)" },
    { pattern: /\/packages\/synth\//, why: "the synthesizer" },
    { pattern: /\/node_modules\/@pulumi\/pulumi\//, why: "the Pulumi SDK (only the SDK's server may load it)" },
    { pattern: /\/node_modules\/@pulumi\/(aws|gcp)\//, why: "a cloud provider SDK (policies match type tokens)" },
];

export interface PackRuntime {
    /** Every `new PolicyPack(name, { policies })` the entry point made: the pack name and its policy names. */
    readonly constructed: ReadonlyArray<{ readonly name: string; readonly policies: readonly string[] }>;
    /** Absolute paths of every module loaded, in load order (the stand-in excluded). */
    readonly modules: readonly string[];
}

/** Runs in the child: stubs `@pulumi/policy` as resolved from the pack, loads the pack directory, prints what happened. */
const CHILD = `
const Module = require("node:module");
const path = require("node:path");
const dir = process.argv[1];
const sdk = Module.createRequire(path.join(dir, "package.json")).resolve("@pulumi/policy");
const constructed = [];
class PolicyPack {
    constructor(name, args) {
        constructed.push({ name, policies: args.policies.map((p) => p.name) });
    }
}
const stub = new Module(sdk, null);
stub.filename = sdk;
stub.loaded = true;
stub.exports = { PolicyPack };
require.cache[sdk] = stub;
require(dir);
const modules = Object.keys(require.cache).filter((m) => m !== sdk);
process.stdout.write(JSON.stringify({ constructed, modules }));
`;

/** Loads the built pack in `packDir` as the language host would (see the module comment). */
export function loadPackRuntime(packDir: string): PackRuntime {
    const dir = path.resolve(packDir);
    const out = execFileSync(process.execPath, ["-e", CHILD, dir], { cwd: dir, encoding: "utf8" });
    return JSON.parse(out) as PackRuntime;
}

/** The loaded modules a pack runtime must not load, each with the reason, as `<why>: <path>`. */
export function modulesNotAllowedAtPackRuntime(modules: readonly string[]): string[] {
    return modules.flatMap((m) => {
        const rule = NOT_AT_PACK_RUNTIME.find((r) => r.pattern.test(m));
        return rule ? [`${rule.why}: ${m}`] : [];
    });
}

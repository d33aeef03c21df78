/**
 * The policy packs a layer's preview and up run with. Every run gets the platform and kubernetes
 * packs. A stack whose config names its cloud (every platform layer) gets that cloud's pack only,
 * with the platform pack's `platform-stack-cloud` configured for that cloud, so a resource of the
 * other cloud, which no pack in the run would check, stops the run. A stack without platform
 * settings (a fixture, a program reading other config) gets every pack, unconfigured. The pack
 * left out costs its process start and a call per resource: about 0.9 s of a 6 s foundation/prod
 * preview (docs/performance.md, round 6).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";

export type PackCloud = "aws" | "gcp";

const PACK_PACKAGES = {
    aws: "@platform/policy-aws",
    gcp: "@platform/policy-gcp",
    platform: "@platform/policy-platform",
    kubernetes: "@platform/policy-kubernetes",
} as const;

type PackName = keyof typeof PACK_PACKAGES;

/** The platform pack's policy that guards a run with one cloud pack (policies/platform/src/policies/stack-cloud.ts). */
export const STACK_CLOUD_POLICY = "platform-stack-cloud";

/** One attached pack and its `--policy-pack-config` document. */
export interface PackSelection {
    readonly pack: PackName;
    readonly config: Readonly<Record<string, unknown>>;
}

/** Which packs a stack of `cloud` runs with, in this order, and each one's config (undefined cloud: all four, unconfigured). */
export function packSelection(cloud: PackCloud | undefined): PackSelection[] {
    if (cloud === undefined) {
        return (["aws", "gcp", "platform", "kubernetes"] as const).map((pack) => ({ pack, config: {} }));
    }
    return [
        { pack: cloud, config: {} },
        { pack: "platform", config: { [STACK_CLOUD_POLICY]: { cloud } } },
        { pack: "kubernetes", config: {} },
    ];
}

function packDir(pack: PackName): string {
    return path.dirname(require.resolve(`${PACK_PACKAGES[pack]}/package.json`));
}

/** Every pack's directory (aws, gcp, platform, kubernetes): the packs synth evaluates. */
export function policyPackDirs(): string[] {
    return packSelection(undefined).map((s) => packDir(s.pack));
}

/** What the Automation API's preview and up get: pack directories and, when any pack is configured, one config file per pack. */
export interface AttachedPacks {
    readonly packs: string[];
    readonly configs: string[];
}

/**
 * The packs for a stack of `cloud`, with their config files written into `dir` (the CLI takes
 * either no `--policy-pack-config` or one per `--policy-pack`, in the same order).
 */
export function attachedPolicyPacks(cloud: PackCloud | undefined, dir: string): AttachedPacks {
    const selection = packSelection(cloud);
    const packs = selection.map((s) => packDir(s.pack));
    if (selection.every((s) => Object.keys(s.config).length === 0)) {
        return { packs, configs: [] };
    }
    mkdirSync(dir, { recursive: true });
    const configs = selection.map((s) => {
        const file = path.join(dir, `${s.pack}.json`);
        writeFileSync(file, `${JSON.stringify(s.config, null, 2)}\n`);
        return file;
    });
    return { packs, configs };
}

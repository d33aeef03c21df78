/** The CrossGuard packs every synthesized stack is checked against (the same objects `pulumi preview --policy-pack` loads). */
import type { Policies } from "@pulumi/policy";
import * as awsPack from "@platform/policy-aws";
import * as gcpPack from "@platform/policy-gcp";
import * as kubernetesPack from "@platform/policy-kubernetes";
import * as platformPack from "@platform/policy-platform";

export interface PackDefinition {
    readonly name: string;
    readonly policies: Policies;
}

export const POLICY_PACKS: readonly PackDefinition[] = [
    { name: awsPack.packName, policies: awsPack.policies },
    { name: gcpPack.packName, policies: gcpPack.policies },
    { name: platformPack.packName, policies: platformPack.policies },
    { name: kubernetesPack.packName, policies: kubernetesPack.policies },
];

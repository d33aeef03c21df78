/**
 * Node shapes: the profile says vCPUs and memory, this says which instance type that is on each
 * cloud. The vCPU:memory ratio picks the family (seed 003 C6: general-purpose, compute-optimized,
 * memory-optimized), the vCPU count the size. Current-generation Intel families with consistent
 * performance (no burstable or shared-core types: a node must keep its capacity under load).
 */
import type { Issue } from "../issues.js";
import type { Cloud } from "./profiles.js";

/** GiB of memory per vCPU, by node kind. */
export const NODE_MEMORY_RATIOS = { compute: 2, general: 4, memory: 8 } as const;

/** vCPU counts every family offers on both clouds. */
export const NODE_VCPU_SIZES = [2, 4, 8, 16, 32, 48, 64] as const;

const AWS_FAMILIES: Readonly<Record<number, string>> = { 2: "c7i", 4: "m7i", 8: "r7i" };
const AWS_SIZES: Readonly<Record<number, string>> = {
    2: "large",
    4: "xlarge",
    8: "2xlarge",
    16: "4xlarge",
    32: "8xlarge",
    48: "12xlarge",
    64: "16xlarge",
};
const GCP_FAMILIES: Readonly<Record<number, string>> = { 2: "n2-highcpu", 4: "n2-standard", 8: "n2-highmem" };

/** The instance (AWS) or machine (GCP) type of a node of `vcpu` vCPUs and `memoryGiB` GiB; undefined when no family fits. */
export function nodeMachineType(cloud: Cloud, vcpu: number, memoryGiB: number): string | undefined {
    if (!(NODE_VCPU_SIZES as readonly number[]).includes(vcpu) || memoryGiB % vcpu !== 0) {
        return undefined;
    }
    const ratio = memoryGiB / vcpu;
    if (cloud === "aws") {
        const family = AWS_FAMILIES[ratio];
        return family === undefined ? undefined : `${family}.${AWS_SIZES[vcpu]}`;
    }
    const family = GCP_FAMILIES[ratio];
    return family === undefined ? undefined : `${family}-${vcpu}`;
}

/** A node shape a family exists for. `field` names where the vCPUs come from (`platform:profile.cluster`). */
export function checkNodeShape(field: string, cloud: Cloud, vcpu: unknown, memoryGiB: unknown): Issue[] {
    if (typeof vcpu === "number" && typeof memoryGiB === "number" && nodeMachineType(cloud, vcpu, memoryGiB) !== undefined) {
        return [];
    }
    return [
        {
            field,
            value: { nodeVcpu: vcpu, nodeMemoryGiB: memoryGiB },
            problem: "no instance family has this shape",
            fix: `use ${NODE_VCPU_SIZES.join(", ")} vCPUs with 2, 4 or 8 GiB per vCPU (compute, general, memory), e.g. 8 vCPUs / 32 GiB`,
        },
    ];
}

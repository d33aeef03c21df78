/**
 * A resource policy over every container of every workload kind (Deployment, StatefulSet,
 * DaemonSet, Job, CronJob, Pod): `check` returns the problem and fix for one container, or
 * undefined when it complies; each problem is one violation naming the object and the container.
 */
import type { PolicyComplianceFramework, ResourceValidationPolicy } from "@pulumi/policy";
import { type Props, validateResourceOfTypes } from "@platform/policy-kit";
import { type Container, containerLabel, containers, objectLabel, podTemplate, WORKLOAD_TYPES } from "./workloads.js";

export interface ContainerPolicyDefinition {
    readonly name: string;
    readonly description: string;
    readonly severity: "low" | "medium" | "high" | "critical";
    readonly framework?: PolicyComplianceFramework;
    readonly tags?: string[];
    readonly remediationSteps: string;
    readonly url: string;
    /** The kinds it applies to. @default WORKLOAD_TYPES */
    readonly types?: readonly string[];
    readonly configSchema?: ResourceValidationPolicy["configSchema"];
    /** `<problem>; <fix>` for a non-compliant container, else undefined. */
    readonly check: (container: Container, podSpec: Props | undefined, config: Readonly<Record<string, unknown>>) => string | undefined;
}

export function containerPolicy(def: ContainerPolicyDefinition): ResourceValidationPolicy {
    const types = def.types ?? WORKLOAD_TYPES;
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: "mandatory",
        severity: def.severity,
        ...(def.framework !== undefined ? { framework: def.framework } : {}),
        ...(def.tags !== undefined ? { tags: def.tags } : {}),
        remediationSteps: def.remediationSteps,
        url: def.url,
        ...(def.configSchema !== undefined ? { configSchema: def.configSchema } : {}),
        validateResource: validateResourceOfTypes(types, (props, args, reportViolation) => {
            const { spec } = podTemplate(args.type, props);
            const config = args.getConfig<Record<string, unknown>>();
            const all = containers(spec);
            if (all.length === 0) {
                reportViolation(
                    `${objectLabel(args.type, props, args.name)} has no containers in its pod spec; a workload needs at least one.`,
                );
                return;
            }
            for (const c of all) {
                const problem = def.check(c, spec, config);
                if (problem !== undefined) {
                    reportViolation(`${objectLabel(args.type, props, args.name)}: ${containerLabel(c)} ${problem}.`);
                }
            }
        }),
    };
}

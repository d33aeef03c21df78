import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel, seedTags } from "@platform/policy-kit";

/** The clouds a stack can be limited to, and `any` (the default: every cloud pack runs). */
export const STACK_CLOUDS = ["aws", "gcp", "any"] as const;
export type StackCloud = (typeof STACK_CLOUDS)[number];

/**
 * The cloud pack that checks a resource type: `aws` for `aws:...`, `gcp` for `gcp:...`; undefined
 * for every other package and for providers (`pulumi:providers:gcp`), which no cloud pack checks:
 * an AWS layer may hold a GCP provider for a read (the data layer's cross-cloud backup copy).
 */
export function cloudOfType(type: string): "aws" | "gcp" | undefined {
    const pkg = type.split(":")[0];
    return pkg === "aws" || pkg === "gcp" ? pkg : undefined;
}

/**
 * The guard that lets `platform` attach only the environment's cloud pack (policy-aws or
 * policy-gcp) beside the platform and kubernetes packs: configured with that cloud, it refuses
 * any resource of the other one, which no pack in the run would check. Unconfigured (`any`, as
 * in synth or a preview given every pack) it checks nothing: every cloud's pack runs then.
 */
export const stackCloud: StackValidationPolicy = {
    name: "platform-stack-cloud",
    description: "A stack previewed with one cloud's policy pack holds no resource of the other cloud.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("003"),
    remediationSteps:
        "Create the other cloud's resources in a stack of an environment on that cloud (dr is GCP), or preview this stack with both cloud packs (configure this policy with cloud: any).",
    url: "https://www.pulumi.com/docs/insights/policy/policy-packs/authoring/#configurable-policies",
    configSchema: {
        properties: { cloud: { type: "string", enum: [...STACK_CLOUDS], default: "any" } },
    },
    validateStack: (args, reportViolation) => {
        const cloud = args.getConfig<{ cloud?: StackCloud }>().cloud ?? "any";
        if (cloud === "any") return;
        for (const resource of args.resources) {
            const other = cloudOfType(resource.type);
            if (other === undefined || other === cloud) continue;
            reportViolation(
                `${resource.type} ${resourceLabel(resource)} is a ${other} resource in a stack whose previews run with the ${cloud} policy pack only: ` +
                    `no ${other} policy checks it; create it in a ${other} environment's stack.`,
                resource.urn,
            );
        }
    },
};

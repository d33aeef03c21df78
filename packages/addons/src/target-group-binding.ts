/**
 * The AWS Load Balancer Controller's TargetGroupBinding (`elbv2.k8s.aws/v1beta1`), with its
 * schema registered like every other kind the platform creates. The controller publishes no
 * `@kubernetes-models` package: the checks below are the CRD's (chart 1.13) for the fields the
 * platform sets, closed where a typo would otherwise pass.
 */
import { registerModels } from "@platform/workload/schemas";

const SPEC_KEYS = ["serviceRef", "targetGroupARN", "targetType", "networking", "nodeSelector", "ipAddressType", "vpcID"];
const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[^/]+\/[0-9a-f]+$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Every problem with a TargetGroupBinding object (empty when valid). */
export function targetGroupBindingProblems(object: unknown): string[] {
    const o = (object ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (o["apiVersion"] !== "elbv2.k8s.aws/v1beta1") problems.push("/apiVersion must be elbv2.k8s.aws/v1beta1");
    if (o["kind"] !== "TargetGroupBinding") problems.push("/kind must be TargetGroupBinding");
    const metadata = (o["metadata"] ?? {}) as Record<string, unknown>;
    if (typeof metadata["name"] !== "string" || !NAME.test(metadata["name"])) problems.push("/metadata/name must be a DNS label");
    if (typeof metadata["namespace"] !== "string") problems.push("/metadata/namespace is required");
    const spec = o["spec"];
    if (typeof spec !== "object" || spec === null) return [...problems, "/spec is required"];
    const s = spec as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!SPEC_KEYS.includes(key)) problems.push(`/spec/${key} is not a field of TargetGroupBinding`);
    const ref = (s["serviceRef"] ?? {}) as Record<string, unknown>;
    if (typeof ref["name"] !== "string" || ref["name"].length === 0) problems.push("/spec/serviceRef/name is required");
    if (!(typeof ref["port"] === "string" || (typeof ref["port"] === "number" && Number.isInteger(ref["port"])))) {
        problems.push("/spec/serviceRef/port must be a port number or name");
    }
    if (typeof s["targetGroupARN"] !== "string" || !TARGET_GROUP_ARN.test(s["targetGroupARN"]))
        problems.push("/spec/targetGroupARN must be a target group ARN");
    if (s["targetType"] !== undefined && s["targetType"] !== "ip" && s["targetType"] !== "instance")
        problems.push("/spec/targetType must be ip or instance");
    return problems;
}

class TargetGroupBinding {
    constructor(private readonly data: unknown) {}
    validate(): void {
        const problems = targetGroupBindingProblems(this.data);
        if (problems.length > 0) throw new Error(`invalid TargetGroupBinding: ${problems.join(", ")}`);
    }
    toJSON(): unknown {
        return this.data;
    }
}

registerModels({ "elbv2.k8s.aws/v1beta1/TargetGroupBinding": TargetGroupBinding });

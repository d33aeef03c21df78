import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, asNonEmptyString, asRecord, asString, checkov, resourceLabel, resourcesOfTypes, tryRead } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The target group ARNs a listener's default actions forward to (`targetGroupArn` or `forward.targetGroups[].arn`). */
function forwardedArns(defaultActions: unknown): string[] {
    return (asArray(defaultActions) ?? []).flatMap((a) => {
        const action = asRecord(a) ?? {};
        const groups = asArray(asRecord(action["forward"])?.["targetGroups"]) ?? [];
        return [asNonEmptyString(action["targetGroupArn"]), ...groups.map((g) => asNonEmptyString(asRecord(g)?.["arn"]))].filter(
            (arn): arn is string => arn !== undefined,
        );
    });
}

/** True when the listener's default actions forward to the target group: by property dependency, else by known ARN. */
function forwardsTo(listener: PolicyResource, group: PolicyResource): boolean {
    if ((listener.propertyDependencies["defaultActions"] ?? []).some((d) => d.urn === group.urn)) return true;
    const arn = tryRead(() => asNonEmptyString(group.props["arn"]));
    const forwarded = tryRead(() => forwardedArns(listener.props["defaultActions"]));
    return arn.known && arn.value !== undefined && forwarded.known && forwarded.value.includes(arn.value);
}

/**
 * Load balancers do not carry plain HTTP end to end (CKV_AWS_378): a target group whose `protocol`
 * is HTTP is reached only through a listener that is not HTTP (HTTPS, TLS termination at the load
 * balancer), one of whose default actions forwards to it. An HTTP target group no listener of the
 * stack forwards to, or only an HTTP one, is flagged. Unset listener `protocol` is HTTP (the
 * provider's default); a target group without `protocol` (Lambda targets) is not judged.
 */
export const lbTargetGroupHttpsListener: StackValidationPolicy = {
    name: "aws-lb-target-group-https-listener",
    description: "HTTP target groups are reached only through an HTTPS listener.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_378: "Ensure AWS Load Balancer doesn't use HTTP protocol" }),
    remediationSteps:
        "Forward to the HTTP target group from an HTTPS listener (TLS ends at the load balancer; the public edge's listener on 443), or make the target group HTTPS.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html",
    validateStack: (args, reportViolation) => {
        const listeners = resourcesOfTypes(args.resources, AWS_TYPES.lbListener);
        for (const group of resourcesOfTypes(args.resources, AWS_TYPES.lbTargetGroup)) {
            if (asString(group.props["protocol"]) !== "HTTP") continue;
            const fronting = listeners.filter((l) => forwardsTo(l, group));
            if (fronting.some((l) => (asString(l.props["protocol"]) ?? "HTTP") !== "HTTP")) continue;
            const how =
                fronting.length === 0
                    ? "no listener of the stack forwards to it"
                    : `only HTTP listeners forward to it (${fronting.map((l) => resourceLabel(l)).join(", ")})`;
            reportViolation(
                `HTTP target group ${resourceLabel(group)}: ${how}, so requests travel unencrypted from the client on; forward to it from an HTTPS listener, or make it HTTPS.`,
                group.urn,
            );
        }
    },
};

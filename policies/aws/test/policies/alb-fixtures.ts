/** The public edge's resources as AwsPublicEdge creates them, for the ALB and WAF policies' tests. */
import type { EvaluatedResource } from "@platform/policy-kit/harness";
import { environmentStack } from "./prod-fixtures.js";

export const LB = "aws:lb/loadBalancer:LoadBalancer";
export const LISTENER = "aws:lb/listener:Listener";
export const ACL = "aws:wafv2/webAcl:WebAcl";
export const ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
export const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

export const GOOD_LB = {
    loadBalancerType: "application",
    internal: false,
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "strictest",
    enableDeletionProtection: true,
    accessLogs: { bucket: "logs", prefix: "alb", enabled: true },
};

export const GOOD_RULES = [
    { name: "rate", priority: 0, action: { block: {} }, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } } },
    ...[
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
    ].map((name, i) => ({
        name,
        priority: i + 1,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    })),
];

export function edgeStack(environment = "prod") {
    const { s, add } = environmentStack(environment);
    const lb = (name: string, props: Record<string, unknown> = GOOD_LB) =>
        add(LB, name, props, { id: `arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/${name}/1` });
    const listener = (name: string, of: EvaluatedResource, props: Record<string, unknown>) =>
        add(LISTENER, name, { loadBalancerArn: of.id, ...props }, { propertyDependencies: { loadBalancerArn: [of] } });
    const acl = (name: string, rules: unknown = GOOD_RULES) =>
        add(ACL, name, { scope: "REGIONAL", defaultAction: { allow: {} }, rules }, { id: `acl-${name}` });
    const associate = (name: string, of: EvaluatedResource, web: EvaluatedResource) =>
        add(
            ASSOCIATION,
            name,
            { resourceArn: of.id, webAclArn: web.id },
            { propertyDependencies: { resourceArn: [of], webAclArn: [web] } },
        );
    const logging = (name: string, of: EvaluatedResource, props: Record<string, unknown>) =>
        add(LOGGING, name, { resourceArn: of.id, ...props }, { propertyDependencies: { resourceArn: [of] } });
    return { s, add, lb, listener, acl, associate, logging };
}

export const REDACTED = [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }];

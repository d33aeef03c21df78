/** Public and private zones, and what signs and logs them, for the Route 53 policy tests. */
import { StackFixture } from "@platform/policy-kit/harness";

export const ZONE = "aws:route53/zone:Zone";
export const DNSSEC = "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec";
export const QUERY_LOG = "aws:route53/queryLog:QueryLog";

export function zones() {
    const s = new StackFixture();
    const pub = s.custom(ZONE, "public", { name: "acme.example.com", id: "ZPUBLIC" });
    const priv = s.custom(ZONE, "private", { name: "prod.acme.internal", vpcs: [{ vpcId: "vpc-1" }], id: "ZPRIVATE" });
    return { s, pub, priv };
}

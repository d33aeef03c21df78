/**
 * GcpEdgeSecurity: the public edge's security on GCP (issue 12), the policies a GKE external
 * HTTPS load balancer in front of the public gateway references: a Cloud Armor security policy
 * (OWASP CRS 3.3 preconfigured WAF rules, a per-IP rate-based ban, adaptive protection's layer 7
 * DDoS defense) for its backend service (a BackendConfig's `securityPolicy`), and an SSL policy
 * (RESTRICTED, TLS 1.2 at least) for its frontend (a FrontendConfig's `sslPolicy`).
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, PlatformComponent } from "@platform/core";
import { DEFAULT_RATE_LIMIT_PER_5_MINUTES } from "./aws-edge-plan.js";
import { GCP_SSL_POLICY, planCloudArmorRules, validateGcpEdgeSecurityArgs } from "./gcp-edge-plan.js";

export interface GcpEdgeSecurityArgs {
    /** Project and environment: physical names are `<project>-<env>-<component name>-<child>`. */
    readonly naming: ComponentNaming;
    /** The GCP project. */
    readonly project: string;
    /**
     * Requests per client IP per 5 minutes before Cloud Armor bans the IP (seed 002 "rate limiting").
     * @default 2000 (the AWS edge's default, so both clouds behave alike)
     */
    readonly rateLimitPer5Minutes?: number;
}

export class GcpEdgeSecurity extends PlatformComponent {
    /** The Cloud Armor policy's name: a BackendConfig's `spec.securityPolicy.name`. */
    readonly securityPolicyName: pulumi.Output<string>;
    /** The SSL policy's name: a FrontendConfig's `spec.sslPolicy`. */
    readonly sslPolicyName: pulumi.Output<string>;

    constructor(name: string, args: GcpEdgeSecurityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpEdgeSecurity", name, args.naming, opts);
        const rateLimit = args.rateLimitPer5Minutes ?? DEFAULT_RATE_LIMIT_PER_5_MINUTES;
        this.validate(validateGcpEdgeSecurityArgs({ rateLimitPer5Minutes: rateLimit }));
        const armor = new gcp.compute.SecurityPolicy(
            this.childName("armor"),
            {
                project: args.project,
                name: this.physicalName("armor", "gcp"),
                description: "Public edge: OWASP CRS 3.3 preconfigured rules and a per-IP rate-based ban",
                type: "CLOUD_ARMOR",
                rules: planCloudArmorRules(rateLimit),
                adaptiveProtectionConfig: { layer7DdosDefenseConfig: { enable: true, ruleVisibility: "STANDARD" } },
            },
            this.childOptions(),
        );
        const ssl = new gcp.compute.SSLPolicy(
            this.childName("tls"),
            { project: args.project, name: this.physicalName("tls", "gcp"), ...GCP_SSL_POLICY },
            this.childOptions(),
        );
        this.securityPolicyName = armor.name;
        this.sslPolicyName = ssl.name;
        this.complete("securityPolicyName", "sslPolicyName");
    }
}

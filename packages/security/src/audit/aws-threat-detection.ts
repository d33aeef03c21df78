/**
 * Threat detection and posture (seed 003 S15): a GuardDuty detector publishing findings every 15
 * minutes with S3 data events, EKS audit logs and RDS login events, and Security Hub with the AWS
 * Foundational Security Best Practices and CIS v3.0.0 standards (controls enabled automatically).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, PlatformComponent } from "@platform/core";

/** GuardDuty protection plans turned on beyond the foundational sources (CloudTrail, VPC flow logs, DNS). */
export const GUARDDUTY_FEATURES = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "RDS_LOGIN_EVENTS"] as const;
/** Security Hub standards subscribed (`<standard>/v/<version>` of `arn:<partition>:securityhub:<region>::standards/`). */
export const SECURITY_HUB_STANDARDS = [
    "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark/v/3.0.0",
] as const;

export interface AwsThreatDetectionArgs {
    readonly naming: ComponentNaming;
}

/** Protection: pass `{ protect: true }` (prod and dr do): the detector and Security Hub hold findings and are retained. */
export class AwsThreatDetection extends PlatformComponent {
    readonly detectorId: pulumi.Output<string>;

    constructor(name: string, args: AwsThreatDetectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AwsThreatDetection", name, args.naming, opts);
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const detector = new aws.guardduty.Detector(
            this.childName("guardduty"),
            { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" },
            this.statefulOptions(),
        );
        for (const feature of GUARDDUTY_FEATURES) {
            new aws.guardduty.DetectorFeature(
                this.childName(`guardduty-${feature.toLowerCase().replace(/_/g, "-")}`),
                { detectorId: detector.id, name: feature, status: "ENABLED" },
                this.childOptions(),
            );
        }
        const hub = new aws.securityhub.Account(
            this.childName("securityhub"),
            { enableDefaultStandards: false, autoEnableControls: true, controlFindingGenerator: "SECURITY_CONTROL" },
            this.statefulOptions(),
        );
        for (const standard of SECURITY_HUB_STANDARDS) {
            new aws.securityhub.StandardsSubscription(
                this.childName(`securityhub-${standard.split("/")[0] ?? "standard"}`),
                { standardsArn: pulumi.interpolate`arn:${partition}:securityhub:${region}::standards/${standard}` },
                this.childOptions({ dependsOn: [hub] }),
            );
        }
        this.detectorId = detector.id;
        this.complete("detectorId");
    }
}

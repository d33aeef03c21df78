import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNumber, asRecord, asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The highest IMDS hop limit allowed: 1 keeps pods from the node's credentials; 2 only where a documented workload needs it. */
export const MAX_HOP_LIMIT = 2;

/**
 * Launch templates and instances require IMDSv2 (session tokens) with a hop limit of at most 2
 * (CKV_AWS_79, CKV_AWS_341): IMDSv1 answers any request that reaches it, so a server-side request
 * forgery hands out the instance role's credentials; a higher hop limit lets containers reach
 * them. Unset `metadataOptions` (or `httpTokens`) means IMDSv1 is still allowed. An instance
 * metadata endpoint that is disabled passes.
 */
export const ec2Imdsv2Required: ResourceValidationPolicy = {
    name: "aws-ec2-imdsv2-required",
    description: `Launch templates and instances require IMDSv2 with a hop limit of at most ${MAX_HOP_LIMIT}.`,
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_79: "Ensure Instance Metadata Service Version 1 is not enabled",
        CKV_AWS_341: "Ensure Launch template should not have a metadata response hop limit greater than 1",
    }),
    remediationSteps:
        'Set metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } (2 only for a documented workload that needs IMDS from a container).',
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.launchTemplate, AWS_TYPES.ec2Instance], (props, args, reportViolation) => {
        const what = args.type === AWS_TYPES.launchTemplate ? "launch template" : "instance";
        const options = asRecord(props["metadataOptions"]) ?? {};
        if (asString(options["httpEndpoint"]) === "disabled") return;
        const tokens = asString(options["httpTokens"]);
        if (tokens !== "required") {
            const state = tokens === undefined ? "does not set metadataOptions.httpTokens" : `sets metadataOptions.httpTokens: ${tokens}`;
            reportViolation(`${what} ${args.name} ${state}, so IMDSv1 answers without a session token; set httpTokens: "required".`);
        }
        const hops = asNumber(options["httpPutResponseHopLimit"]);
        if (hops !== undefined && hops > MAX_HOP_LIMIT) {
            reportViolation(
                `${what} ${args.name} sets httpPutResponseHopLimit: ${hops}, so containers can reach the instance's credentials; set it to 1 (${MAX_HOP_LIMIT} at most).`,
            );
        }
    }),
};

import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asStringArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

const OPEN_TO_ALL = ["0.0.0.0/0", "::/0"];
const FIX =
    "set vpcConfig.endpointPublicAccess: false (reach the API from the VPC or a VPN), or list the networks that need it in publicAccessCidrs";

/**
 * The EKS API endpoint is private, or public only to an allow-list (CKV_AWS_38/39, seed 003 "Private
 * API endpoint"): a public endpoint open to the internet exposes the API server to every scanner
 * and every leaked credential. EKS makes the endpoint public, open to 0.0.0.0/0, when
 * `endpointPublicAccess` or `publicAccessCidrs` is left unset, so unset counts as open.
 */
export const eksEndpointNotPublic: ResourceValidationPolicy = {
    name: "aws-eks-endpoint-not-public",
    description: "EKS API endpoints are private, or public only to an allow-list.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_38: "Ensure Amazon EKS public endpoint not accessible to 0.0.0.0/0",
        CKV_AWS_39: "Ensure Amazon EKS public endpoint disabled",
    }),
    remediationSteps:
        "Set vpcConfig.endpointPrivateAccess: true and endpointPublicAccess: false; if people or CI must reach the API from the internet, keep endpointPublicAccess: true with publicAccessCidrs listing only their networks (never 0.0.0.0/0).",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.eksCluster], (props, args, reportViolation) => {
        const vpcConfig = asRecord(props["vpcConfig"]) ?? {};
        const publicAccess = vpcConfig["endpointPublicAccess"];
        if (publicAccess === false) return;
        const how =
            publicAccess === true
                ? "has a public API endpoint"
                : "leaves endpointPublicAccess unset, which EKS takes as a public API endpoint";
        const cidrs = asStringArray(vpcConfig["publicAccessCidrs"]);
        if (cidrs.length === 0) {
            reportViolation(`EKS cluster ${args.name} ${how} with no publicAccessCidrs, so it is open to 0.0.0.0/0; ${FIX}.`);
            return;
        }
        const open = cidrs.filter((c) => OPEN_TO_ALL.includes(c));
        if (open.length > 0) {
            reportViolation(`EKS cluster ${args.name} ${how} open to ${open.join(", ")}; ${FIX}.`);
        }
    }),
};

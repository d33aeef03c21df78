/** The packs policies/README.md documents, in README order. */
import * as aws from "@platform/policy-aws";
import * as gcp from "@platform/policy-gcp";
import * as kubernetes from "@platform/policy-kubernetes";
import * as platform from "@platform/policy-platform";
import type { DocumentedPack } from "./table.js";

export const PACKS: readonly DocumentedPack[] = [
    { name: aws.packName, policies: aws.policies },
    { name: gcp.packName, policies: gcp.policies },
    { name: platform.packName, policies: platform.policies },
    { name: kubernetes.packName, policies: kubernetes.policies },
];

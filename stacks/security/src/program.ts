/**
 * The `security` stack program: validated config -> provider -> the foundation's logs key (typed
 * stack reference, AWS) -> security layer -> outputs.
 */
import { createCloudProvider, loadPlatformSettings } from "@platform/core";
import { foundationLogsKeyArn } from "./foundation.js";
import { securityLayer, type SecurityStackOutputs } from "./layer.js";

export function securityProgram(): SecurityStackOutputs {
    const settings = loadPlatformSettings();
    return securityLayer(
        settings,
        createCloudProvider(settings),
        settings.cloud === "aws" ? { logsKmsKeyArn: foundationLogsKeyArn() } : {},
    );
}

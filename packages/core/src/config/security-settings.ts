/** `platform:security` with every default resolved. */
import { isProductionEnvironment } from "@platform/facts";
import type { EnvironmentName } from "../environments/profiles.js";
import type { SecurityConfig } from "./security-schema.js";
import type { SecuritySettings } from "./settings.js";

export function resolveSecuritySettings(config: SecurityConfig | undefined, environment: EnvironmentName): SecuritySettings {
    const github = config?.github;
    return {
        ...(github !== undefined
            ? { github: { owner: github.owner, repository: github.repository, environment: github.environment ?? environment } }
            : {}),
        // Audit logs are evidence: write-once by default where the environment is production.
        auditObjectLock: config?.auditObjectLock ?? (isProductionEnvironment(environment) ? "governance" : "none"),
    };
}

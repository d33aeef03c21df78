/** `platform:security` with every default resolved. */
import { isProductionEnvironment } from "@platform/facts";
import type { EnvironmentName } from "../environments/profiles.js";
import type { SecurityConfig } from "./security-schema.js";
import type { SecuritySettings } from "./settings.js";

export function resolveSecuritySettings(config: SecurityConfig | undefined, environment: EnvironmentName): SecuritySettings {
    const github = config?.github;
    const state = config?.stateBackend;
    return {
        ...(github !== undefined
            ? { github: { owner: github.owner, repository: github.repository, environment: github.environment ?? environment } }
            : {}),
        // Validation guarantees stateBackend with github (security-cross-field.ts).
        ...(github !== undefined && state !== undefined
            ? {
                  drift: {
                      githubEnvironment: github.driftEnvironment ?? `${environment}-drift`,
                      stateBucket: state.bucket,
                      ...(state.secretsKey !== undefined ? { stateSecretsKey: state.secretsKey } : {}),
                  },
              }
            : {}),
        // Audit logs are evidence: write-once by default where the environment is production.
        auditObjectLock: config?.auditObjectLock ?? (isProductionEnvironment(environment) ? "governance" : "none"),
    };
}

/**
 * `platform destroy` of a production environment needs the environment named twice: once in
 * --env, once in --confirm-production. One flag typed into the wrong shell history line must not
 * be enough to tear prod down. (Protected resources are kept either way: see deploy.ts.)
 */
import { type EnvironmentName, isProductionEnvironment } from "@platform/facts";
import { UsageError } from "../workspace/errors.js";

/** Throws a {@link UsageError} unless `confirmation` allows destroying `env`. */
export function checkDestroyConfirmation(env: EnvironmentName, confirmation: string | undefined, stackFlag: string): void {
    if (confirmation !== undefined && confirmation !== env) {
        throw new UsageError(
            `--confirm-production = ${JSON.stringify(confirmation)}: does not name the environment being destroyed (${env}). Fix: --confirm-production ${env}, or check --env`,
        );
    }
    if (confirmation === undefined && isProductionEnvironment(env)) {
        throw new UsageError(
            `--env = "${env}": ${env} is a production environment, and destroying it needs the environment named again. ` +
                `Fix: platform destroy --env ${env} --simulate${stackFlag} --confirm-production ${env} ` +
                `(protected resources, and what they depend on, are kept either way)`,
        );
    }
}

/** The `--env` check, shared by the CLI parser and the library entry points (synth, deployments). */
import { ENVIRONMENTS, type EnvironmentName } from "@platform/facts";
import { UsageError } from "./errors.js";

/** `dev, staging, prod or dr`, for messages. */
export const ENVIRONMENT_LIST = `${ENVIRONMENTS.slice(0, -1).join(", ")} or ${ENVIRONMENTS[ENVIRONMENTS.length - 1]}`;

/** Returns `env` as an environment name, or throws a {@link UsageError} naming the value and the fix. */
export function checkEnvironment(env: string): EnvironmentName {
    const found = ENVIRONMENTS.find((e) => e === env);
    if (found === undefined) {
        throw new UsageError(`--env = ${JSON.stringify(env)}: unknown environment. Fix: use one of ${ENVIRONMENTS.join(", ")}`);
    }
    return found;
}

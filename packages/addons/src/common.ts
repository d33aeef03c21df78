/** Validation shared by the add-on components. */
import { checkWholeNumber, type Issue, PLATFORM_REPLICA_RANGE } from "@platform/core";

/** A replica count within the range the profile allows (1 to 10). */
export function checkReplicas(field: string, value: unknown): Issue[] {
    return checkWholeNumber(field, value, PLATFORM_REPLICA_RANGE);
}

/** A PodDisruptionBudget that allows one disruption, or none at all with a single replica (it would block every drain). */
export function disruptionBudget(replicas: number): { enabled: boolean; maxUnavailable?: number } {
    return replicas > 1 ? { enabled: true, maxUnavailable: 1 } : { enabled: false };
}

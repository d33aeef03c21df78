import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, resourceLabel, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";

/**
 * In prod and dr, Memorystore for Redis runs STANDARD_HA (seeds 000 "Redis cluster", 001, 003): a
 * replica in another zone with automatic failover. Unset is BASIC (one node).
 */
export const memorystoreStandardHa: StackValidationPolicy = {
    name: "gcp-memorystore-standard-ha",
    description: "Production Memorystore for Redis instances are STANDARD_HA.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("000", "001", "003"),
    remediationSteps: 'In prod and dr, set tier: "STANDARD_HA" with an alternativeLocationId (the data profile\'s highAvailability).',
    url: "https://cloud.google.com/memorystore/docs/redis/high-availability-for-memorystore-for-redis",
    validateStack: (args, reportViolation) => {
        for (const cache of resourcesOfTypes(args.resources, GCP_TYPES.redisInstance)) {
            const environment = productionEnvironmentOf(cache, args.resources);
            const tier = asString(cache.props["tier"]);
            if (environment === undefined || tier === "STANDARD_HA") continue;
            reportViolation(
                `Memorystore instance ${resourceLabel(cache)} is in ${environment} but ${tier === undefined ? "does not set tier (BASIC)" : `is ${tier}`}; set tier: "STANDARD_HA".`,
                cache.urn,
            );
        }
    },
};

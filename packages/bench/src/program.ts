/**
 * The generated program: N customer-managed KMS keys, rotated and tagged as the foundation layer
 * makes them. One type the simulated cloud models, no dependencies between the keys, so the cost
 * per resource is the engine's and the provider's, not the program's graph.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Config key holding N. */
export const COUNT_KEY = "bench:count";

export function keys(count: number): { count: number } {
    for (let i = 0; i < count; i++) {
        new aws.kms.Key(`key-${i}`, {
            description: `bench key ${i}`,
            enableKeyRotation: true,
            deletionWindowInDays: 7,
            tags: { environment: "bench", index: String(i) },
        });
    }
    return { count };
}

/** The stack program the engine runs (stack-main.ts): N from config. */
export function keysFromConfig(): { count: number } {
    return keys(new pulumi.Config("bench").requireNumber("count"));
}

/** Shared fixtures of the rds-* resource policy tests: a compliant instance and a one-policy check. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";

export const INSTANCE = "aws:rds/instance:Instance";
export const CLUSTER = "aws:rds/cluster:Cluster";
export const KEY = "arn:aws:kms:us-east-1:111111111111:key/data";

/** An instance as the platform's AwsPostgresDatabase creates it. */
export const compliant = {
    engine: "postgres",
    storageEncrypted: true,
    kmsKeyId: KEY,
    publiclyAccessible: false,
    performanceInsightsEnabled: true,
    performanceInsightsKmsKeyId: KEY,
    iamDatabaseAuthenticationEnabled: true,
    enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    monitoringInterval: 60,
    monitoringRoleArn: "arn:aws:iam::111111111111:role/monitoring",
};

export function check(policy: ResourceValidationPolicy, instances: Record<string, Record<string, unknown>>, type = INSTANCE) {
    const s = new StackFixture();
    const urns = Object.fromEntries(Object.entries(instances).map(([name, props]) => [name, s.custom(type, name, props).urn]));
    return {
        run: evaluatePack({ name: packName, policies: [policy] }, s.build()),
        urns,
        v: (name: string, detail: string) => expectedViolation(packName, policy, urns[name] ?? null, detail),
    };
}

/** An instance on a parameter group of its own (linked by property dependency, as the platform's Postgres component does). */
export function database(
    s: StackFixture,
    name: string,
    engine: string,
    family: string,
    parameters: Array<{ name: string; value: string }>,
) {
    const group = s.custom("aws:rds/parameterGroup:ParameterGroup", `${name}-params`, { family, parameters }, { id: `${name}-params` });
    return s.custom(
        INSTANCE,
        name,
        { engine, parameterGroupName: `${name}-params` },
        { id: name, propertyDependencies: { parameterGroupName: [group] } },
    );
}

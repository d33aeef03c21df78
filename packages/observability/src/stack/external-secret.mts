/**
 * An ExternalSecret (typed model of `@kubernetes-models/external-secrets`, validated against its
 * schema) that copies every property of one cloud secret (a JSON object in Secrets Manager / Secret
 * Manager) into a Kubernetes Secret of the same keys, through the platform's ClusterSecretStore.
 * The monitoring stack reads its credentials only from such Secrets: nothing secret is in the Helm
 * values, the Alertmanager configuration or the Pulumi state. An ES module: the models ship only
 * as ES modules.
 */
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret";
import { registerModels } from "@platform/workload/schemas";

registerModels({ "external-secrets.io/v1/ExternalSecret": ExternalSecret });

export interface ExternalSecretManifestArgs {
    /** Name of the ExternalSecret and of the Secret it fills. */
    readonly name: string;
    readonly namespace: string;
    /** The ClusterSecretStore (the add-ons' `platform-secrets`). */
    readonly store: string;
    /** Name of the cloud secret, `<project>-<environment>-...` (the only names the operator may read on AWS). */
    readonly remoteKey: string;
    readonly labels: Readonly<Record<string, string>>;
}

export function externalSecretManifest(args: ExternalSecretManifestArgs): Record<string, unknown> {
    const model = new ExternalSecret({
        metadata: { name: args.name, namespace: args.namespace, labels: { ...args.labels } },
        spec: {
            // Rotation in the store reaches the pods within the hour.
            refreshInterval: "1h",
            secretStoreRef: { kind: "ClusterSecretStore", name: args.store },
            // The Secret belongs to the ExternalSecret: deleted with it, never adopted from elsewhere.
            target: { name: args.name, creationPolicy: "Owner", deletionPolicy: "Delete" },
            dataFrom: [{ extract: { key: args.remoteKey } }],
        },
    });
    model.validate();
    return model.toJSON() as Record<string, unknown>;
}

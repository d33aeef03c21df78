/**
 * The Google-managed service agents the data layer's services act as, and the CMEK grants they
 * need (model: Cloud Foundation Fabric's project module, `service_agents` and
 * `service_encryption_key_ids`). Created once per stack so each key binding has one owner:
 * Cloud SQL, Memorystore and Pub/Sub encrypt with the `data` key, Cloud Storage with the `backups`
 * key, Secret Manager with the `secrets` key. The data components depend on this component.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, type ComponentNaming, type Issue } from "@platform/core";
import { DataComponent } from "../component.js";

/** The role a service agent needs on a CMEK key. */
export const CMEK_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

/** Services whose agent `gcp.projects.ServiceIdentity` creates (they may not exist until first use). */
export const DATA_SERVICE_AGENTS = {
    cloudSql: "sqladmin.googleapis.com",
    memorystore: "redis.googleapis.com",
    pubsub: "pubsub.googleapis.com",
    secretManager: "secretmanager.googleapis.com",
} as const;
export type DataServiceAgent = keyof typeof DATA_SERVICE_AGENTS;

export interface GcpDataServiceAgentsArgs {
    readonly naming: ComponentNaming;
    readonly project: string;
    /** The foundation's `data` key (Cloud SQL, Memorystore, Pub/Sub). */
    readonly dataKmsKeyName: pulumi.Input<string>;
    /** The foundation's `secrets` key (Secret Manager). */
    readonly secretsKmsKeyName: pulumi.Input<string>;
    /** The foundation's `backups` key (Cloud Storage). */
    readonly backupsKmsKeyName: pulumi.Input<string>;
}

export class GcpDataServiceAgents extends DataComponent {
    /** Service agent emails by service. */
    readonly emails: { readonly [K in DataServiceAgent | "storage"]: pulumi.Output<string> };
    /** The Pub/Sub service agent's IAM member (`serviceAccount:...`), for dead-letter grants. */
    readonly pubsubMember: pulumi.Output<string>;

    constructor(name: string, args: GcpDataServiceAgentsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:GcpDataServiceAgents", name, args.naming, opts);
        this.validate(validateGcpDataServiceAgentsArgs(args));
        const children = this.children;
        const identities = Object.fromEntries(
            (Object.keys(DATA_SERVICE_AGENTS) as DataServiceAgent[]).map((agent) => [
                agent,
                new gcp.projects.ServiceIdentity(
                    children.name(agent.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
                    { project: args.project, service: DATA_SERVICE_AGENTS[agent] },
                    children.options(),
                ),
            ]),
        ) as Record<DataServiceAgent, gcp.projects.ServiceIdentity>;
        // The Cloud Storage agent exists with the project; reading it also creates it when missing.
        const storage = gcp.storage.getProjectServiceAccountOutput({ project: args.project }, { parent: this });

        const grant = (child: string, key: pulumi.Input<string>, member: pulumi.Input<string>) =>
            new gcp.kms.CryptoKeyIAMMember(children.name(child), { cryptoKeyId: key, role: CMEK_ROLE, member }, children.options());
        grant("cloud-sql-data-key", args.dataKmsKeyName, identities.cloudSql.member);
        grant("memorystore-data-key", args.dataKmsKeyName, identities.memorystore.member);
        grant("pubsub-data-key", args.dataKmsKeyName, identities.pubsub.member);
        grant("secret-manager-secrets-key", args.secretsKmsKeyName, identities.secretManager.member);
        grant("storage-backups-key", args.backupsKmsKeyName, storage.member);

        this.emails = {
            cloudSql: identities.cloudSql.email,
            memorystore: identities.memorystore.email,
            pubsub: identities.pubsub.email,
            secretManager: identities.secretManager.email,
            storage: storage.emailAddress,
        };
        this.pubsubMember = identities.pubsub.member;
        this.complete("emails", "pubsubMember");
    }
}

export function validateGcpDataServiceAgentsArgs(args: GcpDataServiceAgentsArgs): Issue[] {
    return checkGcpProject("project", args.project);
}

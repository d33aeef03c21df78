/**
 * GkeCluster: a regional GKE Standard cluster the way a platform team runs it (after Cloud
 * Foundation Fabric's gke-cluster-standard).
 *
 * - Regional control plane over the profile's zones; VPC-native on the foundation subnet's
 *   `pods` / `services` ranges; private nodes; a private endpoint unless config lists networks
 *   for a public one (master authorized networks, never 0.0.0.0/0).
 * - Workload Identity; Dataplane V2 (eBPF, NetworkPolicy enforced); shielded nodes; no legacy
 *   ABAC, no client certificate; application-layer secrets encryption with the `secrets` key.
 * - A release channel (REGULAR outside production, STABLE in prod and dr) with a minimum version
 *   from the profile; a weekend maintenance window; system and control-plane logging and
 *   monitoring with Managed Prometheus.
 * - No default node pool (node pools are {@link GkeNodePool}s); the nodes' least-privilege
 *   service account; deletion protection when protected.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkAllowList,
    checkCidr,
    checkGcpProject,
    checkOneOf,
    checkPattern,
    checkWholeNumber,
    checkZones,
    type ComponentNaming,
    fitName,
    GCP_REGION_PATTERN,
    GKE_RELEASE_CHANNELS,
    type GkeReleaseChannel,
    type Issue,
    KUBERNETES_VERSIONS,
    type KubernetesVersion,
    NAME_RULES,
    PlatformComponent,
} from "@platform/core";
import { computeServiceAgent, GKE_NODE_ROLES, gkeServiceAgent, KMS_ENCRYPTER_DECRYPTER, roleKey } from "./iam.js";

export const MAINTENANCE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type MaintenanceDay = (typeof MAINTENANCE_DAYS)[number];

/** A weekly maintenance window (UTC). GKE needs at least 48 hours of windows in any 32 days. */
export interface GkeMaintenanceWindow {
    /** Start hour, UTC (0..23). */
    readonly startHourUtc: number;
    /** Length in hours (4..24). */
    readonly durationHours: number;
    readonly days: readonly MaintenanceDay[];
}

export const DEFAULT_MAINTENANCE_WINDOW: GkeMaintenanceWindow = { startHourUtc: 2, durationHours: 6, days: ["SA", "SU"] };

/** Hours of maintenance windows in 32 days (GKE's minimum is 48). */
export function maintenanceHoursPer32Days(window: GkeMaintenanceWindow): number {
    return (window.durationHours * window.days.length * 32) / 7;
}

/** The GKE recurring window: a reference day, its start and end, and the weekly recurrence. */
export function recurringWindow(window: GkeMaintenanceWindow): { startTime: string; endTime: string; recurrence: string } {
    const start = Date.UTC(2025, 0, 4, window.startHourUtc);
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
    return {
        startTime: iso(start),
        endTime: iso(start + window.durationHours * 3_600_000),
        recurrence: `FREQ=WEEKLY;BYDAY=${window.days.join(",")}`,
    };
}

export interface GkeClusterArgs {
    /** Project and environment: the cluster is `<project>-<env>-<component name>`. */
    readonly naming: ComponentNaming;
    /** GCP project id. */
    readonly project: string;
    /** The cluster's region (a regional cluster: the control plane is replicated across zones). */
    readonly region: string;
    /** Zones of the nodes, in the region (the profile's `nodeZones` of them). Plain: they shape node pools. */
    readonly zones: readonly string[];
    /** The VPC (foundation `networkSelfLink`). */
    readonly network: pulumi.Input<string>;
    /** The region's subnet (foundation `subnetSelfLinks[region]`). */
    readonly subnetwork: pulumi.Input<string>;
    /** Secondary range for pod IPs (foundation `podRangeNames[region]`). */
    readonly podRangeName: pulumi.Input<string>;
    /** Secondary range for service IPs (foundation `serviceRangeNames[region]`). */
    readonly serviceRangeName: pulumi.Input<string>;
    /** Cloud KMS key id for application-layer secrets encryption (the foundation's `secrets` key, same region). */
    readonly secretsKmsKeyId: pulumi.Input<string>;
    /** Cloud KMS key id node pools encrypt boot disks with (the foundation's `data` key): the Compute agent gets access to it. */
    readonly bootDiskKmsKeyId: pulumi.Input<string>;
    /** Release channel (profile: REGULAR outside production, STABLE in prod and dr). */
    readonly releaseChannel: GkeReleaseChannel;
    /** Minimum control-plane version (the profile's Kubernetes version); the channel upgrades patches. */
    readonly kubernetesVersion: KubernetesVersion;
    /**
     * Internal networks allowed to reach the API endpoint (the VPC's range: nodes, bastions, VPN).
     * Master authorized networks apply to the private endpoint too.
     */
    readonly internalAccessCidrs: readonly string[];
    /**
     * Networks allowed to reach a public endpoint. Empty keeps the endpoint private, the secure default.
     * @default []
     */
    readonly publicAccessCidrs?: readonly string[];
    /**
     * When GKE may upgrade and repair the control plane and nodes.
     * @default Saturdays and Sundays 02:00-08:00 UTC
     */
    readonly maintenanceWindow?: GkeMaintenanceWindow;
}

/**
 * Protection: pass `{ protect: true }` (dr does): the cluster is protected and retained on delete,
 * and GKE deletion protection is on.
 */
export class GkeCluster extends PlatformComponent {
    readonly cluster: gcp.container.Cluster;
    readonly clusterName: string;
    readonly clusterId: pulumi.Output<string>;
    readonly location: string;
    readonly endpoint: pulumi.Output<string>;
    /** Base64-encoded PEM CA bundle. */
    readonly certificateAuthority: pulumi.Output<string>;
    readonly workloadIdentityPool: string;
    /** `https://container.googleapis.com/v1/<cluster id>`: the issuer of service account tokens. */
    readonly oidcIssuerUrl: pulumi.Output<string>;
    readonly nodeServiceAccount: gcp.serviceaccount.Account;
    readonly nodeServiceAccountEmail: pulumi.Output<string>;
    readonly kubernetesVersion: KubernetesVersion;

    constructor(name: string, args: GkeClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:cluster:GkeCluster", name, args.naming, opts);
        const publicAccessCidrs = args.publicAccessCidrs ?? [];
        const window = args.maintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW;
        this.validate(validateGkeClusterArgs(args, publicAccessCidrs, window));

        const project = args.project;
        this.clusterName = fitName(this.physicalPrefix, NAME_RULES.gke.maxLength);
        this.location = args.region;
        this.kubernetesVersion = args.kubernetesVersion;
        this.workloadIdentityPool = `${project}.svc.id.goog`;
        const projectNumber = gcp.organizations.getProjectOutput({ projectId: project }, { parent: this }).number;

        this.nodeServiceAccount = new gcp.serviceaccount.Account(
            this.childName("nodes"),
            {
                project,
                accountId: this.physicalName("nodes", "gcpServiceAccount"),
                displayName: `GKE nodes of ${this.clusterName}`,
                description: "Least-privilege node service account (logs, metrics, image pulls)",
            },
            this.childOptions(),
        );
        this.nodeServiceAccountEmail = this.nodeServiceAccount.email;
        for (const role of GKE_NODE_ROLES) {
            new gcp.projects.IAMMember(
                this.childName(`nodes-${roleKey(role)}`),
                { project, role, member: this.nodeServiceAccount.member },
                this.childOptions(),
            );
        }
        const secretsGrant = new gcp.kms.CryptoKeyIAMMember(
            this.childName("gke-agent-secrets-key"),
            { cryptoKeyId: args.secretsKmsKeyId, role: KMS_ENCRYPTER_DECRYPTER, member: projectNumber.apply(gkeServiceAgent) },
            this.childOptions(),
        );
        const diskGrant = new gcp.kms.CryptoKeyIAMMember(
            this.childName("compute-agent-data-key"),
            { cryptoKeyId: args.bootDiskKmsKeyId, role: KMS_ENCRYPTER_DECRYPTER, member: projectNumber.apply(computeServiceAgent) },
            this.childOptions(),
        );

        const publicEndpoint = publicAccessCidrs.length > 0;
        const authorized = [
            ...args.internalAccessCidrs.map((cidr) => ({ cidrBlock: cidr, displayName: `internal ${cidr}` })),
            ...publicAccessCidrs.map((cidr) => ({ cidrBlock: cidr, displayName: `public ${cidr}` })),
        ];
        const nodeDefaults = {
            serviceAccount: this.nodeServiceAccount.email,
            oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
            shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
            workloadMetadataConfig: { mode: "GKE_METADATA" },
            metadata: { "disable-legacy-endpoints": "true" },
        };
        this.cluster = new gcp.container.Cluster(
            this.childName("cluster"),
            {
                project,
                name: this.clusterName,
                description: `Platform cluster (${args.naming.environment})`,
                location: args.region,
                nodeLocations: [...args.zones],
                network: args.network,
                subnetwork: args.subnetwork,
                networkingMode: "VPC_NATIVE",
                ipAllocationPolicy: {
                    clusterSecondaryRangeName: args.podRangeName,
                    servicesSecondaryRangeName: args.serviceRangeName,
                },
                // GKE needs a pool to create a cluster; it is removed at once. Its nodes get the same
                // identity and hardening as every other pool meanwhile.
                removeDefaultNodePool: true,
                initialNodeCount: 1,
                nodeConfig: nodeDefaults,
                datapathProvider: "ADVANCED_DATAPATH",
                privateClusterConfig: {
                    enablePrivateNodes: true,
                    enablePrivateEndpoint: !publicEndpoint,
                    masterGlobalAccessConfig: { enabled: false },
                },
                masterAuthorizedNetworksConfig: { cidrBlocks: authorized, gcpPublicCidrsAccessEnabled: false },
                workloadIdentityConfig: { workloadPool: this.workloadIdentityPool },
                releaseChannel: { channel: args.releaseChannel },
                minMasterVersion: args.kubernetesVersion,
                enableShieldedNodes: true,
                enableLegacyAbac: false,
                masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
                databaseEncryption: { state: "ENCRYPTED", keyName: args.secretsKmsKeyId },
                deletionProtection: this.isProtected,
                maintenancePolicy: { recurringWindow: recurringWindow(window) },
                loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER", "WORKLOADS"] },
                monitoringConfig: {
                    enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"],
                    managedPrometheus: { enabled: true },
                },
                addonsConfig: {
                    httpLoadBalancing: { disabled: false },
                    horizontalPodAutoscaling: { disabled: false },
                    gcePersistentDiskCsiDriverConfig: { enabled: true },
                    // Dataplane V2 enforces NetworkPolicy itself; the Calico add-on must stay off.
                    networkPolicyConfig: { disabled: true },
                },
                verticalPodAutoscaling: { enabled: true },
                // GKE's Gateway controller: the public edge is a Gateway (@platform/addons GkePublicGateway).
                gatewayApiConfig: { channel: "CHANNEL_STANDARD" },
                resourceLabels: { cluster: this.clusterName },
            },
            // The API reports the (removed) default pool's settings back; they are not a change.
            this.statefulOptions({ dependsOn: [secretsGrant, diskGrant], ignoreChanges: ["nodeConfig", "initialNodeCount"] }),
        );
        this.clusterId = this.cluster.id;
        this.endpoint = this.cluster.endpoint;
        this.certificateAuthority = this.cluster.masterAuth.apply((auth) => auth.clusterCaCertificate ?? "");
        this.oidcIssuerUrl = this.cluster.id.apply((id) => `https://container.googleapis.com/v1/${id}`);
        this.complete(
            "clusterName",
            "clusterId",
            "location",
            "endpoint",
            "certificateAuthority",
            "workloadIdentityPool",
            "oidcIssuerUrl",
            "nodeServiceAccountEmail",
            "kubernetesVersion",
        );
    }
}

/** Every problem with GkeCluster's arguments (the allow-list rule is the one config validation uses). */
export function validateGkeClusterArgs(args: GkeClusterArgs, publicAccessCidrs: readonly string[], window: GkeMaintenanceWindow): Issue[] {
    const issues: Issue[] = [
        ...checkGcpProject("project", args.project),
        ...checkPattern("region", args.region, GCP_REGION_PATTERN, "a GCP region, e.g. us-west1"),
        ...checkZones("zones", args.zones, {
            cloud: "gcp",
            region: args.region,
            min: { count: 1, why: "nodes need a zone", fix: "give zones of the region, e.g. us-west1-a" },
            max: 4,
        }),
        ...checkOneOf("releaseChannel", args.releaseChannel, GKE_RELEASE_CHANNELS),
        ...checkOneOf("kubernetesVersion", args.kubernetesVersion, KUBERNETES_VERSIONS),
        ...checkAllowList("publicAccessCidrs", publicAccessCidrs),
        ...(args.internalAccessCidrs ?? []).flatMap((cidr, i) => checkCidr(`internalAccessCidrs[${i}]`, cidr)),
        ...checkWholeNumber("maintenanceWindow.startHourUtc", window.startHourUtc, { min: 0, max: 23 }),
        ...checkWholeNumber("maintenanceWindow.durationHours", window.durationHours, { min: 4, max: 24 }),
        ...(window.days ?? []).flatMap((day, i) => checkOneOf(`maintenanceWindow.days[${i}]`, day, MAINTENANCE_DAYS)),
    ];
    if ((args.internalAccessCidrs ?? []).length === 0) {
        issues.push({
            field: "internalAccessCidrs",
            value: args.internalAccessCidrs,
            problem: "nothing could reach a private endpoint, not even the nodes' network",
            fix: "list the VPC's range, e.g. 10.40.0.0/16",
        });
    }
    if (window.durationHours > 0 && (window.days ?? []).length > 0 && maintenanceHoursPer32Days(window) < 48) {
        issues.push({
            field: "maintenanceWindow",
            value: window,
            problem: `allows ${Math.floor(maintenanceHoursPer32Days(window))} hours in 32 days; GKE requires at least 48`,
            fix: "add days or lengthen the window, e.g. 6 hours on Saturday and Sunday",
        });
    }
    return issues;
}

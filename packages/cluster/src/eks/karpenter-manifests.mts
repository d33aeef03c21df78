/**
 * Karpenter's custom resources, built with the typed models of `@kubernetes-models/karpenter`
 * (karpenter.sh/v1 NodePool, karpenter.k8s.aws/v1 EC2NodeClass) and validated against their
 * schemas, so a wrong field fails here instead of in the API server. An ES module: the models
 * ship only as ES modules (the CommonJS files load it with `require`).
 */
import { EC2NodeClass } from "@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass";
import { NodePool } from "@kubernetes-models/karpenter/karpenter.sh/v1/NodePool";

export interface NodeClassValues {
    readonly name: string;
    /** The node IAM role (Karpenter creates the instance profile for it). */
    readonly role: string;
    readonly amiAlias: string;
    readonly subnetIds: readonly string[];
    readonly securityGroupIds: readonly string[];
    readonly kmsKeyArn: string;
    readonly rootVolumeGiB: number;
    readonly tags: Readonly<Record<string, string>>;
}

/** An EC2NodeClass: IMDSv2 with hop limit 1, encrypted gp3 root volumes with the customer-managed key, no SSH. */
export function ec2NodeClassManifest(values: NodeClassValues): Record<string, unknown> {
    const nodeClass = new EC2NodeClass({
        metadata: { name: values.name },
        spec: {
            role: values.role,
            amiSelectorTerms: [{ alias: values.amiAlias }],
            subnetSelectorTerms: values.subnetIds.map((id) => ({ id })),
            securityGroupSelectorTerms: values.securityGroupIds.map((id) => ({ id })),
            metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" },
            blockDeviceMappings: [
                {
                    deviceName: "/dev/xvda",
                    rootVolume: true,
                    ebs: {
                        volumeSize: `${values.rootVolumeGiB}Gi`,
                        volumeType: "gp3",
                        encrypted: true,
                        kmsKeyID: values.kmsKeyArn,
                        deleteOnTermination: true,
                    },
                },
            ],
            detailedMonitoring: true,
            tags: { ...values.tags },
        },
    });
    nodeClass.validate();
    return nodeClass.toJSON() as Record<string, unknown>;
}

export interface NodePoolValues {
    readonly name: string;
    readonly nodeClassName: string;
    /** Instance categories (c, m, r: compute, general, memory; seed 003 C6). */
    readonly instanceCategories: readonly string[];
    /** Largest instance, in vCPUs. */
    readonly maxVcpu: number;
    readonly zones: readonly string[];
    readonly capacityTypes: readonly ("on-demand" | "spot")[];
    /** Total capacity Karpenter may add. */
    readonly limits: { readonly cpu: number; readonly memoryGiB: number };
    /** How long a node may live before it is replaced (picks up new AMIs; bounds drift). */
    readonly expireAfter: string;
}

/** A NodePool: the instance families, zones and capacity types Karpenter may use, and its limits. */
export function nodePoolManifest(values: NodePoolValues): Record<string, unknown> {
    const pool = new NodePool({
        metadata: { name: values.name },
        spec: {
            template: {
                metadata: { labels: { "platform.io/node-pool": values.name } },
                spec: {
                    nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: values.nodeClassName },
                    requirements: [
                        { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
                        { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
                        { key: "karpenter.k8s.aws/instance-category", operator: "In", values: [...values.instanceCategories] },
                        // Current generations only (7th and later), as the managed node groups use.
                        { key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["6"] },
                        { key: "karpenter.k8s.aws/instance-cpu", operator: "Lt", values: [String(values.maxVcpu + 1)] },
                        { key: "topology.kubernetes.io/zone", operator: "In", values: [...values.zones] },
                        { key: "karpenter.sh/capacity-type", operator: "In", values: [...values.capacityTypes] },
                    ],
                    expireAfter: values.expireAfter,
                },
            },
            limits: { cpu: String(values.limits.cpu), memory: `${values.limits.memoryGiB}Gi` },
            disruption: {
                consolidationPolicy: "WhenEmptyOrUnderutilized",
                consolidateAfter: "1m",
                // At most a tenth of the nodes are disrupted at once.
                budgets: [{ nodes: "10%" }],
            },
        },
    });
    pool.validate();
    return pool.toJSON() as Record<string, unknown>;
}

import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import {
    AwsVelero,
    type AwsVeleroArgs,
    GcpVelero,
    type GcpVeleroArgs,
    VELERO_CHART,
    VELERO_GCP_PERMISSIONS,
    veleroAwsPolicy,
    veleroValues,
} from "../../src/index.js";
import { ACCOUNT, BACKUPS_KEY, DATA_KEY, GCP_BACKUPS_KEY, GCP_PROJECT, json, synth } from "../helpers.js";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n";
const BUCKET = `acme-prod-backups-${ACCOUNT}-us-east-1-an`;

function aws(extra: Partial<AwsVeleroArgs> = {}) {
    return synth(() => {
        const provider = new k8s.Provider("k8s", { kubeconfig: KUBECONFIG });
        new AwsVelero("velero", {
            naming: { project: "acme", environment: "prod" },
            kubernetesProvider: provider,
            clusterName: "acme-prod-eks",
            region: "us-east-1",
            bucketName: BUCKET,
            bucketArn: `arn:aws:s3:::${BUCKET}`,
            bucketKmsKeyArn: BACKUPS_KEY,
            volumeKmsKeyArn: DATA_KEY,
            ...extra,
        });
    });
}

function gcp(extra: Partial<GcpVeleroArgs> = {}) {
    return synth(() => {
        const provider = new k8s.Provider("k8s", { kubeconfig: KUBECONFIG });
        new GcpVelero("velero", {
            naming: { project: "acme", environment: "dr" },
            kubernetesProvider: provider,
            project: GCP_PROJECT,
            region: "us-west1",
            workloadIdentityPool: `${GCP_PROJECT}.svc.id.goog`,
            bucketName: "acme-dr-backups-abc123",
            bucketKmsKeyName: GCP_BACKUPS_KEY,
            ...extra,
        });
    }, "dr");
}

describe("Velero", () => {
    it("the schedules of seed 001: daily at 02:00 kept 30 days, hourly kept 7, every namespace, volumes snapshotted", () => {
        const values = veleroValues({
            provider: "aws",
            pluginImage: "velero/velero-plugin-for-aws:v1.13.2",
            bucket: "b",
            prefix: "velero",
            storageConfig: {},
            snapshotConfig: {},
            serviceAccountAnnotations: {},
        });
        const template = { includedNamespaces: ["*"], includeClusterResources: true, snapshotVolumes: true, storageLocation: "default" };
        assert.deepEqual(values.schedules, {
            daily: { schedule: "0 2 * * *", useOwnerReferencesInBackup: false, template: { ttl: "720h0m0s", ...template } },
            hourly: { schedule: "0 * * * *", useOwnerReferencesInBackup: false, template: { ttl: "168h0m0s", ...template } },
        });
        assert.deepEqual(values.credentials, { useSecret: false });
        assert.deepEqual(values.image, { repository: "velero/velero", tag: "v1.17.2", pullPolicy: "IfNotPresent" });
    });

    describe("on EKS", () => {
        it("a pinned Helm release writing to the backup bucket, through Pod Identity", async () => {
            const { resources } = await aws();
            const release = findResource(resources, RELEASE, "velero-release");
            assert.deepEqual(
                [
                    release.inputs["chart"],
                    release.inputs["version"],
                    release.inputs["repositoryOpts"],
                    release.inputs["name"],
                    release.inputs["namespace"],
                    release.inputs["atomic"],
                ],
                ["velero", "11.3.2", { repo: "https://vmware-tanzu.github.io/helm-charts" }, "velero", "velero", true],
            );
            assert.deepEqual(
                release.inputs["values"],
                veleroValues({
                    provider: "aws",
                    pluginImage: "velero/velero-plugin-for-aws:v1.13.2",
                    bucket: BUCKET,
                    prefix: "velero",
                    storageConfig: { region: "us-east-1", serverSideEncryption: "aws:kms" },
                    snapshotConfig: { region: "us-east-1" },
                    serviceAccountAnnotations: {},
                }),
            );
            const k8sProvider = resources.find((r) => r.type === "pulumi:providers:kubernetes");
            assert.equal(release.provider, `${String(k8sProvider?.urn)}::${String(k8sProvider?.id)}`);
            const association = findResource(resources, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "velero-identity");
            assert.deepEqual(association.inputs, {
                clusterName: "acme-prod-eks",
                namespace: "velero",
                serviceAccount: "velero",
                roleArn: `arn:aws:iam::${ACCOUNT}:role/acme-prod-velero-role`,
            });
            assert.ok(release.dependencies.includes(association.urn));
        });

        it("the role trusts EKS Pod Identity and may use this bucket, its key through S3 and the volumes' key through EC2", async () => {
            const { resources } = await aws();
            assert.deepEqual(json(findResource(resources, "aws:iam/role:Role", "velero-role").inputs["assumeRolePolicy"]), {
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] },
                ],
            });
            assert.deepEqual(
                json(findResource(resources, "aws:iam/rolePolicy:RolePolicy", "velero-role").inputs["policy"]),
                veleroAwsPolicy({
                    bucketArn: `arn:aws:s3:::${BUCKET}`,
                    bucketKeyArn: BACKUPS_KEY,
                    volumeKeyArn: DATA_KEY,
                    region: "us-east-1",
                }),
            );
            const policy = veleroAwsPolicy({ bucketArn: "arn:aws:s3:::b", bucketKeyArn: "k1", volumeKeyArn: "k2", region: "r" });
            assert.deepEqual(
                policy.Statement.map((s) => [s.Sid, s.Resource]),
                [
                    ["EbsSnapshots", "*"],
                    ["BackupObjects", "arn:aws:s3:::b/*"],
                    ["ListBackups", "arn:aws:s3:::b"],
                    ["BucketKeyThroughS3", "k1"],
                    ["VolumeKeyThroughEc2", "k2"],
                ],
            );
        });
    });

    describe("on GKE", () => {
        it("a pinned Helm release through Workload Identity: a service account with bucket, snapshot and signing grants", async () => {
            const { resources } = await gcp();
            const release = findResource(resources, RELEASE, "velero-release");
            const email = `acme-dr-velero-sa@${GCP_PROJECT}.iam.gserviceaccount.com`;
            assert.deepEqual(
                release.inputs["values"],
                veleroValues({
                    provider: "gcp",
                    pluginImage: "velero/velero-plugin-for-gcp:v1.13.2",
                    bucket: "acme-dr-backups-abc123",
                    prefix: "velero",
                    storageConfig: { kmsKeyName: GCP_BACKUPS_KEY, serviceAccount: email },
                    snapshotConfig: { project: GCP_PROJECT, snapshotLocation: "us-west1" },
                    serviceAccountAnnotations: { "iam.gke.io/gcp-service-account": email },
                }),
            );
            assert.deepEqual(
                findResource(resources, "gcp:serviceaccount/iAMMember:IAMMember", "velero-workload-identity").inputs["member"],
                `serviceAccount:${GCP_PROJECT}.svc.id.goog[velero/velero]`,
            );
            assert.deepEqual(findResource(resources, "gcp:storage/bucketIAMMember:BucketIAMMember", "velero-bucket").inputs, {
                bucket: "acme-dr-backups-abc123",
                role: "roles/storage.objectAdmin",
                member: `serviceAccount:${email}`,
            });
            assert.deepEqual(findResource(resources, "gcp:projects/iAMCustomRole:IAMCustomRole", "velero-snapshots").inputs, {
                project: GCP_PROJECT,
                roleId: "acme_dr_velero",
                title: "Velero disk snapshots (acme-dr-velero)",
                permissions: [...VELERO_GCP_PERMISSIONS],
            });
            const grants = [
                ...ofType(resources, "gcp:serviceaccount/iAMMember:IAMMember"),
                ...ofType(resources, "gcp:projects/iAMMember:IAMMember"),
                ...ofType(resources, "gcp:storage/bucketIAMMember:BucketIAMMember"),
            ];
            assert.equal(grants.length, 4);
            assert.deepEqual(
                grants.filter((g) => !release.dependencies.includes(g.urn)),
                [],
            );
        });
    });

    describe("pins: an unpinned chart or plugin fails", () => {
        const unpinned: Array<[string, Partial<AwsVeleroArgs>, string]> = [
            ["a version range", { chartVersion: "^11.3.0" }, "chartVersion"],
            ["latest", { chartVersion: "latest" }, "chartVersion"],
            ["a partial version", { chartVersion: "11" }, "chartVersion"],
            ["an empty version", { chartVersion: "" }, "chartVersion"],
            ["a latest plugin image", { pluginImage: "velero/velero-plugin-for-aws:latest" }, "pluginImage"],
            ["an untagged plugin image", { pluginImage: "velero/velero-plugin-for-aws" }, "pluginImage"],
        ];
        for (const [label, override, field] of unpinned) {
            it(`rejects ${label}`, async () => {
                const issues = await rejectedIssues(aws(override));
                assert.deepEqual(
                    issues.map((i) => i.field),
                    [field],
                );
                assert.match(issues[0]?.problem ?? "", /^is not an exact (chart version|image)|^is not an image with an exact version tag/);
            });
        }
        it("on GKE too", async () => {
            assert.deepEqual(fieldsAndProblems(await rejectedIssues(gcp({ chartVersion: "11.x" }))), [
                ["chartVersion", "is not an exact chart version such as 11.3.2 (no range, no latest)"],
            ]);
        });
        it("the pinned constants are exact", () => {
            assert.match(VELERO_CHART.version, /^\d+\.\d+\.\d+$/);
        });
    });
});

import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { GkeCmekStorageClass, type GkeCmekStorageClassArgs } from "../../src/index.js";
import { GCP_DATA_KEY, protection, ProtectedParent, synth } from "../helpers.js";

const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n";
const STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";

function run(extra: Partial<GkeCmekStorageClassArgs> = {}, protect = false) {
    return synth(() => {
        const provider = new k8s.Provider("k8s", { kubeconfig: KUBECONFIG });
        const parent = protect ? new ProtectedParent() : undefined;
        new GkeCmekStorageClass(
            "storage",
            { naming: { project: "acme", environment: "dr" }, kubernetesProvider: provider, kmsKeyId: GCP_DATA_KEY, ...extra },
            parent ? { parent } : {},
        );
    }, "dr");
}

describe("GkeCmekStorageClass", () => {
    it("one StorageClass: balanced PDs through the PD CSI driver encrypted with the data key, not the default, bound where the pod lands, expandable", async () => {
        const { resources } = await run();
        assert.equal(ofType(resources, STORAGE_CLASS).length, 1);
        const sc = findResource(resources, STORAGE_CLASS, "storage-class");
        assert.deepEqual(sc.inputs, {
            apiVersion: "storage.k8s.io/v1",
            kind: "StorageClass",
            metadata: { name: "pd-balanced-cmek", annotations: { "storageclass.kubernetes.io/is-default-class": "false" } },
            provisioner: "pd.csi.storage.gke.io",
            parameters: { type: "pd-balanced", "disk-encryption-kms-key": GCP_DATA_KEY, "csi.storage.k8s.io/fstype": "ext4" },
            reclaimPolicy: "Delete",
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
        });
        assert.match(String(sc.provider), /pulumi:providers:kubernetes::k8s::/);
    });

    it("protected (prod, dr): volumes are retained when their claim is deleted; the class inherits protection", async () => {
        const { resources } = await run({}, true);
        assert.equal(findResource(resources, STORAGE_CLASS, "storage-class").inputs["reclaimPolicy"], "Retain");
        assert.deepEqual(protection(resources), [
            "k8s pulumi:providers:kubernetes protect=false retain=false",
            `storage-class ${STORAGE_CLASS} protect=true retain=false`,
        ]);
    });

    it("takes a name, an SSD disk type and an explicit reclaim policy", async () => {
        const { resources } = await run({ storageClassName: "ssd-cmek", diskType: "pd-ssd", reclaimPolicy: "Retain" });
        const sc = findResource(resources, STORAGE_CLASS, "storage-class").inputs;
        assert.deepEqual(
            [
                (sc["metadata"] as Record<string, unknown>)["name"],
                (sc["parameters"] as Record<string, unknown>)["type"],
                sc["reclaimPolicy"],
            ],
            ["ssd-cmek", "pd-ssd", "Retain"],
        );
    });

    it("rejects every bad argument, listing them all", async () => {
        const issues = await rejectedIssues(
            run({
                storageClassName: "Not_A_Name",
                diskType: "pd-standard" as never,
                reclaimPolicy: "Recycle" as never,
                kmsKeyId: "acme-dr-kms-data",
            }),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["storageClassName", "is not a lowercase Kubernetes object name such as pd-balanced-cmek"],
            ["diskType", "is not an allowed value"],
            ["reclaimPolicy", "is not an allowed value"],
            ["kmsKeyId", "is not projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>"],
        ]);
    });
});

import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stableHex } from "@platform/synth";
import {
    AUTONAMED_ANNOTATION,
    autoname,
    check,
    create,
    decodeYaml,
    diff,
    diffConfig,
    formatPath,
    invoke,
    isClusterScoped,
    kubernetesObjectId,
    parseKubernetesType,
    parseProviderConfig,
    type ProviderConfig,
    read,
    remove,
    secret,
    SIMULATED_CREATION_TIMESTAMP,
    simulatedClusterIp,
    startupBanner,
    UNKNOWN,
    unconfigured,
    update,
    type WireObject,
} from "../src/index.js";

const urn = (type: string, name: string) => `urn:pulumi:dev::k8s-app::${type}::${name}`;
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const SERVICE = "kubernetes:core/v1:Service";
const NAMESPACE = "kubernetes:core/v1:Namespace";

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: rehearsal
    cluster: { server: "https://rehearsal.simulated.invalid" }
  - name: other
    cluster: { server: "https://other.simulated.invalid" }
contexts:
  - name: rehearsal
    context: { cluster: rehearsal, user: ci, namespace: from-context }
  - name: other
    context: { cluster: other, user: ci }
current-context: rehearsal
users:
  - name: ci
    user: { token: not-a-token }
`;

/** A provider as `new k8s.Provider(...)` configures it (the SDK JSON-encodes its booleans). */
const k8s: ProviderConfig = parseProviderConfig(
    "kubernetes",
    {},
    { kubeconfig: secret(KUBECONFIG), namespace: "apps", enableServerSideApply: "true", version: "4.34.2" },
);
const plainCluster = unconfigured("kubernetes");

const LABELS = { app: "hello", tier: "web" };
const deploymentInputs = (replicas = 2, labels: Record<string, string> = LABELS): WireObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: "hello", image: "nginx:1.27" }] } },
    },
});

/** Check, as the engine calls it before Create/Diff. */
function checked(config: ProviderConfig, resourceUrn: string, news: WireObject, olds: WireObject = {}): WireObject {
    const result = check({ urn: resourceUrn, olds, news }, config);
    assert.deepEqual(result.failures, []);
    return result.inputs;
}

describe("simulated kubernetes provider: configuration and names", () => {
    it("says what it is", () => {
        assert.equal(
            startupBanner("kubernetes"),
            "simulated cloud: pulumi-resource-kubernetes (rehearsal only; nothing is created in any Kubernetes cluster)",
        );
    });

    it("takes the namespace from the provider, else from the kubeconfig's context (the `context` setting wins), else none", () => {
        assert.deepEqual(k8s, {
            package: "kubernetes",
            defaultTags: {},
            defaultLabels: {},
            kubernetes: { namespace: "apps", enableConfigMapMutable: false, enableSecretMutable: false },
        });
        assert.equal(parseProviderConfig("kubernetes", {}, { kubeconfig: KUBECONFIG }).kubernetes?.namespace, "from-context");
        assert.equal(parseProviderConfig("kubernetes", {}, { kubeconfig: KUBECONFIG, context: "other" }).kubernetes?.namespace, undefined);
        assert.equal(
            parseProviderConfig("kubernetes", { "kubernetes:config:namespace": "from-stack-config" }).kubernetes?.namespace,
            "from-stack-config",
        );
        assert.deepEqual(plainCluster.kubernetes, { enableConfigMapMutable: false, enableSecretMutable: false });
    });

    it("reads a kubeconfig given as a path, and accepts one that is missing or invalid without contacting anything", () => {
        const dir = mkdtempSync(path.join(tmpdir(), "simulated-kubeconfig-"));
        try {
            const file = path.join(dir, "config");
            writeFileSync(file, KUBECONFIG);
            assert.equal(parseProviderConfig("kubernetes", {}, { kubeconfig: file }).kubernetes?.namespace, "from-context");
            assert.equal(parseProviderConfig("kubernetes", {}, { kubeconfig: path.join(dir, "absent") }).kubernetes?.namespace, undefined);
            assert.equal(parseProviderConfig("kubernetes", {}, { kubeconfig: "{not: [yaml" }).kubernetes?.namespace, undefined);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("reads the mutability flags and records renderYamlToDirectory", () => {
        const config = parseProviderConfig(
            "kubernetes",
            {},
            { enableConfigMapMutable: "true", enableSecretMutable: true, renderYamlToDirectory: "/tmp/out", deleteUnreachable: "false" },
        );
        assert.deepEqual(config.kubernetes, { enableConfigMapMutable: true, enableSecretMutable: true, renderYamlToDirectory: "/tmp/out" });
    });

    it("parses type tokens: core group, API groups, patches, custom resources", () => {
        assert.deepEqual(parseKubernetesType("kubernetes:core/v1:Service"), {
            token: "kubernetes:core/v1:Service",
            apiVersion: "v1",
            kind: "Service",
            patch: false,
        });
        assert.deepEqual(
            parseKubernetesType("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole").apiVersion,
            "rbac.authorization.k8s.io/v1",
        );
        assert.deepEqual(parseKubernetesType("kubernetes:apps/v1:DeploymentPatch"), {
            token: "kubernetes:apps/v1:DeploymentPatch",
            apiVersion: "apps/v1",
            kind: "Deployment",
            patch: true,
        });
        assert.deepEqual(parseKubernetesType("kubernetes:cert-manager.io/v1:Certificate").apiVersion, "cert-manager.io/v1");
        assert.throws(() => parseKubernetesType("kubernetes:Deployment"), /not a kubernetes:<group>\/<version>:<Kind> type/);
    });

    it("knows the cluster-scoped kinds (and treats custom Cluster* kinds as cluster-scoped)", () => {
        for (const kind of [
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "StorageClass",
            "PriorityClass",
            "PersistentVolume",
            "Node",
            "ClusterIssuer",
        ]) {
            assert.equal(isClusterScoped(kind), true, kind);
        }
        for (const kind of [
            "Deployment",
            "Service",
            "ConfigMap",
            "Secret",
            "Role",
            "RoleBinding",
            "PersistentVolumeClaim",
            "Certificate",
            "Clusterish",
        ]) {
            assert.equal(isClusterScoped(kind), false, kind);
        }
        assert.equal(kubernetesObjectId("Deployment", { name: "a", namespace: "b" }), "b/a");
        assert.equal(kubernetesObjectId("Namespace", { name: "a" }), "a");
    });

    it("formats property paths as the engine does", () => {
        assert.equal(formatPath(["spec", "template", "spec", "containers", 0, "image"]), "spec.template.spec.containers[0].image");
        assert.equal(formatPath(["metadata", "annotations", "pulumi.com/autonamed"]), 'metadata.annotations["pulumi.com/autonamed"]');
        assert.equal(formatPath(["metadata", "labels", "app/name"]), "metadata.labels.app/name");
    });

    it("puts every cluster IP in 10.96.0.0/12, never on the reserved first addresses", () => {
        for (let i = 0; i < 2000; i++) {
            const ip = simulatedClusterIp(`seed-${i}`);
            const [a, b, c, d] = ip.split(".").map(Number) as [number, number, number, number];
            assert.ok(a === 10 && b >= 96 && b <= 111 && c >= 0 && c <= 255 && d >= 0 && d <= 255, ip);
            assert.ok(!(b === 96 && c === 0 && d < 16), ip);
        }
        assert.equal(simulatedClusterIp("x"), simulatedClusterIp("x"));
    });
});

describe("simulated kubernetes provider: check", () => {
    const deploymentUrn = urn(DEPLOYMENT, "hello");

    it("autonames metadata.name `<name>-<8 hex>` from the URN, annotates it, and defaults the namespace", () => {
        const inputs = checked(k8s, deploymentUrn, deploymentInputs());
        assert.equal(autoname(deploymentUrn, "hello"), `hello-${stableHex(8, "kubernetes-autoname", deploymentUrn)}`);
        assert.match(autoname(deploymentUrn, "hello"), /^hello-[0-9a-f]{8}$/);
        assert.deepEqual(inputs, {
            ...deploymentInputs(),
            metadata: { name: autoname(deploymentUrn, "hello"), annotations: { [AUTONAMED_ANNOTATION]: "true" }, namespace: "apps" },
        });
        // Stable: the same URN gets the same name; another stack (URN) another one.
        assert.deepEqual(checked(k8s, deploymentUrn, deploymentInputs()), inputs);
        assert.notEqual(
            autoname("urn:pulumi:prod::k8s-app::kubernetes:apps/v1:Deployment::hello", "hello"),
            autoname(deploymentUrn, "hello"),
        );
        // Without a provider namespace (or kubeconfig context namespace): `default`.
        assert.equal((checked(plainCluster, deploymentUrn, deploymentInputs())["metadata"] as WireObject)["namespace"], "default");
    });

    it("keeps a name and namespace the program set, and the other annotations", () => {
        const news = { ...deploymentInputs(), metadata: { name: "web", namespace: "team", annotations: { owner: "platform" } } };
        assert.deepEqual(checked(k8s, deploymentUrn, news), news);
        const autonamed = checked(k8s, deploymentUrn, {
            ...deploymentInputs(),
            metadata: { annotations: { owner: "platform" }, labels: { a: "b" } },
        });
        assert.deepEqual(autonamed["metadata"], {
            name: autoname(deploymentUrn, "hello"),
            annotations: { owner: "platform", [AUTONAMED_ANNOTATION]: "true" },
            labels: { a: "b" },
            namespace: "apps",
        });
    });

    it("gives cluster-scoped kinds no namespace", () => {
        const nsUrn = urn(NAMESPACE, "apps");
        assert.deepEqual(checked(k8s, nsUrn, { apiVersion: "v1", kind: "Namespace" }), {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: { name: autoname(nsUrn, "apps"), annotations: { [AUTONAMED_ANNOTATION]: "true" } },
        });
        const role = checked(k8s, urn("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "reader"), { rules: [] });
        assert.equal("namespace" in (role["metadata"] as WireObject), false);
        assert.equal(role["apiVersion"], "rbac.authorization.k8s.io/v1");
        assert.equal(role["kind"], "ClusterRole");
    });

    it("adopts the previous autoname, as the real provider does when the URN changes under an alias", () => {
        const olds = { metadata: { name: "hello-0123abcd", annotations: { [AUTONAMED_ANNOTATION]: "true" } } };
        assert.equal((checked(k8s, deploymentUrn, deploymentInputs(), olds)["metadata"] as WireObject)["name"], "hello-0123abcd");
        // A name the program had set is not adopted once the program drops it.
        const named = { metadata: { name: "fixed" } };
        assert.equal(
            (checked(k8s, deploymentUrn, deploymentInputs(), named)["metadata"] as WireObject)["name"],
            autoname(deploymentUrn, "hello"),
        );
    });

    it("keeps unknown and secret values as they are", () => {
        const inputs = checked(k8s, deploymentUrn, { ...deploymentInputs(), metadata: { namespace: UNKNOWN } });
        assert.equal((inputs["metadata"] as WireObject)["namespace"], UNKNOWN);
        assert.deepEqual(checked(k8s, deploymentUrn, { ...deploymentInputs(), metadata: UNKNOWN })["metadata"], UNKNOWN);
        const secretUrn = urn("kubernetes:core/v1:Secret", "creds");
        assert.deepEqual(
            checked(k8s, secretUrn, { apiVersion: "v1", kind: "Secret", stringData: secret({ password: "p" }) })["stringData"],
            secret({ password: "p" }),
        );
    });

    it("fails a Patch without a name", () => {
        const patch = check(
            {
                urn: urn("kubernetes:apps/v1:DeploymentPatch", "scale"),
                olds: {},
                news: { apiVersion: "apps/v1", kind: "Deployment", spec: { replicas: 3 } },
            },
            k8s,
        );
        assert.deepEqual(patch.failures, [
            {
                property: "metadata.name",
                reason: "kubernetes:apps/v1:DeploymentPatch patches an existing object: metadata.name is required",
            },
        ]);
    });

    describe("a Helm release (helm.sh/v3 Release: the release Helm records, no chart rendering)", () => {
        const RELEASE = "kubernetes:helm.sh/v3:Release";
        const news = { chart: "oci://example.invalid/charts/app", version: "1.2.3", values: { replicas: 2 } };

        it("check names it (stable per URN) and puts it in the provider's namespace; given ones are kept", () => {
            const checked = check({ urn: urn(RELEASE, "app"), olds: {}, news }, k8s);
            assert.deepEqual(checked, {
                inputs: { ...news, name: `app-${stableHex(8, "helm-release", urn(RELEASE, "app"))}`, namespace: "apps" },
                failures: [],
            });
            assert.deepEqual(
                check({ urn: urn(RELEASE, "app"), olds: {}, news: { ...news, name: "karpenter", namespace: "kube-system" } }, k8s).inputs,
                { ...news, name: "karpenter", namespace: "kube-system" },
            );
        });

        it("create: id <namespace>/<name>, deployed at revision 1; a preview has no id and an unknown status", () => {
            const inputs = { ...news, name: "app", namespace: "apps" };
            assert.deepEqual(create(k8s, { urn: urn(RELEASE, "app"), properties: inputs }), {
                id: "apps/app",
                properties: {
                    ...inputs,
                    status: {
                        name: "app",
                        namespace: "apps",
                        chart: news.chart,
                        version: "1.2.3",
                        appVersion: "1.2.3",
                        revision: 1,
                        status: "deployed",
                    },
                },
            });
            assert.deepEqual(create(k8s, { urn: urn(RELEASE, "app"), properties: { ...inputs, values: UNKNOWN }, preview: true }), {
                id: "",
                properties: { ...inputs, values: UNKNOWN, status: UNKNOWN },
            });
        });

        it("update is a helm upgrade: the revision counts up", () => {
            const inputs = { ...news, name: "app", namespace: "apps" };
            const created = create(k8s, { urn: urn(RELEASE, "app"), properties: inputs });
            const updated = update(k8s, {
                urn: urn(RELEASE, "app"),
                id: created.id,
                olds: created.properties,
                news: { ...inputs, version: "1.2.4" },
            });
            assert.deepEqual(updated.properties["status"], {
                name: "app",
                namespace: "apps",
                chart: news.chart,
                version: "1.2.4",
                appVersion: "1.2.4",
                revision: 2,
                status: "deployed",
            });
        });

        it("diff: values and versions update in place; a new name or namespace replaces (delete first)", () => {
            const olds = { ...news, name: "app", namespace: "apps" };
            assert.deepEqual(diff(k8s, { urn: urn(RELEASE, "app"), olds, oldInputs: olds, news: { ...olds, version: "1.3.0" } }), {
                changes: true,
                replaces: [],
                diffs: ["version"],
                detailedDiff: { version: { kind: "update", inputDiff: true } },
            });
            assert.deepEqual(diff(k8s, { urn: urn(RELEASE, "app"), olds, oldInputs: olds, news: { ...olds, namespace: "other" } }), {
                changes: true,
                replaces: ["namespace"],
                diffs: ["namespace"],
                detailedDiff: { namespace: { kind: "update-replace", inputDiff: true } },
                deleteBeforeReplace: true,
            });
            assert.deepEqual(diff(k8s, { urn: urn(RELEASE, "app"), olds, oldInputs: olds, news: olds }).changes, false);
        });
    });

    it("leaves provider configuration alone (CheckConfig)", () => {
        const news = { kubeconfig: "x", namespace: "apps" };
        assert.deepEqual(check({ urn: "urn:pulumi:dev::k8s-app::pulumi:providers:kubernetes::k8s", olds: {}, news }, k8s), {
            inputs: news,
            failures: [],
        });
    });
});

describe("simulated kubernetes provider: create", () => {
    const deploymentUrn = urn(DEPLOYMENT, "hello");
    const name = autoname(deploymentUrn, "hello");

    it("creates a Deployment: id <namespace>/<name>, uid, resourceVersion, creation time, generation, a converged status", () => {
        const inputs = checked(k8s, deploymentUrn, deploymentInputs());
        const result = create(k8s, { urn: deploymentUrn, properties: inputs });
        assert.equal(result.id, `apps/${name}`);
        const metadata = result.properties["metadata"] as WireObject;
        assert.match(metadata["uid"] as string, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const template = stableHex(
            10,
            JSON.stringify({
                metadata: { labels: { app: "hello", tier: "web" } },
                spec: { containers: [{ image: "nginx:1.27", name: "hello" }] },
            }),
        );
        assert.deepEqual(result.properties, {
            ...deploymentInputs(),
            metadata: {
                name,
                annotations: { [AUTONAMED_ANNOTATION]: "true" },
                namespace: "apps",
                uid: metadata["uid"],
                resourceVersion: "1",
                creationTimestamp: SIMULATED_CREATION_TIMESTAMP,
                generation: 1,
            },
            status: {
                observedGeneration: 1,
                replicas: 2,
                updatedReplicas: 2,
                readyReplicas: 2,
                availableReplicas: 2,
                conditions: [
                    {
                        type: "Available",
                        status: "True",
                        lastTransitionTime: SIMULATED_CREATION_TIMESTAMP,
                        lastUpdateTime: SIMULATED_CREATION_TIMESTAMP,
                        reason: "MinimumReplicasAvailable",
                        message: "Deployment has minimum availability.",
                    },
                    {
                        type: "Progressing",
                        status: "True",
                        lastTransitionTime: SIMULATED_CREATION_TIMESTAMP,
                        lastUpdateTime: SIMULATED_CREATION_TIMESTAMP,
                        reason: "NewReplicaSetAvailable",
                        message: `ReplicaSet "${name}-${template}" has successfully progressed.`,
                    },
                ],
            },
        });
        // Stable: the same request gives the same object.
        assert.deepEqual(create(k8s, { urn: deploymentUrn, properties: inputs }), result);
    });

    it("defaults replicas to 1 and omits zero counts, as the API server does", () => {
        const one = create(k8s, {
            urn: deploymentUrn,
            properties: { ...deploymentInputs(), spec: { selector: { matchLabels: LABELS }, template: {} } },
        });
        assert.equal((one.properties["status"] as WireObject)["readyReplicas"], 1);
        const zero = create(k8s, { urn: deploymentUrn, properties: deploymentInputs(0) });
        const status = zero.properties["status"] as WireObject;
        assert.equal("readyReplicas" in status, false);
        assert.equal(status["observedGeneration"], 1);
    });

    it("creates StatefulSets and DaemonSets with ready pods", () => {
        const set = create(k8s, {
            urn: urn("kubernetes:apps/v1:StatefulSet", "db"),
            properties: {
                apiVersion: "apps/v1",
                kind: "StatefulSet",
                metadata: { name: "db" },
                spec: { replicas: 3, serviceName: "db", template: {} },
            },
        });
        assert.equal(set.id, "apps/db");
        const revision = `db-${stableHex(10, "{}")}`;
        assert.deepEqual(set.properties["status"], {
            observedGeneration: 1,
            replicas: 3,
            readyReplicas: 3,
            currentReplicas: 3,
            updatedReplicas: 3,
            availableReplicas: 3,
            currentRevision: revision,
            updateRevision: revision,
            collisionCount: 0,
        });
        const daemons = create(k8s, {
            urn: urn("kubernetes:apps/v1:DaemonSet", "agent"),
            properties: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent" }, spec: {} },
        });
        assert.deepEqual(daemons.properties["status"], {
            observedGeneration: 1,
            currentNumberScheduled: 3,
            desiredNumberScheduled: 3,
            numberAvailable: 3,
            numberMisscheduled: 0,
            numberReady: 3,
            updatedNumberScheduled: 3,
        });
    });

    it("creates a Service with a stable cluster IP in 10.96.0.0/12 and the API server's defaults", () => {
        const serviceUrn = urn(SERVICE, "hello");
        const inputs = checked(k8s, serviceUrn, {
            apiVersion: "v1",
            kind: "Service",
            spec: { selector: LABELS, ports: [{ port: 80, targetPort: 8080 }] },
        });
        const result = create(k8s, { urn: serviceUrn, properties: inputs });
        const metadata = result.properties["metadata"] as WireObject;
        const clusterIP = simulatedClusterIp(metadata["uid"] as string);
        assert.equal(result.id, `apps/${autoname(serviceUrn, "hello")}`);
        assert.deepEqual(result.properties["spec"], {
            selector: LABELS,
            ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }],
            type: "ClusterIP",
            clusterIP,
            clusterIPs: [clusterIP],
            ipFamilies: ["IPv4"],
            ipFamilyPolicy: "SingleStack",
            internalTrafficPolicy: "Cluster",
            sessionAffinity: "None",
        });
        assert.deepEqual(result.properties["status"], { loadBalancer: {} });
    });

    it("gives LoadBalancer services node ports and a *.simulated.invalid hostname; headless and ExternalName services no IP", () => {
        const serviceUrn = urn(SERVICE, "public");
        const result = create(k8s, {
            urn: serviceUrn,
            properties: {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "public", namespace: "edge" },
                spec: { type: "LoadBalancer", ports: [{ port: 443 }] },
            },
        });
        const spec = result.properties["spec"] as WireObject;
        const [port] = spec["ports"] as WireObject[];
        assert.ok(typeof port?.["nodePort"] === "number" && port["nodePort"] >= 30000 && port["nodePort"] <= 32767);
        assert.equal(port?.["targetPort"], 443);
        const uid = (result.properties["metadata"] as WireObject)["uid"] as string;
        assert.deepEqual(result.properties["status"], {
            loadBalancer: { ingress: [{ hostname: `public-${stableHex(8, "load-balancer", uid)}.edge.lb.simulated.invalid` }] },
        });

        const headless = create(k8s, {
            urn: urn(SERVICE, "db"),
            properties: {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "db" },
                spec: { clusterIP: "None", ports: [{ port: 5432 }] },
            },
        });
        assert.deepEqual(
            [(headless.properties["spec"] as WireObject)["clusterIP"], (headless.properties["spec"] as WireObject)["clusterIPs"]],
            ["None", ["None"]],
        );
        const external = create(k8s, {
            urn: urn(SERVICE, "ext"),
            properties: {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: "ext" },
                spec: { type: "ExternalName", externalName: "db.example.com" },
            },
        });
        assert.equal("clusterIP" in (external.properties["spec"] as WireObject), false);
    });

    it("creates cluster-scoped objects with a bare-name id; a Namespace is Active and labelled with its name", () => {
        const nsUrn = urn(NAMESPACE, "apps");
        const result = create(k8s, { urn: nsUrn, properties: checked(k8s, nsUrn, { apiVersion: "v1", kind: "Namespace" }) });
        const name = autoname(nsUrn, "apps");
        assert.equal(result.id, name);
        assert.deepEqual((result.properties["metadata"] as WireObject)["labels"], { "kubernetes.io/metadata.name": name });
        assert.deepEqual(result.properties["status"], { phase: "Active" });
        // A namespace set on a cluster-scoped kind is dropped from the object, as the API server does.
        const role = create(k8s, {
            urn: urn("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "r"),
            properties: { metadata: { name: "reader", namespace: "x" }, rules: [] },
        });
        assert.equal(role.id, "reader");
        assert.equal("namespace" in (role.properties["metadata"] as WireObject), false);
    });

    it("binds PVCs, completes Jobs, admits Ingresses, runs Pods, establishes CRDs", () => {
        const pvc = create(k8s, {
            urn: urn("kubernetes:core/v1:PersistentVolumeClaim", "data"),
            properties: {
                metadata: { name: "data" },
                spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
            },
        });
        const uid = (pvc.properties["metadata"] as WireObject)["uid"] as string;
        assert.equal((pvc.properties["spec"] as WireObject)["volumeName"], `pvc-${uid}`);
        assert.deepEqual(pvc.properties["status"], { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "10Gi" } });
        const job = create(k8s, {
            urn: urn("kubernetes:batch/v1:Job", "migrate"),
            properties: { metadata: { name: "migrate" }, spec: { completions: 2, template: {} } },
        });
        assert.equal((job.properties["status"] as WireObject)["succeeded"], 2);
        const ingress = create(k8s, {
            urn: urn("kubernetes:networking.k8s.io/v1:Ingress", "web"),
            properties: { metadata: { name: "web" }, spec: {} },
        });
        assert.match(JSON.stringify(ingress.properties["status"]), /"hostname":"web-[0-9a-f]{8}\.apps\.ingress\.simulated\.invalid"/);
        const pod = create(k8s, {
            urn: urn("kubernetes:core/v1:Pod", "debug"),
            properties: { metadata: { name: "debug" }, spec: { containers: [] } },
        });
        assert.equal((pod.properties["status"] as WireObject)["phase"], "Running");
        assert.match((pod.properties["status"] as WireObject)["podIP"] as string, /^10\.244\.\d+\.\d+$/);
        const crd = create(k8s, {
            urn: urn("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "widgets"),
            properties: {
                metadata: { name: "widgets.example.com" },
                spec: {
                    group: "example.com",
                    names: { kind: "Widget", plural: "widgets" },
                    scope: "Namespaced",
                    versions: [{ name: "v1", served: true, storage: true }],
                },
            },
        });
        assert.equal(crd.id, "widgets.example.com");
        assert.deepEqual((crd.properties["status"] as WireObject)["storedVersions"], ["v1"]);
    });

    it("keeps secret inputs in their wire form", () => {
        const secretUrn = urn("kubernetes:core/v1:Secret", "creds");
        const inputs = checked(k8s, secretUrn, {
            apiVersion: "v1",
            kind: "Secret",
            stringData: secret({ password: "p" }),
            metadata: { labels: { a: secret("b") } },
        });
        const result = create(k8s, { urn: secretUrn, properties: inputs });
        assert.deepEqual(result.properties["stringData"], secret({ password: "p" }));
        assert.deepEqual((result.properties["metadata"] as WireObject)["labels"], { a: secret("b") });
    });

    it("previews like the real provider without a dry run: no id, the checked inputs and defaults, no uid or cluster IP, status unknown", () => {
        const inputs = checked(k8s, deploymentUrn, deploymentInputs());
        assert.deepEqual(create(k8s, { urn: deploymentUrn, properties: inputs, preview: true }), {
            id: "",
            properties: { ...inputs, status: UNKNOWN },
        });
        // The name and namespace stay known, so dependents can use them in the same preview.
        const serviceUrn = urn(SERVICE, "hello");
        const service = create(k8s, {
            urn: serviceUrn,
            properties: { apiVersion: "v1", kind: "Service", metadata: { namespace: UNKNOWN }, spec: { ports: [{ port: UNKNOWN }] } },
            preview: true,
        });
        assert.deepEqual(service, {
            id: "",
            properties: {
                apiVersion: "v1",
                kind: "Service",
                metadata: { namespace: UNKNOWN, name: autoname(serviceUrn, "hello"), annotations: { [AUTONAMED_ANNOTATION]: "true" } },
                spec: {
                    ports: [{ port: UNKNOWN, protocol: "TCP", targetPort: UNKNOWN }],
                    type: "ClusterIP",
                    ipFamilies: ["IPv4"],
                    ipFamilyPolicy: "SingleStack",
                    internalTrafficPolicy: "Cluster",
                    sessionAffinity: "None",
                },
                status: UNKNOWN,
            },
        });
    });

    it("refuses unknown inputs outside a preview, and types of another provider", () => {
        assert.throws(
            () => create(k8s, { urn: deploymentUrn, properties: { ...deploymentInputs(), metadata: { namespace: UNKNOWN } } }),
            /cannot create .* with unknown inputs outside a preview/,
        );
        assert.throws(() => create(k8s, { urn: urn("aws:ec2/vpc:Vpc", "v"), properties: {} }), /cannot manage aws:ec2\/vpc:Vpc/);
    });
});

describe("simulated kubernetes provider: diff", () => {
    const deploymentUrn = urn(DEPLOYMENT, "hello");
    const oldInputs = checked(k8s, deploymentUrn, deploymentInputs());
    const olds = create(k8s, { urn: deploymentUrn, properties: oldInputs }).properties;
    const diffWith = (
        news: WireObject,
        options: { ignoreChanges?: string[]; config?: ProviderConfig; inputs?: WireObject; state?: WireObject } = {},
    ) =>
        diff(options.config ?? k8s, {
            urn: deploymentUrn,
            olds: options.state ?? olds,
            oldInputs: options.inputs ?? oldInputs,
            news: checked(options.config ?? k8s, deploymentUrn, news, options.inputs ?? oldInputs),
            ...(options.ignoreChanges ? { ignoreChanges: options.ignoreChanges } : {}),
        });

    it("reports no change for the same inputs", () => {
        assert.deepEqual(diffWith(deploymentInputs()), { changes: false, replaces: [], diffs: [], detailedDiff: {} });
    });

    it("updates replicas in place, reporting the property path", () => {
        assert.deepEqual(diffWith(deploymentInputs(3)), {
            changes: true,
            replaces: [],
            diffs: ["spec"],
            detailedDiff: { "spec.replicas": { kind: "update", inputDiff: true } },
        });
    });

    it("replaces on a selector change (immutable), creating the autonamed replacement first", () => {
        assert.deepEqual(diffWith(deploymentInputs(2, { ...LABELS, tier: "api" })), {
            changes: true,
            replaces: ["spec.selector.matchLabels.tier"],
            diffs: ["spec"],
            detailedDiff: {
                "spec.selector.matchLabels.tier": { kind: "update-replace", inputDiff: true },
                "spec.template.metadata.labels.tier": { kind: "update", inputDiff: true },
            },
        });
        // A selector added or removed as a whole replaces too; so does a whole new spec that changes it.
        assert.deepEqual(diffWith({ ...deploymentInputs(), spec: { replicas: 2, template: {} } }).replaces, ["spec.selector"]);
    });

    it("deletes before replacing an object whose name the program fixed", () => {
        const named = { ...deploymentInputs(), metadata: { name: "web" } };
        const inputs = checked(k8s, deploymentUrn, named);
        const state = create(k8s, { urn: deploymentUrn, properties: inputs }).properties;
        const result = diffWith({ ...deploymentInputs(2, { app: "other" }), metadata: { name: "web" } }, { inputs, state });
        assert.equal(result.deleteBeforeReplace, true);
        assert.deepEqual(result.replaces, ["spec.selector.matchLabels.app", "spec.selector.matchLabels.tier"]);
        // A rename replaces too, but the new object can be created first.
        const renamed = diffWith({ ...deploymentInputs(), metadata: { name: "web2" } }, { inputs, state });
        assert.deepEqual([renamed.replaces, renamed.deleteBeforeReplace], [["metadata.name"], undefined]);
    });

    it("replaces on a namespace, kind or apiVersion change", () => {
        assert.deepEqual(diffWith({ ...deploymentInputs(), metadata: { namespace: "other" } }).replaces, ["metadata.namespace"]);
        assert.deepEqual(diffWith({ ...deploymentInputs(), apiVersion: "apps/v1beta2" }).replaces, ["apiVersion"]);
        // The provider's default namespace moving moves the objects that relied on it.
        assert.deepEqual(
            diffWith(deploymentInputs(), { config: { ...k8s, kubernetes: { ...k8s.kubernetes!, namespace: "moved" } } }).replaces,
            ["metadata.namespace"],
        );
    });

    it("updates labels and annotations in place, quoting keys with dots", () => {
        const result = diffWith({
            ...deploymentInputs(),
            metadata: { labels: { a: "b" }, annotations: { "app.kubernetes.io/part-of": "demo" } },
        });
        assert.deepEqual(result, {
            changes: true,
            replaces: [],
            diffs: ["metadata"],
            detailedDiff: {
                'metadata.annotations["app.kubernetes.io/part-of"]': { kind: "add", inputDiff: true },
                "metadata.labels": { kind: "add", inputDiff: true },
            },
        });
    });

    it("skips ignoreChanges paths", () => {
        assert.equal(diffWith(deploymentInputs(5), { ignoreChanges: ["spec.replicas"] }).changes, false);
        assert.equal(diffWith(deploymentInputs(5), { ignoreChanges: ["spec"] }).changes, false);
        assert.equal(diffWith(deploymentInputs(5), { ignoreChanges: ["spec.rep"] }).changes, true);
    });

    it("treats an unknown value as a change, replacing when it is immutable", () => {
        const result = diffWith({ ...deploymentInputs(), metadata: { namespace: UNKNOWN } });
        assert.deepEqual(result.detailedDiff, { "metadata.namespace": { kind: "update-replace", inputDiff: true } });
    });

    const kindDiff = (type: string, before: WireObject, after: WireObject, config: ProviderConfig = k8s) => {
        const resourceUrn = urn(type, "x");
        const inputs = checked(config, resourceUrn, before);
        const state = create(config, { urn: resourceUrn, properties: inputs }).properties;
        return diff(config, { urn: resourceUrn, olds: state, oldInputs: inputs, news: checked(config, resourceUrn, after, inputs) });
    };

    it("replaces ConfigMaps and Secrets on a data change unless enableConfigMapMutable / enableSecretMutable", () => {
        const cm = (data: Record<string, string>) => ({ apiVersion: "v1", kind: "ConfigMap", data });
        assert.deepEqual(kindDiff("kubernetes:core/v1:ConfigMap", cm({ a: "1" }), cm({ a: "2" })).replaces, ["data.a"]);
        const mutable = { ...k8s, kubernetes: { ...k8s.kubernetes!, enableConfigMapMutable: true, enableSecretMutable: true } };
        assert.deepEqual(kindDiff("kubernetes:core/v1:ConfigMap", cm({ a: "1" }), cm({ a: "2" }), mutable).replaces, []);
        // An immutable ConfigMap is replaced whatever the provider says.
        assert.deepEqual(
            kindDiff(
                "kubernetes:core/v1:ConfigMap",
                { ...cm({ a: "1" }), immutable: true },
                { ...cm({ a: "2" }), immutable: true },
                mutable,
            ).replaces,
            ["data.a"],
        );
        const sec = (value: string, type = "Opaque") => ({
            apiVersion: "v1",
            kind: "Secret",
            type,
            stringData: secret({ password: value }),
        });
        assert.deepEqual(kindDiff("kubernetes:core/v1:Secret", sec("a"), sec("b")).replaces, ["stringData.password"]);
        assert.deepEqual(kindDiff("kubernetes:core/v1:Secret", sec("a"), sec("b"), mutable).replaces, []);
        assert.deepEqual(kindDiff("kubernetes:core/v1:Secret", sec("a"), sec("a", "kubernetes.io/tls"), mutable).replaces, ["type"]);
    });

    it("replaces a Service on clusterIP, a Job on its template, a binding on roleRef; Pods only for more than an image", () => {
        const svc = (spec: WireObject) => ({ apiVersion: "v1", kind: "Service", spec });
        assert.deepEqual(kindDiff(SERVICE, svc({ ports: [{ port: 80 }] }), svc({ ports: [{ port: 81 }] })).replaces, []);
        assert.deepEqual(kindDiff(SERVICE, svc({ clusterIP: "10.96.0.50" }), svc({ clusterIP: "10.96.0.51" })).replaces, [
            "spec.clusterIP",
        ]);
        const job = (image: string) => ({
            apiVersion: "batch/v1",
            kind: "Job",
            spec: { backoffLimit: 1, template: { spec: { containers: [{ name: "m", image }] } } },
        });
        assert.deepEqual(kindDiff("kubernetes:batch/v1:Job", job("a"), job("b")).replaces, ["spec.template.spec.containers[0].image"]);
        assert.deepEqual(
            kindDiff("kubernetes:batch/v1:Job", job("a"), { ...job("a"), spec: { ...job("a").spec, backoffLimit: 3 } }).replaces,
            [],
        );
        const binding = (role: string) => ({
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "RoleBinding",
            roleRef: { kind: "Role", name: role },
            subjects: [],
        });
        assert.deepEqual(kindDiff("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", binding("a"), binding("b")).replaces, [
            "roleRef.name",
        ]);
        const pod = (image: string, restartPolicy = "Always") => ({
            apiVersion: "v1",
            kind: "Pod",
            spec: { restartPolicy, containers: [{ name: "c", image }] },
        });
        assert.deepEqual(kindDiff("kubernetes:core/v1:Pod", pod("a"), pod("b")).replaces, []);
        assert.deepEqual(kindDiff("kubernetes:core/v1:Pod", pod("a"), pod("a", "Never")).replaces, ["spec.restartPolicy"]);
    });

    it("diffs the provider in place, but replaces it when its cluster changes", () => {
        const olds = { kubeconfig: KUBECONFIG, namespace: "apps", version: "4.34.2" };
        assert.deepEqual(diffConfig({ olds, news: { ...olds, namespace: "other" } }, "kubernetes"), {
            changes: true,
            replaces: [],
            diffs: ["namespace"],
            detailedDiff: { namespace: { kind: "update", inputDiff: true } },
        });
        assert.deepEqual(diffConfig({ olds, news: { ...olds, context: "other" } }, "kubernetes").replaces, ["context"]);
        const otherServer = KUBECONFIG.replace("https://rehearsal.simulated.invalid", "https://elsewhere.simulated.invalid");
        assert.deepEqual(diffConfig({ olds, news: { ...olds, kubeconfig: otherServer } }, "kubernetes").replaces, ["kubeconfig"]);
        // Another user on the same cluster: in place.
        assert.deepEqual(
            diffConfig({ olds, news: { ...olds, kubeconfig: KUBECONFIG.replace("not-a-token", "other-token") } }, "kubernetes").replaces,
            [],
        );
        // With clusterIdentifier, only its change replaces.
        const pinned = { ...olds, clusterIdentifier: "prod" };
        assert.deepEqual(diffConfig({ olds: pinned, news: { ...pinned, kubeconfig: otherServer } }, "kubernetes").replaces, []);
        assert.deepEqual(diffConfig({ olds: pinned, news: { ...pinned, clusterIdentifier: "dr" } }, "kubernetes").replaces, [
            "clusterIdentifier",
        ]);
    });
});

describe("simulated kubernetes provider: update, read, delete", () => {
    const deploymentUrn = urn(DEPLOYMENT, "hello");
    const inputs = checked(k8s, deploymentUrn, deploymentInputs());
    const created = create(k8s, { urn: deploymentUrn, properties: inputs });

    it("keeps uid and creation time, counts resourceVersion and generation, recomputes the status", () => {
        const news = checked(k8s, deploymentUrn, deploymentInputs(3), inputs);
        const updated = update(k8s, { urn: deploymentUrn, id: created.id, olds: created.properties, news });
        const before = created.properties["metadata"] as WireObject;
        assert.deepEqual(updated.properties["metadata"], { ...before, resourceVersion: "2", generation: 2 });
        assert.deepEqual((updated.properties["status"] as WireObject)["readyReplicas"], 3);
        assert.deepEqual((updated.properties["status"] as WireObject)["observedGeneration"], 2);
        // A metadata-only change is a new resourceVersion but the same generation.
        const relabelled = checked(k8s, deploymentUrn, { ...deploymentInputs(3), metadata: { labels: { a: "b" } } }, news);
        const again = update(k8s, { urn: deploymentUrn, id: created.id, olds: updated.properties, news: relabelled });
        assert.deepEqual(
            [(again.properties["metadata"] as WireObject)["resourceVersion"], (again.properties["metadata"] as WireObject)["generation"]],
            ["3", 2],
        );
    });

    it("keeps a Service's cluster IP", () => {
        const serviceUrn = urn(SERVICE, "hello");
        const svcInputs = checked(k8s, serviceUrn, { apiVersion: "v1", kind: "Service", spec: { ports: [{ port: 80 }] } });
        const svc = create(k8s, { urn: serviceUrn, properties: svcInputs });
        const news = checked(
            k8s,
            serviceUrn,
            { apiVersion: "v1", kind: "Service", spec: { ports: [{ port: 81 }], type: "LoadBalancer" } },
            svcInputs,
        );
        const updated = update(k8s, { urn: serviceUrn, id: svc.id, olds: svc.properties, news });
        assert.equal((updated.properties["spec"] as WireObject)["clusterIP"], (svc.properties["spec"] as WireObject)["clusterIP"]);
        assert.match(JSON.stringify(updated.properties["status"]), /\.apps\.lb\.simulated\.invalid/);
    });

    it("reads back the recorded state (no drift) and refuses imports; deletes by accepting", () => {
        assert.deepEqual(read(k8s, { urn: deploymentUrn, id: created.id, properties: created.properties, inputs }), {
            id: created.id,
            properties: created.properties,
            inputs,
        });
        assert.throws(
            () => read(k8s, { urn: urn(NAMESPACE, "kube-system"), id: "kube-system", properties: {} }),
            /cannot read kubernetes:core\/v1:Namespace kube-system: the simulated cloud only knows resources through the state/,
        );
        assert.equal(remove(k8s, { urn: deploymentUrn, id: created.id }), undefined);
    });
});

describe("simulated kubernetes provider: invokes", () => {
    it("decodes YAML streams like the real provider (YAML 1.1 scalars, empty documents skipped)", () => {
        const text =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  enabled: yes\n  on: x\n---\n# nothing\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\nstringData: {mode: 0644, when: 2025-01-01}\n";
        assert.deepEqual(invoke(k8s, "kubernetes:yaml:decode", { text }).outputs, {
            result: [
                // As sigs.k8s.io/yaml decodes it: `yes` is true, and so is the key `on`.
                { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" }, data: { enabled: true, true: "x" } },
                { apiVersion: "v1", kind: "Secret", metadata: { name: "b" }, stringData: { mode: 420, when: "2025-01-01" } },
            ],
        });
        assert.deepEqual(decodeYaml(""), []);
        assert.deepEqual(invoke(k8s, "kubernetes:yaml:decode", { text: secret("a: 1\n") }).outputs, { result: [{ a: 1 }] });
        assert.throws(() => invoke(k8s, "kubernetes:yaml:decode", { text: "a: [1,\n" }), /kubernetes:yaml:decode: document 1: /);
        assert.throws(() => invoke(k8s, "kubernetes:yaml:decode", {}), /needs a string "text" argument/);
    });

    it("fails Helm templating and kustomize with a message naming the limitation", () => {
        assert.throws(() => invoke(k8s, "kubernetes:helm:template", { jsonOpts: "{}" }), {
            message:
                "simulated cloud (pulumi-resource-kubernetes): invoke kubernetes:helm:template cannot be simulated: helm.v3.Chart renders its chart with Helm, which the simulated cloud does not run (no chart repositories, no templates); render the chart to YAML beforehand (helm template) and deploy it with k8s.yaml.ConfigFile / ConfigGroup to rehearse it, or preview against a real cluster",
        });
        assert.throws(
            () => invoke(k8s, "kubernetes:kustomize:directory", { directory: "." }),
            /kubernetes:kustomize:directory cannot be simulated: kustomize\.Directory builds its manifests with kustomize/,
        );
        assert.throws(
            () => invoke(k8s, "kubernetes:nothing:here", {}),
            /invoke kubernetes:nothing:here is not modelled by the simulated cloud; add it to kubernetesInvoke in packages\/simulated-cloud\/src\/kubernetes\.ts/,
        );
    });
});

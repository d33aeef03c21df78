/**
 * The kubernetes plugin over real gRPC: `bin/pulumi-resource-kubernetes` started as the engine
 * starts it, called with the SDK's generated client.
 */
import * as assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import type * as plugproto from "@pulumi/pulumi/proto/plugin_pb.js";
import type * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { autoname, AUTONAMED_ANNOTATION, SIMULATED_CREATION_TIMESTAMP, simulatedClusterIp } from "../src/index.js";
import { type PluginProcess, rpc, startPlugin, struct } from "./plugin-process.js";

const PROVIDER_URN = "urn:pulumi:dev::k8s-app::pulumi:providers:kubernetes::simulated";
const DEPLOYMENT_URN = "urn:pulumi:dev::k8s-app::kubernetes:apps/v1:Deployment::hello";
const SERVICE_URN = "urn:pulumi:dev::k8s-app::kubernetes:core/v1:Service::hello";
const KUBECONFIG =
    "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: https://c.simulated.invalid}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\nusers:\n- name: u\n  user: {token: t}\n";

type Json = Record<string, unknown>;

describe("simulated provider plugin over gRPC (bin/pulumi-resource-kubernetes)", function () {
    this.timeout(20_000);
    let plugin: PluginProcess;
    let client: provrpc.ResourceProviderClient;

    before(async () => {
        plugin = await startPlugin("kubernetes");
        client = plugin.client;
    });

    after(() => plugin?.stop());

    const checkResource = async (urn: string, news: Json, olds: Json = {}): Promise<Json> => {
        const request = new provproto.CheckRequest();
        request.setUrn(urn);
        request.setOlds(struct(olds));
        request.setNews(struct(news));
        const response = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.check(r, cb), request);
        assert.deepEqual(response.getFailuresList(), []);
        return response.getInputs()?.toJavaScript() ?? {};
    };

    const createResource = async (urn: string, properties: Json): Promise<{ id: string; properties: Json }> => {
        const request = new provproto.CreateRequest();
        request.setUrn(urn);
        request.setProperties(struct(properties));
        const response = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), request);
        return { id: response.getId(), properties: response.getProperties()?.toJavaScript() ?? {} };
    };

    const diffResource = async (urn: string, olds: Json, oldInputs: Json, news: Json): Promise<provproto.DiffResponse.AsObject> => {
        const request = new provproto.DiffRequest();
        request.setUrn(urn);
        request.setOlds(struct(olds));
        request.setOldInputs(struct(oldInputs));
        request.setNews(struct(news));
        return (await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diff(r, cb), request)).toObject();
    };

    it("prints only its port on stdout, says what it is on stderr, and reports the @pulumi/kubernetes version", async () => {
        assert.match(plugin.output.stdout, /^\d+\n$/);
        assert.equal(
            plugin.output.stderr,
            "simulated cloud: pulumi-resource-kubernetes (rehearsal only; nothing is created in any Kubernetes cluster)\n",
        );
        const info = await rpc<Empty, plugproto.PluginInfo>((r, cb) => client.getPluginInfo(r, cb), new Empty());
        assert.deepEqual(info.toObject(), { version: "4.34.2" });
    });

    it("checks and diffs its configuration without contacting a cluster: kubeconfig, namespace, renderYamlToDirectory, SSA", async () => {
        const news = {
            kubeconfig: KUBECONFIG,
            namespace: "apps",
            renderYamlToDirectory: "/tmp/rendered",
            enableServerSideApply: "true",
            version: "4.34.2",
        };
        const check = new provproto.CheckRequest();
        check.setUrn(PROVIDER_URN);
        check.setOlds(struct({}));
        check.setNews(struct(news));
        const checked = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.checkConfig(r, cb), check);
        assert.deepEqual(checked.getInputs()?.toJavaScript(), news);

        const diff = new provproto.DiffRequest();
        diff.setUrn(PROVIDER_URN);
        diff.setOlds(struct(news));
        diff.setOldInputs(struct(news));
        diff.setNews(struct({ ...news, namespace: "apps2" }));
        const diffed = await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diffConfig(r, cb), diff);
        assert.deepEqual([diffed.getDiffsList(), diffed.getReplacesList()], [["namespace"], []]);
    });

    it("configures: the provider's namespace becomes the default namespace", async () => {
        const request = new provproto.ConfigureRequest();
        request.setArgs(struct({ kubeconfig: KUBECONFIG, namespace: "apps", enableServerSideApply: "true", version: "4.34.2" }));
        request.setAcceptsecrets(true);
        request.setAcceptresources(true);
        const response = await rpc<provproto.ConfigureRequest, provproto.ConfigureResponse>((r, cb) => client.configure(r, cb), request);
        assert.deepEqual(response.toObject(), {
            acceptsecrets: true,
            supportspreview: true,
            acceptresources: true,
            acceptoutputs: false,
            supportsAutonamingConfiguration: false,
        });
    });

    const labels = { app: "hello" };
    const deployment = (replicas: number, selector: Json = labels): Json => ({
        apiVersion: "apps/v1",
        kind: "Deployment",
        spec: {
            replicas,
            selector: { matchLabels: selector },
            template: { metadata: { labels: selector }, spec: { containers: [{ name: "hello", image: "nginx" }] } },
        },
    });
    const name = autoname(DEPLOYMENT_URN, "hello");

    it("checks: autonames, annotates, defaults the namespace", async () => {
        assert.deepEqual(await checkResource(DEPLOYMENT_URN, deployment(2)), {
            ...deployment(2),
            metadata: { name, annotations: { [AUTONAMED_ANNOTATION]: "true" }, namespace: "apps" },
        });
    });

    it("creates a Deployment with id <namespace>/<name> and ready replicas; a Service with its cluster IP", async () => {
        const created = await createResource(DEPLOYMENT_URN, await checkResource(DEPLOYMENT_URN, deployment(2)));
        assert.equal(created.id, `apps/${name}`);
        const metadata = created.properties["metadata"] as Json;
        assert.deepEqual([metadata["resourceVersion"], metadata["creationTimestamp"]], ["1", SIMULATED_CREATION_TIMESTAMP]);
        assert.equal((created.properties["status"] as Json)["readyReplicas"], 2);

        const service = await createResource(
            SERVICE_URN,
            await checkResource(SERVICE_URN, { apiVersion: "v1", kind: "Service", spec: { selector: labels, ports: [{ port: 80 }] } }),
        );
        const uid = String((service.properties["metadata"] as Json)["uid"]);
        assert.equal((service.properties["spec"] as Json)["clusterIP"], simulatedClusterIp(uid));
    });

    it("diffs: replicas in place, a selector change replaces (the autonamed replacement first; a fixed name is deleted first)", async () => {
        const oldInputs = await checkResource(DEPLOYMENT_URN, deployment(2));
        const { properties: olds } = await createResource(DEPLOYMENT_URN, oldInputs);
        const scaled = await diffResource(DEPLOYMENT_URN, olds, oldInputs, await checkResource(DEPLOYMENT_URN, deployment(3), oldInputs));
        assert.deepEqual(scaled, {
            replacesList: [],
            stablesList: [],
            deletebeforereplace: false,
            changes: provproto.DiffResponse.DiffChanges.DIFF_SOME,
            diffsList: ["spec"],
            detaileddiffMap: [["spec.replicas", { kind: provproto.PropertyDiff.Kind.UPDATE, inputdiff: true }]],
            hasdetaileddiff: true,
        });
        const reselected = await diffResource(
            DEPLOYMENT_URN,
            olds,
            oldInputs,
            await checkResource(DEPLOYMENT_URN, deployment(2, { app: "other" }), oldInputs),
        );
        assert.deepEqual([reselected.replacesList, reselected.deletebeforereplace], [["spec.selector.matchLabels.app"], false]);

        const namedInputs = await checkResource(DEPLOYMENT_URN, { ...deployment(2), metadata: { name: "web" } });
        const { properties: namedOlds } = await createResource(DEPLOYMENT_URN, namedInputs);
        const named = await diffResource(
            DEPLOYMENT_URN,
            namedOlds,
            namedInputs,
            await checkResource(DEPLOYMENT_URN, { ...deployment(2, { app: "other" }), metadata: { name: "web" } }, namedInputs),
        );
        assert.deepEqual([named.replacesList, named.deletebeforereplace], [["spec.selector.matchLabels.app"], true]);
    });

    it("answers kubernetes:yaml:decode", async () => {
        const request = new provproto.InvokeRequest();
        request.setTok("kubernetes:yaml:decode");
        request.setArgs(
            struct({
                text: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n",
            }),
        );
        const response = await rpc<provproto.InvokeRequest, provproto.InvokeResponse>((r, cb) => client.invoke(r, cb), request);
        assert.deepEqual(response.getReturn()?.toJavaScript(), {
            result: [
                { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } },
                { apiVersion: "v1", kind: "Namespace", metadata: { name: "b" } },
            ],
        });
    });

    it("fails kubernetes:helm:template, naming the limitation", async () => {
        const request = new provproto.InvokeRequest();
        request.setTok("kubernetes:helm:template");
        request.setArgs(struct({ jsonOpts: "{}" }));
        await assert.rejects(
            rpc<provproto.InvokeRequest, provproto.InvokeResponse>((r, cb) => client.invoke(r, cb), request),
            {
                code: grpc.status.UNKNOWN,
                details:
                    "simulated cloud (pulumi-resource-kubernetes): invoke kubernetes:helm:template cannot be simulated: helm.v3.Chart renders its chart with Helm, which the simulated cloud does not run (no chart repositories, no templates); render the chart to YAML beforehand (helm template) and deploy it with k8s.yaml.ConfigFile / ConfigGroup to rehearse it, or preview against a real cluster",
            },
        );
    });

    it("answers Construct (yaml/v2, helm.sh/v4 components) with UNIMPLEMENTED, pointing at yaml v1", async () => {
        const request = new provproto.ConstructRequest();
        request.setType("kubernetes:helm.sh/v4:Chart");
        await assert.rejects(
            rpc<provproto.ConstructRequest, provproto.ConstructResponse>((r, cb) => client.construct(r, cb), request),
            {
                code: grpc.status.UNIMPLEMENTED,
                details:
                    "simulated cloud (pulumi-resource-kubernetes): Construct is not supported: the simulated kubernetes provider does not expand component resources (kubernetes:helm.sh/v4:Chart); use k8s.yaml.ConfigFile / ConfigGroup (yaml v1), which decode their YAML through the kubernetes:yaml:decode invoke the simulation answers",
            },
        );
    });
});

/**
 * The plugin over real gRPC: `bin/pulumi-resource-aws` started as the engine starts it, called
 * with the SDK's generated client.
 */
import * as assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { simulateResource } from "@platform/synth";
import type * as plugproto from "@pulumi/pulumi/proto/plugin_pb.js";
import type * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { engineAddressFromArgs } from "../src/index.js";
import { type PluginProcess, rpc, startPlugin, struct } from "./plugin-process.js";

const VPC = "aws:ec2/vpc:Vpc";
const VPC_URN = `urn:pulumi:prod::foundation::platform:network:AwsNetwork$${VPC}::acme-prod-network-vpc`;
const TAGS = { team: "platform", environment: "prod" };

describe("simulated provider plugin over gRPC (bin/pulumi-resource-aws)", function () {
    this.timeout(20_000);
    let plugin: PluginProcess;
    let client: provrpc.ResourceProviderClient;

    before(async () => {
        plugin = await startPlugin("aws");
        client = plugin.client;
    });

    after(() => plugin?.stop());

    it("prints only its port on stdout and says what it is on stderr", () => {
        assert.match(plugin.output.stdout, /^\d+\n$/);
        assert.equal(plugin.output.stderr, "simulated cloud: pulumi-resource-aws (rehearsal only; nothing is created in AWS)\n");
    });

    it("reports the aws SDK version as its plugin version", async () => {
        const info = await rpc<Empty, plugproto.PluginInfo>((r, cb) => client.getPluginInfo(r, cb), new Empty());
        assert.deepEqual(info.toObject(), { version: "7.48.0" });
    });

    it("handshakes, accepting secrets and resource references", async () => {
        const request = new provproto.ProviderHandshakeRequest();
        request.setEngineAddress("127.0.0.1:1");
        const response = await rpc<provproto.ProviderHandshakeRequest, provproto.ProviderHandshakeResponse>(
            (r, cb) => client.handshake(r, cb),
            request,
        );
        assert.deepEqual(response.toObject(), {
            acceptSecrets: true,
            acceptResources: true,
            acceptOutputs: false,
            supportsAutonamingConfiguration: false,
            acceptsByteString: false,
            acceptsOutputsInCall: false,
            acceptsOutputsInCheck: false,
            acceptsOutputsInInvoke: false,
        });
    });

    it("checks and diffs provider configuration", async () => {
        const news = { region: "eu-central-1", defaultTags: JSON.stringify({ tags: TAGS }), version: "7.48.0" };
        const check = new provproto.CheckRequest();
        check.setUrn("urn:pulumi:prod::foundation::pulumi:providers:aws::acme-prod-aws");
        check.setOlds(struct({}));
        check.setNews(struct(news));
        const checked = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.checkConfig(r, cb), check);
        assert.deepEqual(checked.getInputs()?.toJavaScript(), news);
        assert.deepEqual(checked.getFailuresList(), []);

        const diff = new provproto.DiffRequest();
        diff.setUrn("urn:pulumi:prod::foundation::pulumi:providers:aws::acme-prod-aws");
        diff.setOlds(struct({ ...news, region: "us-east-1" }));
        diff.setOldInputs(struct({ ...news, region: "us-east-1" }));
        diff.setNews(struct(news));
        const diffed = await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diffConfig(r, cb), diff);
        assert.deepEqual(diffed.toObject(), {
            replacesList: [],
            stablesList: [],
            deletebeforereplace: false,
            changes: provproto.DiffResponse.DiffChanges.DIFF_SOME,
            diffsList: ["region"],
            detaileddiffMap: [["region", { kind: provproto.PropertyDiff.Kind.UPDATE, inputdiff: true }]],
            hasdetaileddiff: true,
        });
    });

    it("configures from the provider inputs (region and defaultTags)", async () => {
        const request = new provproto.ConfigureRequest();
        request.getVariablesMap().set("aws:config:region", "eu-central-1");
        request.setArgs(struct({ region: "eu-central-1", defaultTags: JSON.stringify({ tags: TAGS }), version: "7.48.0" }));
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

    const inputs = { cidrBlock: "10.30.0.0/16", enableDnsSupport: true, tags: { Name: "acme-prod-vpc" } };
    const id = simulateResource({ type: VPC, name: "acme-prod-network-vpc", inputs }).id;
    const created = (extra: Record<string, unknown> = {}) => ({
        ...simulateResource(
            { type: VPC, name: "acme-prod-network-vpc", inputs: { ...inputs, region: "eu-central-1" } },
            { awsRegion: "eu-central-1" },
        ).state,
        tagsAll: { ...TAGS, Name: "acme-prod-vpc" },
        ...extra,
    });

    it("checks a resource by echoing its inputs", async () => {
        const request = new provproto.CheckRequest();
        request.setUrn(VPC_URN);
        request.setOlds(struct({}));
        request.setNews(struct(inputs));
        const response = await rpc<provproto.CheckRequest, provproto.CheckResponse>((r, cb) => client.check(r, cb), request);
        assert.deepEqual(response.getInputs()?.toJavaScript(), inputs);
        assert.deepEqual(response.getFailuresList(), []);
    });

    it("creates with the cloud model's id, the configured region in the ARN, and tagsAll", async () => {
        const request = new provproto.CreateRequest();
        request.setUrn(VPC_URN);
        request.setProperties(struct(inputs));
        const response = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), request);
        assert.equal(response.getId(), id);
        const properties = response.getProperties()?.toJavaScript();
        assert.equal(properties?.["arn"], `arn:aws:ec2:eu-central-1:111111111111:vpc/${id}`);
        assert.deepEqual(properties, created());
    });

    it("diffs: a cidrBlock change replaces", async () => {
        const request = new provproto.DiffRequest();
        request.setUrn(VPC_URN);
        request.setId(id);
        request.setOlds(struct(created()));
        request.setOldInputs(struct(inputs));
        request.setNews(struct({ ...inputs, cidrBlock: "10.31.0.0/16" }));
        const response = await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diff(r, cb), request);
        assert.deepEqual(response.toObject(), {
            replacesList: ["cidrBlock"],
            stablesList: [],
            deletebeforereplace: false,
            changes: provproto.DiffResponse.DiffChanges.DIFF_SOME,
            diffsList: ["cidrBlock"],
            detaileddiffMap: [["cidrBlock", { kind: provproto.PropertyDiff.Kind.UPDATE_REPLACE, inputdiff: true }]],
            hasdetaileddiff: true,
        });
    });

    it("diffs: the same inputs are no change", async () => {
        const request = new provproto.DiffRequest();
        request.setUrn(VPC_URN);
        request.setId(id);
        request.setOlds(struct(created()));
        request.setOldInputs(struct(inputs));
        request.setNews(struct(inputs));
        const response = await rpc<provproto.DiffRequest, provproto.DiffResponse>((r, cb) => client.diff(r, cb), request);
        assert.equal(response.getChanges(), provproto.DiffResponse.DiffChanges.DIFF_NONE);
        assert.deepEqual(response.getReplacesList(), []);
    });

    it("updates tags in place", async () => {
        const request = new provproto.UpdateRequest();
        request.setUrn(VPC_URN);
        request.setId(id);
        request.setOlds(struct(created()));
        request.setOldInputs(struct(inputs));
        request.setNews(struct({ ...inputs, tags: { Name: "renamed" } }));
        const response = await rpc<provproto.UpdateRequest, provproto.UpdateResponse>((r, cb) => client.update(r, cb), request);
        assert.deepEqual(
            response.getProperties()?.toJavaScript(),
            created({ tags: { Name: "renamed" }, tagsAll: { ...TAGS, Name: "renamed" } }),
        );
    });

    it("reads the recorded state back unchanged", async () => {
        const request = new provproto.ReadRequest();
        request.setUrn(VPC_URN);
        request.setId(id);
        request.setProperties(struct(created()));
        request.setInputs(struct(inputs));
        const response = await rpc<provproto.ReadRequest, provproto.ReadResponse>((r, cb) => client.read(r, cb), request);
        assert.equal(response.getId(), id);
        assert.deepEqual(response.getProperties()?.toJavaScript(), created());
        assert.deepEqual(response.getInputs()?.toJavaScript(), inputs);
    });

    it("deletes", async () => {
        const request = new provproto.DeleteRequest();
        request.setUrn(VPC_URN);
        request.setId(id);
        request.setProperties(struct(created()));
        const response = await rpc<provproto.DeleteRequest, Empty>((r, cb) => client.delete(r, cb), request);
        assert.ok(response instanceof Empty);
    });

    it("answers modelled invokes with the configured region", async () => {
        const request = new provproto.InvokeRequest();
        request.setTok("aws:index/getRegion:getRegion");
        request.setArgs(struct({}));
        const response = await rpc<provproto.InvokeRequest, provproto.InvokeResponse>((r, cb) => client.invoke(r, cb), request);
        assert.deepEqual(response.getReturn()?.toJavaScript(), {
            name: "eu-central-1",
            region: "eu-central-1",
            id: "eu-central-1",
            endpoint: "ec2.eu-central-1.amazonaws.com",
            description: "simulated",
        });
        assert.deepEqual(response.getFailuresList(), []);
    });

    it("fails an unmodelled invoke with a message naming the token and the file to extend", async () => {
        const request = new provproto.InvokeRequest();
        request.setTok("aws:ec2/getAmi:getAmi");
        request.setArgs(struct({}));
        await assert.rejects(
            rpc<provproto.InvokeRequest, provproto.InvokeResponse>((r, cb) => client.invoke(r, cb), request),
            {
                code: grpc.status.UNKNOWN,
                details:
                    "simulated cloud (pulumi-resource-aws): invoke aws:ec2/getAmi:getAmi is not modelled by the simulated cloud; add an answer to simulateInvoke in packages/synth/src/cloud-model.ts, or avoid the invoke",
            },
        );
    });

    it("answers Construct and Call with UNIMPLEMENTED", async () => {
        await assert.rejects(
            rpc<provproto.ConstructRequest, provproto.ConstructResponse>(
                (r, cb) => client.construct(r, cb),
                new provproto.ConstructRequest(),
            ),
            {
                code: grpc.status.UNIMPLEMENTED,
                details:
                    "simulated cloud (pulumi-resource-aws): Construct is not supported: the simulated aws provider has no component resources",
            },
        );
        await assert.rejects(
            rpc<provproto.CallRequest, provproto.CallResponse>((r, cb) => client.call(r, cb), new provproto.CallRequest()),
            {
                code: grpc.status.UNIMPLEMENTED,
            },
        );
    });

    it("parses the engine address like the SDK", () => {
        assert.equal(engineAddressFromArgs(["--logtostderr", "-v=9", "--tracing", "http://t", "127.0.0.1:5"]), "127.0.0.1:5");
        assert.equal(engineAddressFromArgs([]), undefined);
    });
});

describe("simulated provider plugin over gRPC (bin/pulumi-resource-gcp)", function () {
    this.timeout(20_000);

    it("starts, reports the gcp SDK version and uses the configured project", async () => {
        const plugin = await startPlugin("gcp", []);
        const client = plugin.client;
        try {
            const info = await rpc<Empty, plugproto.PluginInfo>((r, cb) => client.getPluginInfo(r, cb), new Empty());
            assert.equal(info.getVersion(), "9.37.0");
            const configure = new provproto.ConfigureRequest();
            configure.setArgs(struct({ project: "acme-dr", region: "us-west1", defaultLabels: JSON.stringify({ team: "platform" }) }));
            await rpc<provproto.ConfigureRequest, provproto.ConfigureResponse>((r, cb) => client.configure(r, cb), configure);
            const create = new provproto.CreateRequest();
            create.setUrn("urn:pulumi:dr::foundation::gcp:dns/managedZone:ManagedZone::zone");
            create.setProperties(struct({ name: "acme-dr-private", dnsName: "dr.acme.internal.", visibility: "private" }));
            const created = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), create);
            assert.equal(created.getId(), "projects/acme-dr/managedZones/acme-dr-private");
            const properties = created.getProperties()?.toJavaScript();
            assert.deepEqual([properties?.["project"], properties?.["effectiveLabels"]], ["acme-dr", { team: "platform" }]);
            assert.equal(plugin.output.stderr, "simulated cloud: pulumi-resource-gcp (rehearsal only; nothing is created in GCP)\n");
        } finally {
            plugin.stop();
        }
    });
});

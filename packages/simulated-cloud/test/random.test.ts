import * as assert from "node:assert/strict";
import { create, diff, parseProviderConfig, startupBanner, UNKNOWN, unconfigured, update } from "../src/index.js";
import type * as plugproto from "@pulumi/pulumi/proto/plugin_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { rpc, startPlugin, struct } from "./plugin-process.js";

const PASSWORD = "random:index/randomPassword:RandomPassword";
const urn = (name: string) => `urn:pulumi:dev::data::platform:data:AwsRedisCache$${PASSWORD}::${name}`;
const INPUTS = { length: 64, special: true, overrideSpecial: "!&#$^<>-", minSpecial: 1, minUpper: 1, minLower: 1, minNumeric: 1 };

describe("simulated provider: random (generated values)", () => {
    const random = parseProviderConfig("random", {}, { version: "4.21.2" });

    it("has no configuration of its own and says what it is", () => {
        assert.deepEqual(random, { package: "random", defaultTags: {}, defaultLabels: {} });
        assert.deepEqual(unconfigured("random"), { package: "random", defaultTags: {}, defaultLabels: {} });
        assert.equal(
            startupBanner("random"),
            "simulated cloud: pulumi-resource-random (rehearsal only; nothing is created in any cloud; generated values are derived, not random)",
        );
    });

    it("create: a password of the requested length and classes, id `none`; the same again for the same resource", () => {
        const created = create(random, { urn: urn("redis-auth-password"), properties: INPUTS });
        const result = created.properties["result"];
        assert.ok(typeof result === "string");
        assert.equal(created.id, "none");
        assert.equal(result.length, 64);
        assert.match(result, /^[A-Za-z0-9!&#$^<>-]{64}$/);
        assert.equal(create(random, { urn: urn("redis-auth-password"), properties: INPUTS }).properties["result"], result);
        assert.notEqual(create(random, { urn: urn("rabbitmq-admin-password"), properties: INPUTS }).properties["result"], result);
        assert.equal(created.properties["region"], undefined);
    });

    it("a preview does not know the value yet", () => {
        const preview = create(random, { urn: urn("p"), properties: INPUTS, preview: true });
        assert.deepEqual([preview.id, preview.properties["result"], preview.properties["length"]], ["", UNKNOWN, 64]);
    });

    it("every argument change replaces the password (a new value); nothing updates in place", () => {
        const olds = create(random, { urn: urn("p"), properties: INPUTS }).properties;
        const changed = diff(random, { urn: urn("p"), olds, oldInputs: INPUTS, news: { ...INPUTS, length: 32 } });
        assert.deepEqual([changed.diffs, changed.replaces], [["length"], ["length"]]);
        const same = diff(random, { urn: urn("p"), olds, oldInputs: INPUTS, news: INPUTS });
        assert.equal(same.changes, false);
        assert.equal(update(random, { urn: urn("p"), id: "none", olds, news: INPUTS }).properties["result"], olds["result"]);
    });

    it("the plugin process starts as pulumi-resource-random and creates over gRPC", async function () {
        this.timeout(30_000);
        const plugin = await startPlugin("random");
        try {
            const client = plugin.client;
            const info = await rpc<Empty, plugproto.PluginInfo>((r, cb) => client.getPluginInfo(r, cb), new Empty());
            assert.equal(info.getVersion(), "4.21.2");
            const request = new provproto.CreateRequest();
            request.setUrn(urn("redis-auth-password"));
            request.setProperties(struct(INPUTS));
            const response = await rpc<provproto.CreateRequest, provproto.CreateResponse>((r, cb) => client.create(r, cb), request);
            const properties = response.getProperties()?.toJavaScript();
            assert.equal(response.getId(), "none");
            const result = properties?.["result"];
            assert.ok(typeof result === "string" && result.length === 64);
            assert.match(plugin.output.stderr, /simulated cloud: pulumi-resource-random \(rehearsal only/);
        } finally {
            plugin.stop();
        }
    });
});

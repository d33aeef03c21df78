import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { fieldsAndProblems, rejectedIssues, synthesize } from "@platform/synth";
import { type ComponentType, protectionOptions, PlatformComponent } from "../src/index.js";

const naming = { project: "acme", environment: "prod" };

/** A provider-managed test resource (the mocks answer any type). */
class TestResource extends pulumi.CustomResource {
    constructor(type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super(type, name, props, opts);
    }
}

/** A minimal component: one stateless and one stateful child, outputs registered by name. */
class Probe extends PlatformComponent {
    readonly bucketName: pulumi.Output<string>;
    readonly label: string;

    constructor(name: string, opts?: pulumi.ComponentResourceOptions, type: ComponentType = "platform:data:Probe") {
        super(type, name, naming, opts);
        this.label = this.physicalName("label", "gcpServiceAccount");
        const topic = new TestResource(
            "test:index:Topic",
            this.childName("topic"),
            { name: this.physicalName("topic") },
            this.childOptions(),
        );
        const bucket = new TestResource(
            "test:index:Bucket",
            this.childName("bucket"),
            { name: this.physicalName("bucket") },
            this.statefulOptions({ dependsOn: [topic] }),
        );
        this.bucketName = pulumi.output(bucket.urn).apply(() => this.physicalName("bucket"));
        this.complete("bucketName", "label");
    }
}

function synth(program: () => void) {
    return synthesize({ project: "t", stack: "prod", program });
}

describe("PlatformComponent", () => {
    it("names children `${name}-<child>` and physical names `<project>-<env>-<name>-<child>`, fitted with a stable hash", async () => {
        const { resources } = await synth(() => void new Probe("probe"));
        assert.deepEqual(
            resources.map((r) => [r.type, r.name, r.inputs["name"]]),
            [
                ["pulumi:pulumi:Stack", "t-prod", undefined],
                ["platform:data:Probe", "probe", undefined],
                ["test:index:Topic", "probe-topic", "acme-prod-probe-topic"],
                ["test:index:Bucket", "probe-bucket", "acme-prod-probe-bucket"],
            ],
        );
        // gcpServiceAccount names stop at 30 characters: cut, then a hash of the full name.
        let label = "";
        await synth(() => void (label = new Probe("a-rather-long-component").label));
        assert.match(label, /^acme-prod-a-rather-long-[0-9a-f]{6}$/);
        assert.ok(label.length <= 30);
    });

    it("protect on the component protects every child; stateful children are also retained; nothing without it", async () => {
        const flags = async (opts?: pulumi.ComponentResourceOptions) =>
            (await synth(() => void new Probe("probe", opts))).resources
                .filter((r) => r.custom)
                .map((r) => [r.name, r.protect, r.retainOnDelete]);
        assert.deepEqual(await flags({ protect: true }), [
            ["probe-topic", true, false],
            ["probe-bucket", true, true],
        ]);
        assert.deepEqual(await flags(), [
            ["probe-topic", false, false],
            ["probe-bucket", false, false],
        ]);
    });

    it("protection is inherited from a protected ancestor", async () => {
        const { resources } = await synth(() => {
            const outer = new pulumi.ComponentResource("test:index:Outer", "outer", {}, { protect: true });
            new Probe("probe", { parent: outer });
        });
        assert.deepEqual(
            resources.filter((r) => r.custom).map((r) => [r.name, r.protect, r.retainOnDelete]),
            [
                ["probe-topic", true, false],
                ["probe-bucket", true, true],
            ],
        );
    });

    it("registers the named public fields as outputs, and only once", async () => {
        class Twice extends PlatformComponent {
            readonly id = "x";
            constructor() {
                super("platform:data:Twice", "twice", naming);
                this.complete("id");
                this.complete("id");
            }
        }
        await assert.rejects(
            synth(() => void new Twice()),
            /twice: complete\(\) was called twice/,
        );
    });

    it("refuses to write protect on a child", async () => {
        class Explicit extends PlatformComponent {
            constructor() {
                super("platform:data:Explicit", "explicit", naming, { protect: true });
                new TestResource("test:index:Bucket", this.childName("bucket"), {}, this.childOptions({ protect: false } as never));
            }
        }
        await assert.rejects(
            synth(() => void new Explicit()),
            /explicit: components never set protect on a child; children inherit the component's/,
        );
    });

    it("rejects a bad type token, component name and naming, all at once", async () => {
        const issues = await rejectedIssues(
            synth(
                () =>
                    void new (class extends PlatformComponent {
                        constructor() {
                            super("platform:storage:thing" as ComponentType, "Probe_1", { project: "Acme", environment: "" });
                        }
                    })(),
            ),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["type", "is not a platform component type token"],
            ["name", "is not a name segment (it becomes part of every physical name)"],
            ["naming.project", "is not a name segment"],
            ["naming.environment", "is not a name segment"],
        ]);
    });

    it("protectionOptions asks for protection in protected environments and never writes protect: false", () => {
        assert.deepEqual(protectionOptions({ protectStatefulResources: true }), { protect: true });
        assert.deepEqual(protectionOptions({ protectStatefulResources: false }), {});
    });
});

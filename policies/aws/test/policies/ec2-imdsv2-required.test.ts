import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { ec2Imdsv2Required } from "../../src/policies/ec2-imdsv2-required.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [ec2Imdsv2Required] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, ec2Imdsv2Required, urn, detail);
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";

describe("aws-ec2-imdsv2-required", () => {
    it("passes IMDSv2 with hop limit 1 or 2 on templates and instances, and a disabled metadata endpoint", async () => {
        const s = new StackFixture();
        s.custom(TEMPLATE, "nodes", { metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } });
        s.custom(TEMPLATE, "documented", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } });
        s.custom(INSTANCE, "bastion", { metadataOptions: { httpTokens: "required" } });
        s.custom(INSTANCE, "no-imds", { metadataOptions: { httpEndpoint: "disabled" } });
        assert.deepEqual(await run(s), []);
    });

    it("flags optional tokens and a hop limit above 2", async () => {
        const s = new StackFixture();
        const optional = s.custom(TEMPLATE, "optional", { metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 1 } });
        const hops = s.custom(INSTANCE, "hops", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 3 } });
        assert.deepEqual(await run(s), [
            v(
                optional.urn,
                'launch template optional sets metadataOptions.httpTokens: optional, so IMDSv1 answers without a session token; set httpTokens: "required".',
            ),
            v(
                hops.urn,
                "instance hops sets httpPutResponseHopLimit: 3, so containers can reach the instance's credentials; set it to 1 (2 at most).",
            ),
        ]);
    });

    it("flags metadata options left unset (IMDSv1 still allowed)", async () => {
        const s = new StackFixture();
        const template = s.custom(TEMPLATE, "unset", {});
        const instance = s.custom(INSTANCE, "unset-instance", { metadataOptions: { httpPutResponseHopLimit: 1 } });
        assert.deepEqual(await run(s), [
            v(
                template.urn,
                'launch template unset does not set metadataOptions.httpTokens, so IMDSv1 answers without a session token; set httpTokens: "required".',
            ),
            v(
                instance.urn,
                'instance unset-instance does not set metadataOptions.httpTokens, so IMDSv1 answers without a session token; set httpTokens: "required".',
            ),
        ]);
    });
});

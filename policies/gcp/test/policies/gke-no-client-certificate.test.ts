import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeNoClientCertificate } from "../../src/policies/gke-no-client-certificate.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeNoClientCertificate] }, s.build());
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-no-client-certificate", () => {
    it("passes no client certificate", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "none", { masterAuth: { clientCertificateConfig: { issueClientCertificate: false } } });
        assert.deepEqual(await run(s), []);
    });

    it("flags an issued client certificate", async () => {
        const s = new StackFixture();
        const issued = s.custom(CLUSTER, "issued", { masterAuth: { clientCertificateConfig: { issueClientCertificate: true } } });
        assert.deepEqual(await run(s), [
            expectedViolation(
                packName,
                gkeNoClientCertificate,
                issued.urn,
                "GKE cluster issued issues a client certificate, an admin credential that cannot be revoked; set masterAuth.clientCertificateConfig.issueClientCertificate: false.",
            ),
        ]);
    });

    it("passes masterAuth left unset (GKE issues none)", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "unset", {});
        s.custom(CLUSTER, "no-config", { masterAuth: {} });
        assert.deepEqual(await run(s), []);
    });
});

import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { namespacePodSecurity } from "../../src/policies/namespace-pod-security.js";
import { run, violation } from "../fixtures.js";

const ns = (s: StackFixture, name: string, level?: string) =>
    s.custom("kubernetes:core/v1:Namespace", name, {
        metadata: { name, labels: level === undefined ? {} : { "pod-security.kubernetes.io/enforce": level } },
    });

describe("kubernetes-namespace-pod-security", () => {
    it("restricted and baseline pass; privileged and unset are flagged", async () => {
        const s = new StackFixture({ stack: "prod" });
        ns(s, "apps", "restricted");
        ns(s, "gateway", "baseline");
        const privileged = ns(s, "agents", "privileged");
        const unset = ns(s, "legacy");
        assert.deepEqual(await run(namespacePodSecurity, s), [
            violation(
                namespacePodSecurity,
                privileged,
                "Namespace agents enforces privileged; label it pod-security.kubernetes.io/enforce: restricted.",
            ),
            violation(
                namespacePodSecurity,
                unset,
                "Namespace legacy has no pod-security.kubernetes.io/enforce label (privileged); label it pod-security.kubernetes.io/enforce: restricted.",
            ),
        ]);
    });
});

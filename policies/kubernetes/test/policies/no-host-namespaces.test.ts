import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { noHostNamespaces } from "../../src/policies/no-host-namespaces.js";
import { addWorkload, KINDS, podSpec, run, violation } from "../fixtures.js";

describe("kubernetes-no-host-namespaces", () => {
    for (const kind of KINDS) {
        it(`${kind}: unset host namespaces pass; hostPID, hostIPC and hostNetwork true are flagged together`, async () => {
            const ok = new StackFixture({ stack: "prod" });
            addWorkload(ok, kind);
            assert.deepEqual(await run(noHostNamespaces, ok), []);
            const off = new StackFixture({ stack: "prod" });
            addWorkload(off, kind, podSpec({ hostPID: false, hostNetwork: false }));
            assert.deepEqual(await run(noHostNamespaces, off), []);
            const bad = new StackFixture({ stack: "prod" });
            const r = addWorkload(bad, kind, podSpec({ hostPID: true, hostIPC: true, hostNetwork: true }));
            assert.deepEqual(await run(noHostNamespaces, bad), [
                violation(noHostNamespaces, r, `${kind} apps/api sets hostPID: true, hostIPC: true, hostNetwork: true; remove them.`),
            ]);
        });
    }
});

import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { firewallNoPublicIngress } from "../../src/policies/firewall-no-public-ingress.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [firewallNoPublicIngress] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, firewallNoPublicIngress, urn, detail);
const FIREWALL = "gcp:compute/firewall:Firewall";
const FIX = "restrict sourceRanges to the networks that need it, or serve through a load balancer.";

describe("gcp-firewall-no-public-ingress", () => {
    it("passes the platform's rules (deny-all, IAP SSH, health checks, internal), tag-scoped sources and egress to the internet", async () => {
        const s = new StackFixture();
        s.custom(FIREWALL, "deny-all", { network: "n", sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "all" }] });
        s.custom(FIREWALL, "iap", { network: "n", sourceRanges: ["35.235.240.0/20"], allows: [{ protocol: "tcp", ports: ["22"] }] });
        s.custom(FIREWALL, "health", {
            network: "n",
            sourceRanges: ["35.191.0.0/16", "130.211.0.0/22"],
            allows: [{ protocol: "tcp", ports: ["80", "443"] }],
        });
        s.custom(FIREWALL, "internal", { network: "n", sourceRanges: ["10.40.0.0/20"], allows: [{ protocol: "all" }] });
        s.custom(FIREWALL, "by-tag", { network: "n", sourceTags: ["web"], allows: [{ protocol: "tcp", ports: ["80"] }] });
        s.custom(FIREWALL, "egress", {
            network: "n",
            direction: "EGRESS",
            destinationRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "all" }],
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags HTTP, FTP, MySQL and every port from 0.0.0.0/0 or ::/0, a disabled rule, and an ingress rule with no source", async () => {
        const s = new StackFixture();
        const http = s.custom(FIREWALL, "http", {
            network: "n",
            sourceRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "tcp", ports: ["80"] }],
        });
        const ftp = s.custom(FIREWALL, "ftp", {
            network: "n",
            sourceRanges: ["10.0.0.0/8", "::/0"],
            allows: [{ protocol: "tcp", ports: ["20-21"] }],
        });
        const mysql = s.custom(FIREWALL, "mysql", {
            network: "n",
            sourceRanges: ["0.0.0.0/0"],
            disabled: true,
            allows: [{ protocol: "tcp", ports: ["3306"] }],
        });
        const all = s.custom(FIREWALL, "all", {
            network: "n",
            sourceRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "all" }, { protocol: "udp", ports: ["53"] }],
        });
        const unset = s.custom(FIREWALL, "unset", { network: "n", allows: [{ protocol: "tcp", ports: ["443"] }] });
        assert.deepEqual(await run(s), [
            v(http.urn, `firewall http allows tcp/80 from 0.0.0.0/0; ${FIX}`),
            v(ftp.urn, `firewall ftp allows tcp/20-21 from ::/0; ${FIX}`),
            v(mysql.urn, `firewall mysql allows tcp/3306 from 0.0.0.0/0; ${FIX}`),
            v(all.urn, `firewall all allows all (every port), udp/53 from 0.0.0.0/0; ${FIX}`),
            v(unset.urn, `firewall unset allows tcp/443 from 0.0.0.0/0 (the default when no source is set); ${FIX}`),
        ]);
    });
});

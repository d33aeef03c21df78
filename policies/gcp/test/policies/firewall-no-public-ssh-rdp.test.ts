import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { firewallNoPublicSshRdp } from "../../src/policies/firewall-no-public-ssh-rdp.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [firewallNoPublicSshRdp] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, firewallNoPublicSshRdp, urn, detail);
const FIREWALL = "gcp:compute/firewall:Firewall";
const FIX = "restrict sourceRanges (e.g. to the IAP range 35.235.240.0/20) or remove the rule.";

describe("gcp-firewall-no-public-ssh-rdp", () => {
    it("passes for IAP-only SSH, public web ports, tag-scoped sources, egress rules and deny rules", async () => {
        const s = new StackFixture();
        s.custom(FIREWALL, "iap-ssh", { network: "n", sourceRanges: ["35.235.240.0/20"], allows: [{ protocol: "tcp", ports: ["22"] }] });
        s.custom(FIREWALL, "web", {
            network: "n",
            sourceRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "tcp", ports: ["80", "443", "8000-8080"] }],
        });
        s.custom(FIREWALL, "by-tag", { network: "n", sourceTags: ["bastion"], allows: [{ protocol: "tcp", ports: ["22"] }] });
        s.custom(FIREWALL, "egress", {
            network: "n",
            direction: "EGRESS",
            destinationRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "all" }],
        });
        s.custom(FIREWALL, "deny", { network: "n", sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "tcp", ports: ["22"] }] });
        s.custom(FIREWALL, "udp", { network: "n", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "udp", ports: ["22", "3389"] }] });
        assert.deepEqual(await run(s), []);
    });

    it("flags ports, ranges, protocol all, allows without ports, IPv6, and rules with no source at all", async () => {
        const s = new StackFixture();
        const ssh = s.custom(FIREWALL, "ssh", {
            network: "n",
            direction: "INGRESS",
            sourceRanges: ["0.0.0.0/0"],
            allows: [{ protocol: "tcp", ports: ["22"] }],
        });
        const range = s.custom(FIREWALL, "range", {
            network: "n",
            sourceRanges: ["10.0.0.0/8", "::/0"],
            allows: [{ protocol: "tcp", ports: ["20-25", "3000-4000"] }],
        });
        const all = s.custom(FIREWALL, "all", { network: "n", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] });
        const noPorts = s.custom(FIREWALL, "no-ports", { network: "n", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "6" }] });
        const noSource = s.custom(FIREWALL, "no-source", { network: "n", allows: [{ protocol: "tcp", ports: ["3389"] }] });
        assert.deepEqual(await run(s), [
            v(ssh.urn, `firewall ssh allows tcp/22 (SSH) from 0.0.0.0/0; ${FIX}`),
            v(range.urn, `firewall range allows tcp/22 (SSH) and tcp/3389 (RDP) from ::/0; ${FIX}`),
            v(all.urn, `firewall all allows tcp/22 (SSH) and tcp/3389 (RDP) from 0.0.0.0/0; ${FIX}`),
            v(noPorts.urn, `firewall no-ports allows tcp/22 (SSH) and tcp/3389 (RDP) from 0.0.0.0/0; ${FIX}`),
            v(noSource.urn, `firewall no-source allows tcp/3389 (RDP) from 0.0.0.0/0 (the default when no source is set); ${FIX}`),
        ]);
    });
});

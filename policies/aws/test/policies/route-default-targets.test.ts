import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { routeDefaultTargets } from "../../src/policies/route-default-targets.js";

const ROUTE = "aws:ec2/route:Route";
const TABLE = "aws:ec2/routeTable:RouteTable";

describe("aws-route-default-targets", () => {
    it("passes default routes to NAT and internet gateways, and peering for the peer's range only", async () => {
        const s = new StackFixture();
        s.custom(ROUTE, "nat", { routeTableId: "rt", destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" });
        s.custom(ROUTE, "igw", { routeTableId: "rt", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" });
        s.custom(ROUTE, "peer", { routeTableId: "rt", destinationCidrBlock: "10.50.0.0/16", vpcPeeringConnectionId: "pcx-1" });
        s.custom(TABLE, "table", { vpcId: "v", routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" }] });
        s.custom(TABLE, "unset", { vpcId: "v" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [routeDefaultTargets] }, s.build()), []);
    });

    it("flags a default route through an instance or a peering connection, as a route or inline in a table (IPv6 too)", async () => {
        const s = new StackFixture();
        const instance = s.custom(ROUTE, "nat-instance", { routeTableId: "rt", destinationCidrBlock: "0.0.0.0/0", instanceId: "i-1" });
        const peering = s.custom(ROUTE, "peering", {
            routeTableId: "rt",
            destinationIpv6CidrBlock: "::/0",
            vpcPeeringConnectionId: "pcx-1",
        });
        const table = s.custom(TABLE, "table", { vpcId: "v", routes: [{ cidrBlock: "0.0.0.0/0", vpcPeeringConnectionId: "pcx-1" }] });
        const fix = "route it to a NAT or internet gateway.";
        assert.deepEqual(await evaluatePack({ name: packName, policies: [routeDefaultTargets] }, s.build()), [
            expectedViolation(
                packName,
                routeDefaultTargets,
                instance.urn,
                `route nat-instance sends 0.0.0.0/0 through an instance (instanceId); ${fix}`,
            ),
            expectedViolation(
                packName,
                routeDefaultTargets,
                peering.urn,
                `route peering sends ::/0 through a VPC peering connection (vpcPeeringConnectionId); ${fix}`,
            ),
            expectedViolation(
                packName,
                routeDefaultTargets,
                table.urn,
                `route table table sends 0.0.0.0/0 through a VPC peering connection (vpcPeeringConnectionId); ${fix}`,
            ),
        ]);
    });
});

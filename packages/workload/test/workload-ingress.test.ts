import * as assert from "node:assert/strict";
import { at, findResource, synthesize, type InventoryResource } from "@platform/synth";
import { validateWorkloadIngressArgs, Workload, type WorkloadArgs, workloadIngress, type WorkloadIngressArgs } from "../src/index.js";

const base: WorkloadArgs = {
    naming: { project: "acme", environment: "prod" },
    namespace: "sma",
    team: "sma",
    image: "ghcr.io/sma-platform/backend:v1.2.3",
    version: "v1.2.3",
    trustedRegistries: ["ghcr.io"],
    port: 8080,
    resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    health: { readinessPath: "/readyz", livenessPath: "/healthz" },
    minReplicasFloor: 2,
    identity: {
        cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" },
    },
};

async function synth(args: WorkloadIngressArgs): Promise<InventoryResource[]> {
    return (
        await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                const workload = new Workload("sma-backend", base);
                workloadIngress("sma-api", workload, args, {});
            },
        })
    ).resources;
}

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";

describe("workloadIngress", () => {
    it("nginx: one host over TLS, every path to the Workload's Service, sent through nginx's mesh sidecar by the Service's name", async () => {
        const resources = await synth({
            controller: "nginx",
            host: "api.sma.acme.example.com",
            labels: { app: "sma-backend", team: "sma" },
        });
        const ingress = findResource(resources, INGRESS, "sma-api");
        assert.deepEqual(ingress.inputs["metadata"], {
            name: "sma-api",
            namespace: "sma",
            labels: { app: "sma-backend", team: "sma" },
            annotations: {
                "cert-manager.io/cluster-issuer": "letsencrypt-production",
                "nginx.ingress.kubernetes.io/service-upstream": "true",
                "nginx.ingress.kubernetes.io/upstream-vhost": "sma-backend.sma.svc.cluster.local",
            },
        });
        assert.deepEqual(ingress.inputs["spec"], {
            ingressClassName: "nginx",
            tls: [{ hosts: ["api.sma.acme.example.com"], secretName: "sma-api-tls" }],
            rules: [
                {
                    host: "api.sma.acme.example.com",
                    http: {
                        paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "sma-backend", port: { number: 8080 } } } }],
                    },
                },
            ],
        });
        // A child of the Workload, after it (a dependency on a component is one on the resources under it).
        const workload = findResource(resources, "platform:workload:Workload", "sma-backend");
        assert.equal(ingress.parent, workload.urn);
        const deployment = findResource(resources, "kubernetes:apps/v1:Deployment", "sma-backend-deployment");
        assert.ok(ingress.dependencies.includes(deployment.urn));
    });

    it("kong: the controller's own settings and issuer kept, no nginx annotations (the Service carries Kong's mesh upstream)", async () => {
        const resources = await synth({
            controller: "kong",
            host: "api.acme.example.com",
            pathPrefix: "/v1",
            clusterIssuer: "letsencrypt-staging",
            annotations: { "konghq.com/protocols": "https" },
        });
        const ingress = findResource(resources, INGRESS, "sma-api");
        assert.deepEqual(at(ingress.inputs, "metadata", "annotations"), {
            "konghq.com/protocols": "https",
            "cert-manager.io/cluster-issuer": "letsencrypt-staging",
        });
        assert.deepEqual(at(ingress.inputs, "metadata", "labels"), {});
        assert.deepEqual(
            [at(ingress.inputs, "spec", "ingressClassName"), at(ingress.inputs, "spec", "rules", 0, "http", "paths", 0, "path")],
            ["kong", "/v1"],
        );
        const service = findResource(resources, "kubernetes:core/v1:Service", "sma-backend-service");
        assert.equal(at(service.inputs, "metadata", "annotations", "konghq.com/host-header"), "sma-backend.sma.svc.cluster.local");
    });

    it("lists every bad argument at once, the mesh upstream annotations included", async () => {
        const bad = {
            controller: "traefik",
            host: "API.example",
            pathPrefix: "v1",
            annotations: { "nginx.ingress.kubernetes.io/upstream-vhost": "elsewhere" },
        } as unknown as WorkloadIngressArgs;
        assert.deepEqual(validateWorkloadIngressArgs(bad), [
            { field: "controller", value: "traefik", problem: "is not an allowed value", fix: "use one of nginx, kong" },
            {
                field: "host",
                value: "API.example",
                problem: "is not a lower-case DNS name",
                fix: "use a lower-case DNS name, e.g. api.acme.example.com",
            },
            { field: "pathPrefix", value: "v1", problem: "does not start with /", fix: 'use "/v1"' },
            {
                field: 'annotations["nginx.ingress.kubernetes.io/upstream-vhost"]',
                value: "elsewhere",
                problem: "is the platform's: it sends the controller's traffic through the mesh",
                fix: "leave it out",
            },
        ]);
        await assert.rejects(synth(bad), (err: Error) => {
            assert.match(
                err.message,
                /^Invalid arguments for workloadIngress "sma-api" \(4 problems\):\n {2}- controller = "traefik": is not an allowed value\. Fix: use one of nginx, kong\n/,
            );
            return true;
        });
        assert.deepEqual(validateWorkloadIngressArgs({ controller: "nginx", host: "a.example.com" }), []);
    });
});

import * as assert from "node:assert/strict";
import { StackFixture } from "@platform/policy-kit/harness";
import { ingressBackendServices, ingressNginxMeshUpstream } from "../../src/policies/ingress-nginx-mesh-upstream.js";
import { run, violation } from "../fixtures.js";

const path = (service: string) => ({ path: "/", pathType: "Prefix", backend: { service: { name: service, port: { number: 80 } } } });
const ingress = (
    s: StackFixture,
    name: string,
    v: { className?: string; annotations?: Record<string, string>; services: string[]; namespace?: string },
) =>
    s.custom("kubernetes:networking.k8s.io/v1:Ingress", name, {
        metadata: { name, ...(v.namespace !== undefined ? { namespace: v.namespace } : {}), annotations: v.annotations ?? {} },
        spec: {
            ...(v.className !== undefined ? { ingressClassName: v.className } : {}),
            rules: v.services.map((svc, i) => ({ host: `h${i}.example.com`, http: { paths: [path(svc)] } })),
        },
    });
const mesh = (host: string) => ({
    "nginx.ingress.kubernetes.io/service-upstream": "true",
    "nginx.ingress.kubernetes.io/upstream-vhost": host,
});

describe("kubernetes-ingress-nginx-mesh-upstream", () => {
    it("passes an nginx Ingress sending to its one Service by name, and Ingresses of other classes", async () => {
        const s = new StackFixture({ stack: "prod" });
        ingress(s, "ok", { className: "nginx", namespace: "sma", services: ["api"], annotations: mesh("api.sma.svc.cluster.local") });
        // The same Service on two hosts is one Service.
        ingress(s, "two-hosts", {
            className: "nginx",
            namespace: "sma",
            services: ["web", "web"],
            annotations: mesh("web.sma.svc.cluster.local"),
        });
        ingress(s, "kong", { className: "kong", namespace: "auterity", services: ["auterity"] });
        ingress(s, "unclassed", { namespace: "apps", services: ["a", "b"] });
        assert.deepEqual(await run(ingressNginxMeshUpstream, s), []);
    });

    it("flags unset annotations, a wrong vhost, the class by its legacy annotation and the default namespace", async () => {
        const s = new StackFixture({ stack: "prod" });
        const unset = ingress(s, "unset", { className: "nginx", namespace: "sma", services: ["api"] });
        const wrong = ingress(s, "wrong", {
            className: "nginx",
            namespace: "sma",
            services: ["api"],
            annotations: {
                "nginx.ingress.kubernetes.io/service-upstream": "false",
                "nginx.ingress.kubernetes.io/upstream-vhost": "api.sma",
            },
        });
        const legacy = ingress(s, "legacy", {
            namespace: "tiation",
            services: ["cms"],
            annotations: { "kubernetes.io/ingress.class": "nginx", "nginx.ingress.kubernetes.io/service-upstream": "true" },
        });
        const defaulted = ingress(s, "defaulted", {
            className: "nginx",
            services: ["api"],
            annotations: mesh("api.sma.svc.cluster.local"),
        });
        assert.deepEqual(await run(ingressNginxMeshUpstream, s), [
            violation(
                ingressNginxMeshUpstream,
                unset,
                'Ingress sma/unset has nginx.ingress.kubernetes.io/service-upstream = (unset): nginx would send to pod addresses, which the app\'s sidecar refuses. Fix: set it to "true" (nginxMeshUpstream).',
            ),
            violation(
                ingressNginxMeshUpstream,
                unset,
                'Ingress sma/unset has nginx.ingress.kubernetes.io/upstream-vhost = (unset): the mesh routes by the Service\'s name. Fix: set it to "api.sma.svc.cluster.local" (nginxMeshUpstream).',
            ),
            violation(
                ingressNginxMeshUpstream,
                wrong,
                'Ingress sma/wrong has nginx.ingress.kubernetes.io/service-upstream = "false": nginx would send to pod addresses, which the app\'s sidecar refuses. Fix: set it to "true" (nginxMeshUpstream).',
            ),
            violation(
                ingressNginxMeshUpstream,
                wrong,
                'Ingress sma/wrong has nginx.ingress.kubernetes.io/upstream-vhost = "api.sma": the mesh routes by the Service\'s name. Fix: set it to "api.sma.svc.cluster.local" (nginxMeshUpstream).',
            ),
            violation(
                ingressNginxMeshUpstream,
                legacy,
                'Ingress tiation/legacy has nginx.ingress.kubernetes.io/upstream-vhost = (unset): the mesh routes by the Service\'s name. Fix: set it to "cms.tiation.svc.cluster.local" (nginxMeshUpstream).',
            ),
            violation(
                ingressNginxMeshUpstream,
                defaulted,
                'Ingress defaulted has nginx.ingress.kubernetes.io/upstream-vhost = "api.sma.svc.cluster.local": the mesh routes by the Service\'s name. Fix: set it to "api.default.svc.cluster.local" (nginxMeshUpstream).',
            ),
        ]);
    });

    it("flags an nginx Ingress routing to two Services, once, whatever its annotations", async () => {
        const s = new StackFixture({ stack: "prod" });
        const both = ingress(s, "both", {
            className: "nginx",
            namespace: "sma",
            services: ["web", "api"],
            annotations: mesh("web.sma.svc.cluster.local"),
        });
        assert.deepEqual(await run(ingressNginxMeshUpstream, s), [
            violation(
                ingressNginxMeshUpstream,
                both,
                "Ingress sma/both routes to web, api: ingress-nginx's upstream vhost is one per Ingress; give each Service its own Ingress.",
            ),
        ]);
    });

    it("reads backends from the default backend and every path, once each, and none from resource backends", () => {
        assert.deepEqual(
            ingressBackendServices({
                defaultBackend: { service: { name: "fallback", port: { number: 80 } } },
                rules: [
                    {
                        http: {
                            paths: [path("api"), path("fallback"), { path: "/s", backend: { resource: { kind: "Bucket", name: "b" } } }],
                        },
                    },
                    { host: "x" },
                ],
            }),
            ["fallback", "api"],
        );
        assert.deepEqual(ingressBackendServices(undefined), []);
        assert.deepEqual(ingressBackendServices({ rules: [{ http: { paths: [{ backend: { resource: { kind: "Bucket" } } }] } }] }), []);
    });
});

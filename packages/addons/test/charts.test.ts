import * as assert from "node:assert/strict";
import { type ChartPin, chartPinProblems, CHARTS, chartTable, EXACT_VERSION } from "../src/index.js";

describe("chart pins", () => {
    it("every chart is pinned to an exact version from an https repository, at or above the seeds' minimums", () => {
        assert.deepEqual(
            Object.entries(CHARTS).flatMap(([key, pin]) => chartPinProblems(key, pin)),
            [],
        );
        assert.deepEqual(Object.fromEntries(Object.entries(CHARTS).map(([key, pin]) => [key, pin.version])), {
            prometheusOperatorCrds: "19.0.0",
            certManager: "v1.17.2",
            metricsServer: "3.12.2",
            ingressNginx: "4.12.1",
            keda: "2.17.0",
            istioBase: "1.26.2",
            istioCni: "1.26.2",
            istiod: "1.26.2",
            istioGateway: "1.26.2",
            awsLoadBalancerController: "1.13.3",
            flagger: "1.41.0",
            externalSecrets: "0.17.0",
            externalDns: "1.16.1",
            kong: "2.48.0",
            kubePrometheusStack: "70.10.0",
            loki: "6.30.1",
            tempo: "1.23.2",
            openTelemetryCollector: "0.127.2",
            gatekeeper: "3.19.1",
            falco: "7.0.1",
        });
    });

    it("fails on an unpinned chart: a range, a wildcard, a tag, an empty version, plain http, and a version below the seed", () => {
        const pin = (version: string, extra: Partial<ChartPin> = {}): ChartPin => ({
            chart: "keda",
            repository: "https://kedacore.github.io/charts",
            version,
            why: "",
            ...extra,
        });
        assert.deepEqual(
            ["^2.17.0", "~2.17", "2.x", ">=2.12.0", "latest", "", "2.17", "2.17.0-rc.1"].map((v) => chartPinProblems("keda", pin(v))),
            ["^2.17.0", "~2.17", "2.x", ">=2.12.0", "latest", "", "2.17", "2.17.0-rc.1"].map((v) => [
                `keda: version "${v}" is not an exact version (write e.g. 1.26.2, never a range such as ^1.26 or 1.x)`,
            ]),
        );
        assert.deepEqual(chartPinProblems("keda", pin("2.17.0", { repository: "http://kedacore.github.io/charts" })), [
            "keda: repository http://kedacore.github.io/charts is not an https:// chart repository",
        ]);
        assert.deepEqual(chartPinProblems("keda", pin("2.11.9", { seedMinimum: "2.12.0" })), [
            "keda: version 2.11.9 is below the seed's minimum 2.12.0",
        ]);
        assert.deepEqual(chartPinProblems("keda", pin("v2.12.0", { seedMinimum: "2.12.0" })), []);
        assert.equal(EXACT_VERSION.test("v1.17.2"), true);
    });

    it("the docs table lists chart, repository, version and why for each pin, in install order", () => {
        const lines = chartTable().split("\n");
        assert.equal(lines[0], "| chart | repository | version | why |");
        assert.equal(lines.length, 2 + Object.keys(CHARTS).length);
        assert.equal(lines[3], `| \`cert-manager\` | https://charts.jetstack.io | v1.17.2 | ${CHARTS.certManager.why} |`);
    });
});

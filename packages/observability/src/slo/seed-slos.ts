/**
 * Seed 001's SLOs (DocuThinker: frontend x3 and backend x3 in namespace `docuthinker`):
 * availability above 99.9%, measured on the services' own request counters (the counter the
 * seed's KEDA trigger reads, `http_requests_total{app="backend"}`), a 5xx response being the bad
 * event. "Error Rate < 0.1%" is the same objective seen from the other side.
 */
import type { SloSpec } from "./spec.js";

export const SEED_001_NAMESPACE = "docuthinker";

function availability(app: string): SloSpec {
    const selector = `namespace="${SEED_001_NAMESPACE}",app="${app}"`;
    return {
        service: app,
        team: SEED_001_NAMESPACE,
        objective: 0.999,
        good: `http_requests_total{${selector},status!~"5.."}`,
        total: `http_requests_total{${selector}}`,
    };
}

export const SEED_001_SLOS: readonly SloSpec[] = [availability("backend"), availability("frontend")];

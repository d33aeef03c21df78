/** SLO specs the tests share: seed 001's 99.9% availability for an HTTP API. */
import type { SloDashboardSpec } from "../src/index.js";

export const API_SLO: SloDashboardSpec = {
    service: "docuthinker-api",
    objective: 0.999,
    goodQuery: 'sum(rate(http_requests_total{job="docuthinker-api",code!~"5.."}[{{window}}]))',
    totalQuery: 'sum(rate(http_requests_total{job="docuthinker-api"}[{{window}}]))',
};

export const WORKER_SLO: SloDashboardSpec = {
    service: "auterity-worker",
    objective: 0.99,
    goodQuery: 'sum(rate(jobs_total{job="auterity-worker",outcome="success"}[{{window}}]))',
    totalQuery: 'sum(rate(jobs_total{job="auterity-worker"}[{{window}}]))',
    windowDays: 28,
};

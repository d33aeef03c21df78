/**
 * The SLOs of the services running on the platform's clusters: the monitoring stack deploys one
 * PrometheusRule (recording rules and burn-rate alerts) per entry. Add a service here (README:
 * "Add an SLO for a new service"); `validateSloSpecs` rejects a bad entry before anything deploys.
 */
import { SEED_001_SLOS } from "./seed-slos.js";
import type { SloSpec } from "./spec.js";

export const SERVICE_SLOS: readonly SloSpec[] = [...SEED_001_SLOS];

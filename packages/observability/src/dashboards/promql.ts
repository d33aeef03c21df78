/**
 * PromQL syntax checking with Prometheus's own grammar (`@prometheus-io/lezer-promql`, the parser
 * of the Prometheus UI's editor): a query Grafana would send and Prometheus would reject is caught
 * here, before it reaches a dashboard.
 */
import { parser } from "@prometheus-io/lezer-promql";

/**
 * Grafana's built-in range variables, which Grafana replaces before the query reaches Prometheus.
 * The check puts a duration in their place (any valid one: only the syntax is checked).
 */
const GRAFANA_RANGE_VARIABLES = /\$\{?__(rate_interval|interval|range)\}?/g;

/**
 * The first syntax error of `expr` as PromQL (`does not parse as PromQL: syntax error at character 7, near ...`), or
 * undefined when it parses. Any other `$variable` outside a string is an error: Prometheus would
 * see it as written if Grafana had no such variable.
 */
export function promqlSyntaxError(expr: string): string | undefined {
    if (expr.trim() === "") {
        return "is empty";
    }
    const query = expr.replace(GRAFANA_RANGE_VARIABLES, "5m");
    let at: number | undefined;
    parser.parse(query).iterate({
        enter: (node) => {
            if (at === undefined && node.type.isError) {
                at = node.from;
            }
            return at === undefined;
        },
    });
    if (at === undefined) {
        return undefined;
    }
    const near = query.slice(Math.max(0, at - 10), at + 10);
    return `does not parse as PromQL: syntax error at character ${at + 1}, near ${JSON.stringify(near)}`;
}

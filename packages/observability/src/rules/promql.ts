/**
 * PromQL syntax checks with Prometheus' own grammar (`@prometheus-io/lezer-promql`): the SLO
 * validator rejects a selector that does not parse before any rule exists, and the tests parse
 * every rendered expression (promtool then checks them for real).
 */
import { parser } from "@prometheus-io/lezer-promql";

/** The syntax errors' positions of `expr`, empty when it parses. */
export function promqlSyntaxErrors(expr: string): number[] {
    const positions: number[] = [];
    parser.parse(expr).iterate({
        enter: (node) => {
            if (node.type.isError) positions.push(node.from);
        },
    });
    return expr.trim() === "" ? [0] : positions;
}

/**
 * True when `expr` is exactly one instant vector selector (`metric{label="v"}` or `{__name__=...}`),
 * the form the SLO generator wraps in `rate(...[window])`.
 */
export function isVectorSelector(expr: string): boolean {
    if (promqlSyntaxErrors(expr).length > 0) return false;
    const top = parser.parse(expr).topNode.firstChild;
    return top !== null && top.type.name === "VectorSelector" && top.nextSibling === null;
}

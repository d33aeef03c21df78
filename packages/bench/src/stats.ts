/**
 * The statistics of the benchmark: the median of repeated runs (robust to the odd run slowed by
 * the shared machine), how sure that median is (a distribution-free confidence interval, for the
 * rows whose target is close to the machine's noise), and the least-squares line through (size,
 * median time), whose slope is the cost per resource and whose intercept is the fixed cost of a
 * run (engine and plugin start-up). total / N would hide that fixed cost inside every resource.
 */

/** The median; the mean of the middle two for an even count. Throws for no samples. */
export function median(samples: readonly number[]): number {
    if (samples.length === 0) {
        throw new Error("median of no samples");
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Where the true median lies, from the samples alone, and how sure that is. */
export interface Interval {
    readonly low: number;
    readonly high: number;
    /** The probability that [low, high] holds the true median (the binomial coverage below). */
    readonly confidence: number;
}

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function halfBinomialCdf(n: number, k: number): number {
    let term = 1; // C(n, 0)
    let sum = 0;
    for (let i = 0; i <= k; i++) {
        sum += term;
        term = (term * (n - i)) / (i + 1);
    }
    return sum / 2 ** n;
}

/**
 * The order-statistic confidence interval of the median, which assumes nothing about the noise's
 * shape: sorted samples x(1) <= ... <= x(n), the interval [x(k), x(n+1-k)] misses the true median
 * only when fewer than k samples fall on one side of it, so it holds it with probability
 * 1 - 2 P(Binomial(n, 1/2) <= k - 1). The narrowest interval with at least `level`; with too few
 * samples for that, the widest ([min, max]) and the lower confidence it has (5 samples: 94%,
 * 2: 50%). Throws for no samples.
 */
export function medianInterval(samples: readonly number[], level = 0.95): Interval {
    if (samples.length === 0) {
        throw new Error("median interval of no samples");
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const n = sorted.length;
    const coverage = (k: number): number => 1 - 2 * halfBinomialCdf(n, k - 1);
    let k = 1;
    while (k + 1 <= n + 1 - (k + 1) && coverage(k + 1) >= level) {
        k++;
    }
    return { low: sorted[k - 1], high: sorted[n - k], confidence: coverage(k) };
}

export interface Line {
    /** Change of y per unit of x: milliseconds per resource. */
    readonly slope: number;
    /** y at x = 0: the fixed milliseconds of a run. */
    readonly intercept: number;
}

/** Least-squares line through the points; needs two different x values. */
export function fitLine(points: ReadonlyArray<readonly [number, number]>): Line {
    const xs = new Set(points.map(([x]) => x));
    if (xs.size < 2) {
        throw new Error(`a slope needs two different sizes, got ${[...xs].join(", ") || "none"}`);
    }
    const n = points.length;
    const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
    const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (const [x, y] of points) {
        sxy += (x - meanX) * (y - meanY);
        sxx += (x - meanX) ** 2;
    }
    const slope = sxy / sxx;
    return { slope, intercept: meanY - slope * meanX };
}

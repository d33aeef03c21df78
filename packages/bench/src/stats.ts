/**
 * The statistics of the benchmark: the median of repeated runs (robust to the odd run slowed by
 * the shared machine) and the least-squares line through (size, median time), whose slope is the
 * cost per resource and whose intercept is the fixed cost of a run (engine and plugin start-up).
 * total / N would hide that fixed cost inside every resource.
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

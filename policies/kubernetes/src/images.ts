/**
 * Image references as Docker reads them (the same rules `@platform/workload`'s checkImage uses;
 * the pack cannot load that package at run time, so the parser lives here too and a test keeps the
 * two in agreement).
 */
export interface ImageReference {
    readonly registry: string;
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}

export function parseImage(image: string): ImageReference | undefined {
    const match = /^([^@]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/.exec(image);
    if (!match) return undefined;
    const [, path = "", tag, digest] = match;
    const slash = path.indexOf("/");
    const first = slash < 0 ? "" : path.slice(0, slash);
    const hasHost = first.includes(".") || first.includes(":") || first === "localhost";
    const registry = hasHost ? first : "docker.io";
    const repository = hasHost ? path.slice(slash + 1) : path;
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repository)) return undefined;
    return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Whether a registry host matches a pattern (`*` stands for any run of characters within the host, dots included). */
export function registryMatches(registry: string, pattern: string): boolean {
    const host = pattern.split("/")[0] ?? pattern;
    const regex = new RegExp(
        `^${host
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join("[a-z0-9.-]*")}$`,
    );
    return regex.test(registry);
}

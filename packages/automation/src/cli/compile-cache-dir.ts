/**
 * Where the `platform` process and the engine's Node.js processes (programs, policy packs) keep
 * their module compile caches: never in the same folder.
 *
 * Node.js keeps one cache entry per module file, and a process that exits writes the entries it
 * made. The `platform` process loads many of the files the engine's processes load (@pulumi/pulumi,
 * gRPC, protobuf) but runs other functions of them: sharing one folder, each `platform` run left
 * entries that made the next run's programs and packs compile again. Measured on the foundation
 * layer (docs/performance.md, round 5): a raw `pulumi preview` right after a `platform preview`
 * took 6.0 to 6.8 s against 5.4 s after another raw one, and `platform` after `platform` 7.8 s
 * against 6.4 s; with separate folders 5.6 to 5.7 s and 6.3 to 6.5 s.
 */
import * as path from "node:path";

export interface CompileCacheFolders {
    /** The folder the `platform` process asks Node.js for. */
    readonly cli: string;
    /**
     * NODE_COMPILE_CACHE for the engine's processes when the default (scripts/engine-env.sh: the
     * variable as set, else `<tmpdir>/node-compile-cache`) would be the `platform` process's own;
     * undefined: that default.
     */
    readonly engine?: string;
}

/**
 * Without NODE_COMPILE_CACHE: the engine keeps `<tmpdir>/node-compile-cache` and `platform` takes
 * its `platform-cli` subfolder. With it set (e.g. after `eval "$(bash scripts/engine-env.sh)"`),
 * Node.js has already put the `platform` process's cache there when it started, so the engine
 * moves to its `engine` subfolder instead. An empty value counts as unset, as in engine-env.sh.
 */
export function compileCacheFolders(env: NodeJS.ProcessEnv, tmpdir: string): CompileCacheFolders {
    const inherited = env["NODE_COMPILE_CACHE"];
    if (inherited === undefined || inherited === "") {
        return { cli: path.join(tmpdir, "node-compile-cache", "platform-cli") };
    }
    return { cli: inherited, engine: path.join(inherited, "engine") };
}

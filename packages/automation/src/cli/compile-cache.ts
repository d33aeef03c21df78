/**
 * Node.js's module compile cache for the `platform` process, turned on before anything else loads
 * (cli/main.ts imports this first): V8's compiled code of every module is kept on disk and reused
 * by the next run, so the SDKs the command loads (@pulumi/aws, @pulumi/gcp, @pulumi/kubernetes:
 * thousands of modules) are not compiled again each time. The directory is `NODE_COMPILE_CACHE`,
 * else Node's default, `os.tmpdir()/node-compile-cache` (scripts/engine-env.sh gives the engine's
 * Node.js processes the same); `NODE_DISABLE_COMPILE_CACHE=1` turns it off. A stale or unwritable
 * cache is ignored by Node, never an error.
 */
import { enableCompileCache } from "node:module";

enableCompileCache();

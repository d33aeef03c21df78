/**
 * Node.js's module compile cache for the `platform` process, turned on before anything else loads
 * (cli/main.ts imports this first): V8's compiled code of every module is kept on disk and reused
 * by the next run, so the SDK modules the command loads are not compiled again each time. Never
 * in the engine's processes' folder (compile-cache-dir.ts says why and where);
 * `NODE_DISABLE_COMPILE_CACHE=1` turns both off. A stale or unwritable cache is ignored by Node,
 * never an error.
 */
import { enableCompileCache } from "node:module";
import * as os from "node:os";
import { compileCacheFolders } from "./compile-cache-dir.js";

const folders = compileCacheFolders(process.env, os.tmpdir());
enableCompileCache(folders.cli);
if (folders.engine !== undefined) {
    // scripts/engine-env.sh, evaluated with this environment, keeps a value that is set.
    process.env["NODE_COMPILE_CACHE"] = folders.engine;
}

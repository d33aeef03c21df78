/**
 * Evaluates a pack through `@pulumi/policy`'s OWN analyzer functions (`server.js`
 * `makeRemediateRpcFun`, `makeAnalyzeRpcFun`, `makeAnalyzeStackRpcFun`), in process, with the
 * requests the engine would send. It exists to check `evaluatePack` against the real server code.
 * Limit: the server keeps config and stack tags in module state set only over gRPC, so this runs
 * without config and stack tags (`policy-pack-process.ts` covers those over real gRPC).
 */
import { createRequire } from "node:module";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import type * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb.js";
import { type AnalyzerRpcs, runAnalyzer } from "./analyzer-protocol.js";
import { engineView } from "./engine.js";
import type { EvaluatedPack, EvaluatedStack, EvaluateOptions, Violation } from "./evaluate.js";

type Rpc<Req, Res> = (call: { request: Req }, callback: (err: unknown, response: Res | undefined) => void) => Promise<void>;

interface ServerModule {
    makeAnalyzeRpcFun(
        name: string,
        version: string,
        level: EnforcementLevel,
        policies: Policies,
    ): Rpc<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>;
    makeAnalyzeStackRpcFun(
        name: string,
        version: string,
        level: EnforcementLevel,
        policies: Policies,
    ): Rpc<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>;
    makeRemediateRpcFun(
        name: string,
        version: string,
        level: EnforcementLevel,
        policies: Policies,
    ): Rpc<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>;
}

function invoke<Req, Res>(rpc: Rpc<Req, Res>): (request: Req) => Promise<Res> {
    return (request) =>
        new Promise((resolve, reject) => {
            void rpc({ request }, (err, response) =>
                err || !response ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(response),
            );
        });
}

/** Like `evaluatePack`, but through the real `@pulumi/policy` server functions (no config, no stack tags). */
export async function evaluatePackWithSdkServer(
    pack: EvaluatedPack,
    stack: EvaluatedStack,
    opts: Pick<EvaluateOptions, "defaultProviders"> = {},
): Promise<Violation[]> {
    const server = createRequire(__filename)("@pulumi/policy/server.js") as ServerModule;
    const version = pack.version ?? "0.0.0";
    const level = pack.enforcementLevel ?? "advisory";
    const rpcs: AnalyzerRpcs = {
        remediate: invoke(server.makeRemediateRpcFun(pack.name, version, level, pack.policies)),
        analyze: invoke(server.makeAnalyzeRpcFun(pack.name, version, level, pack.policies)),
        analyzeStack: invoke(server.makeAnalyzeStackRpcFun(pack.name, version, level, pack.policies)),
    };
    return runAnalyzer(rpcs, engineView(stack.resources, { stackOutputs: stack.outputs, defaultProviders: opts.defaultProviders }));
}

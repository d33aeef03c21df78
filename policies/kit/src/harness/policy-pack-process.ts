/**
 * Runs a built policy pack directory the way the pulumi CLI's nodejs language host does
 * (`pulumi-language-nodejs` `RunPlugin`: `node @pulumi/pulumi/cmd/run-policy-pack <engine> <packDir>`
 * with the pack directory as working directory, then read the gRPC port from stdout) and talks to
 * it over gRPC as the engine does: GetAnalyzerInfo, Configure (with the reconciled config),
 * ConfigureStack (stack tags), then Remediate/Analyze per resource and AnalyzeStack. This is the
 * real policy process; only the engine side is ours. Used by the packs' end-to-end tests.
 */
import { deepStrictEqual } from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type { Policies, Policy } from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb.js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb.js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { type AnalyzerRpcs, fromLevel, runAnalyzer, struct, toLevel, toSeverity } from "./analyzer-protocol.js";
import { type PolicyConfigInfo, resolvePolicyConfig } from "./config.js";
import { engineView } from "./engine.js";
import { evaluatePack, type EvaluatedStack, type EvaluateOptions, type Violation } from "./evaluate.js";

/** A started policy pack process and a gRPC client connected to it. */
export interface PolicyPackProcess {
    readonly port: number;
    readonly client: analyzerGrpc.AnalyzerClient;
    /** Policy pack name, version and policies as the pack reports them (GetAnalyzerInfo). */
    info(): Promise<analyzerpb.AnalyzerInfo>;
    /** Closes the client and stops the process. */
    stop(): Promise<void>;
}

/** A unary gRPC call as a promise. */
function unary<Req, Res>(
    call: (req: Req, cb: (err: grpcTypes.ServiceError | null, res: Res) => void) => unknown,
): (req: Req) => Promise<Res> {
    return (req) => new Promise((resolve, reject) => void call(req, (err, res) => (err ? reject(err) : resolve(res))));
}

/** Resolves with the port the pack prints as its first stdout line (`server.js` `serve`). */
function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        const timer = setTimeout(
            () => reject(new Error(`policy pack did not print its port within ${timeoutMs} ms; stderr:\n${err}`)),
            timeoutMs,
        );
        child.stdout?.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            const newline = out.indexOf("\n");
            if (newline < 0) return;
            clearTimeout(timer);
            const port = Number(out.slice(0, newline).trim());
            if (Number.isInteger(port) && port > 0) resolve(port);
            else reject(new Error(`policy pack printed ${JSON.stringify(out.slice(0, newline))} instead of a port; stderr:\n${err}`));
        });
        child.stderr?.on("data", (chunk: Buffer) => void (err += chunk.toString()));
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`policy pack exited with code ${code} before serving; stderr:\n${err}`));
        });
    });
}

/** Starts `packDir` (a built pack: PulumiPolicy.yaml + package.json `main`) as a policy pack process. */
export async function startPolicyPackProcess(packDir: string, options: { readonly timeoutMs?: number } = {}): Promise<PolicyPackProcess> {
    const dir = path.resolve(packDir);
    // The language host locates run-policy-pack from the pack directory, like this.
    const fromPack = createRequire(path.join(dir, "package.json"));
    const runPolicyPack = fromPack.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:0", dir], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let port: number;
    try {
        port = await waitForPort(child, options.timeoutMs ?? 15000);
    } catch (err) {
        child.kill();
        throw err;
    }
    // The gRPC runtime and generated client of the pack's own @pulumi/pulumi (one module instance).
    const fromPulumi = createRequire(fromPack.resolve("@pulumi/pulumi/package.json"));
    const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
    const { AnalyzerClient } = fromPulumi("./proto/analyzer_grpc_pb.js") as typeof analyzerGrpc;
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        port,
        client,
        info: () => unary<Empty, analyzerpb.AnalyzerInfo>((req, cb) => client.getAnalyzerInfo(req, cb))(new Empty()),
        stop: async () => {
            client.close();
            if (child.exitCode === null) {
                const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
                child.kill();
                await exited;
            }
        },
    };
}

function policyInfos(info: analyzerpb.AnalyzerInfo): PolicyConfigInfo[] {
    return info.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        return {
            name: p.getName(),
            enforcementLevel: toLevel(p.getEnforcementlevel()),
            ...(schema
                ? {
                      configSchema: {
                          properties: (schema.getProperties()?.toJavaScript() ?? {}) as never,
                          required: schema.getRequiredList(),
                      },
                  }
                : {}),
        };
    });
}

/**
 * Evaluates a stack with a running policy pack process over gRPC, sending config and stack tags
 * as the engine does. Returns violations in the same form as `evaluatePack`.
 */
export async function evaluateWithPolicyPackProcess(
    pack: PolicyPackProcess,
    stack: EvaluatedStack,
    opts: EvaluateOptions = {},
): Promise<Violation[]> {
    const { client } = pack;
    const info = await pack.info();
    // The engine reconciles config against the policy metadata the pack reports (levels already include the pack default).
    const resolved = resolvePolicyConfig(policyInfos(info), "advisory", opts.config);
    const configure = new analyzerpb.ConfigureAnalyzerRequest();
    for (const [name, c] of resolved) {
        configure
            .getPolicyconfigMap()
            .set(
                name,
                new analyzerpb.PolicyConfig().setEnforcementlevel(fromLevel(c.enforcementLevel)).setProperties(struct(c.properties)),
            );
    }
    await unary<analyzerpb.ConfigureAnalyzerRequest, Empty>((req, cb) => client.configure(req, cb))(configure);
    const stackConfig = new analyzerpb.AnalyzerStackConfigureRequest();
    for (const [k, v] of Object.entries(opts.stackTags ?? {})) stackConfig.getTagsMap().set(k, v);
    await unary<analyzerpb.AnalyzerStackConfigureRequest, analyzerpb.AnalyzerStackConfigureResponse>((req, cb) =>
        client.configureStack(req, cb),
    )(stackConfig);
    const rpcs: AnalyzerRpcs = {
        remediate: unary<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>((req, cb) => client.remediate(req, cb)),
        analyze: unary<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>((req, cb) => client.analyze(req, cb)),
        analyzeStack: unary<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>((req, cb) => client.analyzeStack(req, cb)),
    };
    return runAnalyzer(rpcs, engineView(stack.resources, { stackOutputs: stack.outputs, defaultProviders: opts.defaultProviders }));
}

/** The metadata of one policy that GetAnalyzerInfo carries (`protoutil.js` `makeAnalyzerInfo`), in one comparable shape. */
interface PolicyMetadata {
    readonly name: string;
    readonly description: string;
    readonly severity: string | null;
    readonly framework: readonly string[] | null;
    readonly tags: readonly string[];
    readonly remediationSteps: string;
    readonly url: string;
}

function declaredMetadata(p: Policy): PolicyMetadata {
    const f = p.framework;
    return {
        name: p.name,
        description: p.description,
        severity: p.severity ?? null,
        framework: f ? [f.name, f.version, f.reference, f.specification] : null,
        tags: p.tags ?? [],
        remediationSteps: p.remediationSteps ?? "",
        url: p.url ?? "",
    };
}

function reportedMetadata(p: analyzerpb.PolicyInfo): PolicyMetadata {
    const f = p.getFramework();
    return {
        name: p.getName(),
        description: p.getDescription(),
        severity: toSeverity(p.getSeverity()) ?? null,
        framework: f ? [f.getName(), f.getVersion(), f.getReference(), f.getSpecification()] : null,
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
    };
}

/**
 * Runs a built pack as a real policy process and through {@link evaluatePack} over the same stack,
 * fails unless the process reports the pack's name, version, policy list and each policy's
 * metadata (severity, framework, tags, remediation steps, url) and both give the same violations,
 * and returns those violations for the caller's own exact assertions.
 */
export async function evaluateBothWays(
    packDir: string,
    pack: { readonly name: string; readonly version: string; readonly policies: Policies },
    stack: () => EvaluatedStack,
    opts: EvaluateOptions = {},
): Promise<Violation[]> {
    const running = await startPolicyPackProcess(packDir);
    try {
        const info = await running.info();
        deepStrictEqual(
            [info.getName(), info.getVersion(), info.getPoliciesList().map(reportedMetadata)],
            [pack.name, pack.version, pack.policies.map(declaredMetadata)],
            "the pack process reports another name, version, policy list or policy metadata",
        );
        const viaProcess = await evaluateWithPolicyPackProcess(running, stack(), opts);
        const viaKit = await evaluatePack({ name: pack.name, version: pack.version, policies: pack.policies }, stack(), opts);
        deepStrictEqual(viaKit, viaProcess, "evaluatePack and the real pack process disagree");
        return viaKit;
    } finally {
        await running.stop();
    }
}

/**
 * The gRPC `pulumirpc.ResourceProvider` server of the simulated `aws` / `gcp` / `kubernetes`
 * plugins, on the SDK's generated stubs. Not `@pulumi/pulumi/provider`'s `main()`: that server
 * answers CheckConfig/DiffConfig with UNIMPLEMENTED and drops the provider configuration in
 * Configure, and the simulator needs the configuration (region, project, default tags and labels,
 * the default Kubernetes namespace) to compute what the real providers would. Wire conventions
 * follow the SDK's server: bind 127.0.0.1:0, print the port on stdout, take the engine address as
 * the first non-flag argument.
 */
import * as grpc from "@grpc/grpc-js";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb.js";
import * as engineproto from "@pulumi/pulumi/proto/engine_pb.js";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb.js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb.js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb.js";
import { applyDrift, driftFromEnvironment } from "./drift.js";
import { kubernetesConstructUnsupported } from "./kubernetes.js";
import * as model from "./provider.js";
import { RealKubernetesProvider, renderedByRealProvider, type RenderSettings } from "./render.js";
import type { WireObject, WireValue } from "./values.js";

/** The largest message the engine may send (the SDK allows the same). */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

function fromStruct(struct: Struct | undefined): WireObject {
    return struct?.toJavaScript() ?? {};
}

/** Drops `undefined` (Struct cannot hold it) at any depth. */
function defined(value: WireValue | undefined): WireValue | undefined {
    if (Array.isArray(value)) {
        return value.map((item) => defined(item) ?? null);
    }
    if (typeof value === "object" && value !== null) {
        const out: WireObject = {};
        for (const [key, item] of Object.entries(value)) {
            const d = defined(item);
            if (d !== undefined) {
                out[key] = d;
            }
        }
        return out;
    }
    return value;
}

function toStruct(value: WireObject): Struct {
    return Struct.fromJavaScript(defined(value) as WireObject);
}

const DIFF_KINDS: Readonly<Record<model.PropertyDiffKind, provproto.PropertyDiff.Kind>> = {
    add: provproto.PropertyDiff.Kind.ADD,
    "add-replace": provproto.PropertyDiff.Kind.ADD_REPLACE,
    delete: provproto.PropertyDiff.Kind.DELETE,
    "delete-replace": provproto.PropertyDiff.Kind.DELETE_REPLACE,
    update: provproto.PropertyDiff.Kind.UPDATE,
    "update-replace": provproto.PropertyDiff.Kind.UPDATE_REPLACE,
};

function diffResponse(result: model.DiffResult): provproto.DiffResponse {
    const response = new provproto.DiffResponse();
    response.setChanges(result.changes ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
    response.setReplacesList(result.replaces);
    response.setDiffsList(result.diffs);
    response.setDeletebeforereplace(result.deleteBeforeReplace ?? false);
    response.setHasdetaileddiff(true);
    const detailed = response.getDetaileddiffMap();
    for (const [key, entry] of Object.entries(result.detailedDiff)) {
        const propertyDiff = new provproto.PropertyDiff();
        propertyDiff.setKind(DIFF_KINDS[entry.kind]);
        propertyDiff.setInputdiff(entry.inputDiff);
        detailed.set(key, propertyDiff);
    }
    return response;
}

function failuresOf(failures: readonly model.CheckFailure[]): provproto.CheckFailure[] {
    return failures.map((f) => {
        const failure = new provproto.CheckFailure();
        failure.setProperty(f.property);
        failure.setReason(f.reason);
        return failure;
    });
}

function isServiceError(error: unknown): error is grpc.ServiceError {
    return error instanceof Error && typeof (error as Partial<grpc.ServiceError>).code === "number";
}

function serviceError(code: grpc.status, message: string): grpc.ServiceError {
    return Object.assign(new Error(message), { code, details: message, metadata: new grpc.Metadata() });
}

/** One simulated provider instance: the engine starts one plugin process per provider resource. */
export class SimulatedProviderServer {
    /** The configuration from the last Configure (model defaults before it). */
    config: model.ProviderConfig;
    /** The engine's address, from the command line, Handshake or Attach. */
    engineAddress: string | undefined;
    private announced = false;
    /** In render mode (render.ts), the real kubernetes provider, started at the first Configure. */
    private real: Promise<RealKubernetesProvider> | undefined;

    constructor(
        readonly pkg: model.CloudPackage,
        engineAddress?: string,
        /** Delay of every create, update and delete (not previews): see latency.ts. */
        readonly latencyMs = 0,
        /** Render mode: plain Kubernetes objects go to the real provider (kubernetes plugin only). */
        readonly render?: RenderSettings,
    ) {
        this.config = model.unconfigured(pkg);
        this.engineAddress = engineAddress;
    }

    /**
     * Tells the user, once per plugin process, that this provider is the simulated cloud: an info
     * diagnostic on the provider resource through the engine's Log service (the engine shows a
     * plugin's stderr only in verbose logs). Best effort: no engine address, no message.
     */
    private announce(urn: string | undefined): void {
        if (this.announced || this.engineAddress === undefined || this.engineAddress === "") {
            return;
        }
        this.announced = true;
        const client = new enginerpc.EngineClient(this.engineAddress, grpc.credentials.createInsecure());
        const request = new engineproto.LogRequest();
        request.setSeverity(engineproto.LogSeverity.INFO);
        request.setMessage(model.startupBanner(this.pkg));
        request.setUrn(urn ?? "");
        request.setEphemeral(false);
        client.log(request, new grpc.Metadata(), { deadline: Date.now() + 5000 }, () => client.close());
    }

    private fail(error: unknown): grpc.ServiceError {
        const message = error instanceof Error ? error.message : String(error);
        const prefix = model.errorPrefix(this.pkg);
        return serviceError(grpc.status.UNKNOWN, message.startsWith("simulated cloud") ? message : `${prefix}: ${message}`);
    }

    private unary<Req, Res>(
        handler: (request: Req) => Res,
        delayed: (request: Req) => boolean = () => false,
    ): grpc.handleUnaryCall<Req, Res> {
        return (call, callback) => {
            let response: Res;
            try {
                response = handler(call.request);
            } catch (error) {
                callback(this.fail(error), null);
                return;
            }
            if (this.latencyMs > 0 && delayed(call.request)) {
                setTimeout(() => callback(null, response), this.latencyMs);
                return;
            }
            callback(null, response);
        };
    }

    /**
     * A method whose requests for plain Kubernetes objects go to the real provider in render mode,
     * unchanged, and everything else to the simulated handler.
     */
    private routed<Req extends { getUrn(): string }, Res>(
        method: "check" | "diff" | "create" | "read" | "update" | "delete",
        simulated: grpc.handleUnaryCall<Req, Res>,
    ): grpc.handleUnaryCall<Req, Res> {
        return (call, callback) => {
            const real = this.real;
            if (real === undefined || !renderedByRealProvider(call.request.getUrn())) {
                simulated(call, callback);
                return;
            }
            real.then((provider) => provider.forward<Res>(method, call.request)).then(
                (response) => callback(null, response),
                (error: unknown) => callback(isServiceError(error) ? error : this.fail(error), null),
            );
        };
    }

    private unimplemented<Req, Res>(method: string, why: string): grpc.handleUnaryCall<Req, Res> {
        return (_call, callback) =>
            callback(serviceError(grpc.status.UNIMPLEMENTED, `${model.errorPrefix(this.pkg)}: ${method} is not supported: ${why}`), null);
    }

    /** The handlers, one per method of `pulumirpc.ResourceProvider` in this SDK's proto. */
    implementation(): provrpc.IResourceProviderServer {
        const pkg = this.pkg;
        return {
            handshake: this.unary((request: provproto.ProviderHandshakeRequest) => {
                this.engineAddress = request.getEngineAddress() || this.engineAddress;
                const response = new provproto.ProviderHandshakeResponse();
                response.setAcceptSecrets(true);
                response.setAcceptResources(true);
                response.setAcceptOutputs(false);
                response.setSupportsAutonamingConfiguration(false);
                return response;
            }),
            parameterize: this.unimplemented("Parameterize", `pulumi-resource-${pkg} is not a parameterized provider`),
            getSchema: this.unary((request: provproto.GetSchemaRequest) => {
                if (request.getVersion() !== 0) {
                    throw new Error(`unsupported schema version ${request.getVersion()}`);
                }
                const response = new provproto.GetSchemaResponse();
                response.setSchema("{}");
                return response;
            }),
            checkConfig: this.unary((request: provproto.CheckRequest) => {
                const result = model.check({
                    urn: request.getUrn(),
                    olds: fromStruct(request.getOlds()),
                    news: fromStruct(request.getNews()),
                });
                const response = new provproto.CheckResponse();
                response.setInputs(toStruct(result.inputs));
                response.setFailuresList(failuresOf(result.failures));
                return response;
            }),
            diffConfig: this.unary((request: provproto.DiffRequest) =>
                diffResponse(
                    model.diffConfig(
                        {
                            olds: fromStruct(request.getOlds()),
                            ...(request.hasOldInputs() ? { oldInputs: fromStruct(request.getOldInputs()) } : {}),
                            news: fromStruct(request.getNews()),
                        },
                        pkg,
                    ),
                ),
            ),
            configure: this.unary((request: provproto.ConfigureRequest) => {
                const variables: Record<string, string> = {};
                for (const [key, value] of request.getVariablesMap().toArray()) {
                    variables[key] = value;
                }
                this.config = model.parseProviderConfig(pkg, variables, request.hasArgs() ? fromStruct(request.getArgs()) : undefined);
                this.announce(request.hasUrn() ? request.getUrn() : undefined);
                if (this.render !== undefined && pkg === "kubernetes" && this.real === undefined) {
                    const { providerBinary, directory } = this.render;
                    this.real = RealKubernetesProvider.start(providerBinary, this.engineAddress).then(async (provider) => {
                        await provider.configure(directory);
                        return provider;
                    });
                    // A failed start surfaces on the first routed request; never as an unhandled rejection.
                    this.real.catch(() => undefined);
                }
                const response = new provproto.ConfigureResponse();
                response.setAcceptsecrets(true);
                response.setAcceptresources(true);
                response.setAcceptoutputs(false);
                response.setSupportspreview(true);
                return response;
            }),
            invoke: this.unary((request: provproto.InvokeRequest) => {
                const result = model.invoke(this.config, request.getTok(), fromStruct(request.getArgs()));
                const response = new provproto.InvokeResponse();
                response.setReturn(toStruct(result.outputs));
                return response;
            }),
            call: this.unimplemented("Call", `the simulated ${pkg} provider has no resource methods`),
            check: this.routed(
                "check",
                this.unary((request: provproto.CheckRequest) => {
                    const result = model.check(
                        { urn: request.getUrn(), olds: fromStruct(request.getOlds()), news: fromStruct(request.getNews()) },
                        this.config,
                    );
                    const response = new provproto.CheckResponse();
                    response.setInputs(toStruct(result.inputs));
                    response.setFailuresList(failuresOf(result.failures));
                    return response;
                }),
            ),
            diff: this.routed(
                "diff",
                this.unary((request: provproto.DiffRequest) =>
                    diffResponse(
                        model.diff(this.config, {
                            urn: request.getUrn(),
                            olds: fromStruct(request.getOlds()),
                            ...(request.hasOldInputs() ? { oldInputs: fromStruct(request.getOldInputs()) } : {}),
                            news: fromStruct(request.getNews()),
                            ignoreChanges: request.getIgnorechangesList(),
                        }),
                    ),
                ),
            ),
            create: this.routed(
                "create",
                this.unary(
                    (request: provproto.CreateRequest) => {
                        const result = model.create(this.config, {
                            urn: request.getUrn(),
                            properties: fromStruct(request.getProperties()),
                            preview: request.getPreview(),
                        });
                        const response = new provproto.CreateResponse();
                        response.setId(result.id);
                        response.setProperties(toStruct(result.properties));
                        return response;
                    },
                    (request) => !request.getPreview(),
                ),
            ),
            read: this.routed(
                "read",
                this.unary((request: provproto.ReadRequest) => {
                    // A drift file (drift.ts) stands for changes made in the cloud behind the engine's back.
                    const result = applyDrift(
                        driftFromEnvironment(),
                        request.getUrn(),
                        model.read(this.config, {
                            urn: request.getUrn(),
                            id: request.getId(),
                            properties: fromStruct(request.getProperties()),
                            ...(request.hasInputs() ? { inputs: fromStruct(request.getInputs()) } : {}),
                        }),
                    );
                    const response = new provproto.ReadResponse();
                    response.setId(result.id);
                    response.setProperties(toStruct(result.properties));
                    if (result.inputs !== undefined) {
                        response.setInputs(toStruct(result.inputs));
                    }
                    return response;
                }),
            ),
            list: (call) => {
                call.emit(
                    "error",
                    serviceError(
                        grpc.status.UNIMPLEMENTED,
                        `${model.errorPrefix(pkg)}: List is not supported: the simulated cloud cannot enumerate resources`,
                    ),
                );
            },
            update: this.routed(
                "update",
                this.unary(
                    (request: provproto.UpdateRequest) => {
                        const result = model.update(this.config, {
                            urn: request.getUrn(),
                            id: request.getId(),
                            olds: fromStruct(request.getOlds()),
                            news: fromStruct(request.getNews()),
                            preview: request.getPreview(),
                        });
                        const response = new provproto.UpdateResponse();
                        response.setProperties(toStruct(result.properties));
                        return response;
                    },
                    (request) => !request.getPreview(),
                ),
            ),
            delete: this.routed(
                "delete",
                this.unary(
                    (request: provproto.DeleteRequest) => {
                        model.remove(this.config, { urn: request.getUrn(), id: request.getId() });
                        return new Empty();
                    },
                    () => true,
                ),
            ),
            construct:
                pkg === "kubernetes"
                    ? (call, callback) =>
                          callback(
                              serviceError(
                                  grpc.status.UNIMPLEMENTED,
                                  `${model.errorPrefix(pkg)}: Construct is not supported: ${kubernetesConstructUnsupported(call.request.getType())}`,
                              ),
                              null,
                          )
                    : this.unimplemented("Construct", `the simulated ${pkg} provider has no component resources`),
            cancel: this.unary(() => new Empty()),
            getPluginInfo: this.unary(() => {
                const info = new plugproto.PluginInfo();
                info.setVersion(model.PLUGIN_VERSIONS[pkg]);
                return info;
            }),
            attach: this.unary((request: plugproto.PluginAttach) => {
                this.engineAddress = request.getAddress() || this.engineAddress;
                return new Empty();
            }),
            getMapping: this.unary(() => {
                const response = new provproto.GetMappingResponse();
                response.setProvider("");
                response.setData("");
                return response;
            }),
            getMappings: this.unary(() => {
                const response = new provproto.GetMappingsResponse();
                response.setProvidersList([]);
                return response;
            }),
        };
    }
}

/**
 * The engine address from a plugin command line, like the SDK's `parseArgs`: the engine may put
 * `--logtostderr`, `-v=<n>` and `--tracing <endpoint>` before it.
 */
export function engineAddressFromArgs(args: readonly string[]): string | undefined {
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] ?? "";
        if (arg === "--logtostderr" || arg.startsWith("-v=")) {
            continue;
        }
        if (arg === "--tracing") {
            i += 1;
            continue;
        }
        rest.push(arg);
    }
    return rest[0];
}

export interface RunningServer {
    readonly port: number;
    readonly server: grpc.Server;
    readonly provider: SimulatedProviderServer;
}

/** Starts a provider server on 127.0.0.1 and an ephemeral port. */
export async function serve(
    pkg: model.CloudPackage,
    engineAddress?: string,
    latencyMs = 0,
    render?: RenderSettings,
): Promise<RunningServer> {
    const server = new grpc.Server({
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    const provider = new SimulatedProviderServer(pkg, engineAddress, latencyMs, render);
    server.addService(provrpc.ResourceProviderService, provider.implementation());
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
            error ? reject(error) : resolve(boundPort),
        );
    });
    return { port, server, provider };
}

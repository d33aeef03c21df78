/**
 * GcpProjectServices: the Google APIs a layer calls, enabled in the project. A fresh project has
 * them off and every call would fail. They are never disabled on destroy: other stacks and people
 * in the project may depend on them, and disabling an API can delete resources that use it.
 */
import * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import { checkGcpProject, checkPattern, checkUnique, type ComponentNaming, type Issue, PlatformComponent } from "@platform/core";

export interface GcpProjectServicesArgs {
    /** Project and environment (the naming context every component takes). */
    readonly naming: ComponentNaming;
    /** GCP project id. */
    readonly project: string;
    /** API service names, e.g. `compute.googleapis.com`. Plain value: it decides how many resources exist. */
    readonly services: readonly string[];
}

const SERVICE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com$/;

export class GcpProjectServices extends PlatformComponent {
    /** The enabled services, by API name. */
    readonly services: Readonly<Record<string, gcp.projects.Service>>;
    /** API names enabled, in the order given. */
    readonly serviceNames: readonly string[];

    constructor(name: string, args: GcpProjectServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:network:GcpProjectServices", name, args.naming, opts);
        this.validate(validateGcpProjectServicesArgs(args));
        const services: Record<string, gcp.projects.Service> = {};
        for (const api of args.services) {
            services[api] = new gcp.projects.Service(
                this.childName(api.replace(/\.googleapis\.com$/, "").replace(/\./g, "-")),
                { project: args.project, service: api, disableOnDestroy: false, disableDependentServices: false },
                this.childOptions(),
            );
        }
        this.services = services;
        this.serviceNames = [...args.services];
        this.complete("serviceNames");
    }
}

export function validateGcpProjectServicesArgs(args: GcpProjectServicesArgs): Issue[] {
    const services = args.services ?? [];
    return [
        ...checkGcpProject("project", args.project),
        ...(services.length === 0
            ? [
                  {
                      field: "services",
                      value: services,
                      problem: "no API given",
                      fix: "list the APIs the layer calls, e.g. [compute.googleapis.com]",
                  },
              ]
            : []),
        ...services.flatMap((s, i) =>
            checkPattern(`services[${i}]`, s, SERVICE_PATTERN, "a Google API service name, e.g. compute.googleapis.com"),
        ),
        ...checkUnique("services", services, "service"),
    ];
}

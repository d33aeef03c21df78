/**
 * The data layer's components extend this: a {@link PlatformComponent} that hands its naming and
 * options to the helpers every data component shares (security groups, generated secrets, log
 * groups), so a helper creates children exactly as the component itself would.
 *
 * A data component's `dependsOn` is its children's too: a child waits for what the component was
 * told to wait for (a CMEK grant, an enabled API), which the SDK does not do for children by itself.
 */
import * as pulumi from "@pulumi/pulumi";
import { type ComponentNaming, fitName, NAME_SEGMENT_PATTERN, type NameKind, PlatformComponent } from "@platform/core";

/** How a helper names and parents the children it creates for a component. */
export interface Children {
    /** `<project>-<environment>-<component>`: the start of every physical name. */
    readonly prefix: string;
    /** Whether the component is protected (its stateful children are retained on delete). */
    readonly isProtected: boolean;
    /** The logical name of a child: `<component>-<child>`. */
    name(child: string): string;
    /** `<prefix>-<child>` fitted to a kind's length limit (stable hash when cut). */
    physical(child: string, kind?: NameKind): string;
    /** `<prefix>-<child>` fitted to `maxLength`, for services whose limit has no {@link NameKind}. */
    physicalWithin(child: string, maxLength: number): string;
    /** Options of an ordinary child: parented to the component, never an explicit `protect`. */
    options(extra?: Omit<pulumi.CustomResourceOptions, "parent" | "protect">): pulumi.CustomResourceOptions;
    /** Options of a child that holds data: also retained on delete when the component is protected. */
    stateful(extra?: Omit<pulumi.CustomResourceOptions, "parent" | "protect" | "retainOnDelete">): pulumi.CustomResourceOptions;
}

export type DataComponentType = `platform:data:${string}`;

export abstract class DataComponent extends PlatformComponent {
    protected readonly children: Children;

    protected constructor(type: DataComponentType, name: string, naming: ComponentNaming, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, naming, opts);
        const inherited = dependencyList(opts?.dependsOn);
        const withInherited = <T extends { dependsOn?: pulumi.CustomResourceOptions["dependsOn"] }>(extra: T | undefined): T => {
            const base = (extra ?? {}) as T;
            if (inherited.length === 0) return base;
            return { ...base, dependsOn: [...inherited, ...dependencyList(base.dependsOn)] };
        };
        this.children = {
            prefix: this.physicalPrefix,
            isProtected: this.isProtected,
            name: (child) => this.childName(child),
            physical: (child, kind) => this.physicalName(child, kind),
            physicalWithin: (child, maxLength) => {
                // Validates the part as physicalName does; the limit is the service's.
                this.physicalName(child);
                return fitName(`${this.physicalPrefix}-${child}`, maxLength);
            },
            options: (extra) => this.childOptions(withInherited(extra)),
            stateful: (extra) => this.statefulOptions(withInherited(extra)),
        };
    }
}

/** The resources of a `dependsOn` option as a list; an Output of resources cannot be inherited. */
function dependencyList(dependsOn: pulumi.CustomResourceOptions["dependsOn"]): pulumi.Input<pulumi.Resource>[] {
    if (dependsOn === undefined) return [];
    if (Array.isArray(dependsOn)) return [...dependsOn];
    if (pulumi.Resource.isInstance(dependsOn)) return [dependsOn];
    throw new Error("data components take dependsOn as resources or a list of them (their children inherit it), not as an Output");
}

/** True when `value` is a name segment (lowercase letters and digits separated by single hyphens). */
export function isSegment(value: unknown): value is string {
    return typeof value === "string" && NAME_SEGMENT_PATTERN.test(value);
}

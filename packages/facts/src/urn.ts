/**
 * Pulumi URNs as the engine builds them: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`,
 * where the qualified type chains every ancestor's type except the root stack's
 * (`parentType$childType`). The SDK's mock monitor gets this wrong (it keeps only the parent's last
 * type and includes the root stack), so the synth recorder and the policy test fixtures use this.
 */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** The qualified type of a URN (third `::` segment). */
export function urnQualifiedType(urn: string): string {
    return urn.split("::")[2] ?? "";
}

/** The URN of a resource of `type` named `name` under the parent with URN `parentUrn` (none for the root stack). */
export function engineUrn(stack: string, project: string, parentUrn: string | undefined, type: string, name: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentQualified = urnQualifiedType(parentUrn);
        if (parentQualified !== ROOT_STACK_TYPE) {
            qualified = `${parentQualified}$${type}`;
        }
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Errors the `platform` command reports as the user's to fix (exit 2), not as failures. */

/** Raised for anything the user can fix: bad arguments, missing files, malformed YAML. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

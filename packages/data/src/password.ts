/** Generated passwords: what each service allows, as `random.RandomPassword` settings. */
import type * as random from "@pulumi/random";

/** What a generated password may contain: the service's own rules. */
export interface PasswordRules {
    readonly length: number;
    /** Special characters allowed; "" for none. */
    readonly specialCharacters: string;
}

/** `random.RandomPassword` settings for the rules: every class present at least once. */
export function passwordArgs(rules: PasswordRules): random.RandomPasswordArgs {
    const special = rules.specialCharacters.length > 0;
    return {
        length: rules.length,
        special,
        ...(special ? { overrideSpecial: rules.specialCharacters, minSpecial: 1 } : {}),
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
    };
}

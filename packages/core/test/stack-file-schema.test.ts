import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { ENVIRONMENTS, stackFileJsonSchema, stackFileSchemaText } from "../src/index.js";

const ROOT = path.resolve(__dirname, "../../../..");

describe("stack file JSON Schema (schema/stack-config.schema.json)", () => {
    it("the committed file is what the config schema generates (run pnpm schema after changing it)", () => {
        assert.equal(readFileSync(path.join(ROOT, "schema", "stack-config.schema.json"), "utf8"), stackFileSchemaText());
    });

    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(stackFileJsonSchema());

    for (const env of ENVIRONMENTS) {
        it(`accepts environments/Pulumi.${env}.yaml`, () => {
            const doc: unknown = parseYaml(readFileSync(path.join(ROOT, "environments", `Pulumi.${env}.yaml`), "utf8"));
            assert.ok(validate(doc), JSON.stringify(validate.errors));
        });
    }

    it("rejects an unknown key, a misspelt namespace, a wrong type and a missing required key", () => {
        const config = {
            "platform:environment": "prod",
            "platform:project": "acme",
            "platform:team": "platform",
            "platform:costCenter": "cc-1",
            "platform:network": { cidr: "10.30.0.0/16" },
        };
        assert.ok(validate({ config }));
        assert.ok(validate({ config: { ...config, "pulumi:tags": { a: "b" } } }), "pulumi: keys are Pulumi's own");
        assert.equal(validate({ config: { ...config, "platform:netwrok": {} } }), false);
        assert.equal(validate({ config: { ...config, "platfom:awsAccountId": "123456789012" } }), false);
        assert.equal(validate({ config: { ...config, "platform:network": { cidr: 10 } } }), false);
        const { "platform:team": _team, ...withoutTeam } = config;
        assert.equal(validate({ config: withoutTeam }), false);
    });
});

// Preloaded (NODE_OPTIONS --require) into the Node.js processes the engine starts for the platform:
// the stack programs run compiled JavaScript (Pulumi.yaml `typescript: false`), but the legacy
// language host (docs/engine.md) never receives that runtime option from the 3.276 engine and sets
// PULUMI_NODEJS_TYPESCRIPT=true, so @pulumi/pulumi registers ts-node and its source-map-support.
// That makes every stack trace the SDK captures (one per output promise of every resource) map its
// frames through source maps: about a fifth of a preview's time. Removing the variable before the
// SDK's runner reads it restores what `typescript: false` means. Other processes never see it set.
"use strict";
if (process.env.PULUMI_NODEJS_TYPESCRIPT === "true") {
    delete process.env.PULUMI_NODEJS_TYPESCRIPT;
}

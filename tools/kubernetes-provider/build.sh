# The real kubernetes provider's build (run by scripts/tools-setup.sh in a staging copy of this
# folder, with GO, JOBS, GCFLAGS and GOFLAGS set): upstream's main embeds schema-embed.json and
# terraform-mapping-embed.json, which its Makefile generates and module zips lack, so generate
# them from the module's schema.json first (./cmd/embed-schema), then build our copy of that main.
# Usage: bash build.sh <output bin dir>
set -euo pipefail
out="$1"
module=github.com/pulumi/pulumi-kubernetes/provider/v4
version="$(awk -v m="$module" '$1 == "require" && $2 == m { print $3; exit } $1 == m { print $2; exit }' go.mod)"
version="${version#v}"
"$GO" mod download "$module"
moddir="$("$GO" list -m -f '{{.Dir}}' "$module")"
"$GO" run ./cmd/embed-schema "$moddir" ./cmd/pulumi-resource-kubernetes "$version"
"$GO" build -p "$JOBS" -trimpath -gcflags "$GCFLAGS" -ldflags "-s -w -X $module/pkg/version.Version=$version" \
  -o "$out/pulumi-resource-kubernetes" ./cmd/pulumi-resource-kubernetes

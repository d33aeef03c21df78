// embed-schema writes the two files the provider's main embeds, as upstream's generate.go does:
// the module's cmd/pulumi-resource-kubernetes/schema.json with "version" set, compacted, and
// terraform-mapping.json, compacted.
//
//	go run ./cmd/embed-schema <module dir> <output dir> <version>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func compact(in string, out string, edit func(map[string]any)) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	edit(doc)
	data, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o600)
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: embed-schema <module dir> <output dir> <version>")
		os.Exit(2)
	}
	src := filepath.Join(os.Args[1], "cmd", "pulumi-resource-kubernetes")
	version := os.Args[3]
	if err := compact(filepath.Join(src, "schema.json"), filepath.Join(os.Args[2], "schema-embed.json"), func(d map[string]any) { d["version"] = version }); err != nil {
		fmt.Fprintln(os.Stderr, "embed-schema:", err)
		os.Exit(1)
	}
	if err := compact(filepath.Join(src, "terraform-mapping.json"), filepath.Join(os.Args[2], "terraform-mapping-embed.json"), func(map[string]any) {}); err != nil {
		fmt.Fprintln(os.Stderr, "embed-schema:", err)
		os.Exit(1)
	}
}

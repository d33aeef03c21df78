// Copyright 2016-2018, Pulumi Corporation. Licensed under the Apache License, Version 2.0.
//
// The main package of github.com/pulumi/pulumi-kubernetes/provider/v4/cmd/pulumi-resource-kubernetes
// at the pinned version, unchanged but for this comment: upstream embeds schema-embed.json and
// terraform-mapping-embed.json, which its Makefile generates and module zips therefore lack.
// scripts/tools-setup.sh (build.sh) builds from a staging copy of this folder after generating the two files there
// with ../embed-schema (nothing is written into the repository).
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

var providerName = "kubernetes"

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve(providerName, version.Version, pulumiSchema, terraformMapping)
}

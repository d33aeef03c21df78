/**
 * The cluster and its nodes, from the exporters kube-prometheus-stack ships: kube-state-metrics
 * (`kube_*`: object state), the kubelet's cAdvisor (`container_*`: container usage) and
 * node-exporter (`node_*`: the machines). Same queries on EKS and GKE. Node thresholds are seed
 * 000's alert levels (CPU 80%, memory 85%, disk free 20%).
 */
import { type DashboardModel, platformDashboard } from "./dashboard.js";
import { gaugePanel, statPanel, timeseriesPanel } from "./panels.js";

/** Filesystems that are not disks (memory, container layers): left out of disk space. */
const NOT_DISKS = 'fstype!~"tmpfs|overlay|squashfs"';

export function clusterDashboard(): DashboardModel {
    return platformDashboard({
        uid: "cluster-nodes",
        title: "Cluster and nodes",
        description: "Kubernetes cluster state and capacity (kube-state-metrics, cAdvisor) and node resources (node-exporter).",
        tags: ["kubernetes", "nodes"],
        timeFrom: "now-6h",
        sections: [
            {
                title: "Cluster",
                panels: [
                    statPanel({
                        title: "Nodes ready",
                        description: "Nodes whose Ready condition is true.",
                        unit: "short",
                        queries: [{ expr: 'sum(kube_node_status_condition{condition="Ready",status="true"})', legend: "ready" }],
                        width: 6,
                        height: 5,
                    }),
                    statPanel({
                        title: "Nodes not ready",
                        description: "Nodes whose Ready condition is false or unknown: their pods are being evicted or are unreachable.",
                        unit: "short",
                        queries: [
                            { expr: 'sum(kube_node_status_condition{condition="Ready",status=~"false|unknown"})', legend: "not ready" },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 1, color: "red" },
                        ],
                        width: 6,
                        height: 5,
                    }),
                    statPanel({
                        title: "Pods not running",
                        description: "Pods pending, failed or unknown, over all namespaces.",
                        unit: "short",
                        queries: [{ expr: 'sum(kube_pod_status_phase{phase=~"Pending|Failed|Unknown"})', legend: "pods" }],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 1, color: "orange" },
                        ],
                        width: 6,
                        height: 5,
                    }),
                    statPanel({
                        title: "Container restarts (1h)",
                        description: "Container restarts over the last hour: a crash loop shows here first.",
                        unit: "short",
                        queries: [{ expr: "sum(increase(kube_pod_container_status_restarts_total[1h]))", legend: "restarts" }],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 1, color: "orange" },
                            { value: 10, color: "red" },
                        ],
                        width: 6,
                        height: 5,
                    }),
                    gaugePanel({
                        title: "CPU requested",
                        description:
                            "CPU requested by pods over what the nodes can allocate: near 100% new pods stay pending until the autoscaler adds nodes.",
                        unit: "percentunit",
                        min: 0,
                        max: 1,
                        queries: [
                            {
                                expr: 'sum(kube_pod_container_resource_requests{resource="cpu"}) / sum(kube_node_status_allocatable{resource="cpu"})',
                                legend: "cpu",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 0.8, color: "orange" },
                            { value: 0.95, color: "red" },
                        ],
                        width: 6,
                        height: 7,
                    }),
                    gaugePanel({
                        title: "Memory requested",
                        description: "Memory requested by pods over what the nodes can allocate.",
                        unit: "percentunit",
                        min: 0,
                        max: 1,
                        queries: [
                            {
                                expr: 'sum(kube_pod_container_resource_requests{resource="memory"}) / sum(kube_node_status_allocatable{resource="memory"})',
                                legend: "memory",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 0.8, color: "orange" },
                            { value: 0.95, color: "red" },
                        ],
                        width: 6,
                        height: 7,
                    }),
                    timeseriesPanel({
                        title: "CPU by namespace",
                        description: "CPU cores used by the containers of each namespace.",
                        unit: "short",
                        min: 0,
                        queries: [
                            {
                                expr: 'sum by (namespace) (rate(container_cpu_usage_seconds_total{container!=""}[$__rate_interval]))',
                                legend: "{{ namespace }}",
                            },
                        ],
                        width: 6,
                        height: 7,
                    }),
                    timeseriesPanel({
                        title: "Memory by namespace",
                        description: "Working-set memory (what the kubelet evicts on) of the containers of each namespace.",
                        unit: "bytes",
                        min: 0,
                        queries: [
                            { expr: 'sum by (namespace) (container_memory_working_set_bytes{container!=""})', legend: "{{ namespace }}" },
                        ],
                        width: 6,
                        height: 7,
                    }),
                ],
            },
            {
                title: "Nodes",
                panels: [
                    timeseriesPanel({
                        title: "Node CPU",
                        description: "Share of CPU time not idle, per node; seed 000 warns above 80%.",
                        unit: "percentunit",
                        min: 0,
                        queries: [
                            {
                                expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[$__rate_interval]))',
                                legend: "{{ instance }}",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 0.8, color: "red" },
                        ],
                        thresholdLines: true,
                        width: 8,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Node memory",
                        description: "Share of memory not available, per node; seed 000 warns above 85%.",
                        unit: "percentunit",
                        min: 0,
                        queries: [{ expr: "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes", legend: "{{ instance }}" }],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 0.85, color: "red" },
                        ],
                        thresholdLines: true,
                        width: 8,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Disk space free",
                        description: "Free share of each disk filesystem, per node; seed 000 pages below 20%.",
                        unit: "percentunit",
                        min: 0,
                        queries: [
                            {
                                expr: `node_filesystem_avail_bytes{${NOT_DISKS}} / node_filesystem_size_bytes{${NOT_DISKS}}`,
                                legend: "{{ instance }} {{ mountpoint }}",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "red" },
                            { value: 0.2, color: "green" },
                        ],
                        thresholdLines: true,
                        width: 8,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Network",
                        description: "Bytes received and sent per second by each node, loopback excluded.",
                        unit: "Bps",
                        queries: [
                            {
                                expr: 'sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[$__rate_interval]))',
                                legend: "{{ instance }} received",
                            },
                            {
                                expr: 'sum by (instance) (rate(node_network_transmit_bytes_total{device!="lo"}[$__rate_interval]))',
                                legend: "{{ instance }} sent",
                            },
                        ],
                        width: 12,
                        height: 8,
                    }),
                    timeseriesPanel({
                        title: "Load per core",
                        description: "5-minute load average over the node's cores: above 1 work waits for a CPU.",
                        unit: "short",
                        min: 0,
                        queries: [
                            {
                                expr: 'node_load5 / on (instance) count by (instance) (node_cpu_seconds_total{mode="idle"})',
                                legend: "{{ instance }}",
                            },
                        ],
                        thresholds: [
                            { value: null, color: "green" },
                            { value: 1, color: "red" },
                        ],
                        thresholdLines: true,
                        width: 12,
                        height: 8,
                    }),
                ],
            },
        ],
    });
}

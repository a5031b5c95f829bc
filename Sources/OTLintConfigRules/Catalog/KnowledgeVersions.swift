import OTLintCore

/// The releases otlint's built-in knowledge is read from, for `otlint --version`: the collector catalogue, the
/// semantic conventions, and the SDK configuration file formats whose schemas are embedded.
public enum KnowledgeVersions {
    public static var summary: String {
        let collector = CollectorCatalogueData.newest
        let core = collector["core"] ?? "?", contrib = collector["contrib"] ?? "?", k8s = collector["k8s"] ?? "?", jaeger = collector["jaeger"] ?? "?"
        let collectorText = core == contrib && contrib == k8s ? "core, contrib and k8s v\(core)" : "core v\(core), contrib v\(contrib), k8s v\(k8s)"
        let formats = SDKConfigSchemaData.schemas.keys.sorted().joined(separator: ", ")
        return "collector catalogue: \(collectorText), Jaeger v\(jaeger); semantic conventions \(SemconvRenames.version); SDK configuration file formats \(formats)"
    }
}

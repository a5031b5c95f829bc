import OTLintCore

/// What replaces a component type that was removed without an alias (the catalogue knows when it went away; the
/// advice is written here, from the collector's changelogs: see `../shared/otel-facts/collector-config.md` §4).
enum CollectorReplacements {
    struct Replacement {
        /// What to use instead, for messages.
        var advice: String
        /// A type that accepts the same settings, for a rename fix (checked against the settings in use).
        var renameTo: String?
        /// The settings keys the replacement accepts as written; a component using any other key is not renamed.
        var compatibleKeys: Set<String> = []
    }

    static let byType: [String: [CollectorComponentKind: Replacement]] = [
        "logging": [.exporter: Replacement(advice: "the `debug` exporter (deprecated in v0.86.0, removed in v0.111.0; `loglevel` becomes `verbosity`)",
                                           renameTo: "debug", compatibleKeys: ["verbosity", "sampling_initial", "sampling_thereafter"])],
        "jaeger": [.exporter: Replacement(advice: "an OTLP exporter to Jaeger's OTLP port (`otlp` to `jaeger:4317` with `tls: {insecure: true}`); Jaeger receives OTLP natively")],
        "jaeger_thrift": [.exporter: Replacement(advice: "an OTLP exporter to Jaeger's OTLP port (`otlphttp` to `http://jaeger:4318`)")],
        "spanmetrics": [.processor: Replacement(advice: "the `spanmetrics` connector (an exporter in the traces pipeline and a receiver in a metrics pipeline)")],
        "servicegraph": [.processor: Replacement(advice: "the `servicegraph` connector")],
        "memory_ballast": [.extension: Replacement(advice: "the `GOMEMLIMIT` environment variable (about 80% of the container's memory) with the `memory_limiter` processor")],
        "loki": [.exporter: Replacement(advice: "the `otlphttp` exporter to Loki's native OTLP endpoint (`http://loki:3100/otlp`)")],
        "opencensus": [.receiver: Replacement(advice: "the `otlp` receiver (send OTLP from the applications)"),
                       .exporter: Replacement(advice: "the `otlp` exporter")],
        "queued_retry": [.processor: Replacement(advice: "the exporters' own `sending_queue` and `retry_on_failure` settings")],
    ]

    /// A deprecation that is no alias: the old type keeps working, with another component recommended, until it is
    /// removed (`logging` → `debug`).
    struct Deprecation {
        var kind: CollectorComponentKind
        var type: String
        var since: SemanticVersion
        var replacement: String
    }

    static let deprecations: [Deprecation] = [
        Deprecation(kind: .exporter, type: "logging", since: SemanticVersion([0, 86, 0]), replacement: "debug"),
    ]

    /// Whether a component's settings use only keys its replacement accepts as written.
    static func acceptsSettings(_ replacement: Replacement, of component: CollectorComponent) -> Bool {
        let keys = (component.settings.mergedPairs ?? []).compactMap(\.key.scalar)
        return replacement.renameTo != nil && (component.settings.isNull || (component.settings.mergedPairs != nil
            && keys.allSatisfy { replacement.compatibleKeys.contains($0) }))
    }
}

import OTLintCore

/// OTL006: a value the service's Swift SDK rejects at startup (crash or bootstrap error).
struct UnsupportedBySDKRule: ScopeRule {
    static let id = "OTL006"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let sdk = ServiceSDK(scope, project: project) else { return [] }
        var diagnostics: [Diagnostic] = []
        for rejected in sdk.profile.rejected {
            guard let definition = scope.setting(rejected.variable), let value = definition.value else { continue }
            // swift-otel splits lists on `,` without trimming: a list with spaces does not parse at all (logged,
            // default kept), so only exact items can reach the failing code.
            let items = rejected.isList ? value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [value]
            if rejected.isList && items.contains(where: { $0 != $0.blankTrimmed }) { continue }
            if rejected.variable == "OTEL_PROPAGATORS", items.contains("none") { continue }
            guard let bad = items.first(where: { rejected.values.contains($0.lowercased()) }) else { continue }
            var location = definition.valueLocation
            if rejected.isList, let offset = itemOffset(bad, in: items), let itemLocation = definition.valueSite?.location(ofValueBytes: offset) {
                location = itemLocation
            }
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "service `\(sdk.service)` \(rejected.effect.hasPrefix("crashes") ? "crashes at startup" : "fails to start"): \(sdk.detected.sdk.rawValue) does not support `\(bad)` in `\(rejected.variable)`",
                location: location,
                why: "with \(sdk.description), `\(rejected.variable)=\(value)` \(rejected.effect)",
                help: help(for: rejected.variable),
                related: definition.valueRelated + [sdk.evidence]))
        }
        return diagnostics
    }

    private func help(for variable: String) -> String {
        switch variable {
        case "OTEL_PROPAGATORS": "use `OTEL_PROPAGATORS=tracecontext` (the only propagator swift-otel implements)"
        case "OTEL_TRACES_SAMPLER": "use `parentbased_traceidratio` with `OTEL_TRACES_SAMPLER_ARG`, or `parentbased_always_on`"
        default: "use `otlp` (or `none`); read spans and metrics through a collector's `debug` exporter instead of the console"
        }
    }

    private func itemOffset(_ item: String, in items: [String]) -> Range<Int>? {
        var offset = 0
        for candidate in items {
            if candidate == item { return offset..<(offset + item.utf8.count) }
            offset += candidate.utf8.count + 1
        }
        return nil
    }
}

import OTLintCore

/// OTL103: `traceidratio` without `parentbased_`: the service makes its own decision for spans whose parent was
/// already sampled (or dropped) upstream, so traces lose their middle parts.
struct RatioSamplerNotParentBasedRule: ScopeRule {
    static let id = "OTL103"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let sampler = scope.setting("OTEL_TRACES_SAMPLER"), let value = sampler.value,
              value.blankTrimmed.lowercased() == "traceidratio" else { return [] }
        var fix: Fix?
        // Insert the prefix in front of the name where it is written, keeping its case and surroundings.
        let leading = value.utf8.count - value.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
        if let site = sampler.valueSite, sampler.isEditable,
           let start = site.location(ofValueBytes: leading..<leading) {
            let prefix = value.blankTrimmed == "TRACEIDRATIO" ? "PARENTBASED_" : "parentbased_"
            fix = Fix(title: "use `parentbased_traceidratio`",
                      edits: [TextEdit(path: site.file.path, range: start.range, replacement: prefix)], applicability: .unsafe)
        }
        return [valueDiagnostic(
            sampler,
            message: "`traceidratio` ignores the caller's sampling decision: \(scope.displayName) may drop spans of traces sampled upstream and record spans of traces that were not",
            why: "each service rolls its own dice on the trace ID instead of following the `sampled` flag of the incoming `traceparent`, so traces arrive with holes",
            help: "use `parentbased_traceidratio`: the ratio then applies only to traces that start in this service",
            fix: fix)]
    }
}

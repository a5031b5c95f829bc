import OTLintCore

/// OTL604: services of one compose project that share no trace-context propagator: a request crossing from one
/// to the other starts a new trace.
struct PropagatorMismatchRule: ScopeRule {
    static let id = "OTL604"

    /// Propagators that carry the trace context (baggage does not).
    static let traceFormats: Set<String> = ["tracecontext", "b3", "b3multi", "jaeger", "xray", "ottrace"]
    static let specDefault = ["tracecontext", "baggage"]

    /// A service's propagators: its `OTEL_PROPAGATORS` list or the spec default; nil when unknown.
    struct Propagation {
        var names: [String]
        var definition: VariableDefinition?
        /// The trace formats, with `b3multi` read as `b3` (B3 propagators extract both header styles).
        var traceFormats: Set<String> {
            Set(names.map { $0 == "b3multi" ? "b3" : $0 }).intersection(PropagatorMismatchRule.traceFormats)
        }
        var display: String { names.map { "`\($0)`" }.joined(separator: ", ") + (definition == nil ? " (the default)" : "") }
    }

    static func propagation(_ scope: EnvironmentScope) -> Propagation? {
        guard let definition = scope.setting("OTEL_PROPAGATORS") else {
            // An env_file missing from the checkout may set the propagators: unknown, not the default.
            return scope.isIncomplete ? nil : Propagation(names: specDefault, definition: nil)
        }
        guard let value = definition.value else { return nil }
        let names = value.lowercased().split(separator: ",").map { $0.blankTrimmed }.filter { !$0.isEmpty }
        // `none` turns propagation off on purpose; unknown names are OTL603's business.
        if names.contains("none") || names.contains(where: { !VariableCatalog.propagators.contains($0) }) { return nil }
        return Propagation(names: names, definition: definition)
    }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let merged = variant.service(named: service.name), let own = Self.participant(merged),
                  let definition = own.definition else { continue }
            // Only an explicit setting is reported (a service on the default is the reference point).
            // The other participants that share no trace format, found by group (participants with the same
            // formats form one group, so this is not a pass over every service): their count, and the first three
            // in variant order for the message. The service itself shares its own formats, so it is never among them.
            let ownFormats = own.traceFormats
            let groups = variant.index.participantsByFormats.filter { ownFormats.isDisjoint(with: $0.key) }
            let disjointCount = groups.values.reduce(0) { $0 + $1.count }
            let disjoint = groups.values.flatMap { $0.prefix(3) }.sorted().prefix(3).map { position in
                let other = variant.services[position]
                return (service: other, propagation: other.facts.propagation!)
            }
            guard let firstOther = disjoint.first else { continue }
            let names = disjoint.map { "`\($0.service.name)` (\($0.propagation.display))" }.joined(separator: ", ")
                + (disjointCount > 3 ? " and \(disjointCount - 3) more" : "")
            let wanted = firstOther.propagation.traceFormats.contains("tracecontext") ? "tracecontext"
                : firstOther.propagation.names.first { Self.traceFormats.contains($0) } ?? "tracecontext"
            var fix: Fix?
            if let value = definition.value, groups.keys.allSatisfy({ $0.contains(wanted) }),
               let edit = definition.valueReplacement(wanted + "," + value.blankTrimmed) {
                fix = Fix(title: "also propagate `\(wanted)`: OTEL_PROPAGATORS=\(wanted),\(value.blankTrimmed)",
                          edits: [edit], applicability: .unsafe)
            }
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "service `\(merged.name)` propagates only \(own.display), which \(names) cannot read: traces between them break apart",
                location: definition.valueLocation,
                why: "a trace continues across a call only when the caller injects a header format the callee extracts; `\(merged.name)` and \(disjointCount == 1 ? "`\(firstOther.service.name)`" : "these services") share no trace propagator in \(variant.displayName)",
                help: "list a common propagator in every service, e.g. `OTEL_PROPAGATORS=\(wanted),\(own.names.joined(separator: ","))` (extraction tries each listed format)",
                related: definition.valueRelated + disjoint.compactMap { other in
                    other.propagation.definition.map { RelatedLocation(location: $0.valueLocation, message: "`\(other.service.name)` propagates \(other.propagation.display)") }
                },
                fix: fix))
        }
        return diagnostics
    }

    /// A service whose propagation matters: an application (not a collector or backend) that exports telemetry
    /// and whose propagators are known.
    static func participant(_ service: MergedComposeService) -> Propagation? {
        guard service.facts.configuresTelemetry, !service.facts.isBackend else { return nil }
        guard let propagation = service.facts.propagation, !propagation.traceFormats.isEmpty else { return nil }
        return propagation
    }
}

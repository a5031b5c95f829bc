import OTLintCore

/// OTL603: `OTEL_PROPAGATORS` with unknown names, `none` next to other propagators, duplicates, or deprecated
/// propagators.
struct InvalidPropagatorsRule: ScopeRule {
    static let id = "OTL603"

    /// Names some SDK accepts beyond the specification's list.
    static let accepted = Set(VariableCatalog.propagators + ["xray-lambda"])
    /// Spellings seen in real projects, with what was meant.
    static let aliases: [String: String] = [
        "w3c": "tracecontext", "trace-context": "tracecontext", "trace_context": "tracecontext", "tracecontext,": "tracecontext",
        "w3c-baggage": "baggage", "b3-multi": "b3multi", "b3_multi": "b3multi", "b3multiheader": "b3multi", "b3single": "b3",
        "b3-single": "b3", "aws-xray": "xray", "awsxray": "xray", "opentracing": "ottrace",
    ]
    static let deprecated: [String: String] = ["jaeger": "spec v1.54.0", "ottrace": "spec v1.54.0"]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let definition = scope.setting("OTEL_PROPAGATORS"), let value = definition.value else { return [] }
        let items = ListItem.split(value)
        let names = items.map { $0.text.lowercased() }
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        for (index, item) in items.enumerated() where !item.text.isEmpty {
            let name = names[index]
            let location = definition.valueSite?.location(ofValueBytes: item.range) ?? definition.valueLocation
            if !seen.insert(name).inserted {
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: .info,
                    message: "`\(item.text)` is listed twice in `OTEL_PROPAGATORS`",
                    location: location,
                    why: "the specification de-duplicates the list, so the second entry does nothing",
                    help: "remove the second `\(item.text)`", related: definition.valueRelated,
                    fix: removal(definition, items: items, index: index, title: "remove the duplicate `\(item.text)`", applicability: .safe)))
                continue
            }
            if name == "none" {
                var listed = Set<String>()
                let others = names.filter { !$0.isEmpty && $0 != "none" && listed.insert($0).inserted }
                guard !others.isEmpty else { continue }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`none` is combined with \(others.map { "`\($0)`" }.joined(separator: ", ")) in `OTEL_PROPAGATORS`: it is unclear whether context is propagated",
                    location: location,
                    why: "`none` means no propagator; next to other names SDKs differ: some ignore `none`, others propagate nothing, so traces may break between services",
                    help: "remove `none` to propagate with \(others.map { "`\($0)`" }.joined(separator: ", ")), or keep only `none` to propagate nothing",
                    related: definition.valueRelated,
                    fix: removal(definition, items: items, index: index, title: "remove `none`", applicability: .unsafe)))
                continue
            }
            if Self.accepted.contains(name) {
                if let since = Self.deprecated[name] {
                    diagnostics.append(Diagnostic(
                        ruleID: id, severity: .info,
                        message: "the `\(name)` propagator is deprecated (\(since)); W3C `tracecontext` is the standard",
                        location: location,
                        why: "deprecated propagators are dropped from SDKs over time; keep it only while services that speak only `\(name)` remain",
                        help: names.contains("tracecontext") ? "remove `\(name)` once every service propagates `tracecontext`"
                            : "add `tracecontext` and remove `\(name)` once every service propagates it",
                        related: definition.valueRelated))
                }
                continue
            }
            let suggestion = Self.aliases[name] ?? VariableCatalog.propagators.first { EditDistance.between(name, $0, limit: 2) <= 2 }
            var fix: Fix?
            if let suggestion, let site = definition.valueSite, let itemLocation = site.location(ofValueBytes: item.range),
               definition.isEditable {
                fix = names.contains(suggestion)
                    ? removal(definition, items: items, index: index, title: "remove `\(item.text)` (`\(suggestion)` is already listed)", applicability: .unsafe)
                    : Fix(title: "write `\(suggestion)`", edits: [TextEdit(path: site.file.path, range: itemLocation.range, replacement: suggestion)],
                          applicability: .unsafe)
            }
            let known = VariableCatalog.propagators.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(item.text)` is not a known propagator: SDKs skip it (or fail to start)\(suggestion.map { "; did you mean `\($0)`?" } ?? "")",
                location: location,
                why: "the specification names \(known); an unknown name is ignored with a warning (Python raises an error at startup), so context is not propagated in that format",
                help: suggestion.map { "write `\($0)`" } ?? "use one of \(known)",
                related: definition.valueRelated, fix: fix))
        }
        return diagnostics
    }

    private func removal(_ definition: VariableDefinition, items: [ListItem], index: Int, title: String,
                         applicability: FixApplicability) -> Fix? {
        guard definition.isEditable, let site = definition.valueSite,
              let location = site.location(ofValueBytes: ListItem.removalRange(of: index, in: items)) else { return nil }
        return Fix(title: title, edits: [TextEdit(path: site.file.path, range: location.range, replacement: "")], applicability: applicability)
    }
}

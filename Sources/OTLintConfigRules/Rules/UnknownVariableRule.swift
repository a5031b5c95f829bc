import OTLintCore

/// OTL001: an `OTEL_*` name the specification does not define and that is close to one it does — a typo
/// the SDK silently ignores.
struct UnknownVariableRule: ScopeRule {
    let id = "OTL001"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for definition in scope.definitions {
            let name = definition.name
            guard name.uppercased().hasPrefix("OTEL_"), VariableCatalog.spec(name) == nil,
                  !VariableCatalog.isLanguageSpecific(name.uppercased()) else { continue }
            let suggestion: String
            let message: String
            if VariableCatalog.spec(name.uppercased()) != nil {
                suggestion = name.uppercased()
                message = "`\(name)` is not read by OpenTelemetry SDKs: variable names are case-sensitive, use `\(suggestion)`"
            } else if let known = VariableCatalog.commonMisspellings[name] {
                suggestion = known
                message = "`\(name)` is a common misspelling of `\(known)`; SDKs ignore it"
            } else if let nearest = VariableCatalog.nearest(to: name) {
                suggestion = nearest
                message = "unknown OpenTelemetry variable `\(name)`; did you mean `\(nearest)`?"
            } else {
                // Not close to any spec name: probably an SDK- or vendor-specific variable. Stay quiet.
                continue
            }
            let alreadyDefined = scope.definition(suggestion) != nil
            // `OTEL_SDK_ENABLED` is one edit from `OTEL_SDK_DISABLED`, which means the opposite: never rename.
            let invertsMeaning = name.contains("DISABLE") != suggestion.contains("DISABLE")
                || name.contains("ENABLE") != suggestion.contains("ENABLE")
            var fix: Fix?
            if definition.keyIsExact && !alreadyDefined && !invertsMeaning {
                fix = Fix(title: "rename `\(name)` to `\(suggestion)`",
                          edits: [TextEdit(path: definition.file.path, range: definition.keyRange, replacement: suggestion)],
                          applicability: .unsafe)
            }
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity, message: message, location: definition.keyLocation,
                why: "SDKs ignore variables they do not know, so this setting has no effect and the default applies",
                help: invertsMeaning ? "`\(suggestion)` means the opposite of `\(name)`: set it only if that is what you want"
                    : alreadyDefined ? "`\(suggestion)` is also set in this scope; remove `\(name)` or merge the two" : "rename it to `\(suggestion)`",
                fix: fix))
        }
        return diagnostics
    }
}

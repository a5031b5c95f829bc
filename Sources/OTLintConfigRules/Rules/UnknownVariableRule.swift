import OTLintCore

/// OTL001: an `OTEL_*` name the specification does not define and that is close to one it does — a typo
/// the SDK silently ignores.
struct UnknownVariableRule: ScopeRule {
    static let id = "OTL001"

    /// A vendor name that looks like a misspelling → the name that marks the vendor's set of variables.
    static let launcherPairs = ["OTEL_EXPORTER_OTLP_METRIC_ENDPOINT": "OTEL_EXPORTER_OTLP_SPAN_ENDPOINT"]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for definition in scope.definitions {
            let name = definition.name
            guard name.uppercased().hasPrefix("OTEL_"), VariableCatalog.spec(name) == nil,
                  !VariableCatalog.isLanguageSpecific(name.uppercased()) else { continue }
            // Lightstep's launchers read `OTEL_EXPORTER_OTLP_SPAN_ENDPOINT` and `OTEL_EXPORTER_OTLP_METRIC_ENDPOINT`
            // as a pair: beside the first, the second is the launcher's name, not a typo of the spec's.
            if Self.launcherPairs[name].map({ scope.definition($0) != nil }) == true { continue }
            // Only where the code is here to read and does not read the name itself: an application may well keep
            // a setting of its own under such a name (a template that expands `OTEL_SERVICE_NAMESPACE`).
            if let advice = VariableCatalog.namesNoSDKReads[name] {
                guard scope.isBuiltHere, let directory = scope.codeDirectory,
                      !project.codeContext.mayRead(variable: name, directory: directory) else { continue }
                // A folder without source code runs a program from elsewhere (LiteLLM's Dockerfile runs `pip install
                // litellm`, which reads `OTEL_EXPORTER`): that code may read the name.
                if !project.codeContext.holdsSourceCode(directory: directory) { continue }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(name)` is not read by any OpenTelemetry SDK: unless a library of the application reads it, it has no effect",
                    location: definition.keyLocation,
                    why: "neither the specification nor a language SDK defines this name, and SDKs ignore variables they do not know",
                    help: advice))
                continue
            }
            // The application's own setting under a name close to a spec name (`OTEL_METRIC_EXPORT_INTERVAL_MS` read
            // by its code): renaming it would break the application.
            if let directory = scope.codeDirectory, project.codeContext.isSeenToRead(variable: name, directory: directory) { continue }
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

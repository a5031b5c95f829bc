import OTLintCore

/// OTL207: the Jaeger exporter (`OTEL_TRACES_EXPORTER=jaeger`) or its `OTEL_EXPORTER_JAEGER_*` variables. The
/// exporter was removed from the specification (v1.23.0) and from current SDKs; Jaeger takes OTLP on 4317/4318.
struct DeprecatedJaegerExporterRule: ScopeRule {
    let id = "OTL207"

    static let why = "the Jaeger exporter was removed from the specification in v1.23.0 (2023) and from current SDKs, which then export no traces; Jaeger ≥ 1.46 and Jaeger v2 receive OTLP on 4317 (gRPC) and 4318 (HTTP)"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let host = jaegerHost(scope)
        let endpointSuggestion = "OTEL_EXPORTER_OTLP_ENDPOINT=http://\(host ?? "<jaeger-host>"):4318"
        if let exporter = scope.setting("OTEL_TRACES_EXPORTER"), let value = exporter.value {
            let items = ListItem.split(value)
            let hasOTLP = items.contains { $0.text.lowercased() == "otlp" }
            for (index, item) in items.enumerated() where item.text.lowercased() == "jaeger" {
                let location = exporter.location(inValue: item.range)
                // With `otlp` already listed, drop `jaeger` instead of listing `otlp` twice.
                let edit = hasOTLP ? exporter.edit(inValue: ListItem.removalRange(of: index, in: items), replacement: "")
                    : exporter.edit(inValue: item.range, replacement: "otlp")
                let fix = edit.map {
                    Fix(title: hasOTLP ? "remove `jaeger` (`otlp` is listed)" : "export with `otlp`", edits: [$0], applicability: .unsafe)
                }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "the `jaeger` traces exporter no longer exists: export to Jaeger with `otlp`",
                    location: location, why: Self.why,
                    help: "set `OTEL_TRACES_EXPORTER=otlp` and `\(endpointSuggestion)` (protocol `http/protobuf`), or port 4317 with `grpc`",
                    related: exporter.valueRelated, fix: fix))
            }
        }
        for definition in scope.effectiveDefinitions where definition.name.hasPrefix("OTEL_EXPORTER_JAEGER_") && definition.isSet {
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(definition.name)` belongs to the removed Jaeger exporter: \(replacement(for: definition, host: host))",
                location: definition.keyLocation, why: Self.why,
                help: "configure OTLP instead: `OTEL_TRACES_EXPORTER=otlp`, `\(endpointSuggestion)`",
                // The password is on the line shown with the finding: mask it.
                maskedRanges: definition.name.hasSuffix("PASSWORD") ? definition.writtenSite.map { [$0.range] } ?? [] : []))
        }
        diagnostics += jaegerClientDiagnostics(scope)
        return diagnostics
    }

    /// `JAEGER_*` variables of the retired Jaeger client libraries, in an application's environment. Jaeger's own
    /// containers and other backends read some of these names for their own tracing (`JAEGER_DISABLED`), so only
    /// processes known to be applications are judged: a compose service built from source or running an image that
    /// is no telemetry backend, or an env file that also configures an OpenTelemetry SDK.
    private func jaegerClientDiagnostics(_ scope: EnvironmentScope) -> [Diagnostic] {
        let definitions = scope.effectiveDefinitions.filter { JaegerClientVariables.replacements[$0.name] != nil && $0.isSet }
        guard !definitions.isEmpty, Self.isApplication(scope) else { return [] }
        return definitions.map { definition in
            let replacement = JaegerClientVariables.replacements[definition.name] ?? "the matching `OTEL_*` variable"
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(definition.name)` configures a retired Jaeger client library: OpenTelemetry SDKs never read it; use \(replacement)",
                location: definition.keyLocation,
                why: "the Jaeger clients were retired in 2022 in favour of the OpenTelemetry SDKs, which read only `OTEL_*` variables; Jaeger ≥ 1.46 and Jaeger v2 receive OTLP on 4317 (gRPC) and 4318 (HTTP)",
                help: "move the service to an OpenTelemetry SDK and configure it with \(replacement); then remove `\(definition.name)`",
                related: definition.valueRelated,
                maskedRanges: JaegerClientVariables.credentials.contains(definition.name) ? definition.writtenSite.map { [$0.range] } ?? [] : [])
        }
    }

    /// Whether the scope is certainly an application, not a tracing backend reading `JAEGER_*` for itself.
    static func isApplication(_ scope: EnvironmentScope) -> Bool {
        switch scope.kind {
        case .composeService(_, let service):
            if let image = service.image, let reference = ImageReference(image.text) {
                return !TelemetryBackends.isBackend(reference) && !reference.repository.hasPrefix("jaegertracing/")
            }
            // No literal image: a service built from source is an application; an interpolated image is unknown.
            return service.image == nil && service.buildContext != nil
        case .envFile:
            return scope.effectiveDefinitions.contains { $0.isSet && $0.name.hasPrefix("OTEL_") }
        }
    }

    /// The Jaeger host the old settings point at, to write the OTLP endpoint for it.
    private func jaegerHost(_ scope: EnvironmentScope) -> String? {
        if let endpoint = scope.setting("OTEL_EXPORTER_JAEGER_ENDPOINT")?.value, let url = EndpointURL(endpoint), url.host != "" {
            return url.host
        }
        if let host = scope.setting("OTEL_EXPORTER_JAEGER_AGENT_HOST")?.value?.blankTrimmed, !host.isEmpty {
            return host
        }
        return nil
    }

    /// What replaces one Jaeger variable in OTLP terms.
    private func replacement(for definition: VariableDefinition, host: String?) -> String {
        let target = host ?? "<jaeger-host>"
        switch definition.name.dropFirst("OTEL_EXPORTER_JAEGER_".count) {
        case "ENDPOINT", "AGENT_HOST":
            return "use `OTEL_EXPORTER_OTLP_ENDPOINT=http://\(target):4318` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://\(target):4318/v1/traces`)"
        case "AGENT_PORT":
            return "the agent ports 6831/6832 are gone from Jaeger ≥ 1.63; use port 4318 (OTLP/HTTP) or 4317 (OTLP/gRPC)"
        case "PROTOCOL":
            return "use `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf` for port 4318, `grpc` for port 4317)"
        case "TIMEOUT":
            return "use `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` (milliseconds)"
        case "USER", "PASSWORD":
            return "send credentials with `OTEL_EXPORTER_OTLP_TRACES_HEADERS` (`authorization=Basic%20…`), interpolated from an untracked file"
        default:
            return "use the matching `OTEL_EXPORTER_OTLP_*` variable"
        }
    }
}

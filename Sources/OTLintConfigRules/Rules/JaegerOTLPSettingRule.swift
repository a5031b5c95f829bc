import OTLintCore

/// OTL208: `COLLECTOR_OTLP_ENABLED` on a Jaeger service where it is redundant (all-in-one ≥ 1.46 receives OTLP
/// by default), missing (1.35–1.45 need it when clients send OTLP), or ignored (Jaeger v2 is configured by
/// YAML); and the end-of-life v1 all-in-one image itself. Versions: `otel-facts/otlp-ports.md` §3.
struct JaegerOTLPSettingRule: ScopeRule {
    static let id = "OTL208"
    /// Also in telemetry backends and collectors: It judges Jaeger's own settings.
    var judgesTelemetryBackends: Bool { true }

    static let variable = "COLLECTOR_OTLP_ENABLED"
    /// v1 images that read `COLLECTOR_OTLP_ENABLED`.
    static let v1Repositories: Set<String> = ["jaegertracing/all-in-one", "jaegertracing/jaeger-collector"]
    static let v2Repository = "jaegertracing/jaeger"
    static let otlpAddedIn = SemanticVersion([1, 35])
    static let otlpOnByDefaultFrom = SemanticVersion([1, 46])
    static let lastV1 = "1.76.0"
    /// v1 settings Jaeger v2 never reads.
    static let v1OnlyVariables: Set<String> = [
        "COLLECTOR_OTLP_ENABLED", "COLLECTOR_ZIPKIN_HOST_PORT", "COLLECTOR_OTLP_GRPC_HOST_PORT", "COLLECTOR_OTLP_HTTP_HOST_PORT",
        "SPAN_STORAGE_TYPE", "MEMORY_MAX_TRACES", "QUERY_BASE_PATH", "METRICS_STORAGE_TYPE",
    ]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let jaeger = variant.service(named: service.name), let imageScalar = jaeger.image,
                  let image = ImageReference(imageScalar.text) else { continue }
            if Self.v1Repositories.contains(image.repository) {
                diagnostics += checkV1(jaeger, image: image, imageScalar: imageScalar, variant: variant)
            } else if image.repository == Self.v2Repository, image.version.map({ $0 >= SemanticVersion([2]) }) ?? true {
                diagnostics += checkV2(jaeger)
            }
        }
        return diagnostics
    }

    /// The first service of the variant (and its endpoint) that sends OTLP to this Jaeger service: looked up by
    /// host in the variant's index, not searched in every service.
    private func firstOTLPClient(of jaeger: MergedComposeService, in variant: ComposeProjectVariant) -> (MergedComposeService, EndpointTarget)? {
        let own = variant.position(of: jaeger.name)
        var first: (position: Int, order: Int, target: EndpointTarget)?
        for name in Set(jaeger.reachableNames.map { $0.lowercased() }) {
            let targets = variant.index.otlpTargetsByHost[name] ?? []
            // Entries are in variant order; the service's own come together, so this stops after them at most.
            guard let index = targets.firstIndex(where: { $0.position != own }) else { continue }
            let candidate = targets[index]
            if first.map({ (candidate.position, candidate.order) < ($0.position, $0.order) }) ?? true { first = candidate }
        }
        return first.map { (variant.services[$0.position], $0.target) }
    }

    private func checkV1(_ jaeger: MergedComposeService, image: ImageReference, imageScalar: ComposeScalar,
                         variant: ComposeProjectVariant) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let imageLocation = imageScalar.node.range
        let imageFile = jaeger.layers.last { $0.service.image != nil }?.file ?? jaeger.primary.file
        if image.repository == "jaegertracing/all-in-one" {
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "`jaegertracing/all-in-one` is end of life: Jaeger v1 images are no longer published (the last is \(Self.lastV1))",
                location: imageFile.source.location(imageLocation),
                why: "Jaeger v2 (image `jaegertracing/jaeger`) replaced v1 in November 2024; since Jaeger 2.14.0 (January 2026) v1 components get no releases or security fixes",
                help: "use `jaegertracing/jaeger:2.x`: it receives OTLP on 4317/4318 by default and serves the UI on 16686; v1 environment settings such as `COLLECTOR_OTLP_ENABLED` are then not needed"))
        }
        let setting = jaeger.scope.setting(Self.variable)
        let enabled = setting?.value.map { $0.blankTrimmed.lowercased() }
        let client = firstOTLPClient(of: jaeger, in: variant)
        let clientNote = client.map { "service `\($0.0.name)` sends OTLP to it (\($0.1.setting.name))" }
        let clientRelated = client.map { [RelatedLocation(location: $0.1.hostLocation, message: "`\($0.0.name)` sends OTLP here")] } ?? []
        // The version: `latest` and no tag mean the last v1 release; an unknown tag or a digest is not judged.
        let version: SemanticVersion?
        if image.isLatest { version = SemanticVersion([1, 76]) } else { version = image.version }
        guard let version, version < SemanticVersion([2]) else { return diagnostics }
        let tag = image.tag ?? "latest"
        if version >= Self.otlpOnByDefaultFrom {
            if let setting, enabled == "true" {
                var diagnostic = Diagnostic(
                    ruleID: id, severity: .info,
                    message: "`\(Self.variable)=true` is redundant: Jaeger \(image.isLatest ? "`\(tag)` (1.46 and later)" : version.description) receives OTLP by default",
                    location: setting.valueLocation,
                    why: "the OTLP receiver of `\(image.repository)` is on by default since 1.46.0 (image tag `\(tag)`)",
                    help: "remove `\(Self.variable)`",
                    related: setting.valueRelated,
                    fix: removalFix(setting, in: jaeger))
                diagnostic.severity = .info
                diagnostics.append(diagnostic)
            } else if let setting, enabled == "false", let clientNote {
                var diagnostic = Diagnostic(
                    ruleID: id, severity: .error,
                    message: "`\(Self.variable)=false` turns off Jaeger's OTLP receiver, but \(clientNote): every export fails",
                    location: setting.valueLocation,
                    why: "with the receiver off, nothing listens on 4317/4318 in service `\(jaeger.name)`",
                    help: "remove `\(Self.variable)` (OTLP is on by default since 1.46)",
                    related: setting.valueRelated + clientRelated,
                    fix: removalFix(setting, in: jaeger).map { Fix(title: $0.title, edits: $0.edits, applicability: .unsafe) })
                diagnostic.severity = .error
                diagnostics.append(diagnostic)
            }
        } else if let clientNote, enabled != "true" {
            if setting != nil && enabled == nil { return diagnostics }  // set from the shell: unknown
            let tooOld = version < Self.otlpAddedIn
            var fix: Fix?
            if !tooOld {
                if let setting, let edit = setting.valueReplacement("true") {
                    fix = Fix(title: "set \(Self.variable)=true", edits: [edit], applicability: .unsafe)
                } else if setting == nil, let anchor = jaeger.scope.definitions.last(where: { definition in
                    if case .composeEnvironment = definition.source { return !definition.isInherited } else { return false }
                }), let edit = EntryInsertion.after(anchor, name: Self.variable, value: "true") {
                    fix = Fix(title: "set \(Self.variable)=true", edits: [edit], applicability: .unsafe)
                }
            }
            var diagnostic = Diagnostic(
                ruleID: id, severity: .error,
                message: tooOld
                    ? "Jaeger \(version) has no OTLP receiver (added in 1.35), but \(clientNote): every export fails"
                    : "Jaeger \(version) receives OTLP only with `\(Self.variable)=true`, but \(clientNote): every export fails",
                // Not at the image: the end-of-life finding is there, and one place holds one finding per rule.
                location: setting?.valueLocation ?? jaeger.primary.file.source.location(jaeger.primary.service.nameRange),
                why: "`\(image.repository):\(tag)` predates 1.46.0, where the OTLP receiver became the default",
                help: tooOld ? "upgrade to `jaegertracing/jaeger:2.x` (OTLP on 4317/4318 by default)"
                    : "set `\(Self.variable)=true` on service `\(jaeger.name)`, or upgrade to `jaegertracing/jaeger:2.x`",
                related: clientRelated, fix: fix)
            diagnostic.severity = .error
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }

    private func checkV2(_ jaeger: MergedComposeService) -> [Diagnostic] {
        jaeger.scope.effectiveDefinitions.filter { Self.v1OnlyVariables.contains($0.name) }.map { setting in
            Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(setting.name)` is ignored by Jaeger v2 (`\(Self.v2Repository)`): it is a v1 setting",
                location: setting.keyLocation,
                why: "Jaeger v2 is configured by a YAML file (collector format) and reads none of the v1 environment variables; OTLP is on by default",
                help: setting.name == Self.variable ? "remove it: Jaeger v2 receives OTLP on 4317/4318 by default"
                    : "remove it and configure the equivalent in Jaeger v2's YAML configuration",
                fix: removalFix(setting, in: jaeger))
        }
    }

    /// Removes a setting that has no effect (safe: behaviour does not change).
    private func removalFix(_ setting: VariableDefinition, in jaeger: MergedComposeService) -> Fix? {
        let siblings = jaeger.scope.definitions.filter { $0.file.path == setting.file.path && $0.name != setting.name && !$0.isInherited
            && $0.source == setting.source }.count
        guard let edit = EntryRemoval.removing(setting, siblingsInSameBlock: siblings) else { return nil }
        return Fix(title: "remove `\(setting.name)`", edits: [edit], applicability: .safe)
    }
}

import OTLintCore
import OTLintYAML

/// One environment scope per `Instrumentation` and injected language: what the Operator sets in those pods, judged
/// by the same rules as any process's environment.
enum InstrumentationScopes {
    /// The languages whose injected SDK exports with `http/protobuf` when no protocol is set: the Operator's Python
    /// injection sets it (from operator v0.67.0), and the .NET automatic instrumentation defaults to it (operator
    /// PR #1575). The Operator's Node.js image exports with gRPC unless told otherwise (operator issues #3423, #3658),
    /// Java depends on the agent version the Operator injects, Go on the instrumentation's release: not judged.
    static let httpDefaultLanguages: Set<String> = ["python", "dotnet"]

    static func scopes(of index: InstrumentationIndex, workloads: [KubernetesWorkload], context: AnalysisContext) -> [EnvironmentScope] {
        // The languages of the pods that ask for each resource, each annotation resolved once.
        var requested = [[(String, RelatedLocation)]](repeating: [], count: index.all.count)
        for workload in workloads {
            for injection in workload.podAnnotations.compactMap(OperatorInjection.init) where injection.language != "sdk" {
                guard let target = index.resolve(injection, in: workload), !requested[target].contains(where: { $0.0 == injection.language }) else { continue }
                requested[target].append((injection.language, RelatedLocation(
                    location: workload.source.location(injection.annotation.keyRange), message: "\(workload.displayName) asks for \(injection.language) injection here")))
            }
        }
        return index.all.enumerated().flatMap { position, instrumentation -> [EnvironmentScope] in
            // Then the languages of its written sections.
            var languages = requested[position]
            for (language, _) in OperatorInstrumentation.sections where instrumentation.languageEnv[language] != nil && !languages.contains(where: { $0.0 == language }) {
                languages.append((language, RelatedLocation(location: instrumentation.source.location(instrumentation.kindRange),
                                                            message: "the resource configures \(language) injection")))
            }
            let processes = languages.isEmpty ? [InstrumentationProcess(instrumentation: instrumentation, language: nil, languageEvidence: nil)]
                : languages.map { InstrumentationProcess(instrumentation: instrumentation, language: $0.0, languageEvidence: $0.1) }
            return processes.map { scope(of: $0, context: context) }
        }
    }

    private static func scope(of process: InstrumentationProcess, context: AnalysisContext) -> EnvironmentScope {
        let instrumentation = process.instrumentation
        let source = instrumentation.source
        var definitions: [VariableDefinition] = []
        func field(_ name: String, _ node: YAMLNode?) {
            guard let node else { return }
            let content = ComposeParser.content(of: node, in: source)
            let site = ValueSite(file: source, range: node.range, editableRange: content?.verbatim == true ? content?.range : nil)
            definitions.append(VariableDefinition(name: name, value: node.scalar, source: .instrumentationField, file: source,
                                                  keyRange: node.range, keyIsExact: false, writtenSite: site, entryRange: node.range))
        }
        field("OTEL_EXPORTER_OTLP_ENDPOINT", instrumentation.endpoint)
        field("OTEL_TRACES_SAMPLER", instrumentation.samplerType)
        field("OTEL_TRACES_SAMPLER_ARG", instrumentation.samplerArgument)
        // A list of several propagators has no single place each name is written in a variable's value: only a
        // list of one is read, so that a finding points at the name it is about.
        if instrumentation.propagators.count == 1 { field("OTEL_PROPAGATORS", instrumentation.propagators[0]) }
        definitions += envDefinitions(instrumentation.env, source: source)
        // A language's `env` specialises the common settings for its pods: a layer over them, as an override file is.
        if let language = process.language {
            definitions += envDefinitions(instrumentation.languageEnv[language] ?? [], source: source).map { definition in
                var layered = definition
                layered.composeLayer = 1
                return layered
            }
        }
        let attributes = instrumentation.resourceAttributes.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let tierDefinitions = definitions + (attributes.isEmpty ? [] : [VariableDefinition(
            name: "OTEL_RESOURCE_ATTRIBUTES", value: attributes, source: .instrumentationField, file: source,
            keyRange: instrumentation.kindRange, keyIsExact: false, writtenSite: nil, entryRange: instrumentation.kindRange)])
        let namespace = instrumentation.namespace.map { (name: $0, location: instrumentation.namespaceRange.map(source.location)) }
        let tier = DeploymentTierResolver.assess(definitions: tierDefinitions, path: source.path, context: context, namespace: namespace)
        var scope = EnvironmentScope(kind: .operatorInstrumentation(process), definitions: definitions, tier: tier, isTemplate: false)
        scope.isBuiltHere = false
        // The pods add their own `env:` and the Operator its defaults (service name, resource attributes).
        scope.unreadSettings = "the pods the Operator injects into add their own `env:` and the Operator's defaults"
        return scope
    }

    /// An `Instrumentation`'s `env:` entries as written: `$(VAR)` resolves in each pod, so such a value is unknown here.
    private static func envDefinitions(_ entries: [KubernetesEnvEntry], source: SourceFile) -> [VariableDefinition] {
        entries.map { entry in
            var value: String? = entry.valueFrom == nil ? "" : nil
            var site: ValueSite?
            if let node = entry.value, let raw = node.scalar {
                let content = ComposeParser.content(of: node, in: source)
                let isReference = raw.containsText("$(")
                value = isReference ? nil : raw
                site = ValueSite(file: source, range: node.range, editableRange: content?.verbatim == true && !isReference ? content?.range : nil)
            }
            return VariableDefinition(name: entry.name, value: value, source: .kubernetesEnv, file: source, keyRange: entry.nameRange,
                                      keyIsExact: source.slice(entry.nameRange) == entry.name, writtenSite: site, entryRange: entry.itemRange)
        }
    }

    /// The protocol the injected SDK exports with when none is set, for the languages where it is known.
    static func launcherDefault(_ process: InstrumentationProcess) -> LauncherDefault? {
        guard let language = process.language, httpDefaultLanguages.contains(language), let evidence = process.languageEvidence else { return nil }
        return LauncherDefault(language: language == "dotnet" ? ".NET" : "Python",
                               defaultProtocol: "http/protobuf", evidence: [evidence])
    }
}

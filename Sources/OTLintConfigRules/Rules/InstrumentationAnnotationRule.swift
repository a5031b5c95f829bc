import OTLintCore

/// OTL804: an OpenTelemetry Operator inject annotation that injects nothing: on the workload's own metadata instead
/// of its pod template, naming an `Instrumentation` that differs by a typo from one in the files, or `"true"` where
/// the namespace has several.
struct InstrumentationAnnotationRule: ScopeRule {
    static let id = "OTL804"
    var judgesTelemetryBackends: Bool { true }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        // Once per workload: its first container's scope speaks for it.
        guard case .kubernetesContainer(let process) = scope.kind,
              process.workload.containers.first?.nameRange == process.container.nameRange else { return [] }
        let workload = process.workload
        let source = workload.source
        var diagnostics: [Diagnostic] = []
        let podInjections = workload.podAnnotations.compactMap(OperatorInjection.init)
        let podKeys = Set(workload.podAnnotations.map(\.key))
        do {
            for injection in workload.workloadAnnotations.compactMap(OperatorInjection.init) where !podKeys.contains(injection.annotation.key) {
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(injection.annotation.key)` is on the \(workload.kind)'s own metadata: the Operator reads it from the pod template, so no pod of \(workload.displayName) is instrumented",
                    location: source.location(injection.annotation.keyRange),
                    why: "the OpenTelemetry Operator's webhook sees pods, and a pod carries the annotations of `spec.template.metadata`, not those of the \(workload.kind)",
                    help: "move the annotation to `spec.template.metadata.annotations`"))
            }
        }
        let index = project.instrumentations
        guard !index.isEmpty else { return diagnostics }
        for injection in podInjections {
            guard index.resolve(injection, in: workload) == nil else { continue }
            let location = source.location(injection.annotation.valueRange)
            if let named = injection.instrumentation {
                let names = index.all.map(\.name)
                guard let nearest = EditDistance.nearest(to: named.name, among: names, limit: 2) else { continue }
                let replacement = named.namespace.map { "\($0)/\(nearest)" } ?? nearest
                let content = ComposeParser.content(of: injection.annotation.valueNode, in: source)
                let fix = content.flatMap { $0.verbatim ? Fix(title: "name `\(replacement)`", edits: [TextEdit(path: source.path, range: $0.range, replacement: replacement)], applicability: .unsafe) : nil }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(injection.annotation.key)` names the `Instrumentation` `\(named.name)`, which is not defined; did you mean `\(nearest)`?",
                    location: location,
                    why: "the Operator injects nothing when the named `Instrumentation` does not exist (it logs an error and starts the pod uninstrumented)",
                    help: "name `\(replacement)`, the `Instrumentation` defined in the files",
                    fix: fix))
            } else {
                let candidates = index.namespaceMates(of: workload).map { index.all[$0] }
                guard candidates.count > 1 else { continue }
                let names = candidates.map { "`\($0.name)`" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(injection.annotation.key): \"true\"` cannot choose among the \(candidates.count) `Instrumentation` resources of the namespace (\(names)): the Operator injects nothing",
                    location: location,
                    why: "`\"true\"` means the only `Instrumentation` of the pod's namespace; with more than one, the Operator does not pick one",
                    help: "name the one to use: `\(injection.annotation.key): \"\(candidates[0].name)\"`",
                    related: candidates.map { RelatedLocation(location: $0.source.location($0.nameRange ?? $0.kindRange), message: "`\($0.name)` is defined here") }))
            }
        }
        return diagnostics
    }
}

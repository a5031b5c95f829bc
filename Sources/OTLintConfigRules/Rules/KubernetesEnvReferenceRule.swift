import OTLintCore
import OTLintYAML

/// OTL803: a reference in a Kubernetes container's `OTEL_*` value that the kubelet leaves as written: `$(VAR)` to a
/// variable not defined before it in the same container, or shell syntax `${VAR}`, which the kubelet never expands.
/// The SDK then reads the reference's text itself (`service.instance.id=$(POD_NAME)`).
struct KubernetesEnvReferenceRule: ScopeRule {
    static let id = "OTL803"
    var judgesTelemetryBackends: Bool { true }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        if case .operatorInstrumentation(let process) = scope.kind { return shellSyntax(in: process) }
        guard case .kubernetesContainer(let process) = scope.kind else { return [] }
        let why = "the kubelet expands `$(VAR)` in `env:` only with variables defined earlier in the same container (`envFrom` sources and earlier `env:` entries); anything else stays as written, and the SDK reads the text `$(…)` as part of the value"
        var diagnostics: [Diagnostic] = []
        for reference in process.references where reference.entry.name.hasPrefix("OTEL_") {
            let location = process.source.location(reference.range)
            switch reference.resolution {
            case .defined, .maybeDefined:
                continue
            case .definedLater(let later):
                let fix = Self.moveBefore(later, reference.entry, in: process)
                    .map { Fix(title: "move `\(later.name)` above `\(reference.entry.name)`", edits: $0, applicability: .safe) }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`$(\(reference.name))` in `\(reference.entry.name)` is not expanded: `\(reference.name)` is defined after it in the `env:` list of \(process.displayName)",
                    location: location, why: why,
                    help: "move the `\(reference.name)` entry above `\(reference.entry.name)`",
                    related: [RelatedLocation(location: process.source.location(later.nameRange), message: "`\(reference.name)` is defined here, too late")],
                    fix: fix))
            case .undefined:
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`$(\(reference.name))` in `\(reference.entry.name)` is not expanded: \(process.displayName) does not define `\(reference.name)`",
                    location: location, why: why + (reference.name == "HOSTNAME" ? "; `HOSTNAME` is set by the container runtime, not listed in `env:`, so the kubelet does not know it" : ""),
                    help: Self.definitionHelp(reference.name, before: reference.entry.name)))
            }
        }
        for entry in process.container.env where entry.name.hasPrefix("OTEL_") {
            guard let node = entry.value else { continue }
            let earlier = process.container.env.prefix { $0.itemRange.start != entry.itemRange.start }
            diagnostics += shellSyntax(in: node, of: entry.name, source: process.source, subject: process.displayName) { name in
                earlier.contains { $0.name == name } ? "write `$(\(name))`" : Self.definitionHelp(name, before: entry.name)
            }
        }
        return diagnostics
    }

    /// `${VAR}` in what an `Instrumentation` injects: its `env` values and its exporter endpoint.
    private func shellSyntax(in process: InstrumentationProcess) -> [Diagnostic] {
        let instrumentation = process.instrumentation
        let entries = instrumentation.env + (process.language.flatMap { instrumentation.languageEnv[$0] } ?? [])
        let values = entries.filter { $0.name.hasPrefix("OTEL_") }.compactMap { entry in entry.value.map { (entry.name, $0) } }
            + (instrumentation.endpoint.map { [("OTEL_EXPORTER_OTLP_ENDPOINT", $0)] } ?? [])
        return values.flatMap { name, node in
            shellSyntax(in: node, of: name, source: instrumentation.source, subject: "the pods of \(instrumentation.displayName)") { variable in
                "define `\(variable)` in the pods' own `env:` (the Operator adds its variables after them), then write `$(\(variable))`"
            }
        }
    }

    /// One finding per `${VAR}` in a written value, with a safe fix to `$(VAR)` where the help says that is all it takes.
    private func shellSyntax(in node: YAMLNode, of name: String, source: SourceFile, subject: String, help: (String) -> String) -> [Diagnostic] {
        guard let raw = node.scalar else { return [] }
        let content = ComposeParser.content(of: node, in: source)
        return KubernetesEnvExpansion.shellReferences(in: raw).map { reference in
            var range = node.range
            if let content, content.verbatim {
                range = ByteRange(content.range.start + reference.range.lowerBound, content.range.start + reference.range.upperBound)
            }
            let written = String(decoding: Array(raw.utf8)[reference.range], as: UTF8.self)
            let advice = help(reference.name)
            let rewrite = "$(\(reference.name))"
            let fix = advice == "write `\(rewrite)`" && written == "${\(reference.name)}" && range != node.range
                ? Fix(title: "write `\(rewrite)`", edits: [TextEdit(path: source.path, range: range, replacement: rewrite)], applicability: .safe)
                : nil
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(written)` in `\(name)` is shell syntax that the kubelet never expands: the SDK of \(subject) reads it as written",
                location: source.location(range),
                why: "Kubernetes expands only `$(VAR)` in `env:` values, and no shell runs between the manifest and the SDK, which reads the value as written",
                help: advice, fix: fix)
        }
    }

    /// How to define a variable the value needs: the downward API for the pod's own names and addresses.
    static func definitionHelp(_ name: String, before user: String) -> String {
        let downward: [String: String] = ["HOSTNAME": "metadata.name", "POD_NAME": "metadata.name", "POD_NAMESPACE": "metadata.namespace",
                                          "NAMESPACE": "metadata.namespace", "POD_IP": "status.podIP", "HOST_IP": "status.hostIP",
                                          "NODE_NAME": "spec.nodeName", "K8S_NODE_NAME": "spec.nodeName", "K8S_POD_NAME": "metadata.name"]
        if let field = downward[name] {
            return "define `\(name)` above `\(user)` with `valueFrom: {fieldRef: {fieldPath: \(field)}}`, then refer to it as `$(\(name))`"
        }
        return "define `\(name)` in `env:` above `\(user)` (or in an `envFrom` source), then refer to it as `$(\(name))`"
    }

    /// Edits that move the `later` item's lines to just above `user`'s item: both block-style items of one list,
    /// `later` without references of its own (moving it up could leave them behind).
    static func moveBefore(_ later: KubernetesEnvEntry, _ user: KubernetesEnvEntry, in process: KubernetesProcess) -> [TextEdit]? {
        let file = process.source
        if let raw = later.value?.scalar, raw.containsText("$(") { return nil }
        guard let moved = itemLines(later, in: file), let target = itemLines(user, in: file),
              file.slice(ByteRange(moved.start, later.itemRange.start)) == file.slice(ByteRange(target.start, user.itemRange.start)) else { return nil }
        var text = file.slice(moved)
        var removed = moved
        // The last item of a file without a final newline: take the newline before it instead.
        if !text.hasSuffix("\n") {
            text += "\n"
            removed = ByteRange(moved.start - 1, moved.end)
        }
        return [TextEdit(path: file.path, range: ByteRange(target.start, target.start), replacement: text),
                TextEdit(path: file.path, range: removed, replacement: "")]
    }

    /// The whole lines of a block-style list item (`- name: …` and the lines under it), newline included.
    private static func itemLines(_ entry: KubernetesEnvEntry, in file: SourceFile) -> ByteRange? {
        let firstLine = file.lineIndex(containing: entry.itemRange.start)
        let start = file.lineStarts[firstLine]
        guard file.slice(ByteRange(start, entry.itemRange.start)).blankTrimmed == "-" else { return nil }
        let lastLine = file.lineIndex(containing: max(entry.itemRange.end - 1, entry.itemRange.start))
        let end = lastLine + 1 < file.lineStarts.count ? file.lineStarts[lastLine + 1] : file.bytes.count
        guard file.slice(ByteRange(entry.itemRange.end, end)).allSatisfy(\.isWhitespace) else { return nil }
        return ByteRange(start, end)
    }
}

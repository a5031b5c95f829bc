import OTLintCore

/// OTL803: a reference in a Kubernetes container's `OTEL_*` value that the kubelet leaves as written: `$(VAR)` to a
/// variable not defined before it in the same container, or shell syntax `${VAR}`, which the kubelet never expands.
/// The SDK then reads the reference's text itself (`service.instance.id=$(POD_NAME)`).
struct KubernetesEnvReferenceRule: ScopeRule {
    static let id = "OTL803"
    var judgesTelemetryBackends: Bool { true }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
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
            guard let node = entry.value, let raw = node.scalar else { continue }
            let content = ComposeParser.content(of: node, in: process.source)
            for reference in KubernetesEnvExpansion.shellReferences(in: raw) {
                var range = node.range
                if let content, content.verbatim {
                    range = ByteRange(content.range.start + reference.range.lowerBound, content.range.start + reference.range.upperBound)
                }
                let written = String(decoding: Array(raw.utf8)[reference.range], as: UTF8.self)
                let definedEarlier = process.container.env.prefix { $0.itemRange.start != entry.itemRange.start }.contains { $0.name == reference.name }
                let isPlain = written == "${\(reference.name)}"
                let fix = definedEarlier && isPlain && range != node.range
                    ? Fix(title: "write `$(\(reference.name))`", edits: [TextEdit(path: process.source.path, range: range, replacement: "$(\(reference.name))")], applicability: .safe)
                    : nil
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(written)` in `\(entry.name)` is shell syntax that the kubelet never expands: \(process.displayName) exports it literally",
                    location: process.source.location(range),
                    why: "Kubernetes expands only `$(VAR)` in `env:` values, and no shell runs between the manifest and the SDK, which reads the value as written",
                    help: definedEarlier ? "write `$(\(reference.name))`" : Self.definitionHelp(reference.name, before: entry.name),
                    fix: fix))
            }
        }
        return diagnostics
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

import OTLintCore

/// OTL707: `$` expressions the collector does not expand as meant: a bare `$NAME` (no longer expanded since
/// v0.104.0), an invalid variable name, and a `${env:NAME}` without default that the collector's compose service
/// never sets (it expands to an empty string).
struct ConfigVariableExpansionRule: CollectorRule {
    static let id = "OTL707"
    static let unifiedExpansion = SemanticVersion([0, 104, 0])

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        let file = collector.config.file
        let scope = collector.deployment?.service.scope
        let environmentIsKnown = collector.environmentIsKnown
        var found: [Diagnostic] = []
        for expansion in CollectorExpansion.all(in: collector.config.root) {
            let location = expansion.location(in: file)
            switch expansion.form {
            case .bare(let name):
                let refused = collector.release.map { $0.version >= ConfigVariableExpansionRule.unifiedExpansion } ?? false
                let isOlder = collector.release.map { $0.version < ConfigVariableExpansionRule.unifiedExpansion } ?? false
                let fix = expansion.range(in: file).map {
                    Fix(title: "write `${env:\(name)}`", edits: [TextEdit(path: file.path, range: $0, replacement: "${env:\(name)}")], applicability: .unsafe)
                }
                found.append(Diagnostic(
                    ruleID: id, severity: refused ? .error : .warning,
                    message: isOlder
                        ? "`$\(name)` is expanded by this collector's release, but collectors stop expanding it from v0.104.0 on: after an upgrade the value is the literal text `$\(name)`"
                        : "`$\(name)` is not expanded by collectors since v0.104.0: the value keeps the literal text `$\(name)`, or the collector refuses it",
                    location: location, why: collector.image.map { "the collector runs \($0.description)" },
                    help: "write `${env:\(name)}` (or `${env:\(name):-default}`); write `$$` for a literal `$`", fix: fix))
            case .environment(let name, let defaultValue):
                guard VariableName.isValid(name) else {
                    found.append(Diagnostic(ruleID: id, severity: .error,
                                            message: "`\(name)` is not a valid environment variable name: the collector refuses the file (environment variable \"\(name)\" has invalid name)",
                                            location: location, help: "a name starts with a letter or `_` and has only letters, digits and `_`; write `$$` for a literal `$`"))
                    continue
                }
                guard defaultValue == nil, environmentIsKnown, let scope, let deployment = collector.deployment, scope.definition(name) == nil else { continue }
                found.append(Diagnostic(
                    ruleID: id, severity: .warning,
                    message: "`\(name)` is set nowhere in the environment of service `\(deployment.service.name)`, which runs this collector: it expands to an empty string",
                    location: location,
                    help: "set `\(name)` in the service's `environment:` (or an `env_file:`), or give a default: `${env:\(name):-value}`",
                    related: [RelatedLocation(location: deployment.service.primary.file.source.location(deployment.service.primary.service.nameRange),
                                              message: "the collector's service")]))
            case .provider:
                continue
            }
        }
        return found
    }
}

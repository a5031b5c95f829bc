import OTLintCore

/// OTL806: settings a process's SDK ignores because it reads an SDK configuration file: every other SDK variable not
/// referenced in the file, the deprecated `OTEL_EXPERIMENTAL_CONFIG_FILE`, and a file that a compose service does
/// not mount.
struct IgnoredByConfigFileRule: ScopeRule {
    static let id = "OTL806"

    /// The languages whose SDK takes its whole configuration from the file and ignores the other variables, as the
    /// specification requires (Java, Go's otelconf, Python's configurator, the .NET automatic instrumentation). The
    /// JavaScript SDK still reads some variables beside the file, and reads only the old variable name.
    static let exclusiveReaders: Set<ServiceLanguage> = [.java, .go, .python, .dotnet]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let use = SDKConfigUse.of(scope) else { return [] }
        var diagnostics: [Diagnostic] = []
        let definition = use.definition
        let language = project.runtime(of: scope)?.language
        if definition.name == "OTEL_EXPERIMENTAL_CONFIG_FILE", language != .node {
            // Unsafe: an SDK release from before the rename reads only the old name.
            let fix = definition.keyIsExact && scope.definition("OTEL_CONFIG_FILE") == nil
                ? Fix(title: "rename to `OTEL_CONFIG_FILE`", edits: [TextEdit(path: definition.file.path, range: definition.keyRange, replacement: "OTEL_CONFIG_FILE")], applicability: .unsafe)
                : nil
            // Whether the SDK that runs already reads the new name is its release's, which otlint rarely knows: a note.
            diagnostics.append(Diagnostic(
                ruleID: id, severity: .info,
                message: "`OTEL_EXPERIMENTAL_CONFIG_FILE` is the deprecated name of `OTEL_CONFIG_FILE`: SDK releases since the configuration file became stable read the new name, and some no longer read the old one",
                location: definition.keyLocation,
                why: "the specification renamed it when the configuration file became stable (2026); the .NET automatic instrumentation and the Java agent from 2.26 ignore the old name and start without the file, while older releases (the Java agent before 2.26) read only the old name",
                help: "rename it to `OTEL_CONFIG_FILE` when the SDK you run reads the new name", fix: fix))
        }
        if use.isMounted == false, let value = definition.value {
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "\(scope.displayName) mounts no file at `\(value)`: its SDK finds no configuration file there",
                location: definition.valueLocation,
                why: "the service runs a published image, which does not hold the project's configuration file, and none of its `volumes:` or `configs:` puts one at that path",
                help: "mount the file: `volumes: [\"./otel-config.yaml:\(value):ro\"]`"))
        }
        guard let file = project.sdkConfigFile(use), let language, Self.exclusiveReaders.contains(language) else { return diagnostics }
        for variable in scope.effectiveDefinitions where variable.isSet && Self.isReplacedByTheFile(variable.name) && !file.reads(variable.name) {
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(variable.name)` is ignored: \(scope.displayName) reads its SDK configuration from `\(ConfigPaths.fileName(file.source.path))`, which does not reference it",
                location: variable.keyLocation,
                why: "when `OTEL_CONFIG_FILE` is set, the SDK takes its configuration from the file and ignores every other `OTEL_*` variable the file does not substitute (specification, SDK environment variables)",
                help: "set it in the file, or reference it there as `${\(variable.name)}`",
                related: [RelatedLocation(location: definition.keyLocation, message: "the configuration file is named here")]))
        }
        return diagnostics
    }

    /// The SDK's own variables, which the file replaces; not those instrumentation libraries read themselves
    /// (`OTEL_SEMCONV_STABILITY_OPT_IN`, `OTEL_INSTRUMENTATION_*`) nor language-specific ones.
    static func isReplacedByTheFile(_ name: String) -> Bool {
        VariableCatalog.spec(name) != nil && !SDKConfigUse.variables.contains(name)
            && !name.hasPrefix("OTEL_SEMCONV_") && !name.hasPrefix("OTEL_INSTRUMENTATION_")
    }
}

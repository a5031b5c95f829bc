import OTLintCore

/// OTL805: an SDK configuration file the SDK refuses or reads otherwise than written: `file_format` missing or not a
/// literal the parsers accept, a value the schema of its `file_format` does not allow, a substitution the SDK does
/// not make (`$NAME`, `${…}` in a key or of an invalid name), and — per process that reads it — a `${NAME}` without
/// default that the process's environment does not set.
struct SDKConfigFileRule: ScopeRule {
    static let id = "OTL805"

    /// The checks of the files themselves, once per file.
    static func check(_ project: ConfigProject) -> [Diagnostic] {
        project.sdkConfigFiles.keys.sorted().flatMap { key in check(project.sdkConfigFiles[key]!) }
    }

    static func check(_ file: SDKConfigFile) -> [Diagnostic] {
        let source = file.source
        let severity = RuleCatalog.defaultSeverity(id)
        func diagnostic(_ range: ByteRange, _ message: String, severity: Severity = severity, why: String, help: String, fix: Fix? = nil) -> Diagnostic {
            Diagnostic(ruleID: id, severity: severity, message: message, location: source.location(range), why: why, help: help, fix: fix)
        }
        var diagnostics = file.substitutionProblems.map { problem in
            let bare = problem.message.contains("is not substituted")
            return diagnostic(problem.range, problem.message, severity: bare ? .warning : severity,
                              why: "the configuration file substitutes environment variables only as `${NAME}`, `${env:NAME}` or `${NAME:-default}`, in values (specification, configuration data model)",
                              help: bare ? "write `${NAME}` to substitute the variable, or `$$` for a literal `$`" : "write the reference as `${NAME}` or `${NAME:-default}`, in a value")
        }
        guard let format = file.fileFormat, let literal = format.scalar, !format.isNull else {
            let anchor = file.root.mergedPairs?.first?.key.range ?? file.root.range
            diagnostics.append(diagnostic(anchor, "the SDK configuration file has no `file_format`: SDKs refuse it",
                                          why: "`file_format` is the one required key (the schema's `required`); the SDK reads it first to know how to parse the rest",
                                          help: "add `file_format: \"1.0\"` at the top (or the release the SDK supports)"))
            return diagnostics
        }
        guard SDKConfigFile.isAcceptedLiteral(literal) else {
            // `1.0.0-rc.3` names a release of the schema package, not a file format: drop the patch number.
            let parts = literal.split(separator: "-", maxSplits: 1)
            let numbers = parts[0].split(separator: ".")
            let suggestion = numbers.count == 3 ? numbers.prefix(2).joined(separator: ".") + (parts.count == 2 ? "-" + parts[1] : "") : nil
            let content = ComposeParser.content(of: format, in: source)
            let fix = suggestion.flatMap { text in
                content.flatMap { $0.verbatim ? Fix(title: "write `\(text)`", edits: [TextEdit(path: source.path, range: $0.range, replacement: text)], applicability: .safe) : nil }
            }
            // A schema release (`1.0.0`) still starts with the format: C++ reads its first two numbers, Java's
            // MAJOR.MINOR pattern refuses it. Not portable, but not broken everywhere either.
            let isRelease = suggestion != nil
            diagnostics.append(diagnostic(format.range, "`file_format: \(literal)` is not a file format \(isRelease ? "every SDK accepts" : "the SDKs accept")",
                                          severity: isRelease ? .warning : severity,
                                          why: "`file_format` is `MAJOR.MINOR`, optionally with `-rc.N` (`1.0`, `1.1`, `1.0-rc.3`)"
                                            + (isRelease ? ": Java's parser refuses the schema package's release `\(literal)`, while C++ reads only its first two numbers" : ": the SDKs' parsers refuse or warn on anything else"),
                                          help: suggestion.map { "write `\($0)`" } ?? "write the release as `1.0` or `1.1`", fix: fix))
            return diagnostics
        }
        if let schema = SDKConfigSchema.schema(for: literal) {
            // An SDK that validates the file refuses it; one that parses it its own way (the .NET automatic
            // instrumentation reads some sections in its own shape) may read it: a warning, not an error.
            diagnostics += schema.validate(file.root).map { violation in
                diagnostic(violation.range, violation.message, severity: .warning,
                           why: "the schema of `file_format: \(literal)` (opentelemetry-configuration \(schema.tag)) does not allow it: SDKs that validate the file against the schema refuse it, and others may ignore the value",
                           help: "write what the schema of `file_format: \(literal)` allows here")
            }
        }
        return diagnostics
    }

    /// A `${NAME}` without default that the process reading the file does not set: the SDK substitutes an empty value.
    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard !scope.isIncomplete, !scope.isTemplate, let use = SDKConfigUse.of(scope), let file = project.sdkConfigFile(use) else { return [] }
        return file.references.filter { !$0.hasDefault && scope.definition($0.name) == nil }.map { reference in
            Diagnostic(ruleID: id, severity: .warning,
                       message: "`${\(reference.name)}` is not set for \(scope.displayName), which reads this file: the SDK substitutes an empty value",
                       location: file.source.location(reference.range),
                       why: "a reference to a variable that is not set, and has no default, becomes an empty value before the file is typed and validated (specification, configuration data model)",
                       help: "set `\(reference.name)` for \(scope.displayName), or give a default: `${\(reference.name):-value}`",
                       related: [RelatedLocation(location: use.definition.keyLocation, message: "\(scope.displayName) reads the file through `\(use.definition.name)` here")])
        }
    }
}

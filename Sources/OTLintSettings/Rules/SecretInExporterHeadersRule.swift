import OTLintCore

/// OTL210: a literal credential in exporter headers, where others can read it: `OTEL_EXPORTER_OTLP_*HEADERS` in a
/// file git tracks (or does not ignore), or headers written in source code. The secret is never printed: messages
/// name only the header, and every finding masks the bytes that hold it (so the rule runs even when not selected).
struct SecretInExporterHeadersRule: SettingsRule {
    static let id = "OTL210"
    /// Also in telemetry backends and collectors: a committed credential leaks, whoever reads it.
    var judgesTelemetryBackends: Bool { true }
    var findsSecrets: Bool { true }

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        process.exporterHeaders.filter { Credentials.isCredentialHeader($0.name) && Credentials.looksLikeSecret($0.value) }.map { header in
            let message: String, help: String
            switch header.origin {
            case .variable(let variable):
                let fileName = header.location.path.split(separator: "/").last.map(String.init) ?? header.location.path
                let reference = "OTLP_\(header.name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined())"
                if header.isStoredInImage {
                    message = "`\(variable)` holds a literal credential in the `\(header.name)` header, set by `ENV` in `\(fileName)`: anyone who can pull the image or read the repository can use it"
                    help = "set the headers when the container starts (compose `environment:` interpolated from a git-ignored `.env`, `docker run -e`, a secret store), not in the image; then rotate the exposed key"
                } else {
                    message = "`\(variable)` holds a literal credential in the `\(header.name)` header, written in `\(fileName)`: anyone who can read the repository can use it"
                    help = "move the secret to a git-ignored `.env` or a secret store and interpolate it, e.g. `\(header.name)=${\(reference)}`; then rotate the exposed key"
                }
            case .configFileSetting(let path):
                let fileName = header.location.path.split(separator: "/").last.map(String.init) ?? header.location.path
                let reference = header.name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
                message = "`\(path)` holds a literal credential in the `\(header.name)` header, written in `\(fileName)`: anyone who can read the repository can use it"
                help = "write `${\(reference)}` and set `\(reference)` for the process from a git-ignored `.env` or a secret store; then rotate the exposed key"
            case .collectorSetting(let path):
                let fileName = header.location.path.split(separator: "/").last.map(String.init) ?? header.location.path
                let reference = header.name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
                message = "`\(path)` holds a literal credential in the `\(header.name)` header, written in `\(fileName)`: anyone who can read the repository can use it"
                help = "write `${env:\(reference)}` and pass `\(reference)` to the collector's service from a git-ignored `.env` or a secret store; then rotate the exposed key"
            case .code:
                message = "the exporter header `\(header.name)` holds a literal credential in source code"
                help = "read it at run time instead: `ProcessInfo.processInfo.environment[\"OTLP_API_KEY\"]`, or leave the headers out of the code and set `OTEL_EXPORTER_OTLP_HEADERS` in the deployment (both opentelemetry-swift and swift-otel read it); then rotate the leaked credential"
            }
            return Diagnostic(ruleID: id, severity: severity, message: message, location: header.location, why: header.exposure, help: help,
                              related: header.related, maskedRanges: [header.maskedRange])
        }
    }
}

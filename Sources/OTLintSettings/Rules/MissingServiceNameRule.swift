import OTLintCore

/// OTL301: telemetry is exported but no service name is set, so it arrives as `unknown_service`.
///
/// Judged only where the name is certainly missing: templates (`.env.example`) leave it to each deployment, and a
/// process whose name may be set where otlint cannot see (a missing env file, a third-party image that names
/// itself, code that reads it, a resource built at run time) is left alone.
struct MissingServiceNameRule: SettingsRule {
    static let id = "OTL301"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        guard !process.isTemplate else { return [] }
        return process.serviceNamings.filter { $0.exportsRemotely && !$0.isNamed && !$0.mayBeNamedElsewhere }.map { naming in
            Diagnostic(
                ruleID: Self.id, severity: severity,
                message: "\(naming.subject) exports telemetry but sets no service name\(naming.gap.map { " (\($0))" } ?? ""): it shows up as `unknown_service`",
                location: naming.location, why: naming.why, help: naming.help, related: naming.related, fix: naming.fix)
        }
    }
}

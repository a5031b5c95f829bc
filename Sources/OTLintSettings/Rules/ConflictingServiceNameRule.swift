import OTLintCore

/// OTL304: the service name set on its own (`OTEL_SERVICE_NAME`, swift-otel's `config.serviceName`) and
/// `service.name` in the resource attributes name different services. The name set on its own wins (the
/// specification for the environment; swift-otel for code), so the other name is dead configuration.
struct ConflictingServiceNameRule: SettingsRule {
    static let id = "OTL304"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        guard let serviceName = process.serviceName, let name = serviceName.value?.blankTrimmed, !name.isEmpty else { return [] }
        let winner = serviceName.origin.variableName.map { "`\($0)=\(name)`" } ?? "\(serviceName.name) (`\(name)`)"
        return process.resourceAttributes.compactMap { group in
            guard let attribute = group.attributes.last(where: { $0.key == "service.name" }), let value = attribute.value,
                  let other = value.value, !other.isEmpty, other != name else { return nil }
            let fix = attribute.removal.map {
                Fix(title: "remove `service.name=\(other)` (\(serviceName.name) decides)", edits: [$0], applicability: .unsafe)
            }
            let precedence = serviceName.origin.isCode
                ? "swift-otel uses `config.serviceName` when it is set and ignores `service.name` in the resource attributes"
                : "the specification gives `OTEL_SERVICE_NAME` precedence over `service.name` in `OTEL_RESOURCE_ATTRIBUTES`"
            return value.diagnostic(
                Self.id, message: "`service.name=\(other)` in \(group.origin.displayName) disagrees with \(winner); the service reports as `\(name)`",
                why: "\(precedence), so `\(other)` is never used",
                help: "keep one of the two: remove `service.name` from \(group.origin.displayName), or set \(serviceName.name) to `\(other)` if that is the right name",
                related: [RelatedLocation(location: serviceName.location, message: "\(serviceName.name) is set here and wins")], fix: fix)
        }
    }
}

import OTLintCore

/// OTL304: `OTEL_SERVICE_NAME` and `service.name` in `OTEL_RESOURCE_ATTRIBUTES` name different services.
/// `OTEL_SERVICE_NAME` wins, so the other name is dead configuration.
struct ConflictingServiceNameRule: ScopeRule {
    let id = "OTL304"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let serviceName = scope.setting("OTEL_SERVICE_NAME"), let name = serviceName.value?.blankTrimmed,
              !name.isEmpty, let attributes = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = attributes.value else { return [] }
        let items = ResourceAttributeItem.parse(value)
        guard let index = items.lastIndex(where: { $0.key == "service.name" }), let other = items[index].value, !other.isEmpty,
              other != name, let range = items[index].valueRange else { return [] }
        let removal = ListItem.removalRange(of: index, in: items.map(\.item))
        let fix = attributes.edit(inValue: removal, replacement: "").map {
            Fix(title: "remove `service.name=\(other)` (`OTEL_SERVICE_NAME` decides)", edits: [$0], applicability: .unsafe)
        }
        return [Diagnostic(
            ruleID: id, severity: severity,
            message: "`service.name=\(other)` in `OTEL_RESOURCE_ATTRIBUTES` disagrees with `OTEL_SERVICE_NAME=\(name)`; the service reports as `\(name)`",
            location: attributes.location(inValue: range),
            why: "the specification gives `OTEL_SERVICE_NAME` precedence over `service.name` in `OTEL_RESOURCE_ATTRIBUTES`, so `\(other)` is never used",
            help: "keep one of the two: remove `service.name` from `OTEL_RESOURCE_ATTRIBUTES`, or set `OTEL_SERVICE_NAME=\(other)` if that is the right name",
            related: attributes.valueRelated + [RelatedLocation(location: serviceName.valueLocation, message: "`OTEL_SERVICE_NAME` is set here and wins")],
            fix: fix)]
    }
}

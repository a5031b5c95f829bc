/// Resource attribute keys people write for facts the semantic conventions name, with the key meant: the
/// deployment environment and the service version. Dashboards filter by these two facts, and otlint's production
/// detection reads them. One table for every input (OTL303 renames these keys; OTL405 leaves them to it).
public enum StandardResourceKeys {
    /// Non-standard or deprecated key → the semantic-convention key.
    public static let replacements: [String: String] = [
        "deployment.environment": "deployment.environment.name",
        "environment": "deployment.environment.name", "env": "deployment.environment.name",
        "deployment_environment": "deployment.environment.name",
        "version": "service.version", "service_version": "service.version", "app.version": "service.version",
    ]
}

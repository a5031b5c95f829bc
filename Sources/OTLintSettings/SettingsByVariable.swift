/// Which settings of a process an environment variable would set, had the SDK read it: to name, next to a variable
/// the SDK ignores, the code that decides instead.
extension TelemetryProcess {
    /// The settings of the concept `variable` configures (an endpoint variable: the exporter endpoints of its
    /// signal, or of every signal for the base variable; the sampler variables: the samplers).
    public func settings(configuredBy variable: String) -> [Setting] {
        if variable == "OTEL_TRACES_SAMPLER" || variable == "OTEL_TRACES_SAMPLER_ARG" {
            return samplers.compactMap { $0.choice }
        }
        let prefix = "OTEL_EXPORTER_OTLP_", suffix = "_ENDPOINT"
        if variable.hasPrefix(prefix) && variable.hasSuffix(suffix) {
            let middle = variable.dropFirst(prefix.count).dropLast(suffix.count).lowercased()
            return endpoints.filter { !$0.isZipkin && (middle.isEmpty || $0.signal == nil || $0.signal == middle) }.map(\.setting)
        }
        return []
    }
}

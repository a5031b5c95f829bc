import Foundation
import OTLintCore

/// The sampler a scope configures, read the way the specification does.
struct SamplerSettings {
    var sampler: VariableDefinition?
    var argument: VariableDefinition?

    init(_ scope: EnvironmentScope) {
        sampler = scope.setting("OTEL_TRACES_SAMPLER")
        argument = scope.setting("OTEL_TRACES_SAMPLER_ARG")
    }

    /// The sampler name in lower case; nil when unset; "" when its value is unknown.
    var samplerName: String? {
        guard let sampler else { return nil }
        return sampler.value?.blankTrimmed.lowercased() ?? ""
    }

    static let ratioSamplers: Set<String> = ["traceidratio", "parentbased_traceidratio"]
    static let fixedSamplers: Set<String> = ["always_on", "always_off", "parentbased_always_on", "parentbased_always_off"]

    /// A ratio as the specification reads it: a decimal number.
    static func ratio(_ text: String) -> Double? {
        let trimmed = text.blankTrimmed
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}

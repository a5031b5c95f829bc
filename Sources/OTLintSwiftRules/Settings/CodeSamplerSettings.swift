import OTLintCore
import SwiftSyntax

/// Reads the samplers a Swift file writes into the settings model: each points at its expression, its name token
/// and its `ratio:` argument, and says whether the code guards it.
extension CodeSettings {
    static func sampler(_ sampler: SamplerExpression, in model: SwiftSourceModel) -> SamplerSetting {
        let sdk: SwiftSDK = sampler.ecosystem == .openTelemetrySwift ? .opentelemetrySwift : .swiftOTel
        let api = "`\(sampler.nameToken.text)`"
        let root: SamplerSetting.Sampler = switch sampler.root {
        case .alwaysOn: .alwaysOn
        case .alwaysOff: .alwaysOff
        case .traceIDRatio: .traceIDRatioBased
        }
        let ratioValue = sampler.ratioNode?.numericLiteralValue
        let ratio = sampler.ratioNode.map { node in
            Setting(syntax: node, value: ratioValue == nil ? nil : node.trimmedDescription, origin: .code(api: api, sdk: sdk), in: model)
        }
        let handling: SamplerSetting.InvalidRatioHandling = sdk == .opentelemetrySwift ? .clamped
            : sampler.nameToken.text == "OTelTraceIDRatioBasedSampler" ? .precondition : .failableInitializer
        return SamplerSetting(
            root: root, isParentBased: sampler.isParentBased,
            choice: Setting(syntax: sampler.node, value: sampler.node.trimmedDescription, origin: .code(api: api, sdk: sdk), in: model),
            name: Setting(syntax: sampler.nameToken, value: sampler.nameToken.text, origin: .code(api: api, sdk: sdk), in: model),
            ratio: ratio, ratioValue: ratioValue, invalidRatioHandling: handling, isGuarded: isConditionalConfiguration(sampler.node))
    }
}

extension Setting {
    /// A setting written as code (an expression, a token): it points at the code, and a fix may replace it whole
    /// (unless `isEditable` says otherwise).
    init(syntax node: some SyntaxProtocol, value: String?, origin: SettingOrigin, in model: SwiftSourceModel, isEditable: Bool = true) {
        let range = model.range(of: node)
        self.init(value: value, origin: origin, site: ValueSite(file: model.file, range: range, editableRange: range),
                  fallbackLocation: model.file.location(range), isEditable: isEditable)
    }
}

import OTLintCore
import SwiftSyntax

/// The attribute keys code writes on spans, events and resources (every spelling `AttributeUses` knows), each
/// pointing at its key expression; a plain literal key may be renamed between its quotes.
enum AttributeKeys {
    static func find(in model: SwiftSourceModel) -> [AttributeKeySetting] {
        let sdk: SwiftSDK = model.ecosystems.contains(.openTelemetrySwift) ? .opentelemetrySwift : .swiftOTel
        return model.attributeUses.compactMap { use in
            guard let name = use.name, use.target != .metric else { return nil }
            let range = model.range(of: use.keyNode)
            let content = use.literal.flatMap(contentRange).flatMap { model.file.slice($0) == name ? $0 : nil }
            let setting = Setting(value: name, origin: .code(api: "the attribute key", sdk: sdk),
                                  site: ValueSite(file: model.file, range: range, editableRange: content),
                                  fallbackLocation: model.file.location(range), isEditable: content != nil)
            let target: AttributeKeySetting.Target = switch use.target {
            case .resource: .resource
            case .span: .span
            case .event: .event
            case .metric, .middleware: .other
            }
            return AttributeKeySetting(name: name, setting: setting, target: target, isWrittenVerbatim: content != nil)
        }
    }
}

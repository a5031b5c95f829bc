import OTLintCore
import SwiftSyntax

/// The attribute keys code writes on spans, events and resources (every spelling `AttributeUses` knows), each
/// pointing at its key expression, and the keys a library declares in a type of key names
/// (`struct AttributeKeys { var responseStatusCode = "http.status_code" }`), at their literal. A plain literal key may
/// be renamed between its quotes.
enum AttributeKeys {
    static func find(in model: SwiftSourceModel) -> [AttributeKeySetting] {
        let sdk: SwiftSDK = model.ecosystems.contains(.openTelemetrySwift) ? .opentelemetrySwift : .swiftOTel
        return written(in: model, sdk: sdk) + declared(in: model, sdk: sdk)
    }

    private static func written(in model: SwiftSourceModel, sdk: SwiftSDK) -> [AttributeKeySetting] {
        model.attributeUses.compactMap { use in
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

    /// Words in the name of a type that holds attribute keys: `AttributeKeys`, `SpanAttributeNames`,
    /// `GRPCTracingKeys`.
    static let keyTypeWords = ["AttributeKey", "AttributeName", "TracingKey", "SpanKey"]

    /// String literals given to the stored properties of a type named for attribute keys (`AttributeKeys`,
    /// `SpanAttributeNames`): the library sets its attributes under these names, wherever it uses them.
    private static func declared(in model: SwiftSourceModel, sdk: SwiftSDK) -> [AttributeKeySetting] {
        model.nodes.variableDeclarations.flatMap { declaration -> [AttributeKeySetting] in
            guard let type = enclosingTypeName(of: declaration), keyTypeWords.contains(where: type.contains) else { return [] }
            return declaration.bindings.compactMap { binding in
                guard let literal = binding.initializer?.value.as(StringLiteralExprSyntax.self), let name = literal.representedLiteralValue,
                      name.contains("."), !name.contains(" ")
                else { return nil }
                let range = model.range(of: literal)
                let content = contentRange(literal).flatMap { model.file.slice($0) == name ? $0 : nil }
                let setting = Setting(value: name, origin: .code(api: "the attribute key", sdk: sdk),
                                      site: ValueSite(file: model.file, range: range, editableRange: content),
                                      fallbackLocation: model.file.location(range), isEditable: content != nil)
                return AttributeKeySetting(name: name, setting: setting, target: .span, isWrittenVerbatim: content != nil)
            }
        }
    }

    /// The name of the struct, class, enum or actor (or the type an extension extends) a member is declared in.
    private static func enclosingTypeName(of declaration: VariableDeclSyntax) -> String? {
        guard let block = declaration.parent?.parent?.parent?.as(MemberBlockSyntax.self) else { return nil }
        let owner = block.parent
        if let type = owner?.as(StructDeclSyntax.self) { return type.name.text }
        if let type = owner?.as(ClassDeclSyntax.self) { return type.name.text }
        if let type = owner?.as(EnumDeclSyntax.self) { return type.name.text }
        if let type = owner?.as(ActorDeclSyntax.self) { return type.name.text }
        if let type = owner?.as(ExtensionDeclSyntax.self) { return type.extendedType.trimmedDescription }
        return nil
    }
}

import OTLintCore
import OTLintYAML

extension Setting {
    /// A scalar of a collector configuration as a setting named by its path (`exporters.otlp.endpoint`), with the
    /// value the collector sees: `${env:NAME}` and `${NAME}` are resolved from the environment of the compose service
    /// that runs it (defaults included), `$$` is a literal `$`. The value is nil where the collector would see
    /// something otlint cannot know (a variable from the shell, another provider, a service whose environment is
    /// incomplete), so rules do not judge it. Only a value written without expressions is editable in place.
    init?(collectorValue node: YAMLNode, path: String, in collector: CollectorInstance) {
        guard let text = node.scalar, !node.isNull else { return nil }
        let file = collector.config.file
        let content = ComposeParser.content(of: node, in: file)
        let hasExpressions = text.utf8.contains(UInt8(ascii: "$"))
        let verbatim = content?.verbatim == true && !hasExpressions
        let site = ValueSite(file: file, range: node.range, editableRange: verbatim ? content?.range : nil)
        guard hasExpressions else {
            self.init(value: text, origin: .collectorSetting(path), site: site, fallbackLocation: file.location(node.range), isEditable: verbatim)
            return
        }
        let (value, related) = Setting.expand(text, node: node, in: collector)
        self.init(value: value, origin: .collectorSetting(path), site: site, fallbackLocation: file.location(node.range), isEditable: false,
                  related: related)
    }

    /// The value with its environment references replaced, and where each value comes from; nil when one of them
    /// cannot be known.
    private static func expand(_ text: String, node: YAMLNode, in collector: CollectorInstance) -> (String?, [RelatedLocation]) {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var related: [RelatedLocation] = []
        var index = 0
        for expansion in CollectorExpansion.parse(text, node: node) {
            result += literal(bytes[index..<expansion.bytes.lowerBound])
            index = expansion.bytes.upperBound
            guard case .environment(let name, let defaultValue) = expansion.form else { return (nil, []) }
            if let definition = collector.deployment?.service.scope.definition(name) {
                guard let value = definition.value else { return (nil, []) }
                result += Array(value.utf8)
                related.append(RelatedLocation(location: definition.valueLocation, message: "`\(name)` is set here"))
            } else if let defaultValue {
                result += Array(defaultValue.utf8)
            } else {
                // Unset: empty in the collector, but only where the whole environment is known.
                guard collector.environmentIsKnown else { return (nil, []) }
            }
        }
        result += literal(bytes[index...])
        return (String(decoding: result, as: UTF8.self), related)
    }

    /// Text between expressions, with `$$` read as one `$`.
    private static func literal(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).replacingEvery("$$", with: "$").utf8)
    }
}

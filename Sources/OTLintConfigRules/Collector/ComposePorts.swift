import OTLintCore
import OTLintYAML

/// Reads compose `ports:` entries.
enum ComposePorts {
    /// The container port of a `ports:` entry: `"4317"`, `"4317:4317"`, `"127.0.0.1:14317:4317/tcp"`, or the long
    /// syntax's `target`. nil for ranges and interpolated entries.
    static func containerPort(_ entry: YAMLNode) -> Int? {
        if let target = entry["target"]?.scalar { return Int(target) }
        guard var text = entry.scalar, !text.containsText("$") else { return nil }
        if let slash = text.firstIndex(of: "/") { text = String(text[..<slash]) }
        return text.split(separator: ":").last.flatMap { Int($0) }
    }
}

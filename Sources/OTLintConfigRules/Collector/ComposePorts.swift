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

    /// Where a `ports:` entry binds on the host, in the short syntax `[ADDRESS:]HOST_PORT:CONTAINER_PORT[/PROTOCOL]`.
    struct HostBinding: Equatable {
        /// Empty for every address.
        var address: String
        var port: String
        var proto: String

        /// Whether Compose could not start both: the same port and protocol on a common address.
        func conflicts(with other: HostBinding) -> Bool {
            port == other.port && proto == other.proto && (address == other.address || address.isEmpty || other.address.isEmpty)
        }
    }

    /// nil for a container port alone (a random host port, which never conflicts) and for the long syntax, whose
    /// `published` is read as the entry's text without an address.
    static func hostBinding(_ text: String) -> HostBinding? {
        let parts = text.split(separator: "/", maxSplits: 1)
        let proto = parts.count == 2 ? String(parts[1]) : "tcp"
        let fields = parts.first.map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) } ?? []
        switch fields.count {
        case 2: return HostBinding(address: "", port: fields[0], proto: proto)
        case 3: return HostBinding(address: fields[0], port: fields[1], proto: proto)
        default: return nil
        }
    }
}

/// The kubelet's expansion of `$(VAR)` in a container's `env:` values (and in `command`/`args`): a reference is
/// replaced by the value of a variable defined earlier in the same container (an earlier `env:` entry, any
/// `envFrom` source, or a service-link variable); anything else is left as written. `$$` is one literal `$`.
/// Kubernetes, "Define Dependent Environment Variables"; `third_party/forked/golang/expansion` in kubernetes.
struct KubernetesEnvExpansion {
    /// One `$(NAME)` in a value, with its byte offsets in the raw text.
    struct Reference {
        var name: String
        var range: Range<Int>
    }

    /// What a variable is, for expansion: a known value, set to a value otlint cannot know, or not defined.
    enum Binding {
        case known(String)
        case unknown
    }

    /// The expanded text, nil when a reference is unresolved or resolves to a value otlint cannot know (the process
    /// then sees something otlint cannot spell); and every reference, in order.
    static func expand(_ raw: String, lookup: (String) -> Binding?) -> (text: String?, references: [Reference]) {
        let bytes = Array(raw.utf8)
        var output: [UInt8] = []
        var references: [Reference] = []
        var isKnown = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "$"), index + 1 < bytes.count else { output.append(byte); index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "$") { output.append(byte); index += 2; continue }
            guard next == UInt8(ascii: "("), let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ")")) else {
                output.append(byte); index += 1; continue
            }
            let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            references.append(Reference(name: name, range: index..<(close + 1)))
            switch lookup(name) {
            case .known(let value): output += Array(value.utf8)
            case .unknown, nil: isKnown = false; output += bytes[index...close]
            }
            index = close + 1
        }
        return (isKnown ? String(decoding: output, as: UTF8.self) : nil, references)
    }

    /// `${NAME}` (and `${NAME:-default}`) written in a value: shell syntax the kubelet never expands. The ranges of
    /// each, with the name.
    static func shellReferences(in raw: String) -> [Reference] {
        let bytes = Array(raw.utf8)
        var references: [Reference] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "$") { index += 2; continue }
            guard bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{"),
                  let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else { index += 1; continue }
            let body = bytes[(index + 2)..<close]
            let nameEnd = body.firstIndex { !VariableName.isByte($0) } ?? close
            let name = String(decoding: bytes[(index + 2)..<nameEnd], as: UTF8.self)
            if !name.isEmpty { references.append(Reference(name: name, range: index..<(close + 1))) }
            index = close + 1
        }
        return references
    }
}

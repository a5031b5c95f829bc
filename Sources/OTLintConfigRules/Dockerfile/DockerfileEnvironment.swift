import OTLintCore

/// The environment a Dockerfile's image starts its process with: the `ENV` entries of the stage that runs and of the
/// stages it is built `FROM`, with `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}` substituted as BuildKit
/// does from the arguments and entries declared before each one.
///
/// A reference to a name the file does not define (one the base image sets, an `ARG` without default that the build
/// may pass) makes the value unknown: rules do not judge it.
enum DockerfileEnvironment {
    /// `target`: compose `build.target`; `buildArguments`: compose `build.args` (nil values: passed from the shell).
    static func definitions(of dockerfile: Dockerfile, target: String?, buildArguments: [String: String?] = [:]) -> [VariableDefinition] {
        guard let stage = dockerfile.stage(target: target) else { return [] }
        // Arguments before the first `FROM`: their defaults, substituted from the earlier ones (and the build's).
        var globals: [String: String?] = [:]
        for argument in dockerfile.globalArguments {
            let value = buildArguments[argument.name] ?? argument.defaultValue.flatMap { own in
                argument.substitutes ? substitute(own, lookup: { globals[$0] }) : own
            }
            globals.updateValue(value, forKey: argument.name)
        }
        var environment: [String: String?] = [:]
        var result: [VariableDefinition] = []
        for index in dockerfile.lineage(of: stage) {
            // Arguments are scoped to their stage; the environment carries over to the stages built from it.
            var arguments: [String: String?] = [:]
            for definition in dockerfile.stages[index].definitions {
                switch definition {
                case .argument(let argument):
                    // Passed by the build (nil: from the shell), else the default here (substituted like an `ENV`
                    // value) or before the first `FROM`.
                    let value: String?
                    if let passed = buildArguments[argument.name] { value = passed }
                    else if let own = argument.defaultValue {
                        let lookup = { (name: String) -> String?? in environment[name] ?? arguments[name] }
                        value = argument.substitutes ? substitute(own, lookup: lookup) : own
                    } else if let global = globals[argument.name] { value = global }
                    else { value = nil }
                    arguments.updateValue(value, forKey: argument.name)
                case .env(let entry):
                    let lookup = { (name: String) -> String?? in environment[name] ?? arguments[name] }
                    let value = entry.substitutes ? substitute(entry.rawValue, lookup: lookup) : entry.rawValue
                    environment.updateValue(value, forKey: entry.key)
                    result.append(variableDefinition(entry, value: value, in: dockerfile))
                }
            }
        }
        return result
    }

    private static func variableDefinition(_ entry: Dockerfile.EnvEntry, value: String?, in dockerfile: Dockerfile) -> VariableDefinition {
        // The value is written verbatim only when nothing was substituted into it.
        let isVerbatim = value == entry.rawValue && !entry.rawValue.utf8.contains(Tokenizer.literalDollarMarker)
        let site = ValueSite(file: dockerfile.source, range: entry.valueRange, editableRange: isVerbatim ? entry.contentRange : nil)
        return VariableDefinition(name: entry.key, value: value, source: .dockerfile, file: dockerfile.source, keyRange: entry.keyRange,
                                  keyIsExact: true, writtenSite: site, interpolation: nil, entryRange: entry.statementRange)
    }

    /// The value with its references replaced; nil when one of them cannot be known. `lookup` answers nil for a
    /// name not declared, and `.some(nil)` for one declared without a known value.
    static func substitute(_ text: String, lookup: (String) -> String??) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Tokenizer.literalDollarMarker, index + 1 < bytes.count {
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "$"), index + 1 < bytes.count else { out.append(byte); index += 1; continue }
            if bytes[index + 1] == UInt8(ascii: "{") {
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                index = close + 1
                var name = inner, operation: String?, word = ""
                for candidate in [":-", ":+", "-", "+"] {
                    if let range = inner.firstRange(of: candidate), inner[..<range.lowerBound].utf8.allSatisfy(VariableName.isByte) {
                        name = String(inner[..<range.lowerBound])
                        operation = candidate
                        word = String(inner[range.upperBound...])
                        break
                    }
                }
                guard name.utf8.allSatisfy(VariableName.isByte), !name.isEmpty else { return nil }
                let found = lookup(name)
                switch operation {
                case nil:
                    guard let known = found, let value = known else { return nil }
                    out += Array(value.utf8)
                case ":-", "-":
                    if let known = found {
                        guard let value = known else { return nil }
                        out += Array((operation == ":-" && value.isEmpty ? word : value).utf8)
                    } else {
                        out += Array(word.utf8)
                    }
                default:
                    // `:+word`: the word when the variable is set, else nothing.
                    guard let known = found else { continue }
                    guard let value = known else { return nil }
                    if operation == "+" || !value.isEmpty { out += Array(word.utf8) }
                }
                continue
            }
            guard VariableName.isByte(bytes[index + 1]) else { out.append(byte); index += 1; continue }
            var end = index + 1
            while end < bytes.count, VariableName.isByte(bytes[end]) { end += 1 }
            guard let known = lookup(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), let value = known else { return nil }
            out += Array(value.utf8)
            index = end
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import OTLintCore

/// OTL702: a component defined but never started: in no pipeline, or an extension missing from `service.extensions`.
struct UnusedComponentRule: CollectorRule {
    static let id = "OTL702"
    static let consoleExporters: Set<String> = ["debug", "logging"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        let config = collector.config
        // Without pipelines nothing runs at all: OTL703 says so once.
        guard !collector.isPartial, !config.pipelines.isEmpty else { return [] }
        let started = Set(config.serviceExtensions.map(\.id))
        let commented = UnusedComponentRule.idsInComments(of: config.file)
        return config.components.compactMap { component in
            // A component the file's comments name (a commented-out pipeline, "add `debug` to enable it") is an
            // opt-in the author documented.
            guard !commented.contains(component.id) else { return nil }
            if component.kind == .extension {
                guard !started.contains(component.id) else { return nil }
                return diagnostic(component.key, in: collector,
                                  message: "extension `\(component.id)` is defined but not listed in `service.extensions`: the collector never starts it",
                                  help: "add `\(component.id)` to `service.extensions`, or remove its definition")
            }
            guard config.uses(of: component).isEmpty else { return nil }
            let role = component.kind == .connector ? "as a receiver and an exporter" : "in its `\(component.kind.section)`"
            // A console exporter left defined is a debugging aid set aside, not intent that never took effect.
            let isConsole = component.kind == .exporter && UnusedComponentRule.consoleExporters.contains(component.type)
            return diagnostic(component.key, in: collector,
                              message: "\(component.kind.rawValue) `\(component.id)` is defined but no pipeline uses it: the collector never starts it",
                              severity: isConsole ? .info : nil, help: "list `\(component.id)` \(role) in a pipeline under `service.pipelines`, or remove its definition")
        }
    }

    /// Every word of the file's comments that could be a component ID (`debug`, `otlp/jaeger`, `tail_sampling`).
    static func idsInComments(of file: SourceFile) -> Set<String> {
        var words = Set<String>()
        for line in 0..<file.lineCount {
            let text = file.lineText(line)
            guard let hash = text.firstIndex(of: "#") else { continue }
            // A `#` inside a value (`"#channel"`) starts no comment unless a blank precedes it.
            if hash != text.startIndex, let before = text[..<hash].last, before != " " && before != "\t" { continue }
            for word in text[text.index(after: hash)...].split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "/" || $0 == "-" || $0 == ".") }) {
                words.insert(String(word))
            }
        }
        return words
    }
}

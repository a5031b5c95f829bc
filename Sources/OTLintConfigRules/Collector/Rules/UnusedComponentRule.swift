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
        return config.components.compactMap { component in
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
}

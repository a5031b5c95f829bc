import OTLintCore

/// OTL711: a service of the project exports OTLP to the collector on 4317 or 4318 while no receiver listens there:
/// the OTLP receiver does not enable that protocol (HTTP to a receiver with only `grpc`), or listens on other ports.
struct ReceiverProtocolMismatchRule: CollectorRule {
    static let id = "OTL711"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard !collector.isPartial, collector.deployment != nil else { return [] }
        let config = collector.config
        let receivers = config.components(.receiver).filter { !config.uses(of: $0).isEmpty }
        // Only where every receiver's ports are known: another receiver type may listen anywhere.
        guard let otlp = receivers.first(where: { $0.type == "otlp" }),
              receivers.allSatisfy({ ListeningEndpoint.known[.receiver]?[$0.type] != nil }) else { return [] }
        let listening = Set(receivers.flatMap { ListeningEndpoint.ports(of: $0) })
        var reported = Set<Int>()
        let senders = collector.senders
        return senders.compactMap { sender in
            guard let port = sender.port, port == 4317 || port == 4318, !listening.contains(port), !speaksOtherProtocol(sender, port: port),
                  reported.insert(port).inserted else { return nil }
            let wanted = port == 4317 ? "grpc" : "http"
            let enabled = (otlp.settings["protocols"]?.mergedPairs ?? []).compactMap(\.key.scalar)
            let node = otlp.settings.pair("protocols")?.key ?? otlp.key
            let others = senders.filter { $0.port == port && $0.service.name != sender.service.name }
            let what = enabled.contains(wanted)
                ? "its `\(wanted)` protocol listens on another port"
                : "it enables only \(enabled.map { "`\($0)`" }.joined(separator: " and "))"
            return diagnostic(node, in: collector,
                              message: "service `\(sender.service.name)` sends OTLP/\(port == 4317 ? "gRPC" : "HTTP") to port \(port) of the collector, but no receiver listens there (receiver `\(otlp.id)`: \(what)): every export is refused",
                              help: enabled.contains(wanted) ? "listen on port \(port) (`endpoint: 0.0.0.0:\(port)`), or point the service at the port the receiver uses"
                                  : "enable `\(wanted)` under `protocols:` (`\(wanted): {endpoint: 0.0.0.0:\(port)}`), or make the service use the protocol the receiver has",
                              related: ([sender] + others).map { RelatedLocation(location: $0.setting.location, message: "service `\($0.service.name)` sends here") })
        }
    }

    /// Whether the sender is set to speak the other transport than its port's (`http/protobuf` to 4317): its port is
    /// what is wrong, and OTL203 reports it where it is set.
    private func speaksOtherProtocol(_ sender: CollectorInstance.Sender, port: Int) -> Bool {
        guard let variable = sender.setting.origin.variableName, variable.hasSuffix("_ENDPOINT") else { return false }
        let prefix = String(variable.dropLast("ENDPOINT".count))
        let scope = sender.service.scope
        guard let written = (scope.setting(prefix + "PROTOCOL") ?? scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL"))?.value?.blankTrimmed.lowercased() else {
            return false
        }
        return port == 4317 ? written.hasPrefix("http/") : written == "grpc"
    }
}

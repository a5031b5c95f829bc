import OTLintCore

/// OTL710: a receiver listening on `localhost` (written, or by default since v0.104.0) while other containers of the
/// project send to it or its port is published: only the collector's own container can connect.
struct ReceiverNotReachableRule: CollectorRule {
    static let id = "OTL710"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment, deployment.service.networkMode == nil else { return [] }
        let config = collector.config
        let senders = collector.senders
        let published = collector.publishedPorts
        var found: [Diagnostic] = []
        let startedExtensions = Set(config.serviceExtensions.map(\.id))
        let listening = config.components(.receiver).filter { !config.uses(of: $0).isEmpty }
            + config.components(.extension).filter { startedExtensions.contains($0.id) }
        for receiver in listening {
            for endpoint in ListeningEndpoint.of(receiver, release: collector.release?.version) where endpoint.isLoopback {
                // Applications send telemetry to receivers; an extension is reached through its published port.
                let sending = receiver.kind == .receiver ? senders.filter { $0.port == endpoint.port } : []
                let publishing = published.filter { $0.port == endpoint.port }
                guard !sending.isEmpty || !publishing.isEmpty else { continue }
                let address = "\(endpoint.host):\(endpoint.port)"
                let how = endpoint.written == nil ? "on \(address) (the default since collector v0.104.0; \(collector.image?.description ?? "this image") is newer)" : "on \(address)"
                let who: String
                if let first = sending.first {
                    who = "service `\(first.service.name)` sends to `\(first.url.hostName):\(endpoint.port)`" + (sending.count > 1 ? " (and \(sending.count - 1) more)" : "")
                } else {
                    who = "the port is published to the host"
                }
                var related = sending.map { RelatedLocation(location: $0.setting.location, message: "service `\($0.service.name)` sends here") }
                related += publishing.map { RelatedLocation(location: $0.location, message: "published here: connections arrive on the container's network interface, not on localhost") }
                // Telemetry that other services send is lost (an error); a published port that nobody in the project
                // uses fails only for clients outside it.
                let consequence = sending.isEmpty ? "connections through it are refused" : "nothing arrives"
                found.append(diagnostic(endpoint.written ?? endpoint.key, in: collector,
                                        message: "\(receiver.kind.rawValue) `\(receiver.id)` listens for \(endpoint.label) \(how), which only the collector's own container can reach, but \(who): \(consequence)",
                                        severity: sending.isEmpty ? .warning : nil, help: "listen on every interface of the container: `endpoint: 0.0.0.0:\(endpoint.port)`",
                                        related: related, fix: fix(endpoint, in: collector)))
            }
        }
        return found
    }

    private func fix(_ endpoint: ListeningEndpoint, in collector: CollectorInstance) -> Fix? {
        let file = collector.config.file
        // Files that bind to the pod's address elsewhere keep that style.
        let host = file.text.containsText("${env:MY_POD_IP}") ? "${env:MY_POD_IP}" : "0.0.0.0"
        let address = "\(host):\(endpoint.port)"
        let edit: TextEdit?
        if let written = endpoint.written {
            guard let content = ComposeParser.content(of: written, in: file), content.verbatim,
                  let hostBytes = written.scalar.flatMap({ text in text.lastIndex(of: ":").map { text[..<$0].utf8.count } }) else { return nil }
            edit = TextEdit(path: file.path, range: ByteRange(content.range.start, content.range.start + hostBytes), replacement: host)
        } else {
            edit = YAMLInsertion.children(["endpoint: \(address)"], under: endpoint.key, value: endpoint.settings, in: file)
        }
        return edit.map { Fix(title: "listen on \(address)", edits: [$0], applicability: .safe) }
    }
}

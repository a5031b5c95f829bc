import OTLintCore

/// OTL710: a receiver, extension, Prometheus exporter or the internal metrics listening on `localhost` (written, or
/// by default: receivers and extensions since v0.104.0, internal metrics since v0.111.0) while other containers of
/// the project send to it, a Prometheus service scrapes it, or its port is published: only the collector's own
/// container can connect.
struct ReceiverNotReachableRule: CollectorRule {
    static let id = "OTL710"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment, deployment.service.networkMode == nil else { return [] }
        let config = collector.config
        let release = collector.release?.version
        let senders = collector.senders
        let published = collector.publishedPorts
        let names = Set(deployment.service.reachableNames.map { $0.lowercased() })
        let scrapes = project.prometheusScrapes.filter { $0.directory == deployment.variant.directory && names.contains($0.host) }
        let startedExtensions = Set(config.serviceExtensions.map(\.id))
        let listening = config.components(.receiver).filter { !config.uses(of: $0).isEmpty }
            + config.components(.extension).filter { startedExtensions.contains($0.id) }
            + config.components(.exporter).filter { !config.uses(of: $0).isEmpty }
        let endpoints = listening.flatMap { ListeningEndpoint.of($0, release: release) }
            + (ListeningEndpoint.internalMetrics(of: config, release: release).map { [$0] } ?? [])
        var found: [Diagnostic] = []
        for endpoint in endpoints where endpoint.isLoopback {
            // Applications send telemetry to receivers; Prometheus scrapes metrics endpoints; anything is reached
            // through its published port.
            let sending = endpoint.receivesTelemetry ? senders.filter { $0.port == endpoint.port } : []
            let scraping = endpoint.receivesTelemetry ? [] : scrapes.filter { $0.port == endpoint.port }
            let publishing = published.filter { $0.port == endpoint.port }
            guard !sending.isEmpty || !scraping.isEmpty || !publishing.isEmpty else { continue }
            let address = "\(endpoint.host):\(endpoint.port)"
            let how: String
            if let ignored = endpoint.ignoredSetting {
                how = "on \(address) (\(ignored); \(collector.image?.description ?? "this image") is newer)"
            } else if endpoint.written == nil {
                let since = endpoint.isInternalMetrics ? "v0.111.0" : "v0.104.0"
                how = "on \(address) (the default since collector \(since); \(collector.image?.description ?? "this image") is newer)"
            } else {
                how = "on \(address)"
            }
            let who: String
            if let first = sending.first {
                who = "service `\(first.service.name)` sends to `\(first.url.hostName):\(endpoint.port)`" + (sending.count > 1 ? " (and \(sending.count - 1) more)" : "")
            } else if let first = scraping.first {
                who = "service `\(first.service)` scrapes `\(first.host):\(endpoint.port)`"
            } else {
                who = "the port is published to the host"
            }
            var related = sending.map { RelatedLocation(location: $0.setting.location, message: "service `\($0.service.name)` sends here") }
            related += scraping.map { RelatedLocation(location: $0.location, message: "service `\($0.service)` scrapes it here") }
            related += publishing.map { RelatedLocation(location: $0.location, message: "published here: connections arrive on the container's network interface, not on localhost") }
            // Telemetry other services send, or metrics Prometheus scrapes, are lost (an error); a published port that
            // nobody in the project uses fails only for clients outside it (for the collector's own metrics, a
            // convenience for looking at them from the host).
            let isUsedInProject = !sending.isEmpty || !scraping.isEmpty
            let consequence = sending.isEmpty ? (scraping.isEmpty ? "connections through it are refused" : "every scrape fails") : "nothing arrives"
            found.append(diagnostic(endpoint.written ?? endpoint.key, in: collector,
                                    message: "\(endpoint.owner) \(endpoint.activity) \(how), which only the collector's own container can reach, but \(who): \(consequence)",
                                    severity: isUsedInProject ? nil : (endpoint.isInternalMetrics ? .info : .warning), help: help(endpoint),
                                    related: related, fix: fix(endpoint, in: collector)))
        }
        return found
    }

    private func help(_ endpoint: ListeningEndpoint) -> String {
        if endpoint.writtenIsHost || endpoint.ignoredSetting != nil || (endpoint.written == nil && endpoint.isInternalMetrics) {
            return "serve them on every interface with a pull reader: `service.telemetry.metrics.readers: [{pull: {exporter: {prometheus: {host: 0.0.0.0, port: \(endpoint.port)}}}}]`"
        }
        return "listen on every interface of the container: `endpoint: 0.0.0.0:\(endpoint.port)`"
    }

    private func fix(_ endpoint: ListeningEndpoint, in collector: CollectorInstance) -> Fix? {
        let file = collector.config.file
        // Files that bind to the pod's address elsewhere keep that style.
        let host = file.text.containsText("${env:MY_POD_IP}") ? "${env:MY_POD_IP}" : "0.0.0.0"
        let address = "\(host):\(endpoint.port)"
        let edit: TextEdit?
        if let written = endpoint.written {
            guard let content = ComposeParser.content(of: written, in: file), content.verbatim,
                  let hostBytes = endpoint.writtenIsHost ? written.scalar?.utf8.count
                      : written.scalar.flatMap({ text in text.lastIndex(of: ":").map { text[..<$0].utf8.count } }) else { return nil }
            edit = TextEdit(path: file.path, range: ByteRange(content.range.start, content.range.start + hostBytes), replacement: host)
        } else if endpoint.isInternalMetrics {
            // The internal metrics' default: where a reader block goes depends on the file's layout; the help says it.
            return nil
        } else {
            edit = YAMLInsertion.children(["endpoint: \(address)"], under: endpoint.key, value: endpoint.settings, in: file)
        }
        return edit.map { Fix(title: "listen on \(address)", edits: [$0], applicability: .safe) }
    }
}

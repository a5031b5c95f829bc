import OTLintCore

/// Reads the literal exporter header values of a scope, for the settings model (`TelemetryProcess.exporterHeaders`).
enum EnvironmentHeaders {
    static let headerVariables: Set<String> = Set(["OTEL_EXPORTER_OTLP_HEADERS"] + VariableCatalog.signals.map { "OTEL_EXPORTER_OTLP_\($0)_HEADERS" })

    /// Every definition's header values, overridden ones included: a committed secret leaks whether or not it is in
    /// effect. A value written in a git-ignored file is left out: it stays on the machine.
    static func exporterHeaders(of scope: EnvironmentScope) -> [ExporterHeader] {
        scope.definitions.filter { headerVariables.contains($0.name) }.flatMap(headers)
    }

    private static func headers(_ definition: VariableDefinition) -> [ExporterHeader] {
        guard let written = definition.writtenSite else { return [] }
        // Where the text of the whole value is written: the definition itself, or the one place it was interpolated from.
        let holder: ValueSite
        if let interpolation = definition.interpolation {
            guard let sole = interpolation.soleSite else { return multiPiece(definition, written: written) }
            holder = sole
        } else {
            holder = written
        }
        // An image keeps its `ENV` whether or not git tracks the Dockerfile.
        guard let value = definition.value, definition.source == .dockerfile || !GitTracking.isUntracked(holder.file.path) else { return [] }
        return HeaderPair.parse(value).map { pair in
            let range = holder.location(ofValueBytes: pair.valueRange)?.range ?? holder.range
            return header(definition, pair: pair.key, value: pair.value, at: holder.file.location(range), masked: range)
        }
    }

    /// `authorization=Bearer ${TOKEN}`: the literal parts are in the definition, the referenced parts where each
    /// variable is defined.
    private static func multiPiece(_ definition: VariableDefinition, written: ValueSite) -> [ExporterHeader] {
        guard let interpolation = definition.interpolation else { return [] }
        let template = written.file.slice(written.editableRange ?? written.range)
        var headers: [ExporterHeader] = []
        for pair in HeaderPair.parse(template) {
            if pair.value.contains("$") {
                // The value is whatever the references of this pair resolve to.
                for reference in interpolation.references where reference.resolution == .variable || reference.resolution == .templateText {
                    guard let site = reference.site, pair.value.contains(reference.name), !GitTracking.isUntracked(site.file.path) else { continue }
                    headers.append(header(definition, pair: pair.key, value: site.file.slice(site.editableRange ?? site.range), at: site.location,
                                          masked: site.range))
                }
            } else if !GitTracking.isUntracked(written.file.path) {
                headers.append(header(definition, pair: pair.key, value: pair.value, at: written.location, masked: written.range))
            }
        }
        return headers
    }

    private static func header(_ definition: VariableDefinition, pair name: String, value: String, at location: SourceLocation,
                               masked: ByteRange) -> ExporterHeader {
        let inImage = definition.source == .dockerfile && definition.file.path == location.path
        var header = ExporterHeader(
            name: name, value: value, origin: .variable(definition.name), location: location, maskedRange: masked,
            exposure: inImage ? imageExposure(of: location.path) : exposure(of: location.path),
            related: definition.file.path == location.path ? [] : [RelatedLocation(location: definition.keyLocation, message: "`\(definition.name)` is set here")])
        header.isStoredInImage = inImage
        return header
    }

    /// Why the file exposes the secret, from what git says about it.
    static func exposure(of path: String) -> String {
        let name = ConfigPaths.fileName(path)
        switch GitTracking.status(path) {
        case .tracked: return "`\(name)` is tracked by git: the secret is in the history and in every clone, fork and CI checkout"
        case .notIgnored: return "`\(name)` is not git-ignored: the next `git add .` commits the secret"
        case .ignored, .noRepository: return "`\(name)` is a configuration file meant to be shared (it is not a git-ignored `.env`), so the secret travels with it to every copy"
        }
    }

    /// Why a Dockerfile's `ENV` exposes the secret: it is stored in the image.
    static func imageExposure(of path: String) -> String {
        "`ENV` in `\(ConfigPaths.fileName(path))` bakes the value into every image built from it: anyone who can pull the image reads it with `docker inspect` or `docker history`, and a later layer cannot remove it"
    }
}

import OTLintCore

/// The secret spans of the configuration files, as their readers know them: the values of every headers
/// variable (spelled right or not), the values of credential-named variables, and the user-info of every URL.
/// Every output masks them, whichever finding prints their line (see `SecretSpans`).
enum ConfigSecrets {
    /// Name parts of variables whose whole value is a credential (`OTEL_EXPORTER_JAEGER_PASSWORD`,
    /// a vendor's `…_API_KEY`).
    static let credentialNameParts = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY",
                                      "LICENSE_KEY", "INGEST_KEY"]

    static func collect(_ project: ConfigProject) -> SecretSpans {
        var secrets = SecretSpans()
        var seen = Set<DefinitionKey>()
        for scope in project.scopes {
            for definition in scope.definitions where seen.insert(DefinitionKey(definition)).inserted {
                collect(definition, into: &secrets)
            }
        }
        return secrets
    }

    private static func collect(_ definition: VariableDefinition, into secrets: inout SecretSpans) {
        guard let site = definition.writtenSite, let value = definition.value else { return }
        let name = definition.name.uppercased()
        if isHeadersVariable(name) {
            collectHeaderValues(definition, value: value, site: site, into: &secrets)
        } else if credentialNameParts.contains(where: name.containsText), !value.isEmpty {
            for holder in holders(of: definition, site: site) {
                secrets.add(holder.editableRange ?? holder.range, in: holder.file,
                            redactsText: Credentials.looksLikeSecret(holder.file.slice(holder.editableRange ?? holder.range)))
            }
        }
        // `scheme://user:password@host`: only values with a scheme, so an e-mail address is no URL with user-info.
        if value.containsText("://"), let userInfo = EndpointURL(value)?.userInfoRange, let site = definition.valueSite,
           let location = site.location(ofValueBytes: userInfo) {
            secrets.add(location.range, in: site.file)
        }
    }

    /// `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, and misspellings such as
    /// `OTEL_EXPORTER_OTLP_HEADER` or `OTEL_EXPORTER_OTLP_HEADRES`: a typo does not make the value less secret.
    static func isHeadersVariable(_ name: String) -> Bool {
        name.hasPrefix("OTEL_") && (name.containsText("HEADER") || name.containsText("HEADRE") || name.hasSuffix("_HEADRS"))
    }

    /// Every header value of a headers variable: where the value is written verbatim, each `key=value` pair's
    /// value; where it is interpolated, every place a referenced variable is defined; otherwise the whole value.
    private static func collectHeaderValues(_ definition: VariableDefinition, value: String, site: ValueSite,
                                            into secrets: inout SecretSpans) {
        if let interpolation = definition.interpolation, interpolation.soleSite == nil {
            for reference in interpolation.references where reference.resolution == .variable || reference.resolution == .templateText {
                guard let referenced = reference.site else { continue }
                let range = referenced.editableRange ?? referenced.range
                secrets.add(range, in: referenced.file,
                            redactsText: Credentials.looksLikeSecret(referenced.file.slice(range)))
            }
            // The literal parts of the template (`api-key=abc,x-tenant=${TENANT}`) are written at the definition.
            collectPairs(value: site.file.slice(site.editableRange ?? site.range), site: site, into: &secrets)
            return
        }
        let holder = definition.interpolation?.soleSite ?? site
        collectPairs(value: value, site: holder, into: &secrets)
    }

    private static func collectPairs(value: String, site: ValueSite, into secrets: inout SecretSpans) {
        let pairs = HeaderPair.parse(value)
        guard site.editableRange != nil, !pairs.isEmpty else {
            // Not verbatim (escapes, folding): positions inside it are unknown, so the whole value is masked.
            if !value.isEmpty { secrets.add(site.range, in: site.file, redactsText: Credentials.looksLikeSecret(value)) }
            return
        }
        for pair in pairs where !pair.value.isEmpty && !pair.value.hasPrefix("$") {
            guard let location = site.location(ofValueBytes: pair.valueRange) else { continue }
            secrets.add(location.range, in: site.file, redactsText: pair.isCredential && Credentials.looksLikeSecret(pair.value))
        }
        // A pair written `name: value` keeps its value before any `=` (`authorization:Basic abc=`): mask it too.
        for case .colonSeparator(let separator, _) in ExporterHeaderSyntax.problems(in: value) {
            let itemEnd = ListItem.split(value).first { $0.range.contains(separator.lowerBound) }?.range.upperBound ?? separator.upperBound
            guard itemEnd > separator.upperBound, let location = site.location(ofValueBytes: separator.upperBound..<itemEnd) else { continue }
            secrets.add(location.range, in: site.file, redactsText: Credentials.looksLikeSecret(site.file.slice(location.range)))
        }
    }

    /// Where the text of a value is written: the definition, or the one place it is interpolated from.
    private static func holders(of definition: VariableDefinition, site: ValueSite) -> [ValueSite] {
        guard let interpolation = definition.interpolation else { return [site] }
        if let sole = interpolation.soleSite { return [sole] }
        return interpolation.references.compactMap(\.site) + [site]
    }

    /// One written definition, however many scopes share it (an `env_file` used by several services).
    private struct DefinitionKey: Hashable {
        var path: String
        var range: ByteRange
        init(_ definition: VariableDefinition) {
            path = definition.file.path
            range = definition.entryRange
        }
    }
}

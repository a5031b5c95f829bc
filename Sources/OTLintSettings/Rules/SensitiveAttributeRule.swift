import OTLintCore

/// OTL401: sensitive data recorded in telemetry: credentials or personal data set as attributes in code, HTTP
/// headers that carry credentials captured into spans (the Java and Python capture variables, Hummingbird's
/// `TracingMiddleware(recordingHeaders:)`), and, in production, GenAI message content.
struct SensitiveAttributeRule: SettingsRule {
    static let id = "OTL401"
    /// Its findings mask literal credentials in code: it runs even when not selected.
    var findsSecrets: Bool { true }

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        let recorded = process.recordedData
        var diagnostics = recorded.headerCaptures.compactMap(headerDiagnostic)
        if let capture = recorded.genAIContentCapture, let diagnostic = genAIDiagnostic(capture, process) { diagnostics.append(diagnostic) }
        diagnostics += recorded.attributes.compactMap(attributeDiagnostic)
        return diagnostics
    }

    private func headerDiagnostic(_ capture: RecordedDataSettings.HeaderCapture) -> Diagnostic? {
        guard !capture.secretHeaders.isEmpty, let item = capture.setting.value else { return nil }
        let headers = capture.secretHeaders.map { "`\($0)`" }.joined(separator: ", ")
        let what = capture.secretHeaders.count == 1 && SensitiveNames.isSecretHeader(item) ? "the \(headers) header" : "\(headers) (the pattern `\(item)` matches them)"
        let message = capture.serverSpanAttribute.map { "\(capture.setting.name) copies the \(headers) request header into every server span as `\($0)`" }
            ?? "\(capture.setting.name) records \(what) on every span: credentials end up in the tracing backend"
        return capture.setting.diagnostic(
            Self.id, message: message,
            why: "captured headers become `http.request.header.*` / `http.response.header.*` span attributes, exported and kept for weeks where everyone with trace access can read and replay them; the semantic conventions warn that capturing such headers is a security risk",
            help: capture.help)
    }

    /// Message content capture in a production process: every prompt and answer is exported. Only production: in
    /// development and tests capturing content is the usual way to debug an LLM application.
    private func genAIDiagnostic(_ capture: Setting, _ process: TelemetryProcess) -> Diagnostic? {
        guard process.tier.isProduction, !process.isTemplate, let value = capture.value?.blankTrimmed else { return nil }
        // The experimental mode takes a mode name, where `NO_CONTENT` (not `false`) is the off value.
        let off = value.lowercased() == "true" ? "false" : "NO_CONTENT"
        let variable = capture.origin.variableName ?? capture.name
        return capture.diagnostic(
            Self.id, message: "\(process.displayName) records GenAI message content in production (`\(variable)=\(value)`): prompts, answers and tool arguments are exported with every trace",
            why: "the scope is production: \(process.tier.explanation); the semantic conventions warn that `gen_ai.input.messages`, `gen_ai.output.messages` and tool call arguments likely hold personal and sensitive data, which then sits in the tracing backend for everyone with trace access",
            help: "remove `\(variable)` (capture is off by default) or set it to `\(off)` in production; enable it only where the data may be stored",
            related: process.tier.related,
            fix: capture.replacement(off).map { Fix(title: "set `\(variable)=\(off)`", edits: [$0], applicability: .unsafe) })
    }

    private func attributeDiagnostic(_ attribute: RecordedDataSettings.Attribute) -> Diagnostic? {
        guard !attribute.valueIsHarmless else { return nil }
        if let (kind, word) = SensitiveNames.classify(attribute.keyWords) {
            return Diagnostic(
                ruleID: Self.id, severity: severity,
                message: "attribute `\(attribute.key)` records \(kind.rawValue) (\(word)): it is exported to the tracing backend and readable by everyone with access to traces",
                location: attribute.keyLocation, why: why(kind), help: help(kind),
                maskedRanges: kind == .credential ? attribute.literalValueRange.map { [$0] } ?? [] : [])
        }
        guard let valueText = attribute.valueText, let valueLocation = attribute.valueLocation else { return nil }
        if isUnredactedURL(attribute) {
            return Diagnostic(
                ruleID: Self.id, severity: .info,
                message: "`\(attribute.key)` is recorded as received, from `\(valueText)`: the values of signed-URL query parameters (`X-Amz-Signature`, `X-Amz-Credential`, `Signature`, `sig`, …) reach the tracing backend",
                location: valueLocation,
                why: "the semantic conventions ask instrumentations to replace the values of these parameters with `REDACTED` by default (keeping the keys); a signed URL grants access to whoever reads it until it expires",
                help: "redact the values of those query parameters before recording (`X-Amz-Signature=REDACTED`), or record `url.path` alone")
        }
        let sensitivity: (kind: SensitiveNames.Kind, word: String)?
        if let header = attribute.valueHeader {
            sensitivity = SensitiveNames.isSecretHeader(header) ? (.credential, header.lowercased() + " header") : nil
        } else {
            sensitivity = SensitiveNames.classify(attribute.valueWords)
        }
        guard let (kind, word) = sensitivity else { return nil }
        return Diagnostic(
            ruleID: Self.id, severity: severity,
            message: "attribute `\(attribute.key)` is set from `\(valueText)`, which holds \(kind.rawValue) (\(word))",
            location: valueLocation, why: why(kind), help: help(kind))
    }

    /// `url.query` set straight from a request's query, or `url.full` from its URL as a string: nothing on the way
    /// redacts signed-URL parameters. A value passed through any function (a redaction, `stringWithUserAndPasswordStripped`)
    /// is not judged: what it removes cannot be told from its name.
    private func isUnredactedURL(_ attribute: RecordedDataSettings.Attribute) -> Bool {
        switch attribute.key {
        case "url.query": attribute.valueWords == ["query"]
        case "url.full": [["absolute", "string"], ["url"], ["uri"]].contains(attribute.valueWords)
        default: false
        }
    }

    private func why(_ kind: SensitiveNames.Kind) -> String {
        "trace data is stored and shared far more widely than the systems that handle \(kind == .credential ? "credentials" : "personal data")"
    }

    private func help(_ kind: SensitiveNames.Kind) -> String {
        switch kind {
        case .credential: "remove the attribute; if the fact matters, record something harmless instead (whether it was present, its type)"
        case .personalData: "record a pseudonymous identifier instead (`user.id` from your own key space, or `user.hash`)"
        }
    }
}

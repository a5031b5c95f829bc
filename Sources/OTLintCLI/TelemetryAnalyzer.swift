import OTLintConfigRules
import OTLintCore
import OTLintSwiftRules

/// Runs the readers of one run together, so that a compose service and the Swift code it is built from are judged
/// as one process: the code is read first, and the configuration check knows the settings it writes.
public struct TelemetryAnalyzer: Analyzer {
    let environment = ConfigAnalyzer()
    let code = SwiftAnalyzer()

    public init() {}

    public var ruleIDs: [String] {
        var seen = Set<String>()
        return (environment.ruleIDs + code.ruleIDs).filter { seen.insert($0).inserted }
    }

    public func claims(path: String) -> Bool {
        code.claims(path: path) || environment.claims(path: path)
    }

    public func claimsExplicitly(path: String) -> Bool {
        code.claimsExplicitly(path: path) || environment.claimsExplicitly(path: path)
    }

    public func validateFixedText(_ file: SourceFile) -> String? {
        code.claims(path: file.path) ? code.validateFixedText(file) : environment.validateFixedText(file)
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        let sources = files.filter { code.claims(path: $0.path) }
        let configuration = files.filter { !code.claims(path: $0.path) }
        // Only OTL005 asks about the code of a service today; without it the code's settings are not kept.
        let (codeResult, settings) = code.read(sources, context: context, keepingSettings: context.isEnabled("OTL005"))
        var result = environment.analyze(configuration, context: context, code: settings)
        result.append(codeResult)
        return result
    }
}

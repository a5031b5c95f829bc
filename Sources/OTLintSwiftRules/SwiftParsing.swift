import OTLintCore
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parsing a Swift file, and what to tell the user when the tree is not a clean parse.
///
/// swift-syntax always returns a tree: text it cannot read becomes missing tokens (`expected '}'`) or unexpected
/// nodes. A file "does not parse" when its tree has such a node (`hasError`) — exactly what the compiler's parser
/// reports as an error, so valid Swift (macros, result builders, `borrowing`, typed throws) never does. The rules
/// still run on the rest of the tree; the user is told once that findings may be missing.
enum SwiftParsing {
    /// How deep the parser follows nested code before it stops (every block, closure, call or parenthesis is a
    /// level). swift-syntax's own default is 256 in release builds but 20 in debug builds; one fixed value makes
    /// every build find the same things. Deeper code is not checked, and the file gets a notice.
    static let maximumNestingLevel = 256

    static func parse(_ file: SourceFile) -> SourceFileSyntax {
        file.bytes.withUnsafeBufferPointer { Parser.parse(source: $0, maximumNestingLevel: maximumNestingLevel) }
    }

    /// What to report about a tree with errors: nil for a clean parse. A file too deeply nested is a notice (otlint's
    /// limit, not the user's mistake); otherwise an input error when the user named the file, a notice when it was
    /// found by walking a folder (a broken file in a tree must not fail the run).
    static func problem(in tree: SourceFileSyntax, file: SourceFile, named: Bool) -> (notice: Notice?, error: InputError?) {
        guard tree.hasError else { return (nil, nil) }
        let converter = SourceLocationConverter(fileName: file.path, tree: tree)
        // The parser's own messages, in file order, each with its 1-based position.
        let problems = ParseDiagnosticsGenerator.diagnostics(for: tree).map { diagnostic in
            let location = diagnostic.location(converter: converter)
            return (message: diagnostic.diagMessage.message, position: LineColumn(line: location.line, column: location.column))
        }
        if tree.hasMaximumNestingLevelOverflow {
            let overflow = problems.first { $0.message.contains("maximum nesting level") } ?? problems.first
            return (Notice(path: file.path, position: overflow?.position,
                           message: "code nested more than \(maximumNestingLevel) levels deep is not checked (otlint's limit)"), nil)
        }
        let first = problems.first
        let message = "does not parse as Swift\(first.map { ": \($0.message)" } ?? ""); findings after this point may be missing"
        if named { return (nil, InputError(path: file.path, position: first?.position, message: message)) }
        return (Notice(path: file.path, position: first?.position, message: message), nil)
    }
}

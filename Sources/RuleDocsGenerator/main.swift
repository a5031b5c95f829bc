// Turns every Rules/*.md document and every Schemas/*.json schema into a Swift string literal, so the installed
// binary carries the rule catalog (for `otlint explain`, `otlint rules` and SARIF help) and the configuration's
// JSON Schema (`otlint config --schema`) without the repository.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: RuleDocsGenerator OUTPUT.swift RULE.md|SCHEMA.json...\n".utf8))
    exit(2)
}
let outputPath = arguments[1]
var rest = Array(arguments.dropFirst(2))
var commit = "unknown"
if rest.count >= 2, rest[0] == "--commit" {
    commit = rest[1]
    rest.removeFirst(2)
}
let documentPaths = rest.sorted()

/// One `(name, text)` entry per file, as an exact raw string literal.
func entries(_ paths: [String]) throws -> String {
    var result = ""
    for path in paths {
        let url = URL(fileURLWithPath: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        // A raw string delimiter longer than any run of # in the text keeps the literal exact.
        var hashes = "#"
        while text.contains("\"" + hashes) { hashes += "#" }
        result += "        (name: \"\(url.lastPathComponent)\", text: \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
    }
    return result
}

var output = "// Generated from Rules/*.md and Schemas/*.json by RuleDocsGenerator. Edit those files, not this one.\n\n"
output += "public enum EmbeddedRuleDocuments {\n"
output += "    /// (file name, Markdown text) for each document in Rules/, sorted by file name.\n"
output += "    public static let all: [(name: String, text: String)] = [\n"
output += try entries(documentPaths.filter { $0.hasSuffix(".md") })
output += "    ]\n}\n\n"
output += "public enum EmbeddedSchemas {\n"
output += "    /// (file name, JSON text) for each schema in Schemas/, sorted by file name.\n"
output += "    public static let all: [(name: String, text: String)] = [\n"
output += try entries(documentPaths.filter { $0.hasSuffix(".json") })
output += "    ]\n}\n\n"
output += "public enum EmbeddedBuildInfo {\n"
output += "    /// The commit the binary was built from (the first 12 hex digits), or `unknown` outside a git checkout.\n"
output += "    public static let commit = \"\(commit.filter { $0.isHexDigit || $0.isLetter })\"\n}\n"
try output.write(toFile: outputPath, atomically: true, encoding: .utf8)

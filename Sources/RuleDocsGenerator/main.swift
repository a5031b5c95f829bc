// Turns every Rules/*.md document into a Swift string literal, so the installed binary carries the
// rule catalog (for `otlint explain`, `otlint rules` and SARIF help) without the repository.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: RuleDocsGenerator OUTPUT.swift RULE.md...\n".utf8))
    exit(2)
}
let outputPath = arguments[1]
let documentPaths = arguments.dropFirst(2).sorted()

var output = "// Generated from Rules/*.md by RuleDocsGenerator. Edit the Markdown documents, not this file.\n\n"
output += "public enum EmbeddedRuleDocuments {\n"
output += "    /// (file name, Markdown text) for each document in Rules/, sorted by file name.\n"
output += "    public static let all: [(name: String, text: String)] = [\n"
for path in documentPaths {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    // A raw string delimiter longer than any run of # in the text keeps the literal exact.
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    output += "        (name: \"\(url.lastPathComponent)\", text: \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
output += "    ]\n}\n"
try output.write(toFile: outputPath, atomically: true, encoding: .utf8)

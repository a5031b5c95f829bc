import OTLintCore

/// Removes a variable definition together with its line, keeping every other byte (used when a setting has no
/// effect). Only when the definition is alone on its line(s) and not shared through a merge key.
enum EntryRemoval {
    static func removing(_ definition: VariableDefinition, siblingsInSameBlock: Int) -> TextEdit? {
        guard !definition.isInherited else { return nil }
        // Removing the last entry of `environment:` would leave an empty (null) block that Compose rejects.
        if case .composeEnvironment = definition.source, siblingsInSameBlock < 1 { return nil }
        let file = definition.file
        let firstLine = file.lineIndex(containing: definition.entryRange.start)
        let lastLine = file.lineIndex(containing: max(definition.entryRange.end - 1, definition.entryRange.start))
        let lineStart = file.lineStarts[firstLine]
        let lineEnd = lastLine + 1 < file.lineStarts.count ? file.lineStarts[lastLine + 1] : file.bytes.count
        let before = file.slice(ByteRange(lineStart, definition.entryRange.start)).blankTrimmed
        guard before.isEmpty || before == "-" || before == "export" else { return nil }
        let after = file.slice(ByteRange(definition.entryRange.end, lineEnd)).blankAndNewlineTrimmed
        guard after.isEmpty || after.hasPrefix("#") else { return nil }
        return TextEdit(path: file.path, range: ByteRange(lineStart, lineEnd), replacement: "")
    }
}

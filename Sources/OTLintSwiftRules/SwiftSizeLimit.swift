import OTLintCore

/// The largest Swift file otlint parses.
///
/// swift-syntax's tree of a file takes about 100 times the file's size in memory (an 8 MB file peaked at over
/// 700 MB), and each core parses a file at a time. Source files written by people stay far below the limit;
/// the files above it are generated tables or bundled data, where tracing mistakes are not looked for. Such a
/// file is skipped with a notice, which does not change the exit code.
enum SwiftSizeLimit {
    static let maximumParsedBytes = 1 << 20

    static func isTooLarge(_ file: SourceFile) -> Bool {
        file.bytes.count > maximumParsedBytes
    }

    static func notice(_ file: SourceFile) -> Notice {
        Notice(path: file.path, message: "not checked: the Swift file is \(file.bytes.count) bytes, over the limit of \(maximumParsedBytes) "
            + "(1 MiB) that otlint parses (its syntax tree would take about 100 times that in memory)")
    }
}

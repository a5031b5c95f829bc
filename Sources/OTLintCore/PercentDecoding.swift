import Foundation

extension String {
    /// The text with `%XX` escapes decoded (the text itself when it has none or an escape is broken), as
    /// `OTEL_RESOURCE_ATTRIBUTES` values are written. Skips Foundation entirely for text without `%`.
    public var percentDecoded: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return removingPercentEncoding ?? self
    }
}

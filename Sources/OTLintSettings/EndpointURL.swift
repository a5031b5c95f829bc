import OTLintCore

/// A URL as an endpoint variable holds it, with byte offsets so a finding can point at the host, the port or the
/// path. Reads `scheme://user:password@host:port/path`, with IPv6 literals in brackets (`http://[::1]:4317`).
public struct EndpointURL: Sendable {
    public var scheme: String?
    /// The host as written in the URL: IPv6 literals keep their brackets, so `"\(scheme)://\(host):\(port)"` is a URL.
    public var host: String
    /// Byte range of the host in the value, brackets excluded.
    public var hostRange: Range<Int>
    /// Byte range of the host as written, IPv6 brackets included: what to replace to change the host.
    public var writtenHostRange: Range<Int>
    /// Byte range of `user[:password]` before the `@`, when the URL carries credentials.
    public var userInfoRange: Range<Int>?
    public var port: Int?
    /// Byte range of the port digits in the value.
    public var portRange: Range<Int>?
    public var path: String
    /// Byte range of the path in the value (empty at the end of the authority when there is no path).
    public var pathRange: Range<Int>

    /// The host without IPv6 brackets, lower case (`::1`, `collector`).
    public var hostName: String {
        let lower = host.lowercased()
        return lower.hasPrefix("[") && lower.hasSuffix("]") && lower.count >= 2 ? String(lower.dropFirst().dropLast()) : lower
    }

    public init?(_ value: String) {
        let bytes = Array(value.utf8)
        var index = 0
        if let separator = EndpointURL.schemeSeparator(in: bytes) {
            scheme = String(decoding: bytes[..<separator], as: UTF8.self).lowercased()
            index = separator + 3
        }
        // The authority ends at the path, query or fragment; credentials end at its last `@`.
        var authorityEnd = index
        while authorityEnd < bytes.count && ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[authorityEnd]) {
            authorityEnd += 1
        }
        if let at = bytes[index..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userInfoRange = index..<at
            index = at + 1
        }
        let hostStart = index
        var hostEnd: Int
        if index < authorityEnd && bytes[index] == UInt8(ascii: "[") {
            while index < authorityEnd && bytes[index] != UInt8(ascii: "]") { index += 1 }
            if index < authorityEnd { index += 1 }
            hostEnd = index
            let bracketed = bytes[index - 1] == UInt8(ascii: "]") && index - hostStart >= 2
            hostRange = bracketed ? (hostStart + 1)..<(index - 1) : hostStart..<index
        } else {
            while index < authorityEnd && bytes[index] != UInt8(ascii: ":") { index += 1 }
            hostEnd = index
            hostRange = hostStart..<index
        }
        host = String(decoding: bytes[hostStart..<hostEnd], as: UTF8.self)
        writtenHostRange = hostStart..<hostEnd
        guard !host.isEmpty else { return nil }
        if index < bytes.count && bytes[index] == UInt8(ascii: ":") {
            let portStart = index + 1
            index += 1
            while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            portRange = portStart..<index
            port = Int(String(decoding: bytes[portStart..<index], as: UTF8.self))
        }
        let pathStart = index
        while index < bytes.count && bytes[index] != UInt8(ascii: "?") && bytes[index] != UInt8(ascii: "#") { index += 1 }
        path = String(decoding: bytes[pathStart..<index], as: UTF8.self)
        pathRange = pathStart..<index
    }

    /// The value with the password of its credentials (or the whole user info when it has no `:`) replaced by
    /// `***`, for messages: a credential is never printed.
    public static func redacted(_ value: String) -> String {
        guard let url = EndpointURL(value), let userInfo = url.userInfoRange else { return value }
        let bytes = Array(value.utf8)
        let colon = bytes[userInfo].firstIndex(of: UInt8(ascii: ":"))
        let secret = colon.map { ($0 + 1)..<userInfo.upperBound } ?? userInfo
        return String(decoding: bytes[..<secret.lowerBound], as: UTF8.self) + "***" + String(decoding: bytes[secret.upperBound...], as: UTF8.self)
    }

    /// The byte offset of the first `://` (a byte search: `String.range(of:)` goes through Foundation, and every
    /// endpoint of every scope is parsed by several rules).
    public static func schemeSeparator(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3) where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
            return index
        }
        return nil
    }
}

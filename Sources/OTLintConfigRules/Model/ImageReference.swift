import OTLintCore

/// A container image reference as compose writes it: `[registry/]repository[:tag][@digest]`.
public struct ImageReference: Sendable, Hashable {
    /// The registry host when one is written (`quay.io`, `cr.jaegertracing.io`, `localhost:5000`).
    public var registry: String?
    /// The repository path without registry, lower case (`jaegertracing/all-in-one`, `otel/opentelemetry-collector`).
    public var repository: String
    /// The tag; nil when none is written (Docker then pulls `latest`).
    public var tag: String?
    public var digest: String?

    /// Parses a literal reference; nil when it is empty or built by interpolation (`${IMAGE}`), which otlint
    /// never judges.
    public init?(_ text: String) {
        switch ImageReference.reading(asciiText: text) {
        case .some(.some(let reference)): self = reference; return
        case .some(.none): return nil
        case .none: break
        }
        var rest = text.blankTrimmed
        guard !rest.isEmpty, !rest.containsText("$") else { return nil }
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = String(rest[..<at])
        }
        // The tag is after the last `:` that follows the last `/` (a registry port comes before a `/`).
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            tag = String(rest[rest.index(after: colon)...])
            rest = String(rest[..<colon])
        }
        var components = rest.split(separator: "/").map(String.init)
        // The first component is a registry when it looks like a host (has a dot or port, or is `localhost`).
        if components.count > 1, let first = components.first,
           first.containsText(".") || first.containsText(":") || first == "localhost" {
            registry = first
            components.removeFirst()
        }
        if components.first == "library" && components.count == 2 { components.removeFirst() }
        guard !components.isEmpty else { return nil }
        repository = components.joined(separator: "/").lowercased()
    }

    /// The same reading over the bytes of an ASCII reference, where every byte is a character: rules, facts and
    /// scopes read each service's image several times, and the character-by-character reading above was a
    /// noticeable part of the configuration check. `.some(nil)`: the text is ASCII and no reference; nil: not ASCII.
    private static func reading(asciiText text: String) -> ImageReference?? {
        let bytes = Array(text.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func string(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var rest = bytes[start..<end]
        guard !rest.isEmpty, !rest.contains(UInt8(ascii: "$")) else { return .some(nil) }
        var registry: String?, tag: String?, digest: String?
        if let at = rest.firstIndex(of: UInt8(ascii: "@")) {
            digest = string(rest[(at + 1)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: UInt8(ascii: "/"))
        if let colon = rest.lastIndex(of: UInt8(ascii: ":")), lastSlash.map({ colon > $0 }) ?? true {
            tag = string(rest[(colon + 1)...])
            rest = rest[..<colon]
        }
        var components = rest.split(separator: UInt8(ascii: "/"))
        if components.count > 1, let first = components.first,
           first.contains(UInt8(ascii: ".")) || first.contains(UInt8(ascii: ":")) || first.elementsEqual("localhost".utf8) {
            registry = string(first)
            components.removeFirst()
        }
        if components.count == 2, components[0].elementsEqual("library".utf8) { components.removeFirst() }
        guard !components.isEmpty else { return .some(nil) }
        return ImageReference(registry: registry, repository: components.map(string).joined(separator: "/").lowercased(),
                              tag: tag, digest: digest)
    }

    private init(registry: String?, repository: String, tag: String?, digest: String?) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// The repository's last component (`all-in-one`, `opentelemetry-collector-contrib`).
    public var name: String { repository.split(separator: "/").last.map(String.init) ?? repository }

    /// The tag as a version (`1.46`, `v1.46.0`, `1.57.0-alpine` → [1, 46, 0]); nil for `latest`, no tag or any
    /// other word.
    public var version: SemanticVersion? { tag.flatMap(SemanticVersion.init) }

    /// Whether the image is `latest`, explicitly or by omission (and not pinned by digest).
    public var isLatest: Bool { digest == nil && (tag == nil || tag == "latest") }
}

/// A dotted version number, compared component by component (missing components are 0).
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var components: [Int]

    public init(_ components: [Int]) { self.components = components }

    public init?(_ text: String) {
        var body = Substring(text)
        if body.first == "v" || body.first == "V" { body = body.dropFirst() }
        // `1.57.0-alpine`, `1.46.0+build`: the version is the part before any suffix.
        if let suffix = body.firstIndex(where: { $0 == "-" || $0 == "+" || $0 == "_" }) { body = body[..<suffix] }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCII), let number = Int(part), number >= 0 else { return nil }
            numbers.append(number)
        }
        components = numbers
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count) {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    public var description: String { components.map(String.init).joined(separator: ".") }
}

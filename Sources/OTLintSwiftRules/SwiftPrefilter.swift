/// A cheap text test that lets the analyzer skip parsing files that cannot produce a finding.
///
/// Why it is safe: every Swift rule judges a file only when `SwiftSourceModel.isRelevant`, i.e. when the file
/// imports one of the modules in `SwiftSourceModel`'s module tables (or inherits one through `@_exported
/// import`, which disables the filter for the run). An import names its module in the text, and every one of
/// those module names contains one of the markers below, so a file without any marker has no relevant import.
/// A test runs the analyzer over a corpus with and without the filter and expects identical findings.
enum SwiftPrefilter {
    static let markers: [String] = [
        "OpenTelemetry", "Exporter", "Instrumentation", "OTel", "Otel", "OTLP", "Otlp", "Tracing", "ServiceContext",
        "W3CTraceContext", "Hummingbird", "Vapor", "AsyncHTTPClient", "Metrics", "NetworkStatus", "ResourceExtension",
        "SignPostIntegration", "BaggagePropagationProcessor", "Sessions",
    ]

    static func mayMatter(_ bytes: [UInt8]) -> Bool {
        // Search the bytes directly: decoding and case folding would cost more than the parse we avoid.
        for marker in markers where contains(bytes, Array(marker.utf8)) { return true }
        return false
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}

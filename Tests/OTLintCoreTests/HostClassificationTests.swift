import OTLintCore
import XCTest

/// One answer for every rule that asks where a host is.
final class HostClassificationTests: XCTestCase {
    func testEachKind() {
        let expected: [(String, HostKind)] = [
            ("localhost", .local), ("api.localhost", .local), ("127.0.0.2", .local), ("[::1]", .local), ("0.0.0.0", .local),
            ("host.docker.internal", .local),
            ("10.1.2.3", .privateNetwork), ("172.31.0.1", .privateNetwork), ("192.168.0.9", .privateNetwork),
            ("169.254.1.1", .privateNetwork), ("100.100.1.1", .privateNetwork), ("[fd12::1]", .privateNetwork), ("fe80::1", .privateNetwork),
            ("example.com", .documentation), ("otlp.example.org", .documentation), ("collector.test", .documentation),
            ("a.invalid", .documentation), ("192.0.2.10", .documentation), ("2001:db8::5", .documentation),
            ("collector", .internalName), ("otel-collector.monitoring.svc.cluster.local", .internalName), ("jaeger.local", .internalName),
            ("collector.observability", .internalName), ("db.corp", .internalName),
            ("api.honeycomb.io", .publicInternet), ("OTLP.EU01.NR-DATA.NET", .publicInternet), ("ingest.example-vendor.com.", .publicInternet),
            ("8.8.8.8", .publicInternet), ("[2606:4700::1111]", .publicInternet),
            ("", .unknown), ("${COLLECTOR_HOST}", .unknown),
        ]
        for (host, kind) in expected {
            XCTAssertEqual(HostClassification.classify(host), kind, host)
        }
        XCTAssertEqual(expected.filter { $0.1.isRemote }.map(\.0).count, 5)
    }
}

import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// The OpenTelemetry Operator's `Instrumentation`: its settings judged per injected language (OTL203, OTL004, OTL803),
/// and inject annotations that inject nothing (OTL804).
final class OperatorInstrumentationTests: XCTestCase {
    func instrumentation(_ spec: String, name: String = "otel") -> String {
        "apiVersion: opentelemetry.io/v1alpha1\nkind: Instrumentation\nmetadata:\n  name: \(name)\nspec:\n\(spec)"
    }

    func deployment(podAnnotation: String? = nil, ownAnnotation: String? = nil) -> String {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        if let ownAnnotation { text += "  annotations:\n    \(ownAnnotation)\n" }
        text += "spec:\n  template:\n"
        if let podAnnotation { text += "    metadata:\n      annotations:\n        \(podAnnotation)\n" }
        return text + "    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1\n"
    }

    func positions(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.start.line):\($0.location.start.column)" }
    }

    func testJavaReadsDurationsWithAUnitAndNodeDoesNot() throws {
        let env = "    env:\n      - name: OTEL_BSP_SCHEDULE_DELAY\n        value: \"1s\"\n"
        let spec = "  java:\n" + env + "  nodejs:\n" + env
        let found = try TestProject(["k/inst.yaml": instrumentation(spec)]).diagnostics("OTL002")
        XCTAssertEqual(positions(found), ["13:16"], "only the Node.js section: Java's autoconfigure reads `1s` as 1000 ms")
        XCTAssertEqual(found.first?.message.contains("SDKs ignore it"), true, found.first?.message ?? "")
        // Where the language is unknown, the finding says who reads the unit.
        let envFile = try TestProject(["otel.env": "OTEL_BSP_SCHEDULE_DELAY=1s\n"]).diagnostics("OTL002")
        XCTAssertEqual(envFile.first?.message.contains("only the Java SDK reads a unit, the others ignore it"), true, envFile.first?.message ?? "")
        XCTAssertEqual(InvalidValueRule.isJavaDuration("1.5s"), false, "Java parses the number as a whole number")
    }

    func testTheEndpointIsJudgedForTheLanguagesInjectedWithIt() throws {
        let spec = "  exporter:\n    endpoint: http://collector:4317\n"
        // Python pods export with http/protobuf: 4317 is wrong for them.
        let python = try TestProject(["k/inst.yaml": instrumentation(spec), "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-python: \"otel\"")])
        let found = python.diagnostics("OTL203")
        XCTAssertEqual(positions(found), ["7:32"])
        XCTAssertEqual(found.first?.related.first?.location.start.line, 9)
        // Node.js pods (the Operator's image exports with gRPC) and pods that ask for nothing are not judged.
        XCTAssertEqual(try TestProject(["k/inst.yaml": instrumentation(spec), "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-nodejs: \"true\"")]).diagnostics("OTL203"), [])
        XCTAssertEqual(try TestProject(["k/inst.yaml": instrumentation(spec)]).diagnostics("OTL203"), [])
        // The Python section's own endpoint is what Python pods use.
        let overridden = spec + "  python:\n    env:\n      - name: OTEL_EXPORTER_OTLP_ENDPOINT\n        value: http://collector:4318\n"
        let quiet = try TestProject(["k/inst.yaml": instrumentation(overridden), "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-python: \"true\"")])
        XCTAssertEqual(quiet.diagnostics("OTL203"), [])
        XCTAssertEqual(quiet.diagnostics("OTL004"), [], "a language's env specialising the common settings is no conflict")
        // A .NET section alone says the resource is meant for .NET pods.
        let dotnet = try TestProject(["k/inst.yaml": instrumentation(spec + "  dotnet:\n    env: []\n")])
        XCTAssertEqual(positions(dotnet.diagnostics("OTL203")), ["7:32"])
    }

    func testEnvOverridingTheSamplerBlockAndShellSyntaxAreReported() throws {
        let project = try TestProject(["k/inst.yaml": instrumentation("""
          sampler:
            type: parentbased_traceidratio
            argument: "0.25"
          env:
            - name: OTEL_TRACES_SAMPLER
              value: parentbased_always_on
            - name: OTEL_RESOURCE_ATTRIBUTES
              value: host.name=${OTEL_K8S_NODE_NAME}

        """)])
        let conflicts = project.diagnostics("OTL004")
        XCTAssertEqual(positions(conflicts), ["7:11"])
        XCTAssertTrue(conflicts.first?.why?.contains("only where the `Instrumentation`'s `env` does not set them") == true)
        let references = project.diagnostics("OTL803")
        XCTAssertEqual(positions(references), ["13:24"])
        XCTAssertNil(references.first?.fix)
    }

    func testAnAnnotationOnTheWorkloadsOwnMetadataIsReported() throws {
        let found = try TestProject(["k/web.yaml": deployment(ownAnnotation: "instrumentation.opentelemetry.io/inject-java: \"true\"")]).diagnostics("OTL804")
        XCTAssertEqual(positions(found), ["6:5"])
        XCTAssertEqual(found.first?.help, "move the annotation to `spec.template.metadata.annotations`")
        let placed = try TestProject(["k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-java: \"true\"")])
        XCTAssertEqual(placed.diagnostics("OTL804"), [])
        // `"false"` asks for nothing, wherever it is.
        XCTAssertEqual(try TestProject(["k/web.yaml": deployment(ownAnnotation: "instrumentation.opentelemetry.io/inject-java: \"false\"")]).diagnostics("OTL804"), [])
    }

    func testATypoInTheNameIsFixedAndAnUnknownNameIsLeftAlone() throws {
        let spec = "  exporter:\n    endpoint: http://collector:4318\n"
        let project = try TestProject(["k/inst.yaml": instrumentation(spec, name: "java-instrumentation"),
                                       "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-java: \"shop/java-instrumentaton\"")])
        let found = project.diagnostics("OTL804")
        XCTAssertEqual(positions(found), ["9:55"])
        try project.assertFix("OTL804", file: "k/web.yaml", becomes: deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-java: \"shop/java-instrumentation\""))
        let elsewhere = try TestProject(["k/inst.yaml": instrumentation(spec, name: "java-instrumentation"),
                                         "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-java: \"platform-defaults\"")])
        XCTAssertEqual(elsewhere.diagnostics("OTL804"), [])
    }

    func testTrueAmongSeveralInstrumentationsIsReported() throws {
        let spec = "  exporter:\n    endpoint: http://collector:4318\n"
        let project = try TestProject(["k/a.yaml": instrumentation(spec, name: "a"), "k/b.yaml": instrumentation(spec, name: "b"),
                                       "k/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-python: \"true\"")])
        let found = project.diagnostics("OTL804")
        XCTAssertEqual(positions(found), ["9:57"])
        XCTAssertEqual(found.first?.related.count, 2)
        // Manifests without a namespace in separate folders are applied separately (tests, environments).
        let separate = try TestProject(["k/a/inst.yaml": instrumentation(spec, name: "a"), "k/b/inst.yaml": instrumentation(spec, name: "b"),
                                        "k/b/web.yaml": deployment(podAnnotation: "instrumentation.opentelemetry.io/inject-python: \"true\"")])
        XCTAssertEqual(separate.diagnostics("OTL804"), [])
    }

    func testJavaExporterNamesAreValid() throws {
        let project = try TestProject(["k/web.yaml": deployment().replacingOccurrences(
            of: "          image: registry.example.com/web:1\n",
            with: "          image: registry.example.com/web:1\n          env:\n            - name: OTEL_LOGS_EXPORTER\n              value: experimental-otlp/stdout\n            - name: OTEL_TRACES_EXPORTER\n              value: logging-otlp\n")])
        XCTAssertEqual(project.diagnostics("OTL002"), [])
    }
}

import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL802 on the launches its document does not show: compose overriding the image's command, inherited stages,
/// shell expansion, and the agent's own variables as the only sign of it.
final class AgentNotLoadedRuleTests: XCTestCase {
    let dockerfile = """
    FROM eclipse-temurin:21-jre AS base
    COPY opentelemetry-javaagent.jar /otel/agent.jar
    ENTRYPOINT ["java", "-javaagent:/otel/agent.jar", "-jar", "/app.jar"]
    FROM base AS runtime
    ENV OTEL_SERVICE_NAME=orders
    """

    func project(service: String, dockerfile: String? = nil) throws -> TestProject {
        try TestProject([
            "docker-compose.yml": "services:\n  orders:\n    build: ./orders\n" + service,
            "orders/Dockerfile": dockerfile ?? self.dockerfile,
        ])
    }

    func testAnInheritedEntrypointThatLoadsTheAgentIsFine() throws {
        XCTAssertEqual(try project(service: "").diagnostics("OTL802").map(\.message), [])
    }

    func testAComposeEntrypointWithoutTheAgentIsReportedThere() throws {
        let found = try project(service: "    entrypoint: [\"java\", \"-jar\", \"/app.jar\"]\n").diagnostics("OTL802")
        XCTAssertEqual(found.map(\.location.path).map(ConfigPaths.fileName), ["docker-compose.yml"])
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 4, column: 17)])
        XCTAssertTrue(found.first?.message.contains("the compose `entrypoint:` starts `java` without loading it") == true, found.first?.message ?? "")
        XCTAssertEqual(found.first?.related.map(\.message), ["the image gets the agent here"])
    }

    func testJavaToolOptionsFromComposeLoadsIt() throws {
        let service = "    entrypoint: [\"java\", \"-jar\", \"/app.jar\"]\n    environment:\n      JAVA_TOOL_OPTIONS: -javaagent:/otel/agent.jar\n"
        XCTAssertEqual(try project(service: service).diagnostics("OTL802").map(\.message), [])
    }

    func testAShellThatExpandsJavaOptsMayLoadIt() throws {
        let image = "FROM eclipse-temurin:21-jre\nCOPY opentelemetry-javaagent.jar /otel/agent.jar\nENV JAVA_OPTS=-javaagent:/otel/agent.jar\nCMD java $JAVA_OPTS -jar /app.jar\n"
        XCTAssertEqual(try project(service: "", dockerfile: image).diagnostics("OTL802").map(\.message), [])
        // The exec form runs `java` directly: `JAVA_OPTS` is never read.
        let exec = image.replacingOccurrences(of: "CMD java $JAVA_OPTS -jar /app.jar", with: "CMD [\"java\", \"-jar\", \"/app.jar\"]")
        let found = try project(service: "", dockerfile: exec).diagnostics("OTL802")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 4, column: 1)])
        XCTAssertEqual(found.first?.related.last?.message, "`JAVA_OPTS` holds `-javaagent:` here, but nothing passes it to the JVM")
    }

    func testTheAgentsOwnVariablesShowTheIntent() throws {
        let image = "FROM eclipse-temurin:21-jre\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n"
        let found = try project(service: "    environment:\n      OTEL_JAVAAGENT_DEBUG: \"true\"\n", dockerfile: image).diagnostics("OTL802")
        XCTAssertEqual(found.map(\.location.path).map(ConfigPaths.fileName), ["Dockerfile"])
        // Without either sign the service may be set up in code (the Spring Boot starter): not judged.
        XCTAssertEqual(try project(service: "", dockerfile: image).diagnostics("OTL802").map(\.message), [])
    }

    func testAStartScriptIsNotJudged() throws {
        let image = "FROM eclipse-temurin:21-jre\nCOPY opentelemetry-javaagent.jar /otel/agent.jar\nENTRYPOINT [\"/app/start.sh\"]\n"
        XCTAssertEqual(try project(service: "", dockerfile: image).diagnostics("OTL802").map(\.message), [])
    }

    func testAnApplicationWithTheSDKInItsBuildIsNotJudged() throws {
        let image = "FROM eclipse-temurin:21-jre\nCOPY opentelemetry-javaagent.jar /otel/agent.jar\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n"
        let project = try self.project(service: "", dockerfile: image)
        XCTAssertEqual(project.diagnostics("OTL802").count, 1)
        try project.write("orders/pom.xml", "<project><dependencies><dependency><artifactId>opentelemetry-exporter-otlp</artifactId></dependency></dependencies></project>\n")
        XCTAssertEqual(project.diagnostics("OTL802").map(\.message), [])
    }
}

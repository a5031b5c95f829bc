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

    func testACommentedOutAgentIsNoSetUp() throws {
        let commented = "FROM eclipse-temurin:21-jre\n# ADD https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/download/v2.9.0/opentelemetry-javaagent.jar /otel/agent.jar\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n"
        XCTAssertEqual(try project(service: "", dockerfile: commented).diagnostics("OTL802"), [])
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

    func testADockerfileNoComposeFileBuildsIsAnInfo() throws {
        // Something otlint does not read starts the image (a Helm chart, the OpenTelemetry Operator) and may set
        // `JAVA_TOOL_OPTIONS` or `NODE_OPTIONS`.
        let java = "FROM eclipse-temurin:21-jre\nCOPY opentelemetry-javaagent.jar /otel/agent.jar\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n"
        let node = "FROM node:20-slim\nRUN npm install @opentelemetry/auto-instrumentations-node\nCMD [\"node\", \"server.js\"]\n"
        let found = try TestProject(["api/Dockerfile": java, "web/Dockerfile": node, "web/server.js": "require('./app')\n"]).diagnostics("OTL802")
        XCTAssertEqual(found.map { "\($0.location.path.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.start.line):\($0.severity)" },
                       ["api/Dockerfile:3:info", "web/Dockerfile:3:info"])
        XCTAssertEqual(found.map { $0.message.hasSuffix(", unless whatever runs the image sets `JAVA_TOOL_OPTIONS`") }, [true, false])
        XCTAssertEqual(found.last?.message.hasSuffix(", unless whatever runs the image sets `NODE_OPTIONS`"), true)
        // A chart of the project sets the variable: the launcher may well load the agent.
        let chart = "env:\n  - name: JAVA_TOOL_OPTIONS\n    value: {{ .Values.agentOptions | quote }}\n"
        XCTAssertEqual(try TestProject(["api/Dockerfile": java, "charts/api/templates/deployment.yaml": chart]).diagnostics("OTL802").map(\.message), [])
        // Built by a compose service, whose launch otlint reads, the same image is a warning.
        let built = try TestProject(["docker-compose.yml": "services:\n  api:\n    build: ./api\n", "api/Dockerfile": java]).diagnostics("OTL802")
        XCTAssertEqual(built.map(\.severity), [.warning])
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

/// OTL802 for Node.js: the auto-instrumentation's register hook never loaded by `node`.
final class NodeRegisterNotLoadedTests: XCTestCase {
    let dockerfile = """
    FROM node:20-slim
    WORKDIR /app
    COPY . .
    RUN npm install --omit=dev && npm install @opentelemetry/auto-instrumentations-node
    CMD ["node", "server.js"]
    """

    func found(service: String = "", dockerfile: String? = nil, code: String = "require('express')().listen(8080)\n") throws -> [String] {
        try TestProject([
            "docker-compose.yml": "services:\n  web:\n    build: ./web\n" + service,
            "web/Dockerfile": dockerfile ?? self.dockerfile,
            "web/server.js": code,
        ]).diagnostics("OTL802").map { "\(ConfigPaths.fileName($0.location.path)):\($0.location.start.line):\($0.location.start.column)" }
    }

    func testAnInstalledHookThatNodeNeverLoadsIsReportedAtTheLaunch() throws {
        XCTAssertEqual(try found(), ["Dockerfile:5:1"])
        XCTAssertEqual(try found(service: "    command: [\"node\", \"server.js\"]\n"), ["docker-compose.yml:4:14"])
        // The service's own auto-instrumentation settings say so too, where the image shows nothing.
        XCTAssertEqual(try found(service: "    environment:\n      OTEL_NODE_RESOURCE_DETECTORS: env,host\n",
                                 dockerfile: "FROM node:20-slim\nCOPY . .\nCMD [\"node\", \"server.js\"]\n"), ["Dockerfile:3:1"])
    }

    func testACommentedOutInstallIsNoSetUp() throws {
        XCTAssertEqual(try found(dockerfile: "FROM node:20-slim\nCOPY . .\n# RUN npm install @opentelemetry/auto-instrumentations-node\nCMD [\"node\", \"server.js\"]\n"), [])
    }

    func testTheHookOnTheCommandLineInNodeOptionsOrTheSDKInCodeIsFine() throws {
        XCTAssertEqual(try found(service: "    command: [\"node\", \"--require\", \"@opentelemetry/auto-instrumentations-node/register\", \"server.js\"]\n"), [])
        XCTAssertEqual(try found(service: "    command: node --import @opentelemetry/auto-instrumentations-node/register.js server.mjs\n"), [])
        XCTAssertEqual(try found(service: "    environment:\n      NODE_OPTIONS: --require @opentelemetry/auto-instrumentations-node/register\n"), [])
        XCTAssertEqual(try found(code: "const { NodeSDK } = require('@opentelemetry/sdk-node')\nnew NodeSDK().start()\n"), [])
        // A script or package manager may add the option: not judged.
        XCTAssertEqual(try found(service: "    command: [\"npm\", \"start\"]\n"), [])
    }
}

import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL801: `opentelemetry-instrument` in front of a Python server that runs worker processes.
final class WorkerProcessesRuleTests: XCTestCase {
    func compose(_ command: String, environment: String = "") -> String {
        "services:\n  api:\n    build: ./api\n    command: \(command)\n    environment:\n      OTEL_SERVICE_NAME: api\(environment)\n"
    }

    func found(_ files: [String: String]) throws -> [String] {
        try TestProject(files).diagnostics("OTL801").map { "\($0.location.start.line):\($0.location.start.column)" }
    }

    func testWorkersAndReloadAreReportedWhereTheCommandIsWritten() throws {
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"["opentelemetry-instrument", "uvicorn", "app:app", "--workers", "4"]"#)]), ["4:14"])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument --traces_exporter otlp python -m uvicorn app:app --reload")]), ["4:14"])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn -w 3 app:app")]), ["4:14"])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn --workers=2 app:app")]), ["4:14"])
        // The last command of a shell text, behind a runner that runs it in place.
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"["/bin/sh", "-c", "uv sync && uv run opentelemetry-instrument uvicorn app:app --reload"]"#)]), ["4:14"])
        // A compose string is split as a shell splits words: the quoted text is the shell's.
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"/bin/sh -c "uv sync --no-dev && uv run opentelemetry-instrument uvicorn app:app --reload""#)]), ["4:14"])
        XCTAssertEqual(ShellWords.split(#"sh -c "a \"b\" c" 'd e' f\ g"#), ["sh", "-c", #"a "b" c"#, "d e", "f g"])
        // A prefix that is no runner may change the launch: not judged.
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"["/bin/sh", "-c", "watchexec opentelemetry-instrument uvicorn app:app --reload"]"#)]), [])
        let message = try TestProject(["docker-compose.yml": compose("opentelemetry-instrument gunicorn -w 3 app:app")]).diagnostics("OTL801").first?.message
        XCTAssertEqual(message, "service `api` starts `gunicorn` under `opentelemetry-instrument` with worker processes: `--workers 3` starts forked worker processes, and the SDK started in the master does not export from them")
    }

    func testTheWorkerCountFromTheEnvironmentOrTheConfiguration() throws {
        let project = try TestProject(["docker-compose.yml": compose("opentelemetry-instrument gunicorn app:app", environment: "\n      WEB_CONCURRENCY: \"3\"")])
        let diagnostics = project.diagnostics("OTL801")
        XCTAssertEqual(diagnostics.first?.related.first?.location.start.line, 7)
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn -c conf/gunicorn.py app:app"),
                                  "api/conf/gunicorn.py": "import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n"]), ["4:14"])
        // The default configuration file in the code's folder, read when no `-c` is given.
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn app:app"),
                                  "api/gunicorn.conf.py": "workers = 4\n"]), ["4:14"])
    }

    func testADockerfileOrAKubernetesCommandIsTheLaunchToo() throws {
        XCTAssertEqual(try found(["api/Dockerfile": "FROM python:3.12-slim\nCMD opentelemetry-instrument uvicorn app:app --workers 2\n"]), ["2:1"])
        let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: registry.example.com/api:1
                  args: ["opentelemetry-instrument", "uvicorn", "app:app", "--workers", "4"]
        """
        XCTAssertEqual(try found(["k8s/api.yaml": manifest]), ["11:17"])
    }

    func testOneProcessAPostForkHookOrAnUnknownCountIsNotReported() throws {
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"["opentelemetry-instrument", "uvicorn", "app:app", "--workers", "1"]"#)]), [])
        XCTAssertEqual(try found(["docker-compose.yml": compose(#"["uvicorn", "app:app", "--workers", "4"]"#)]), [])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn app:app")]), [])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn -w ${WORKERS} app:app")]), [])
        XCTAssertEqual(try found(["docker-compose.yml": compose("opentelemetry-instrument gunicorn -w 4 -c gunicorn.conf.py app:app"),
                                  "api/gunicorn.conf.py": "def post_fork(server, worker):\n    start_sdk()\n"]), [])
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Python web server command line wrapped by `opentelemetry-instrument`: which server, and what makes it fork or
/// spawn worker processes.
struct PythonServerCommand {
    enum Server: String { case uvicorn, gunicorn }

    var server: Server
    /// `--workers N`, `-w N`, `--workers=N`, `-wN` as written; nil when the command does not say.
    var workers: String?
    /// `--reload` (uvicorn): a supervisor process restarts a worker on every change.
    var reloads: Bool
    /// `-c PATH` / `--config PATH` (gunicorn).
    var configPath: String?

    /// The server that `opentelemetry-instrument` starts, when the words are that launch: `opentelemetry-instrument
    /// [--option value …] uvicorn|gunicorn …` or `… python -m uvicorn|gunicorn …`.
    init?(instrumented words: [String]) {
        // The command that runs last in a shell text (`uv sync && uv run opentelemetry-instrument uvicorn …`), with
        // the prefixes that run it in place (`exec`, `uv run`, `poetry run`, `pipenv run`).
        let segments = words.split { $0 == "&&" || $0 == ";" || $0 == "||" }
        guard let last = segments.last, let launcher = last.firstIndex(where: { $0.split(separator: "/").last == "opentelemetry-instrument" }) else { return nil }
        let prefix = last[last.startIndex..<launcher].filter { $0 != "exec" }
        guard prefix.isEmpty || (prefix.count == 2 && ["uv", "poetry", "pipenv", "pdm", "hatch"].contains(prefix[prefix.startIndex])
                                 && prefix[prefix.startIndex + 1] == "run") else { return nil }
        var rest = last[(launcher + 1)...]
        // The launcher's own options come first, each with a value unless written `--name=value`.
        while let word = rest.first, word.hasPrefix("-") {
            rest = rest.dropFirst(word.contains("=") || word == "--" ? 1 : 2)
        }
        if let program = rest.first, program.split(separator: "/").last.map({ $0.hasPrefix("python") }) == true,
           rest.dropFirst().first == "-m" {
            rest = rest.dropFirst(2)
        }
        guard let program = rest.first?.split(separator: "/").last, let server = Server(rawValue: String(program)) else { return nil }
        self.server = server
        let arguments = Array(rest.dropFirst())
        workers = nil
        reloads = false
        configPath = nil
        for (index, argument) in arguments.enumerated() {
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch argument {
            case "--workers": workers = next
            case "-w" where server == .gunicorn: workers = next
            case "--reload" where server == .uvicorn: reloads = true
            case "-c", "--config": if server == .gunicorn { configPath = next }
            default:
                if argument.hasPrefix("--workers=") { workers = String(argument.dropFirst("--workers=".count)) }
                else if server == .gunicorn, argument.hasPrefix("-w"), argument.count > 2, Int(argument.dropFirst(2)) != nil { workers = String(argument.dropFirst(2)) }
                else if server == .gunicorn, argument.hasPrefix("--config=") { configPath = String(argument.dropFirst("--config=".count)) }
            }
        }
    }

    /// Whether a worker count, as written, is certainly more than one: a number above 1, or an expression of the CPU
    /// count (`multiprocessing.cpu_count() * 2 + 1`, gunicorn's recommended setting).
    static func isSeveral(_ workers: String) -> Bool? {
        let text = workers.blankTrimmed
        if let count = Int(text) { return count > 1 }
        if text.contains("cpu_count()") && (text.contains("+") || text.contains("*")) { return true }
        return nil
    }
}

/// What a gunicorn configuration file (Python) sets: `workers`, and whether it defines a `post_fork` hook (where the
/// supported set-up starts the SDK in each worker).
struct GunicornConfiguration {
    var workers: String?
    var hasPostFork: Bool

    init(text: String) {
        workers = nil
        hasPostFork = false
        for line in text.split(separator: "\n") {
            let trimmed = line.blankTrimmed
            if trimmed.hasPrefix("def post_fork(") || trimmed.hasPrefix("post_fork =") || trimmed.hasPrefix("post_fork=") { hasPostFork = true }
            // Top-level assignments only: `workers = 4`.
            guard line.first.map({ !$0.isWhitespace }) == true, let equals = trimmed.firstIndex(of: "="),
                  !trimmed[trimmed.index(after: equals)...].hasPrefix("=") else { continue }
            let name = trimmed[..<equals].blankTrimmed
            let value = trimmed[trimmed.index(after: equals)...].split(separator: "#").first.map { $0.blankTrimmed } ?? ""
            if name == "workers" { workers = value }
        }
    }

    /// The file at `path` (at most 1 MiB), or nil when it cannot be read.
    static func read(_ path: String) -> GunicornConfiguration? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int, size <= 1 << 20,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return GunicornConfiguration(text: text)
    }
}

import OTLintCore

/// A Dockerfile as far as the settings model needs it: its build stages, each with the `ARG` and `ENV`
/// instructions that set the environment of the process the image runs.
public struct Dockerfile: Sendable {
    /// One `ENV` pair (`ENV KEY=value`, or the legacy `ENV KEY value`), as written.
    public struct EnvEntry: Sendable {
        public var key: String
        public var keyRange: ByteRange
        /// The value after quote removal and escapes, before `$` substitution.
        public var rawValue: String
        /// Whether `$` in the value is substituted (not inside single quotes).
        public var substitutes: Bool
        /// The value's token as written (quotes included); empty at the end of the key for `KEY=`.
        public var valueRange: ByteRange
        /// The text that is the value verbatim (between quotes, no escapes, on one line); nil otherwise.
        public var contentRange: ByteRange?
        /// The whole `ENV` instruction.
        public var statementRange: ByteRange
    }

    /// One `ARG NAME[=default]`.
    public struct Argument: Sendable {
        public var name: String
        /// The default after quote removal and escapes, before `$` substitution.
        public var defaultValue: String?
        /// Whether `$` in the default is substituted (not inside single quotes).
        public var substitutes = true
    }

    /// What a stage's instructions define, in order: arguments and environment entries interleave, because an
    /// `ENV` value sees only what is declared before it.
    public enum Definition: Sendable {
        case argument(Argument)
        case env(EnvEntry)
    }

    /// An `ENTRYPOINT` or `CMD`: the exec form (`["java", "-jar", "app.jar"]`) runs its words as they are; the
    /// shell form runs its text with `/bin/sh -c`, which expands `$VAR`.
    public struct Launch: Sendable {
        public var words: [String]
        public var isExecForm: Bool
        public var range: ByteRange
    }

    /// One `FROM` and the instructions up to the next.
    public struct Stage: Sendable {
        /// The image or earlier stage it is built from, as written (`python:3.12-slim`, `builder`).
        public var base: String
        /// `AS name`, lower case.
        public var name: String?
        public var fromRange: ByteRange
        public var definitions: [Definition] = []
        public var entrypoint: Launch?
        public var command: Launch?
    }

    public var source: SourceFile
    /// `ARG` instructions before the first `FROM`: usable in `FROM` lines, and in a stage that declares them again.
    public var globalArguments: [Argument] = []
    public var stages: [Stage] = []

    public init(source: SourceFile) {
        self.source = source
    }

    /// The stage a build runs: the named `target` (compose `build.target`), else the last one.
    public func stage(target: String?) -> Int? {
        if let target = target?.lowercased() { return stages.lastIndex { $0.name == target } }
        return stages.isEmpty ? nil : stages.count - 1
    }

    /// The `ENTRYPOINT` and `CMD` the stage runs with: its own, else those of the stages it is built from (a stage
    /// that sets `ENTRYPOINT` resets an inherited `CMD`).
    public func launch(of index: Int) -> (entrypoint: Launch?, command: Launch?) {
        var entrypoint: Launch?, command: Launch?
        for stage in lineage(of: index).map({ stages[$0] }) {
            if let own = stage.entrypoint { entrypoint = own; command = nil }
            if let own = stage.command { command = own }
        }
        return (entrypoint, command)
    }

    /// The chain of stages whose `ENV` the stage inherits, the stage itself last: `FROM builder AS final` starts
    /// from what `builder` set.
    public func lineage(of index: Int) -> [Int] {
        var chain = [index]
        var current = index
        while let parent = stages[..<current].lastIndex(where: { $0.name != nil && $0.name == stages[current].base.lowercased() }),
              !chain.contains(parent) {
            chain.insert(parent, at: 0)
            current = parent
        }
        return chain
    }
}

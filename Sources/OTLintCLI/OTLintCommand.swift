import ArgumentParser

public struct OTLintCommand: ParsableCommand {
    public init() {}
}

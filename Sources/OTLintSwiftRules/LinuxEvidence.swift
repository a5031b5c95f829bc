import OTLintCore
import SwiftSyntax

/// Why code is believed to run on Linux rather than in an Apple app. Rules whose finding holds only on Linux
/// (opentelemetry-swift's imperative span activation, URLSession without instrumentation) report only with such
/// evidence, and name it.
extension SwiftSourceModel {
    static let appleUIModules: Set<String> = ["UIKit", "SwiftUI", "AppKit", "WatchKit", "WidgetKit", "Cocoa"]
    static let serverModules: Set<String> = [
        "Vapor", "Hummingbird", "HummingbirdCore", "NIO", "NIOCore", "NIOPosix", "NIOHTTP1", "AsyncHTTPClient",
        "ServiceLifecycle", "GRPC", "GRPCCore", "Glibc", "Musl", "PostgresNIO", "MySQLNIO", "RediStack",
    ]

    /// The evidence that `node` runs on Linux, or nil when it may well be an Apple app:
    /// - it sits inside `#if os(Linux)` (and in no Apple-only branch);
    /// - its file imports a server module, or `FoundationNetworking` (the module that holds URLSession on Linux and
    ///   exists on no Apple platform), and no Apple UI framework. A file that uses the Objective-C runtime
    ///   (`#selector`, `@objc`, method swizzling) builds only on Apple platforms, whatever it imports under
    ///   `#if canImport(FoundationNetworking)`;
    /// - the nearest `Package.swift` depends on a server framework.
    func linuxEvidence(at node: some SyntaxProtocol) -> String? {
        var current = node.parent
        while let ancestor = current {
            // The `#else` of `#if os(Linux)` / `#if canImport(FoundationNetworking)` builds on Apple platforms only.
            if let clause = ancestor.as(IfConfigClauseSyntax.self), clause.condition == nil,
               let first = clause.parent?.as(IfConfigClauseListSyntax.self)?.first?.condition?.trimmedDescription,
               !first.contains("!"), first.contains("os(Linux)") || first.contains("canImport(FoundationNetworking)") {
                return nil
            }
            if let clause = ancestor.as(IfConfigClauseSyntax.self), let condition = clause.condition?.trimmedDescription {
                if condition.contains("os(Linux)") && !condition.contains("!os(Linux)") { return "this code is inside `#if \(condition)`" }
                if condition.contains("canImport(Darwin)") || condition.contains("os(iOS)") || condition.contains("os(macOS)") {
                    return nil
                }
            }
            current = ancestor.parent
        }
        if !imports.isDisjoint(with: Self.appleUIModules) { return nil }
        if let module = imports.intersection(Self.serverModules).sorted().first {
            return "this file imports `\(module)`, so it runs as a server, typically on Linux"
        }
        if imports.contains("FoundationNetworking"), !usesObjectiveCRuntime {
            return "this file imports `FoundationNetworking`, which exists only outside Apple platforms, so it is built for Linux"
        }
        if project.serverPackageFiles.contains(file.path) {
            return "the package depends on a server framework, so it typically runs on Linux"
        }
        return nil
    }

    /// Spellings that need the Objective-C runtime, which Swift on Linux does not have.
    static let objectiveCRuntimeMarkers = ["#selector(", "@objc", "class_getInstanceMethod", "method_exchangeImplementations", "@convention(block)"]

    private var usesObjectiveCRuntime: Bool {
        Self.objectiveCRuntimeMarkers.contains { ByteSearch.contains($0, in: file.bytes) }
    }
}

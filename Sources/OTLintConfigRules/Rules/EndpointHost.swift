import OTLintCore

/// Where an exporter's host is: on the machine, inside the project or a private network, or somewhere on the
/// internet. Only hosts that are surely remote count as remote: a bare name or a private address may be a
/// compose service, a Kubernetes service or a host of the company network.
enum EndpointHost {
    static let localNames: Set<String> = ["localhost", "host.docker.internal", "gateway.docker.internal", "0.0.0.0", "::1", "::"]
    static let privateSuffixes = [".localhost", ".local", ".internal", ".svc", ".cluster.local", ".lan", ".localdomain", ".home.arpa",
                                  ".consul", ".intranet", ".corp", ".private"]

    /// `composeFiles`: the compose files whose services the process can reach by name (its own project); only
    /// asked for when the host looks like a public name.
    static func isRemote(_ rawHost: String, composeFiles: () -> [ComposeFile]) -> Bool {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty || localNames.contains(host) || host.contains("$") { return false }
        if privateSuffixes.contains(where: { host.hasSuffix($0) }) { return false }
        if let octets = ipv4(host) { return !isPrivate(octets) }
        if host.contains(":") {
            // IPv6: loopback, unique-local (fc00::/7) and link-local (fe80::/10) stay inside.
            return !(host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe8") || host.hasPrefix("fe9")
                     || host.hasPrefix("fea") || host.hasPrefix("feb"))
        }
        // A single label (`collector`, `otel-collector`) resolves inside a compose network or a cluster.
        guard host.contains(".") else { return false }
        return !composeFiles().contains { $0.hostNames.contains(host) }
    }

    /// The compose files of the scope's project: its own file and the other files of its folder that define the
    /// same service (base, override and environment files are merged by Compose); none for a standalone env file.
    static func composeFiles(of scope: EnvironmentScope, in project: ConfigProject) -> [ComposeFile] {
        guard case .composeService(let compose, _) = scope.kind else { return [] }
        return [compose] + project.layeredScopes(of: scope).compactMap { layer in
            if case .composeService(let file, _) = layer.kind { return file }
            return nil
        }
    }

    static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
        return octets.count == 4 ? octets : nil
    }

    static func isPrivate(_ octets: [Int]) -> Bool {
        switch (octets[0], octets[1]) {
        case (10, _), (127, _), (0, _): return true
        case (172, 16...31), (192, 168), (169, 254): return true
        case (100, 64...127): return true  // carrier-grade NAT, used by Tailscale and cloud VPCs
        default: return false
        }
    }
}

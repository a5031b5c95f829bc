/// Where an endpoint's host is, for every rule that asks whether data leaves the machine or the project: the
/// configuration rules (compose, env files) and the Swift rules use this one answer.
///
/// The reasons, decided once:
/// - `local`: the machine itself (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`, the unspecified `0.0.0.0` and
///   `::`, Docker's `host.docker.internal` and `gateway.docker.internal`, which name the host from a container).
/// - `privateNetwork`: addresses that do not route on the internet: RFC 1918 (`10/8`, `172.16/12`, `192.168/16`),
///   link-local `169.254/16`, carrier-grade NAT `100.64/10` (Tailscale, cloud VPCs), `0/8`, IPv6 unique-local
///   `fc00::/7` and link-local `fe80::/10`.
/// - `documentation`: names and addresses reserved for examples, which never reach a real destination: the
///   `example`, `test` and `invalid` top-level domains and `example.com`, `.net`, `.org` (RFC 2606, RFC 6761), and
///   the documentation networks `192.0.2/24`, `198.51.100/24`, `203.0.113/24` and `2001:db8::/32` (RFC 5737,
///   RFC 3849). A finding about data "leaving for a remote host" would be wrong on a placeholder.
/// - `internalName`: names that resolve only inside a compose project, a cluster or a company network: a single
///   label (`collector`), the suffixes of cluster and site-local DNS (`.svc`, `.cluster.local`, `.internal`,
///   `.local`, `.lan`, `.consul`, `.corp`, …), and dotted names whose last label is no public top-level domain
///   (`collector.observability` is a Kubernetes service in another namespace).
/// - `publicInternet`: public addresses and names under a public top-level domain.
/// - `unknown`: empty or interpolated (`${HOST}`): nothing can be said.
public enum HostKind: Sendable, Equatable {
    case local, privateNetwork, documentation, internalName, publicInternet, unknown

    /// Whether data sent there leaves the machine, the project and the company network.
    public var isRemote: Bool { self == .publicInternet }
}

public enum HostClassification {
    static let localNames: Set<String> = ["localhost", "host.docker.internal", "gateway.docker.internal", "0.0.0.0", "::1", "::"]
    static let internalSuffixes = [".localhost", ".local", ".internal", ".svc", ".cluster.local", ".lan", ".localdomain", ".home.arpa",
                                   ".home", ".consul", ".intranet", ".corp", ".private"]
    static let documentationDomains = ["example.com", "example.net", "example.org"]
    static let documentationTopLevelDomains: Set<String> = ["example", "test", "invalid"]
    /// Top-level domains of names that resolve on the internet. A dotted name under another last label is taken
    /// for a cluster or site name; a rare public domain missing here is only a missed finding.
    static let publicTopLevelDomains: Set<String> = [
        "com", "net", "org", "io", "dev", "cloud", "ai", "co", "app", "tech", "info", "biz", "us", "eu", "uk", "de", "fr",
        "nl", "se", "no", "dk", "fi", "ch", "at", "be", "es", "it", "pl", "cz", "ie", "pt", "ca", "au", "nz", "jp", "kr",
        "cn", "in", "br", "mx", "sg", "hk", "tw", "ru", "ua", "za", "il", "tr", "gov", "edu", "me", "sh", "tv", "xyz",
        "site", "online", "systems", "services", "network", "digital", "run",
    ]

    public static func classify(_ rawHost: String) -> HostKind {
        var host = rawHost.lowercased()
        if host.hasPrefix("[") && host.hasSuffix("]") && host.count >= 2 { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host = String(host.dropLast()) }
        if host.isEmpty || host.containsText("$") || host.containsText("{") { return .unknown }
        if localNames.contains(host) || host.hasSuffix(".localhost") { return .local }
        if let octets = ipv4(host) { return classify(octets) }
        if host.containsText(":") { return classifyIPv6(host) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if documentationDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) })
            || labels.last.map({ documentationTopLevelDomains.contains(String($0)) }) == true {
            return .documentation
        }
        if labels.count == 1 || internalSuffixes.contains(where: { host.hasSuffix($0) }) || host.containsText(".svc.") { return .internalName }
        return publicTopLevelDomains.contains(String(labels[labels.count - 1])) ? .publicInternet : .internalName
    }

    static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
        return octets.count == 4 ? octets : nil
    }

    private static func classify(_ octets: [Int]) -> HostKind {
        switch (octets[0], octets[1], octets[2]) {
        case (127, _, _): return .local
        case (10, _, _), (0, _, _), (172, 16...31, _), (192, 168, _), (169, 254, _), (100, 64...127, _): return .privateNetwork
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return .documentation
        default: return .publicInternet
        }
    }

    private static func classifyIPv6(_ host: String) -> HostKind {
        if host.hasPrefix("fc") || host.hasPrefix("fd") || ["fe8", "fe9", "fea", "feb"].contains(where: host.hasPrefix) { return .privateNetwork }
        if host.hasPrefix("2001:db8:") || host == "2001:db8::" { return .documentation }
        return .publicInternet
    }
}

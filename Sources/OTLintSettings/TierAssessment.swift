#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Why a scope has its tier: a sentence and, when it comes from a file, where.
public struct TierEvidence: Sendable {
    public var description: String
    public var location: SourceLocation?

    public init(description: String, location: SourceLocation?) {
        self.description = description
        self.location = location
    }
}

/// A scope's deployment tier with the evidence that decided it.
public struct TierAssessment: Sendable {
    public var tier: DeploymentTier
    public var evidence: TierEvidence?

    public init(tier: DeploymentTier, evidence: TierEvidence?) {
        self.tier = tier
        self.evidence = evidence
    }

    public static let unknown = TierAssessment(tier: .unknown, evidence: nil)

    public var isProduction: Bool { tier == .production }

    /// "why" text for diagnostics.
    public var explanation: String {
        guard let evidence else { return "the deployment tier is unknown" }
        if let location = evidence.location {
            return "\(evidence.description) (\(PathComponents.last(of: location.path)):\(location.start.line))"
        }
        return evidence.description
    }

    public var related: [RelatedLocation] {
        guard let evidence, let location = evidence.location else { return [] }
        return [RelatedLocation(location: location, message: "this makes it production: \(evidence.description)")]
    }
}

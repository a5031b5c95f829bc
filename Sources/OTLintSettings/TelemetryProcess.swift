import OTLintCore

/// The OpenTelemetry settings of one process that emits telemetry, as far as one input shows them: a compose
/// service (its `environment:` and `env_file:` files), a standalone env file, or a Swift file's code.
///
/// Readers fill it; settings rules (`SettingsRule`) judge it, whatever syntax the settings were written in.
public struct TelemetryProcess: Sendable {
    /// What kind of code or configuration the settings come from, for rules about production settings.
    public enum Purpose: Sendable {
        /// A deployment's configuration (compose, env files): its tier says whether it is production.
        case deployment
        /// Application code: it runs in every tier unless the code guards it.
        case applicationCode
        /// Example or sample code: it shows an API and runs on a laptop.
        case exampleCode
        /// Benchmark code: extreme settings are the point there.
        case benchmarkCode
    }

    // MARK: The process

    /// For messages: "service `api`", "`.env.production`", "`Sources/App/Telemetry.swift`".
    public var displayName: String
    public var purpose: Purpose
    public var tier: TierAssessment
    /// A template (`.env.example`): checked for mistakes in values, never for production-only rules.
    public var isTemplate: Bool
    /// A telemetry backend or collector: its `OTEL_*` variables configure forwarding, not an application's SDK.
    public var isTelemetryBackend: Bool
    /// The source file of settings read from code: a compose service built from the folder holding it runs them.
    public var codePath: String?

    // MARK: Export: whether, where and how

    /// Whether the process is set up to export telemetry: an exporter or OTLP variable is set and the SDK is on.
    public var configuresExport = false
    /// `OTEL_SDK_DISABLED`.
    public var sdkDisabled: Setting?
    /// The exporter chosen per signal (`OTEL_TRACES_EXPORTER` …).
    public var exporterChoices: [ExporterChoice] = []
    /// Where each exporter sends (the base endpoint, per-signal ones, those written in code).
    public var endpoints: [EndpointSetting]
    /// Lower-cased host names that resolve inside the process's own compose project (service names,
    /// `container_name`, `hostname`, network aliases): such a host is no remote host, whatever its name looks like.
    public var projectHostNames: Set<String> = []
    /// The protocol the process's auto-instrumentation launcher uses when none is set; nil when not known.
    public var launcherDefault: LauncherDefault?
    /// Exporter headers written with literal values, overridden definitions included (a committed secret leaks
    /// whether or not it is in effect), except where the file keeps them private (a git-ignored `.env`).
    public var exporterHeaders: [ExporterHeader] = []
    /// The OTLP exporter timeouts, in the unit the process's SDK reads them.
    public var exporterTimeouts: [ExporterTimeoutSetting] = []
    /// What the process says about the removed Jaeger exporter.
    public var jaeger = JaegerExportSettings()

    // MARK: Sampling and batching

    /// The samplers of the process's tracer providers: the one the environment chooses (the SDK default when none
    /// is set), or each sampler written in the code.
    public var samplers: [SamplerSetting] = []
    /// A collector of the same deployment samples traces downstream: keeping every trace in the SDK is intended.
    public var isSampledDownstream = false
    /// The batching processors (`OTEL_BSP_*`, `OTEL_BLRP_*`, `BatchSpanProcessor(…)` in code).
    public var batchProcessors: [BatchProcessorSetting] = []

    // MARK: Resource and service name

    /// The service name set on its own (`OTEL_SERVICE_NAME`, swift-otel's `config.serviceName`), which wins over
    /// `service.name` in the resource attributes.
    public var serviceName: Setting?
    /// Each exporter of the process and whether it names its service.
    public var serviceNamings: [ServiceNaming] = []
    /// Every place that writes resource attributes.
    public var resourceAttributes: [ResourceAttributeSettings] = []
    /// Every attribute key the process writes (resource keys; in code also span and event attributes).
    public var attributeKeys: [AttributeKeySetting] = []

    // MARK: What instrumentation records

    /// What the instrumentation records besides measurements: captured headers, GenAI content, attributes set in code.
    public var recordedData = RecordedDataSettings()

    // MARK: Editing the source

    /// Sets variables in the process's env or compose files (nil for code).
    public var variableWriter: VariableWriter?

    public init(displayName: String, purpose: Purpose, tier: TierAssessment = .unknown, isTemplate: Bool = false,
                isTelemetryBackend: Bool = false, endpoints: [EndpointSetting] = [], codePath: String? = nil) {
        self.displayName = displayName
        self.purpose = purpose
        self.tier = tier
        self.isTemplate = isTemplate
        self.isTelemetryBackend = isTelemetryBackend
        self.endpoints = endpoints
        self.codePath = codePath
    }
}

extension TelemetryProcess {
    /// The exporter chosen for a signal (`traces`), when the process sets one.
    public func exporterChoice(for signal: String) -> ExporterChoice? {
        exporterChoices.first { $0.signal == signal }
    }

    /// Whether `OTEL_SDK_DISABLED=true` turns the SDK off.
    public var isSDKDisabled: Bool { sdkDisabled?.value?.lowercased() == "true" }
}

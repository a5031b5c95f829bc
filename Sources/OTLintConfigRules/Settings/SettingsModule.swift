// Rules and readers of this module speak the settings model's types (`Setting`, `ValueSite`, `EndpointURL`,
// `TierAssessment`) as their own.
@_exported import OTLintSettings

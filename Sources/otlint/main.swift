import OTLintCLI

OTLintCommand.runAndExit()

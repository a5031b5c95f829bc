import OTLintCLI

OTLintCommand.main()

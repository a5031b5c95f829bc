// The rule documents are generated into this module by RuleDocsPlugin from Rules/*.md.

import OTLintCore

/// What interpolation knows about one variable: its value (nil = set but unknown, e.g. a bare `KEY` in `.env`)
/// and where it is written.
public struct InterpolationBinding: Sendable {
    public var value: String?
    public var site: ValueSite?

    public init(value: String?, site: ValueSite?) {
        self.value = value
        self.site = site
    }
}

/// A problem found while interpolating: a `${VAR:?message}` whose variable is missing, a malformed `${`.
public struct InterpolationProblem: Sendable, Hashable {
    public var message: String
    /// Byte offset inside the template.
    public var offset: Int
}

/// One `$VAR` / `${VAR...}` reference and how it was resolved.
public struct InterpolationReference: Sendable {
    public enum Resolution: Sendable {
        /// The variable's value was used.
        case variable
        /// The default (or `:+` replacement) text written in the template was used.
        case templateText
        /// Neither: the value is unknown (variable not defined and no default), or empty for `:+`/`+`.
        case unknown
        case empty
    }

    public var name: String
    public var resolution: Resolution
    /// Where the substituted text is written: the variable's definition or the default text.
    public var site: ValueSite?
}

/// The result of interpolating one value the way Compose does.
public struct InterpolatedValue: Sendable {
    /// The final text; nil when a referenced variable is unknown (rules must then stay quiet).
    public var text: String?
    public var references: [InterpolationReference]
    public var problems: [InterpolationProblem]
    /// True when the template is exactly one reference (`${VAR:-x}`), so the value is written in one place.
    public var isSingleReference: Bool
    /// The reference that makes up the whole value, when `isSingleReference`.
    public var outermostReference: InterpolationReference?

    /// Where the whole value is written when it comes from exactly one place other than the template itself.
    public var soleSite: ValueSite? {
        guard isSingleReference, let reference = outermostReference,
              reference.resolution == .variable || reference.resolution == .templateText else { return nil }
        return reference.site
    }
}

/// Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
/// `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}`, nested references in defaults, `$$` for a
/// literal `$`. Values come only from the lookup (the project's `.env`), never from otlint's own environment,
/// so results are reproducible; an undefined variable without a default makes the value unknown.
public struct Interpolator {
    public typealias Lookup = (String) -> InterpolationBinding?

    let lookup: Lookup
    /// Env files also accept `\$` for a literal dollar (double-quoted values).
    let backslashEscapesDollar: Bool
    /// The bytes the file's values may still expand to; nil for no limit (a single path or test value).
    let budget: InterpolationBudget?

    /// Defaults nested deeper than this (`${A:-${B:-${C:-...}}}`) make the value unknown: no real value nests
    /// so deep, and each level is a recursion and a scan of the rest of the value.
    static let maximumNesting = 16

    public init(backslashEscapesDollar: Bool = false, budget: InterpolationBudget? = nil, lookup: @escaping Lookup) {
        self.lookup = lookup
        self.backslashEscapesDollar = backslashEscapesDollar
        self.budget = budget
    }

    /// Interpolates `template`. `file` and `baseOffset` say where the template's first byte is written when it
    /// is written verbatim, so default texts can be located; pass nil when it is not.
    public func interpolate(_ template: String, file: SourceFile?, baseOffset: Int?) -> InterpolatedValue {
        let bytes = Array(template.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else {
            return InterpolatedValue(text: template, references: [], problems: [], isSingleReference: false, outermostReference: nil)
        }
        var state = State()
        var output = expand(bytes[...], state: &state, file: file, baseOffset: baseOffset, depth: 0)
        if let budget, let expanded = output, !budget.spend(expanded.count) {
            state.problems.append(InterpolationProblem(
                message: "the interpolated values of this file grow past \(budget.remaining + expanded.count) bytes: the value is not judged", offset: 0))
            output = nil
        }
        let single = state.topLevelReferences == 1 && state.topLevelLiteralBytes == 0
        return InterpolatedValue(text: output.map { String(decoding: $0, as: UTF8.self) }, references: state.references,
                                 problems: state.problems, isSingleReference: single,
                                 outermostReference: single ? state.topLevelReference : nil)
    }

    private struct State {
        var references: [InterpolationReference] = []
        var problems: [InterpolationProblem] = []
        var topLevelReferences = 0
        var topLevelLiteralBytes = 0
        var topLevelReference: InterpolationReference?
    }

    private static let dollar = UInt8(ascii: "$")

    /// Expands a template slice; nil when the result is unknown.
    private func expand(_ text: ArraySlice<UInt8>, state: inout State, file: SourceFile?, baseOffset: Int?, depth: Int) -> [UInt8]? {
        guard depth <= Interpolator.maximumNesting else {
            state.problems.append(InterpolationProblem(message: "defaults nested more than \(Interpolator.maximumNesting) levels deep",
                                                       offset: text.startIndex))
            return nil
        }
        var output: [UInt8] = []
        var unknown = false
        var index = text.startIndex
        func literal(_ bytes: [UInt8]) {
            output += bytes
            if depth == 0 { state.topLevelLiteralBytes += bytes.count }
        }
        while index < text.endIndex {
            // Stop building a value that cannot fit in the budget anyway.
            if let budget, output.count > budget.remaining { return nil }
            let byte = text[index]
            if backslashEscapesDollar, byte == UInt8(ascii: "\\"), index + 1 < text.endIndex, text[index + 1] == Interpolator.dollar {
                literal([Interpolator.dollar]); index += 2; continue
            }
            guard byte == Interpolator.dollar, index + 1 < text.endIndex else { literal([byte]); index += 1; continue }
            let next = text[index + 1]
            if next == Interpolator.dollar { literal([Interpolator.dollar]); index += 2; continue }
            if VariableName.isStart(next) {
                var end = index + 1
                while end < text.endIndex && VariableName.isByte(text[end]) { end += 1 }
                let name = String(decoding: text[(index + 1)..<end], as: UTF8.self)
                if depth == 0 { state.topLevelReferences += 1 }
                if let value = substitute(name: name, state: &state) { output += value } else { unknown = true }
                if depth == 0 { state.topLevelReference = state.references.last }
                index = end
                continue
            }
            guard next == UInt8(ascii: "{") else { literal([byte]); index += 1; continue }
            // `${...}`: find the matching brace, counting nested `${`.
            var close = index + 2
            var nesting = 0
            while close < text.endIndex {
                if text[close] == Interpolator.dollar, close + 1 < text.endIndex, text[close + 1] == UInt8(ascii: "{") {
                    nesting += 1; close += 2; continue
                }
                if text[close] == UInt8(ascii: "}") {
                    if nesting == 0 { break }
                    nesting -= 1
                }
                close += 1
            }
            guard close < text.endIndex else {
                state.problems.append(InterpolationProblem(message: "`${` is never closed: Compose rejects this value (write `$$` for a literal `$`)",
                                                           offset: index))
                return nil
            }
            if depth == 0 { state.topLevelReferences += 1 }
            let body = text[(index + 2)..<close]
            var nameEnd = body.startIndex
            while nameEnd < body.endIndex && VariableName.isByte(body[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: body[body.startIndex..<nameEnd], as: UTF8.self)
            guard !name.isEmpty, VariableName.isStart(body[body.startIndex]) else {
                state.problems.append(InterpolationProblem(message: "invalid interpolation `${\(String(decoding: body, as: UTF8.self))}`: a variable name is expected",
                                                           offset: index))
                return nil
            }
            let rest = body[nameEnd...]
            if rest.isEmpty {
                if let value = substitute(name: name, state: &state) { output += value } else { unknown = true }
                if depth == 0 { state.topLevelReference = state.references.last }
                index = close + 1
                continue
            }
            let colon = rest.first == UInt8(ascii: ":")
            let operatorIndex = colon ? rest.startIndex + 1 : rest.startIndex
            guard operatorIndex < rest.endIndex, [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "+")].contains(rest[operatorIndex]) else {
                state.problems.append(InterpolationProblem(message: "invalid interpolation `${\(String(decoding: body, as: UTF8.self))}`",
                                                           offset: index))
                return nil
            }
            let operation = rest[operatorIndex]
            let argument = rest[(operatorIndex + 1)...]
            let argumentSite: ValueSite? = file.flatMap { file in
                baseOffset.map { base in
                    let start = base + argument.startIndex
                    let range = ByteRange(start, start + argument.count)
                    // A default with its own `${...}` is not the value verbatim: locate it, never edit inside it.
                    return ValueSite(file: file, range: range, editableRange: argument.contains(Interpolator.dollar) ? nil : range)
                }
            }
            /// The text after `:-` or `:+` stands in for the variable: expand it as a template of its own.
            func expandArgument() {
                var inner = State()
                let value = expand(argument, state: &inner, file: file, baseOffset: baseOffset, depth: depth + 1)
                state.references += inner.references
                state.problems += inner.problems
                state.references.append(InterpolationReference(name: name, resolution: .templateText, site: argumentSite))
                if let value { output += value } else { unknown = true }
            }
            let binding = lookup(name)
            let isEmptyOrUnset = binding == nil || binding?.value == ""
            let missing = colon ? isEmptyOrUnset : binding == nil
            switch operation {
            case UInt8(ascii: "-"):
                if missing {
                    expandArgument()
                } else if let value = substitute(name: name, state: &state) {
                    output += value
                } else {
                    unknown = true
                }
            case UInt8(ascii: "?"):
                if missing {
                    let message = String(decoding: argument, as: UTF8.self)
                    state.problems.append(InterpolationProblem(
                        message: "required variable `\(name)` is not set in `.env`" + (message.isEmpty ? "" : ": \(message)"),
                        offset: index))
                    state.references.append(InterpolationReference(name: name, resolution: .unknown, site: nil))
                    unknown = true
                } else if let value = substitute(name: name, state: &state) {
                    output += value
                } else {
                    unknown = true
                }
            default:
                if binding != nil && binding?.value == nil {
                    unknown = true
                } else if missing {
                    state.references.append(InterpolationReference(name: name, resolution: .empty, site: nil))
                } else {
                    expandArgument()
                }
            }
            if depth == 0 { state.topLevelReference = state.references.last }
            index = close + 1
        }
        return unknown ? nil : output
    }

    private func substitute(name: String, state: inout State) -> [UInt8]? {
        guard let binding = lookup(name) else {
            state.references.append(InterpolationReference(name: name, resolution: .unknown, site: nil))
            return nil
        }
        state.references.append(InterpolationReference(name: name, resolution: binding.value == nil ? .unknown : .variable,
                                                       site: binding.site))
        return binding.value.map { Array($0.utf8) }
    }
}

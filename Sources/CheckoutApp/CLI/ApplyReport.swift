import CheckoutDomain
import CheckoutFormats

/// What `apply` prints: the plan (text lines, or the JSON document), and the findings in the format asked for.
enum ApplyReport {
    /// Prints the outcome of an apply that passed the rules.
    static func print(_ apply: StreamedApply, format: ReportFormat, applied: Bool, _ context: CommandContext) throws {
        switch format {
        case .json: return try json(apply, applied: applied, context)
        case .text, .github: try plan(apply, to: context.streams.output, context)
        case .junit: try plan(apply, to: context.streams.errors, context)
        }
        if format == .text { ChangeText.inform(apply.createdWarnings, in: context) }
        try findings(apply, format: format, context)
        if !apply.isEmpty { context.inform(applied ? "Applied." : "Dry run: nothing written.") }
    }

    /// Prints the plan and the findings of a document that breaks rules (except in JSON, where the refusal document
    /// carries them), then refuses it.
    static func refuse(_ apply: StreamedApply, format: ReportFormat, _ context: CommandContext) throws -> Never {
        switch format {
        case .json: break
        case .text, .github: try plan(apply, to: context.streams.output, context)
        case .junit: try plan(apply, to: context.streams.errors, context)
        }
        try findings(apply, format: format, context)
        let first = apply.errors[0]
        throw Rejection(
            reason: Rejection.reason(refusing: apply.errors),
            message: "the document breaks \(AuditText.plural(apply.errors.count, "audit rule")); nothing written",
            hints: ["fix the state document and run apply again; first: \(first.rule.rawValue) (\(first.account))"],
            details: apply.errors.map { "  error \($0.rule.rawValue): \($0.message)" }, findings: apply.errors)
    }

    private static func plan(_ apply: StreamedApply, to output: TextOutput, _ context: CommandContext) throws {
        guard !apply.isEmpty else { return output.write("No changes.\n") }
        try apply.plan.replay { output.write($0) }
        output.write(
            "Plan: \(apply.count(.add)) to add, \(apply.count(.change)) to change, \(apply.count(.remove)) to remove.\n"
        )
    }

    private static func json(_ apply: StreamedApply, applied: Bool, _ context: CommandContext) throws {
        let output = context.streams.output
        output.write("{\n  \"applied\": \(applied),\n  \"changes\": [")
        try apply.plan.replay { output.write($0) }
        var rest = JSONValue.TextWriter(isPretty: true)
        rest.writeRaw(apply.isEmpty ? "],\n  \"findings\": " : "\n  ],\n  \"findings\": ")
        rest.write(.array(apply.createdWarnings.map(AuditDocument.findingJSON)), depth: 1)
        rest.writeRaw(",\n  \"format_version\": \"\(DocumentFormat.version)\",\n  \"summary\": ")
        rest.write(apply.summaryJSON, depth: 1)
        rest.writeRaw("\n}\n")
        output.write(String(decoding: rest.bytes, as: UTF8.self))
    }

    // The CI formats report every finding of the document's accounts, as `audit` of them would.
    private static func findings(_ apply: StreamedApply, format: ReportFormat, _ context: CommandContext) throws {
        guard let report = apply.report else { return }
        try report.audit.finish()
        try report.spool.replay { context.emit($0) }
    }
}

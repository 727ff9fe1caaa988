import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `profile export` and `profile import`: Dintero's session profile JSON.
enum ProfileTransferCommands {
    private static let exported = ArgumentSpec(
        name: "profile", arity: .zeroOrMore, help: "profiles to export (default: all)", completion: .profile)
    private static let replace = Option.flag("replace", "replace profiles that already exist")

    /// The commands.
    static let all: [CommandSpec] = [export, importProfiles]

    static let export = CommandSpec(
        path: ["profile", "export"], summary: "Export profiles as Dintero's PUT /v1/admin/session/profiles/{id} body",
        arguments: [
            .account, exported,
        ],
        options: [SharedOptions.output],
        examples: [
            Example(command: "profile export T12345678 webshop", explanation: "one profile as a JSON object"),
            Example(
                command: "profile export T12345678 --output profiles.json", explanation: "every profile as a JSON array"
            ),
        ],
        discussion:
            "One profile named: a JSON object. None or several: a JSON array sorted by profile id. A profile Dintero's schema would reject (a default it does not accept, a product it has no object for, dintero.external without display labels) is refused, naming each field and the command that fixes it.",
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            let names = context.arguments.words(exported)
            let profiles = try names.isEmpty ? account.sortedProfiles : names.map(account.existingProfile)
            try ExportGate.checkProfiles(profiles, of: account)
            let documents = profiles.sorted { $0.id < $1.id }.map(ProfileDocument.json)
            try context.emitDocument(
                names.count == 1 ? documents[0] : .array(documents),
                result: ["account": .string(account.id), "profiles": .number(String(documents.count))])
            return 0
        })

    static let importProfiles = CommandSpec(
        path: ["profile", "import"],
        summary: "Import profiles from Dintero's JSON (one object or an array); all or nothing",
        arguments: [.account, .inputFile],
        options: [replace],
        examples: [
            Example(
                command: "profile import T12345678 profiles.json",
                explanation: "import what GET /v1/admin/session/profiles returned")
        ],
        discussion:
            "Read-only fields (id, created_at, updated_at, …, publish[].status, discounts.type, payout.payment_products) are dropped at any depth; disabled products keep their options; unknown fields are kept and exported again. Profiles with deleted_at are skipped and reported; a disabled foreign *.clicktopay is dropped with a warning.",
        run: { context in
            let id = try context.accountArgument()
            let file = context.arguments.word(.inputFile)
            let batch = try ProfileBatch.read(file, for: id.rawValue, context)
            let profiles = batch.profiles
            let replace = context.arguments[replace]
            let changes = try context.writer.modifyExisting(id.rawValue) { account in
                let existing = profiles.map(\.id).filter { account.profiles[$0] != nil }
                if !existing.isEmpty && !replace {
                    throw Rejection(
                        reason: .alreadyExists,
                        message:
                            "profile \(existing.map { "'\($0)'" }.joined(separator: ", ")) already exists on account '\(id)'",
                        hints: ["pass --replace to replace existing profiles"])
                }
                for profile in profiles { account.profiles[profile.id] = profile }
            }
            batch.reportSkipped(in: context)
            ChangeText.report(
                changes, in: context, noChange: "no changes: the profiles are already as in '\(file)'",
                extra: batch.json)
            return 0
        })
}

/// Reads a JSON document from a file or stdin, refusing what is not UTF-8 JSON with where it failed.
enum JSONInput {
    /// Largest document accepted (256 MiB): far above a 100 000-account state document (96 MB); reading stops
    /// past it, so a larger input is refused without being held.
    static let maximumBytes = 256 << 20

    /// Parses `file` (`-` for stdin).
    static func read(_ file: String, _ context: CommandContext) throws -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes =
                file == "-"
                ? try context.streams.input.readAll(limit: maximumBytes)
                : try readFile(atPath: file, limit: maximumBytes)
        } catch let error as FileError {
            throw Rejection.invalid("cannot read '\(error.path)': \(error.reason)")
        }
        guard bytes.count <= maximumBytes else {
            throw Rejection.invalid("'\(file)' is larger than \(maximumBytes >> 20) MiB")
        }
        do {
            return try JSONParser.parseInput(bytes)
        } catch {
            throw Rejection.invalid("invalid JSON in '\(file == "-" ? "<stdin>" : file)': \(error.description)")
        }
    }
}

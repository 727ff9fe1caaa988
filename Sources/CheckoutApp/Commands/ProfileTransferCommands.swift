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
        discussion: "One profile named: a JSON object. None or several: a JSON array sorted by profile id.",
        run: { context in
            let account = try context.readAccount(try context.accountArgument())
            let names = context.arguments.words(exported)
            let profiles = try names.isEmpty ? account.sortedProfiles : names.map(account.existingProfile)
            let documents = profiles.sorted { $0.id < $1.id }.map(ProfileDocument.json)
            try context.emitDocument(names.count == 1 ? documents[0] : .array(documents))
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
            "Read-only fields (id, created_at, updated_at, …, payability, type) are dropped; unknown fields are kept and exported again.",
        run: { context in
            let id = try context.accountArgument()
            let file = context.arguments.word(.inputFile)
            let profiles = try readProfiles(from: file, context)
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
            ChangeText.report(changes, in: context, noChange: "no changes: the profiles are already as in '\(file)'")
            return 0
        })

    private static func readProfiles(from file: String, _ context: CommandContext) throws -> [PaymentProfile] {
        let document = try JSONInput.read(file, context)
        let items: [(JSONValue, String)]
        switch document {
        case .object: items = [(document, "$")]
        case .array(let elements): items = elements.enumerated().map { ($1, "$[\($0)]") }
        default:
            throw Rejection.invalid(
                "'\(file)' holds \(document.typeName), expected a profile object or an array of them")
        }
        var seen: [String: String] = [:]
        return try items.map { value, path in
            let profile = try ProfileImport(path: path).profile(from: value)
            if let first = seen.updateValue(path, forKey: profile.id) {
                throw Rejection.invalid("profile '\(profile.id)' appears twice in '\(file)' (at \(first) and \(path))")
            }
            return profile
        }
    }
}

/// Reads a JSON document from a file or stdin, refusing what is not UTF-8 JSON with where it failed.
enum JSONInput {
    /// Largest document accepted: far above 10 000 accounts, far below what would exhaust memory.
    static let maximumBytes = 256 << 20

    /// Parses `file` (`-` for stdin).
    static func read(_ file: String, _ context: CommandContext) throws -> JSONValue {
        let bytes: [UInt8]
        do {
            bytes = file == "-" ? try context.streams.input.readAll() : try readFile(atPath: file)
        } catch let error as FileError {
            throw Rejection.invalid("cannot read '\(error.path)': \(error.reason)")
        }
        guard bytes.count <= maximumBytes else {
            throw Rejection.invalid("'\(file)' is larger than \(maximumBytes >> 20) MiB")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw Rejection.invalid("invalid JSON in '\(file == "-" ? "<stdin>" : file)': \(error.description)")
        }
    }
}

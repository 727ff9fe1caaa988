import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The profiles of one `profile import` file: those to import, the soft-deleted ones skipped, and warnings
/// about what was dropped on the way in.
struct ProfileBatch {
    /// The profiles to import, in file order.
    private(set) var profiles: [PaymentProfile] = []
    /// Soft-deleted profiles (with `deleted_at`): id (or path when it has none) and where they stood.
    private(set) var skipped: [(id: String, path: String)] = []
    /// What was dropped and deserves a word.
    private(set) var warnings: [String] = []

    /// Reads `file` (`-` for stdin): one profile object or an array of them, for account `account`.
    static func read(_ file: String, for account: String, _ context: CommandContext) throws -> ProfileBatch {
        let document = try JSONInput.read(file, context)
        let items: [(JSONValue, String)]
        switch document {
        case .object: items = [(document, "$")]
        case .array(let elements): items = elements.enumerated().map { ($1, "$[\($0)]") }
        default:
            throw Rejection.invalid(
                "'\(file)' holds \(document.typeName), expected a profile object or an array of them")
        }
        var batch = ProfileBatch()
        var seen: [String: String] = [:]
        for (value, path) in items {
            // A soft-deleted profile is gone on Dintero's side; importing it would bring it back to life.
            if ReadOnlyFields.isDeleted(value) {
                batch.skipped.append((value["profile_id"]?.stringValue ?? path, path))
                continue
            }
            var reader = ProfileImport(path: path)
            reader.dropsDisabledForeignClickToPay = true
            let profile = try reader.profile(from: value)
            do { try ProfileRules.validateGeneratedID(profile.id, for: account) } catch let rejection as Rejection {
                throw rejection.located(at: "\(path).profile_id")
            }
            if let first = seen.updateValue(path, forKey: profile.id) {
                throw Rejection.invalid("profile '\(profile.id)' appears twice in '\(file)' (at \(first) and \(path))")
            }
            batch.warnings += reader.warnings
            batch.profiles.append(profile)
        }
        return batch
    }

    /// Prints the skipped profiles and warnings on stderr (text mode; `--json` carries them in `json`).
    func reportSkipped(in context: CommandContext) {
        guard !context.options.json else { return }
        for warning in warnings { context.inform("warning: \(warning)") }
        for entry in skipped {
            context.inform("skipped profile '\(entry.id.debugEscaped)' at '\(entry.path)': deleted on Dintero's side")
        }
    }

    /// `skipped` and `warnings` for the `--json` result.
    var json: [String: JSONValue] {
        [
            "skipped": .array(
                skipped.map { .object(["profile_id": .string($0.id), "path": .string($0.path)]) }),
            "warnings": .array(warnings.map(JSONValue.string)),
        ]
    }
}

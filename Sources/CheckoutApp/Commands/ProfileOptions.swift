import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// The options of `profile add`, validated before the store is touched.
struct ProfileOptions {
    let description: String?
    let methods: [PaymentType]
    let defaultType: PaymentType?
    let allActive: Bool?
    let channel: String?
    let autoCapture: Bool?
    let copyFrom: String?

    /// `--description TEXT`.
    static let descriptionOption = Option.value("description", "TEXT", "what the profile is for")
    /// `--method TYPE`, repeatable.
    static let methodOption = Option.repeated(
        "method", "TYPE", "a payment type the profile offers; repeat for several", completion: .enabledPaymentType)
    /// `--default TYPE`.
    static let defaultOption = Option.value(
        "default", "TYPE", "the default payment type (must be offered)", completion: .enabledPaymentType)
    /// `--all-active`.
    static let allActiveOption = Option.optionalFlag(
        "all-active", "offer every method enabled on the account (active_payment_types)")
    /// `--channel CHANNEL`.
    static let channelOption = Option.value(
        "channel", "CHANNEL", "ecommerce (default), in_app or in_store", completion: .words(PaymentProfile.channels))
    /// `--auto-capture`.
    static let autoCaptureOption = Option.optionalFlag("auto-capture", "capture payments automatically")
    /// `--copy-from PROFILE`.
    static let copyFromOption = Option.value(
        "copy-from", "PROFILE", "start from a copy of another profile of the account", completion: .profile)

    /// The options in the order `profile add --help` lists them.
    static let all: [any DeclaredOption] = [
        descriptionOption, methodOption, defaultOption, allActiveOption, channelOption, autoCaptureOption,
        copyFromOption,
    ]

    /// Reads and validates the options.
    init(_ arguments: ParsedArguments) throws {
        description = arguments[Self.descriptionOption]
        if let description { try ProfileRules.validateDescription(description) }
        methods = try arguments[Self.methodOption].map(PaymentType.init(parsing:))
        defaultType = try arguments[Self.defaultOption].map(PaymentType.init(parsing:))
        channel = arguments[Self.channelOption]
        if let channel { try ProfileRules.validateChannel(channel) }
        allActive = arguments[Self.allActiveOption]
        autoCapture = arguments[Self.autoCaptureOption]
        copyFrom = arguments[Self.copyFromOption]
    }

    /// The new profile: a copy of `--copy-from` (if given) with the options applied on top.
    func makeProfile(_ id: String, in account: MerchantAccount) throws -> PaymentProfile {
        var profile = try copyFrom.map { try account.existingProfile($0) } ?? PaymentProfile(id: id)
        profile.id = id
        if let description { profile.description = description }
        for type in methods { profile.offer(type.identifier) }
        if let defaultType { profile.defaultPaymentType = defaultType.identifier }
        if let allActive { profile.allActive = allActive }
        if let channel { profile.channel = channel }
        if let autoCapture { profile.autoCapture = autoCapture }
        return profile
    }
}

/// A key of `profile set`.
enum ProfileField: String, CaseIterable {
    case description, channel
    case autoCapture = "auto_capture"
    case defaultPaymentType = "default_payment_type"
    case allActive = "all_active"
    case merchantTermsURL = "merchant_terms_url"

    /// Parses a key, refusing unknown ones with a suggestion.
    init(parsing text: String) throws {
        guard let field = ProfileField(rawValue: text) else {
            let names = ProfileField.allCases.map(\.rawValue)
            throw Rejection.invalid(
                "unknown profile field '\(text.excerpt())'",
                hints: Suggestion.hints(for: text, among: names) + ["fields are: \(names.joined(separator: ", "))"])
        }
        self = field
    }

    /// Validates `value` and returns the edit it makes; an empty value clears optional fields.
    func edit(_ value: String) throws -> (inout PaymentProfile) -> Void {
        switch self {
        case .description:
            if !value.isEmpty { try ProfileRules.validateDescription(value) }
            return { $0.description = value.isEmpty ? nil : value }
        case .channel:
            try ProfileRules.validateChannel(value)
            return { $0.channel = value }
        case .autoCapture:
            let flag = try ProfileField.parseBool(value, key: rawValue)
            return { $0.autoCapture = flag }
        case .allActive:
            let flag = try ProfileField.parseBool(value, key: rawValue)
            return { $0.allActive = flag }
        case .defaultPaymentType:
            let type = value.isEmpty ? nil : try PaymentType(parsing: value).identifier
            return { $0.defaultPaymentType = type }
        case .merchantTermsURL:
            if !value.isEmpty { try ProfileRules.validateTermsURL(value) }
            return { $0.merchantTermsURL = value.isEmpty ? nil : value }
        }
    }

    private static func parseBool(_ value: String, key: String) throws -> Bool {
        guard let flag = Bool(value) else {
            throw Rejection.invalid(
                "invalid value '\(value.excerpt())' for '\(key)'",
                hints: ["\(key) must be true or false"])
        }
        return flag
    }
}

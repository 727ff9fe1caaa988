import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// What changed in a profile, field by field, for plan, change and history lines.
enum ProfileDifference {
    /// `description 'Web' → 'Web shop'; merchant_terms_url set; options of vipps; pass-through fields`; a plan
    /// line uses it when what the profile offers did not change, the history for every change.
    static func describe(_ old: PaymentProfile, _ new: PaymentProfile) -> String {
        let parts = offerParts(old, new) + detailParts(old, new)
        return parts.isEmpty ? "changed" : parts.joined(separator: "; ")
    }

    /// `+ vipps`, `- dintero_psp.creditcard`, and the fields that decide what is offered and how.
    private static func offerParts(_ old: PaymentProfile, _ new: PaymentProfile) -> [String] {
        var parts = new.sortedMethodTypes.filter { old.methods[$0] == nil }.map { "+ \($0)" }
        parts += old.sortedMethodTypes.filter { new.methods[$0] == nil }.map { "- \($0)" }
        if old.allActive != new.allActive { parts.append("all_active \(old.allActive) → \(new.allActive)") }
        if old.defaultPaymentType != new.defaultPaymentType {
            parts.append(
                "default_payment_type \(quoted(old.defaultPaymentType)) → \(quoted(new.defaultPaymentType))")
        }
        if old.channel != new.channel { parts.append("channel '\(old.channel)' → '\(new.channel)'") }
        if old.autoCapture != new.autoCapture { parts.append("auto_capture \(old.autoCapture) → \(new.autoCapture)") }
        return parts
    }

    private static func detailParts(_ old: PaymentProfile, _ new: PaymentProfile) -> [String] {
        var parts: [String] = []
        if old.description != new.description {
            parts.append("description \(quoted(old.description)) → \(quoted(new.description))")
        }
        if old.merchantTermsURL != new.merchantTermsURL {
            parts.append("merchant_terms_url \(quoted(old.merchantTermsURL)) → \(quoted(new.merchantTermsURL))")
        }
        let options = new.sortedMethodTypes.filter { old.methods[$0] != nil && old.methods[$0] != new.methods[$0] }
        if !options.isEmpty { parts.append("options of \(options.joined(separator: ", "))") }
        let disabled = Set(old.disabledProducts.keys).union(new.disabledProducts.keys).sorted().filter {
            old.disabledProducts[$0] != new.disabledProducts[$0]
        }
        if !disabled.isEmpty { parts.append("disabled \(disabled.joined(separator: ", "))") }
        if old.extraConfiguration != new.extraConfiguration || old.extraFields != new.extraFields {
            parts.append("pass-through fields")
        }
        return parts
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "'\($0.excerpt())'" } ?? "(none)"
    }
}

import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// What changed in a profile when what it offers did not: the fields that differ, for plan and change lines.
enum ProfileDifference {
    /// `description 'Web' → 'Web shop'; merchant_terms_url set; options of vipps; pass-through fields`.
    static func describe(_ old: PaymentProfile, _ new: PaymentProfile) -> String {
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
        return parts.isEmpty ? "changed" : parts.joined(separator: "; ")
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "'\($0.excerpt())'" } ?? "(none)"
    }
}

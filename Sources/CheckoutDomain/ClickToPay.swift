/// The Click to Pay workflow on one account, as pure edits and a status summary.
package enum ClickToPay {
    /// The outcome of `enable`: the edited account and the profiles already covered by active_payment_types.
    package struct Enablement {
        /// The account after the edit.
        package var account: MerchantAccount
        /// Profiles that offer Click to Pay through `active_payment_types` and were left as they are.
        package var coveredByActiveTypes: [String]
    }

    /// Enables `dintero_psp.clicktopay` on the account (currencies given, else the card method's) and adds it to
    /// `profileIDs`, or to every profile that offers `dintero_psp.creditcard` explicitly.
    package static func enable(on account: MerchantAccount, profileIDs: [String], currencies: [String]?) throws
        -> Enablement
    {
        let ctp = PaymentType.clickToPay.identifier
        guard let cardCurrencies = account.methods[PaymentType.creditCard.identifier] else {
            throw Rejection.invalid(
                "account '\(account.id)' has no '\(PaymentType.creditCard)'; Click to Pay is shown inside that card form",
                fixes: [
                    Fix(
                        ["method", "enable"],
                        [.value(account.id), .value("\(PaymentType.creditCard)"), .value("--currency"), .value("NOK")],
                        lead: "enable it first: ")
                ])
        }
        if let currencies { try refuseCurrencies(currencies, lackedBy: cardCurrencies, on: account) }
        var result = Enablement(account: account, coveredByActiveTypes: [])
        result.account.methods[ctp] = currencies ?? cardCurrencies
        // A profile named twice is edited and reported once.
        var seen = Set<String>()
        let named = try profileIDs.filter { seen.insert($0).inserted }.map(account.existingProfile)
        let candidates = named.isEmpty ? account.sortedProfiles : named
        for profile in candidates where profile.methods[ctp] == nil {
            if profile.allActive {
                result.coveredByActiveTypes.append(profile.id)
            } else if !named.isEmpty
                || (profile.methods[PaymentType.creditCard.identifier] != nil
                    && profile.channel != PaymentProfile.inStore)
            {
                result.account.profiles[profile.id]?.offer(ctp)
            }
        }
        return result
    }

    /// Refuses Click to Pay currencies the card method lacks: Click to Pay could never be shown in them.
    private static func refuseCurrencies(_ currencies: [String], lackedBy card: [String], on account: MerchantAccount)
        throws
    {
        let lacking = currencies.filter { !card.contains($0) }
        guard !lacking.isEmpty else { return }
        let cardType = PaymentType.creditCard.identifier
        var fix = Fix.enableMethod(account.id, cardType, currencies: (card + lacking).sorted())
        fix.lead = "add them to the card method first: "
        throw Rejection.invalid(
            "account '\(account.id)': '\(cardType)' lacks \(lacking.joined(separator: ", ")), so Click to Pay could never be shown there",
            fixes: [fix])
    }

    /// Removes Click to Pay from every profile (and as their default) and from the account.
    package static func disable(on account: inout MerchantAccount) {
        let ctp = PaymentType.clickToPay.identifier
        for id in account.profiles.keys {
            account.profiles[id]?.methods[ctp] = nil
            if account.profiles[id]?.defaultPaymentType == ctp { account.profiles[id]?.defaultPaymentType = nil }
        }
        account.methods[ctp] = nil
        account.methodDetails[ctp] = nil
    }
}

/// Where Click to Pay stands on one account (`clicktopay status`).
package struct ClickToPayStatus {
    /// How a profile offers Click to Pay.
    package enum Offer: String {
        case explicit
        case activePaymentTypes = "active_payment_types"
    }

    /// The account.
    package let account: MerchantAccount

    /// Whether the account has enabled it.
    package var isEnabled: Bool { account.hasClickToPay }

    /// Its currencies on the account.
    package var currencies: [String] { account.methods[PaymentType.clickToPay.identifier] ?? [] }

    /// The card method's currencies (empty when the account has no card method).
    package var cardCurrencies: [String] { account.methods[PaymentType.creditCard.identifier] ?? [] }

    /// The card method's currencies that Click to Pay lacks while it is on.
    package var missingCurrencies: [String] { account.clickToPayCurrenciesMissing }

    /// Click to Pay's currencies that the card method lacks, where it can never be shown.
    package var currenciesWithoutCard: [String] { account.clickToPayCurrenciesWithoutCard }

    /// Profiles that offer it and how, by id.
    package var offeringProfiles: [(id: String, offer: Offer)] {
        account.sortedProfiles.compactMap { profile in
            if profile.methods[PaymentType.clickToPay.identifier] != nil { return (profile.id, .explicit) }
            if profile.allActive && isEnabled { return (profile.id, .activePaymentTypes) }
            return nil
        }
    }

    /// Profiles that offer cards but not Click to Pay.
    package var cardProfilesWithout: [String] {
        account.sortedProfiles.filter { profile in
            account.offers(PaymentType.creditCard.identifier, in: profile)
                && !account.offers(PaymentType.clickToPay.identifier, in: profile)
        }.map(\.id)
    }

    /// The setting that makes the customer's email known, if any.
    package var emailSource: SettingKey? {
        [SettingKey.checkoutExpress, .sessionCustomerEmail].first { account.isSet($0) }
    }

    /// The account's Click to Pay findings (rules `ctp-*`).
    package var findings: [AuditFinding] {
        Audit.findings(for: account).filter { $0.rule.isClickToPayRule }
    }

    /// A value from its parts.
    package init(account: MerchantAccount) {
        self.account = account
    }
}

extension MerchantAccount {
    /// Click to Pay's currencies that the card method lacks, in Click to Pay's order; empty when either is off.
    package var clickToPayCurrenciesWithoutCard: [String] {
        guard let card = methods[PaymentType.creditCard.identifier] else { return [] }
        return (methods[PaymentType.clickToPay.identifier] ?? []).filter { !card.contains($0) }
    }

    /// The card method's currencies that Click to Pay lacks while it is on, in the card method's order.
    package var clickToPayCurrenciesMissing: [String] {
        guard let ctp = methods[PaymentType.clickToPay.identifier] else { return [] }
        return (methods[PaymentType.creditCard.identifier] ?? []).filter { !ctp.contains($0) }
    }
}

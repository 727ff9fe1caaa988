/// The configuration audit: every rule over one account. Pure: no store, no output.
package struct Audit {
    /// The account audited.
    package let account: MerchantAccount

    /// Every finding for the account, in deterministic order.
    package static func findings(for account: MerchantAccount) -> [AuditFinding] {
        Audit(account: account).findings.sorted(by: AuditFinding.precedes)
    }

    private var id: String { account.id }
    private var ctp: String { PaymentType.clickToPay.identifier }
    private var card: String { PaymentType.creditCard.identifier }

    private var findings: [AuditFinding] {
        accountFindings + account.sortedProfiles.flatMap(profileFindings)
    }

    // MARK: account-level rules

    private var accountFindings: [AuditFinding] {
        var found = account.sortedMethodTypes.flatMap { type in
            typeFindings(
                type, profile: nil, fix: .disableMethod(id, type))
                + currencyFindings(type)
        }
        if account.hasClickToPay && account.methods[card] == nil {
            found.append(
                finding(
                    .ctpWithoutCard, type: ctp,
                    "account '\(id)' offers Click to Pay without '\(card)'; Click to Pay is shown inside that card form",
                    .enableMethod(id, card)))
        }
        if account.hasClickToPay && !account.isSet(.checkoutExpress) && !account.isSet(.sessionCustomerEmail) {
            found.append(
                finding(
                    .ctpEmailUnknown, type: ctp,
                    "account '\(id)' offers Click to Pay but the customer's email is never known, so it would never be shown",
                    .setSettings(id, [.value("checkout_express=true")]).or(
                        .setSettings(id, [.value("session_customer_email=true")]))))
        }
        found += clickToPayCurrencyFindings()
        let missing = [SettingKey.name, .logoURL].filter { account.settings[$0.rawValue] == nil }.map(\.rawValue)
        if !missing.isEmpty {
            found.append(
                finding(
                    .merchantIncomplete,
                    "account '\(id)' lacks \(missing.joined(separator: " and ")), which Dintero requires",
                    .setSettings(id, missing.map { .placeholder("\($0)=…") })))
        }
        return found
    }

    /// ctp-currency-without-card and ctp-currency-missing: Click to Pay is shown inside the card form, so it can
    /// only appear in a currency the card method has, and should appear in every one of them.
    private func clickToPayCurrencyFindings() -> [AuditFinding] {
        guard account.hasClickToPay, let cardCurrencies = account.methods[card] else { return [] }
        let ctpCurrencies = account.methods[ctp] ?? []
        // A method without currencies or with invalid codes is currency-invalid's finding; its fix comes first.
        let valid = { (codes: [String]) in !codes.isEmpty && codes.allSatisfy { CurrencyCode($0) != nil } }
        guard valid(cardCurrencies) && valid(ctpCurrencies) else { return [] }
        var found: [AuditFinding] = []
        let extra = account.clickToPayCurrenciesWithoutCard
        if !extra.isEmpty {
            let common = ctpCurrencies.filter(cardCurrencies.contains)
            var fix = Fix.enableMethod(id, card, currencies: (cardCurrencies + extra).sorted())
            if !common.isEmpty { fix = fix.or(.enableMethod(id, ctp, currencies: common)) }
            found.append(
                finding(
                    .ctpCurrencyWithoutCard, type: ctp,
                    "account '\(id)' offers Click to Pay in \(extra.joined(separator: ", ")), which '\(card)' lacks; it can never be shown there",
                    fix))
        }
        let missing = account.clickToPayCurrenciesMissing
        if !missing.isEmpty {
            found.append(
                finding(
                    .ctpCurrencyMissing, type: ctp,
                    "account '\(id)' offers '\(card)' in \(missing.joined(separator: ", ")) but Click to Pay lacks them",
                    .enableMethod(id, ctp, currencies: cardCurrencies)))
        }
        return found
    }

    private func currencyFindings(_ type: String) -> [AuditFinding] {
        let currencies = account.methods[type] ?? []
        let invalid = currencies.filter { CurrencyCode($0) == nil }
        guard currencies.isEmpty || !invalid.isEmpty else { return [] }
        let problem =
            currencies.isEmpty
            ? "has no currencies" : "has invalid currency \(invalid.map { "'\($0)'" }.joined(separator: ", "))"
        return [
            finding(
                .currencyInvalid, type: type, "method '\(type)' on account '\(id)' \(problem)",
                currencyFix(type))
        ]
    }

    /// A stored type outside the catalogue cannot be enabled again, only disabled; Click to Pay takes the card
    /// method's currencies (it cannot have others); any other method those the account already uses (or NOK).
    private func currencyFix(_ type: String) -> Fix {
        guard PaymentCatalogue.identifiers.contains(type) else { return .disableMethod(id, type) }
        let valid = { (codes: [String]) in codes.filter { CurrencyCode($0) != nil } }
        let card = valid(account.methods[self.card] ?? [])
        let currencies = type == ctp && !card.isEmpty ? card : valid(account.currenciesInUse)
        return .enableMethod(id, type, currencies: currencies.isEmpty ? ["NOK"] : currencies)
    }

    /// ctp-provider and unknown-type for one stored type string; `use` says how the place uses it ("offers",
    /// "has default").
    // Hints are built only when a finding is made: most types and profiles have none.
    private func typeFindings(_ type: String, profile: String?, use: String = "offers", fix: @autoclosure () -> Fix)
        -> [AuditFinding]
    {
        let place = { profile.map { "profile '\($0)' of account '\(id)'" } ?? "account '\(id)'" }
        // Exact lower-case matching: `PAYEX.clicktopay` is an unknown type, not a provider violation.
        if PaymentType.isForeignClickToPay(type) {
            return [
                finding(
                    .ctpProvider, profile: profile, type: type,
                    "\(place()) \(use) '\(type)': Click to Pay is only offered through Dintero's own PSP, as '\(ctp)'",
                    fix())
            ]
        }
        if !PaymentCatalogue.identifiers.contains(type) {
            return [
                finding(
                    .unknownType, profile: profile, type: type,
                    "\(place()) uses unknown payment type '\(type)'", fix())
            ]
        }
        return []
    }

    // MARK: profile-level rules

    private func profileFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        var found = profile.sortedMethodTypes.flatMap { type in
            typeFindings(
                type, profile: profile.id,
                fix: .removeProfileMethod(id, profile.id, type))
                + profileMethodFindings(type, profile)
        }
        found += clickToPayFindings(profile)
        found += defaultTypeFindings(profile)
        found += productFindings(profile)
        if profile.methods.isEmpty && !profile.allActive {
            found.append(
                finding(
                    .profileEmpty, profile: profile.id,
                    "profile '\(profile.id)' of account '\(id)' offers nothing",
                    .addProfileMethod(id, profile.id, .placeholder("<type>")).or(
                        .setProfile(id, profile.id, "all_active=true"))
                ))
        }
        found += walletsFindings(profile)
        return found
    }

    private func profileMethodFindings(_ type: String, _ profile: PaymentProfile) -> [AuditFinding] {
        guard account.methods[type] == nil, PaymentCatalogue.identifiers.contains(type) else { return [] }
        if type == ctp {
            return [
                finding(
                    .ctpNotOnAccount, profile: profile.id, type: ctp,
                    "profile '\(profile.id)' offers Click to Pay but account '\(id)' has not enabled it",
                    .enableClickToPay(id))
            ]
        }
        return [
            finding(
                .methodNotOnAccount, profile: profile.id, type: type,
                "profile '\(profile.id)' offers '\(type)' but account '\(id)' has not enabled it",
                .enableMethod(id, type))
        ]
    }

    private func clickToPayFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        var found: [AuditFinding] = []
        if profile.methods[ctp] != nil && !account.offers(card, in: profile) {
            found.append(
                finding(
                    .ctpWithoutCard, profile: profile.id, type: ctp,
                    "profile '\(profile.id)' of account '\(id)' offers Click to Pay without '\(card)'",
                    // Offering cards the account has not enabled would be refused, so Click to Pay leaves instead —
                    // unless it is all the profile offers: then cards come after the account's own fix.
                    account.methods[card] == nil && profile.methods.count > 1
                        ? .removeProfileMethod(id, profile.id, ctp) : .addProfileMethod(id, profile.id, .value(card))))
        }
        if account.hasClickToPay && profile.methods[card] != nil && !account.offers(ctp, in: profile)
            && profile.channel != PaymentProfile.inStore
        {
            found.append(
                finding(
                    .ctpMissingFromProfile, profile: profile.id, type: ctp,
                    "profile '\(profile.id)' of account '\(id)' offers cards but not Click to Pay, which the account has",
                    .enableClickToPay(id, profile: profile.id)))
        }
        return found + channelFindings(profile)
    }

    /// ctp-channel: an `in_store` profile has no hosted checkout to show Click to Pay in, and an `in_app` one has
    /// no Checkout Express, so there the customer's email must come from the session.
    private func channelFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        let place = "profile '\(profile.id)' of account '\(id)'"
        if profile.channel == PaymentProfile.inStore && profile.methods[ctp] != nil {
            return [
                finding(
                    .ctpChannel, profile: profile.id, type: ctp,
                    "\(place) offers Click to Pay on channel in_store, which has no hosted checkout to show it in",
                    .removeProfileMethod(id, profile.id, ctp))
            ]
        }
        if profile.channel == PaymentProfile.inApp && account.offers(ctp, in: profile)
            && !account.isSet(.sessionCustomerEmail)
        {
            return [
                finding(
                    .ctpChannel, profile: profile.id, type: ctp,
                    "\(place) offers Click to Pay on channel in_app, which has no Checkout Express, so the customer's email must come from the session",
                    .setSettings(id, [.value("session_customer_email=true")]))
            ]
        }
        return []
    }

    private func defaultTypeFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        guard let type = profile.defaultPaymentType else { return [] }
        let clear = { (type: String) in Fix.setProfile(id, profile.id, "default_payment_type=\(type)") }
        var found = typeFindings(type, profile: profile.id, use: "has default", fix: clear(""))
        // Clearing the default removes this finding and default-not-offered alike, so it is the only one shown.
        if found.isEmpty && !ProductSchema.canBeDefault(type) {
            return [
                finding(
                    .defaultNotAllowed, profile: profile.id, type: type,
                    "profile '\(profile.id)' of account '\(id)' has default '\(type)', which Dintero does not accept as a default",
                    clear(""))
            ]
        }
        // Checked before ctp-as-default is added: that warning must not hide this error.
        if found.isEmpty && !account.offers(type, in: profile) {
            found.append(
                finding(
                    .defaultNotOffered, profile: profile.id, type: type,
                    "profile '\(profile.id)' of account '\(id)' has default '\(type)' but does not offer it",
                    // Offering a type the account has not enabled would be refused: then only clearing the default works.
                    account.methods[type] == nil
                        ? clear("") : .addProfileMethod(id, profile.id, .value(type)).or(clear(""))))
        }
        if type == ctp {
            found.append(
                finding(
                    .ctpAsDefault, profile: profile.id, type: ctp,
                    "profile '\(profile.id)' of account '\(id)' has Click to Pay as its default; only enrolled customers with a known email see it",
                    clear(card)))
        }
        return found
    }

    // Disabled products count too: Dintero's schema checks a product object whether it is enabled or not.
    // Only the few types a product rule is about are looked at, and messages are built only for findings.
    private func productFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        let types =
            profile.methods.keys.filter(ProductSchema.hasProductRule)
            + profile.disabledProducts.keys.filter { ProductSchema.hasProductRule($0) && profile.methods[$0] == nil }
        return types.sorted().flatMap { type -> [AuditFinding] in
            let place = "profile '\(profile.id)' of account '\(id)'"
            if !ProductSchema.isOfferable(type) {
                return [
                    finding(
                        .productNotOfferable, profile: profile.id, type: type,
                        "\(place) has '\(type)', which has no product object in Dintero's profile schema",
                        .removeProfileMethod(id, profile.id, type))
                ]
            }
            let missing = ProductSchema.missingDisplayLabels(
                type, profile.methods[type] ?? profile.disabledProducts[type] ?? [:])
            guard !missing.isEmpty else { return [] }
            return [
                finding(
                    .productOptionsMissing, profile: profile.id, type: type,
                    "\(place) has '\(type)' without \(missing.map { "display.\($0)" }.joined(separator: " and ")), which Dintero requires",
                    .setProductOption(id, profile.id, type, ProductSchema.exampleDisplay))
            ]
        }
    }

    private func walletsFindings(_ profile: PaymentProfile) -> [AuditFinding] {
        let wallets = PaymentType.wallets.identifier
        guard account.offers(wallets, in: profile) else { return [] }
        let offered = Set(profile.methods.keys).union(profile.allActive ? Set(account.methods.keys) : [])
        let conflicting = offered.filter(Audit.conflictsWithWallets).sorted()
        guard !conflicting.isEmpty else { return [] }
        return [
            finding(
                .walletsConflict, profile: profile.id, type: wallets,
                "profile '\(profile.id)' of account '\(id)' offers '\(wallets)' together with \(conflicting.map { "'\($0)'" }.joined(separator: ", "))",
                // A profile with active_payment_types offers every method of the account: only the account can drop it.
                profile.allActive && account.methods[wallets] != nil
                    ? .disableMethod(id, wallets) : .removeProfileMethod(id, profile.id, wallets))
        ]
    }

    /// Types that cannot share a session with `dintero.wallets`.
    package static func conflictsWithWallets(_ type: String) -> Bool {
        ["vipps", "swish.swish", "klarna.billie"].contains(type)
            || ["instabank.", "collector.", "netaxept."].contains { type.hasPrefix($0) }
    }

    private func finding(
        _ rule: AuditRule, profile: String? = nil, type: String? = nil, _ message: String, _ fix: Fix
    ) -> AuditFinding {
        AuditFinding(rule: rule, account: id, profile: profile, paymentType: type, message: message, fix: fix)
    }
}

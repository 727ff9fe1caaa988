/// What each audit rule is about, in words: the one source for `help audit-rules` and README's audit table.
extension AuditRule {
    /// When the rule fires.
    package var trigger: String {
        switch self {
        case .ctpProvider:
            "a method, profile method or default type is <gateway>.clicktopay with gateway ≠ dintero_psp"
        case .ctpNotOnAccount: "a profile offers dintero_psp.clicktopay but the account has not enabled it"
        case .ctpWithoutCard:
            "Click to Pay is offered (account or explicit profile) without dintero_psp.creditcard, whose form shows it"
        case .ctpMissingFromProfile:
            "the account has Click to Pay; a profile offers the card method explicitly but not Click to Pay"
        case .ctpEmailUnknown:
            "Click to Pay is on but neither checkout_express nor session_customer_email is true: it is never shown"
        case .ctpAsDefault:
            "default_payment_type is dintero_psp.clicktopay (only enrolled customers with a known email see it)"
        case .ctpCurrencyWithoutCard:
            "Click to Pay is on in a currency dintero_psp.creditcard lacks (it can never be shown there)"
        case .ctpCurrencyMissing: "dintero_psp.creditcard has a currency Click to Pay lacks"
        case .ctpChannel:
            "an in_store profile offers Click to Pay explicitly (no hosted checkout), or an in_app profile offers it without session_customer_email (no Checkout Express in app)"
        case .methodNotOnAccount: "a profile offers a type the account has not enabled"
        case .defaultNotOffered:
            "the default type is not offered (explicitly or through active_payment_types)"
        case .profileEmpty: "a profile offers nothing and has no active_payment_types"
        case .unknownType: "a stored type is not in the catalogue"
        case .currencyInvalid: "a method without currencies, or with a code that is not ISO 4217"
        case .walletsConflict:
            "dintero.wallets together with vipps, swish.swish, klarna.billie, instabank.*, collector.* or netaxept.*"
        case .merchantIncomplete: "name or logo_url missing (Dintero requires both)"
        case .defaultNotAllowed:
            "default_payment_type outside Dintero's enum for defaults (dintero.wallets, dintero.external)"
        case .productNotOfferable:
            "a profile offers a type with no product object in Dintero's profile schema (collector.installment_b2b_preapproved)"
        case .productOptionsMissing:
            "a product lacks options Dintero requires (dintero.external without display labels)"
        }
    }

    /// What the finding's fix command does.
    package var remedy: String {
        switch self {
        case .ctpProvider: "remove the type: method disable --force, profile remove-method, or clear the default"
        case .ctpNotOnAccount: "clicktopay enable <account>"
        case .ctpWithoutCard:
            "method enable <account> dintero_psp.creditcard, or profile add-method … dintero_psp.creditcard"
        case .ctpMissingFromProfile: "clicktopay enable <account> --profile <profile>"
        case .ctpEmailUnknown: "settings set <account> checkout_express=true (or session_customer_email=true)"
        case .ctpAsDefault: "profile set … default_payment_type=dintero_psp.creditcard"
        case .ctpCurrencyWithoutCard:
            "give dintero_psp.creditcard those currencies, or Click to Pay only the card method's"
        case .ctpCurrencyMissing:
            "re-sync Click to Pay: method enable … dintero_psp.clicktopay with the card's currencies"
        case .ctpChannel:
            "profile remove-method … dintero_psp.clicktopay (in_store), settings set … session_customer_email=true (in_app)"
        case .methodNotOnAccount: "method enable <account> <type>"
        case .defaultNotOffered: "profile add-method … <type>, or clear the default"
        case .profileEmpty: "profile add-method … <type>, or profile set … all_active=true"
        case .unknownType: "method disable <account> <type> --force, or profile remove-method"
        case .currencyInvalid: "method enable <account> <type> --currency …, or disable a type not in the catalogue"
        case .walletsConflict:
            "profile remove-method … dintero.wallets, or method disable … dintero.wallets --force (active_payment_types)"
        case .merchantIncomplete: "settings set <account> name=… logo_url=…"
        case .defaultNotAllowed: "profile set … default_payment_type= (clear it)"
        case .productNotOfferable: "profile remove-method … <type>"
        case .productOptionsMissing: "profile set-option … dintero.external display=…"
        }
    }
}

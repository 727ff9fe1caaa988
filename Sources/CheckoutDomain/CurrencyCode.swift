/// An ISO 4217 currency code in the current list that a payment can be made in.
package struct CurrencyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The three upper-case letters, e.g. `NOK`.
    package let code: String

    /// Accepts only a current, upper-case ISO 4217 code that is a payment currency (not `XAU`, `XXX`, …).
    package init?(_ text: String) {
        guard CurrencyCode.current.contains(text), CurrencyCode.nonPayment[text] == nil else { return nil }
        code = text
    }

    package var description: String { code }

    package static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

    /// Every current ISO 4217 alphabetic code (178 codes).
    package static let current: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP",
        "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
        "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
        "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
        "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD",
        "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
        "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX",
        "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAD",
        "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
        "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
    ]

    /// The codes of the list that no payment is made in — precious metals, units of account, the testing and
    /// "no currency" codes — with what each stands for. `XAF`, `XOF`, `XPF`, `XCD` and `XCG` are real currencies.
    package static let nonPayment: [String: String] = [
        "XAD": "the Arab Accounting Dinar, a unit of account", "XAG": "silver", "XAU": "gold",
        "XBA": "a European bond market unit", "XBB": "a European bond market unit",
        "XBC": "a European bond market unit", "XBD": "a European bond market unit",
        "XDR": "the IMF's special drawing right", "XPD": "palladium", "XPT": "platinum",
        "XSU": "the Sucre, a unit of account", "XTS": "testing", "XUA": "the ADB unit of account",
        "XXX": "no currency",
    ]

    /// Every code a payment can be made in, sorted.
    package static let payment: [String] = current.filter { nonPayment[$0] == nil }.sorted()
}

/// Currency lists for methods.
package enum Currencies {
    /// Validates, de-duplicates and sorts `--currency` values; nil when none was given.
    package static func parse(_ values: [String]) throws -> [String]? {
        guard !values.isEmpty else { return nil }
        for value in values where CurrencyCode(value) == nil {
            if let meaning = CurrencyCode.nonPayment[value] {
                var rejection = Rejection.invalid(
                    "currency '\(value)' is not a payment currency",
                    hints: ["a currency is one payments are made in, e.g. NOK, EUR or USD"])
                rejection.explanation = "it is the ISO 4217 code for \(meaning)"
                throw rejection
            }
            // `nok` is three edits from `NOK`, beyond Suggestion's reach, so the upper-case form is offered directly;
            // a code with surrounding whitespace gets the trimmed one, as every other value does.
            let upper = TextRules.trimmingWhitespace(value).uppercased()
            throw Rejection.invalid(
                "invalid currency '\(value.excerpt(20))'",
                hints: (CurrencyCode(upper) != nil ? ["did you mean '\(upper)'?"] : [])
                    + ["a currency is an ISO 4217 code in upper case, e.g. NOK"])
        }
        // Already sorted without repeats (every document `dump` writes): nothing to sort.
        if zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) { return values }
        return Array(Set(values)).sorted()
    }
}

/// An ISO 4217 currency code in the current list.
package struct CurrencyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The three upper-case letters, e.g. `NOK`.
    package let code: String

    /// Accepts only a current, upper-case ISO 4217 code.
    package init?(_ text: String) {
        guard CurrencyCode.current.contains(text) else { return nil }
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
}

/// Currency lists for methods.
package enum Currencies {
    /// Validates, de-duplicates and sorts `--currency` values; nil when none was given.
    package static func parse(_ values: [String]) throws -> [String]? {
        guard !values.isEmpty else { return nil }
        for value in values where CurrencyCode(value) == nil {
            // `nok` is three edits from `NOK`, beyond Suggestion's reach, so the upper-case form is offered directly.
            let upper = value.uppercased()
            throw Rejection.invalid(
                "invalid currency '\(value.excerpt(20))'",
                hints: (CurrencyCode(upper) != nil ? ["did you mean '\(upper)'?"] : [])
                    + ["a currency is an ISO 4217 code in upper case, e.g. NOK"])
        }
        return Array(Set(values)).sorted()
    }
}

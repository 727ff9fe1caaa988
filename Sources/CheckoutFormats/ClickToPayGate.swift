import CheckoutDomain

/// The last gate before a body leaves the tool: it trusts nothing stored and checks the JSON about to be written
/// for Click to Pay from any gateway but `dintero_psp`, in every place a body can offer or name a payment type —
/// a `clicktopay` product under any gateway object of a `configuration` but `dintero_psp`, a
/// `default_payment_type`, and the `type` of every account payment method — however it got into the store. It
/// reads only those places (a dump passes it once per account), and works on any of the tool's documents: a
/// profile, an array of profiles, a checkout configuration, or a state-document account.
package enum ClickToPayGate {
    /// Refuses `document` (exit 3, `policy_violation`) when it would offer a foreign Click to Pay.
    package static func check(_ document: JSONValue) throws {
        // Places are spelt out only for a document that fails: a passing one is read without building a string.
        guard foreignClickToPay(in: document, at: nil) != nil,
            let found = foreignClickToPay(in: document, at: "$")
        else { return }
        var rejection = PaymentType.foreignClickToPayRejection(found.type).located(at: found.location)
        rejection.message = "refused to write a body with payment type '\(found.type)'"
        throw rejection
    }

    private typealias Finding = (type: String, location: String)

    // `location` is nil on the fast pass.
    private static func place(_ location: String?, _ suffix: String) -> String? {
        location.map { $0 + suffix }
    }

    private static func foreignClickToPay(in value: JSONValue, at location: String?) -> Finding? {
        if let elements = value.arrayValue {
            return firstFinding(elements, at: location) { foreignClickToPay(in: $0, at: $1) }
        }
        guard let members = value.objectValue else { return nil }
        if let configuration = members["configuration"]?.objectValue,
            let found = inConfiguration(configuration, at: place(location, ".configuration"))
        {
            return found
        }
        for key in ["payment_methods", "profiles"] {
            guard let elements = members[key]?.arrayValue else { continue }
            let found = firstFinding(elements, at: place(location, ".\(key)")) { element, at in
                key == "profiles" ? foreignClickToPay(in: element, at: at) : methodType(element, at: at)
            }
            if let found { return found }
        }
        return nil
    }

    // A profile's configuration (gateway objects and the default) or a checkout configuration (its methods).
    private static func inConfiguration(_ configuration: [String: JSONValue], at location: String?) -> Finding? {
        if let type = configuration["default_payment_type"]?.stringValue, isForeign(type) {
            return (type, place(location, ".default_payment_type") ?? "")
        }
        if let options = configuration["payment_options"]?.arrayValue,
            let found = firstFinding(options, at: place(location, ".payment_options"), methodType)
        {
            return found
        }
        for (gateway, member) in configuration where gateway != "dintero_psp" {
            guard case .object(let products) = member, products["clicktopay"] != nil else { continue }
            // Several foreign gateways: the refusal names the first in key order, the same every time.
            let first =
                configuration.keys.sorted().first { key in
                    key != "dintero_psp" && configuration[key]?.objectValue?["clicktopay"] != nil
                } ?? gateway
            return ("\(first).clicktopay", place(location, ".\(first).clicktopay") ?? "")
        }
        return nil
    }

    private static func methodType(_ method: JSONValue, at location: String?) -> Finding? {
        guard let type = method["type"]?.stringValue, isForeign(type) else { return nil }
        return (type, place(location, ".type") ?? "")
    }

    private static func firstFinding(
        _ elements: [JSONValue], at location: String?, _ check: (JSONValue, String?) -> Finding?
    ) -> Finding? {
        for (index, element) in elements.enumerated() {
            if let found = check(element, place(location, "[\(index)]")) { return found }
        }
        return nil
    }

    // `<gateway>.clicktopay` in any letter case, but not Dintero's own.
    private static func isForeign(_ text: String) -> Bool {
        let suffix = ".clicktopay".utf8
        let bytes = text.utf8
        guard bytes.count > suffix.count,
            zip(bytes.suffix(suffix.count), suffix).allSatisfy({ $0 | 0x20 == $1 })
        else { return false }
        return PaymentType.isForeignClickToPay(text.lowercased())
    }
}

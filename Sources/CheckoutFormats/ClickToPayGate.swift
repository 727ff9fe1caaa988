import CheckoutDomain

/// The last gate before a body leaves the tool: it trusts nothing stored and checks the JSON about to be written
/// for Click to Pay from any gateway but `dintero_psp` — a `<gateway>.clicktopay` as any `type` or
/// `default_payment_type` in the document, or a `clicktopay` product under any object but `dintero_psp`, however
/// it got into the store.
package enum ClickToPayGate {
    /// Refuses `document` (exit 3, `policy_violation`) when it would offer a foreign Click to Pay.
    package static func check(_ document: JSONValue) throws {
        // Every body the tool writes passes here (a dump of 100 000 accounts passes 100 000 times), so the common
        // case is one allocation-free walk; only a document that fails is searched again, in key order, so the
        // refusal names the same place every time.
        guard containsForeignClickToPay(document) else { return }
        if let path = foreignClickToPay(in: document, at: "$") {
            var rejection = PaymentType.foreignClickToPayRejection(path.type).located(at: path.location)
            rejection.message = "refused to write a body with payment type '\(path.type)'"
            throw rejection
        }
    }

    private static func containsForeignClickToPay(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: containsForeignClickToPay)
        case .object(let members):
            return members.contains { key, member in
                if typeKeys.contains(key), let text = member.stringValue, isForeign(text) { return true }
                if key != "dintero_psp", member.objectValue?["clicktopay"] != nil { return true }
                return containsForeignClickToPay(member)
            }
        default: return false
        }
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

    // The members that name a payment type in Dintero's bodies and the state document.
    private static let typeKeys: Set<String> = ["type", "default_payment_type"]

    private static func foreignClickToPay(in value: JSONValue, at location: String) -> (type: String, location: String)?
    {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = foreignClickToPay(in: element, at: "\(location)[\(index)]") { return found }
            }
        case .object(let members):
            for key in members.keys.sorted() {
                let member = members[key] ?? .null
                if typeKeys.contains(key), let text = member.stringValue,
                    PaymentType.isForeignClickToPay(text.lowercased())
                {
                    return (text, "\(location).\(key)")
                }
                if key != "dintero_psp", member.objectValue?["clicktopay"] != nil {
                    return ("\(key).clicktopay", "\(location).\(key).clicktopay")
                }
                if let found = foreignClickToPay(in: member, at: "\(location).\(key)") { return found }
            }
        default: break
        }
        return nil
    }
}

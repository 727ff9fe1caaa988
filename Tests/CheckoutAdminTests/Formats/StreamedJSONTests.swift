import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats

/// `StreamedJSONObject`: a document written element by element is the pretty text of the whole tree.
final class StreamedJSONTests: XCTestCase {
    private let elements: [JSONValue] = [
        .object(["rule": .string("ctp-email-unknown"), "profile": .null, "list": .array([.number("1"), .bool(true)])]),
        .string("é \"quoted\" \u{2028}"), .object([:]), .array([]),
    ]

    private func streamed(_ fields: [String: JSONValue], arrayKey: String, _ elements: [JSONValue]) -> String {
        var document = StreamedJSONObject(arrayKey: arrayKey)
        return document.head(fields) + elements.map { document.element($0) }.joined() + document.tail(fields)
    }

    private func whole(_ fields: [String: JSONValue], arrayKey: String, _ elements: [JSONValue]) -> String {
        var all = fields
        all[arrayKey] = .array(elements)
        return JSONValue.object(all).prettyText() + "\n"
    }

    func testMembersBeforeAndAfterTheArrayKeepTheirSortedPlaces() {
        let fields: [String: JSONValue] = [
            "valid": .bool(false), "accounts_checked": .number("3"), "error_count": .number("1"),
            "format_version": .string("1"), "nested": .object(["b": .null, "a": .array([.string("x")])]),
        ]
        XCTAssertEqual(
            streamed(fields, arrayKey: "findings", elements), whole(fields, arrayKey: "findings", elements))
    }

    func testAnEmptyArrayIsWrittenAsBrackets() {
        let fields: [String: JSONValue] = ["format_version": .string("1")]
        XCTAssertEqual(
            streamed(fields, arrayKey: "accounts", []), "{\n  \"accounts\": [],\n  \"format_version\": \"1\"\n}\n")
    }

    func testTheArrayAloneOrLastIsWrittenLikeTheTree() {
        XCTAssertEqual(streamed([:], arrayKey: "a", elements), whole([:], arrayKey: "a", elements))
        XCTAssertEqual(streamed([:], arrayKey: "a", []), "{\n  \"a\": []\n}\n")
        let before: [String: JSONValue] = ["a": .number("1")]
        XCTAssertEqual(streamed(before, arrayKey: "z", elements), whole(before, arrayKey: "z", elements))
    }

    func testTheStateDocumentWriterIsTheDocumentOfTheAccounts() throws {
        var shop = MerchantAccount(id: "T22222222")
        shop.settings["name"] = "Shop"
        shop.methods["vipps"] = ["NOK"]
        shop.profiles["web"] = PaymentProfile(id: "web")
        let accounts = [MerchantAccount(id: "P11111111"), shop]
        var writer = StateDocumentWriter()
        let text = try writer.head() + accounts.map { try writer.account($0) }.joined() + writer.tail()
        XCTAssertEqual(text, StateDocument.json(accounts).prettyText() + "\n")
        XCTAssertEqual(try StateDocument.prettyText(accounts.reversed()), text)
    }

    func testTheStateDocumentWriterRefusesAForeignClickToPay() {
        var account = MerchantAccount(id: "T22222222")
        account.methods["payex.clicktopay"] = ["NOK"]
        var writer = StateDocumentWriter()
        XCTAssertThrowsError(try writer.account(account)) {
            XCTAssertEqual(($0 as? Rejection)?.reason, .policyViolation)
        }
    }
}

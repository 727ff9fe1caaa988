import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats

/// `AccountEntryDecoder`, the quick way through a state-document entry, against the general way (`JSONParser`, then
/// `StateReader`): it never accepts an entry the general way refuses, gives the same account where both accept,
/// and does accept the usual shapes (else it would be a slower way to the same place).
final class AccountEntryDecoderTests: XCTestCase {
    /// An entry as `Scripts/lib/make_state.py` writes it (Python's `json.dumps`): the bench's shape.
    private let benchEntry = #"""
        {"account_id": "T00000042", "settings": {"name": "Merchant 42", "logo_url": "https://example.com/42.png", "country": "NO", "checkout_express": true, "session_customer_email": true}, "payment_methods": [{"type": "dintero_psp.creditcard", "currencies": ["NOK", "SEK"]}, {"type": "dintero_psp.clicktopay", "currencies": ["NOK", "SEK"]}, {"type": "vipps", "currencies": ["NOK", "SEK"]}, {"type": "klarna.klarna", "currencies": ["NOK", "SEK"]}], "profiles": [{"profile_id": "webshop", "description": "Web shop", "configuration": {"default_payment_type": "dintero_psp.creditcard", "dintero_psp": {"creditcard": {"enabled": true}, "clicktopay": {"enabled": true}}, "vipps": {"enabled": true}}}, {"profile_id": "app", "configuration": {"active_payment_types": {"enabled": true}, "channel": "in_app"}}, {"profile_id": "pos", "configuration": {"klarna": {"klarna": {"enabled": true}}, "channel": "in_store", "dintero_psp": {"creditcard": {"enabled": true}}}}]}
        """#

    /// An account with something in every field the tool keeps, pass-through included.
    private var richAccount: MerchantAccount {
        var account = MerchantAccount(id: "P12345678")
        account.settings = [
            "name": "Caf\u{E9} \"Nord\" \\ \u{1F600}", "logo_url": "https://example.com/logo.png", "country": "SE",
            "email": "shop@example.com", "checkout_express": "false", "session_customer_email": "true",
        ]
        account.methods = ["dintero_psp.creditcard": ["EUR", "NOK"], "dintero_psp.applepay": ["NOK"]]
        account.methodDetails = [
            "dintero_psp.applepay": ["domain_names": .array([.string("shop.example.com")]), "id": .number("12")]
        ]
        var web = PaymentProfile(id: "P12345678.web")
        web.description = "Line one\nline two"
        web.merchantTermsURL = "https://example.com/terms"
        web.autoCapture = true
        web.defaultPaymentType = "dintero_psp.creditcard"
        web.methods = [
            "dintero_psp.creditcard": ["sca_policy": .string("always"), "generate_payment_token": .bool(true)],
            "dintero_psp.applepay": [:],
        ]
        web.disabledProducts = ["payex.swish": ["note": .object(["deep": .array([.null, .number("-1.5e3")])])]]
        var app = PaymentProfile(id: "app")
        app.allActive = true
        app.channel = "in_app"
        var themed = PaymentProfile(id: "themed")
        themed.extraConfiguration = ["theme": .object(["color": .string("#fff")])]
        themed.extraFields = ["metadata": .object(["team": .string("ops")])]
        account.profiles = [web.id: web, app.id: app, themed.id: themed]
        return account
    }

    // MARK: The two ways agree

    func testTheBenchShapeIsReadTheQuickWayAsTheGeneralWayReadsIt() throws {
        let quick = try XCTUnwrap(AccountEntryDecoder.account(from: Array(benchEntry.utf8)))
        XCTAssertEqual(quick, try general(benchEntry).get())
        XCTAssertEqual(
            quick.profiles["webshop"]?.methods.keys.sorted(),
            ["dintero_psp.clicktopay", "dintero_psp.creditcard", "vipps"])
        XCTAssertEqual(quick.settings["checkout_express"], "true")
    }

    func testWhatDumpWritesIsReadTheQuickWayUnlessAProfilePassesFieldsThrough() throws {
        var account = richAccount
        account.profiles["themed"] = nil
        for text in [AccountDocument.stateJSON(account).compactText(), AccountDocument.stateJSON(account).prettyText()]
        {
            let quick = try XCTUnwrap(AccountEntryDecoder.account(from: Array(text.utf8)), text)
            XCTAssertEqual(quick, try general(text).get())
            XCTAssertEqual(quick, account)
        }
        let themed = AccountDocument.stateJSON(richAccount).compactText()
        XCTAssertNil(AccountEntryDecoder.account(from: Array(themed.utf8)))
        XCTAssertEqual(try general(themed).get(), richAccount)
    }

    func testEntriesTheGeneralWayReadsDifferentlyOrRefusesAreLeftToIt() {
        let cases = [
            // Refused by the general way.
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [], "settings": {}}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [],}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": []}"#,
            #"{"account_id": "T00000001", "settings": {"name": 1}, "payment_methods": [], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {"checkout_express": "true"}, "payment_methods": [], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {"name": " padded"}, "payment_methods": [], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {"nmae": "x"}, "payment_methods": [], "profiles": []}"#,
            #"{"account_id": "X1", "settings": {}, "payment_methods": [], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": []}], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": ["nok"]}], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [{"type": "payex.clicktopay", "currencies": ["NOK"]}], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"]}, {"type": "vipps", "currencies": ["SEK"]}], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"], "details": null}], "profiles": []}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"payex": {"clicktopay": {"enabled": false}}}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"dintero_psp": {"creditcard": {"enabled": "yes"}}}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a"}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "P00000001.x", "configuration": {}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {}}, {"profile_id": "a", "configuration": {}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"channel": "web"}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"dintero_psp": {"creditcard": {"enabled": true, "x": {"y": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}}}]}"#,
            "{\"account_id\": \"T00000001\", \"settings\": {\"name\": \"a\u{1}b\"}, \"payment_methods\": [], \"profiles\": []}",
            // Read differently: a read-only field stripped, a pass-through field kept, an escaped key.
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"instabank": {"finance": {"enabled": true, "products": [1]}}}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "id": "x", "configuration": {}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "configuration": {"active_payment_types": {"enabled": true, "extra": 1}}}]}"#,
            #"{"account_id": "T00000001", "settings": {}, "payment_methods": [], "profiles": [{"profile_id": "a", "url": {"merchant_terms_url": "https://e.com", "other": "x"}, "configuration": {}}]}"#,
            #"{"account_\u0069d": "T00000001", "settings": {}, "payment_methods": [], "profiles": []}"#,
        ]
        for text in cases {
            XCTAssertNil(AccountEntryDecoder.account(from: Array(text.utf8)), text)
        }
        XCTAssertEqual(cases.filter { (try? general($0).get()) != nil }.count, 5)
    }

    func testEscapesAndCharactersBeyondASCIIInValuesAreReadByTheStrictParser() throws {
        let text =
            #"{"account_id": "T00000001", "settings": {"name": "Caf\u00e9 \"x\" — ok"}, "payment_methods": [], "profiles": [{"profile_id": "bu\u0301tik", "description": "", "configuration": {}}]}"#
        let quick = try XCTUnwrap(AccountEntryDecoder.account(from: Array(text.utf8)))
        XCTAssertEqual(quick, try general(text).get())
        XCTAssertEqual(quick.settings["name"], "Caf\u{E9} \"x\" \u{2014} ok")
        var broken = Array(text.utf8)
        let dash = try XCTUnwrap(broken.firstIndex(of: 0xE2))
        broken.remove(at: dash + 2)
        XCTAssertNil(AccountEntryDecoder.account(from: broken))
    }

    // MARK: Mutations

    func testNoMutationOfAValidEntryIsAcceptedUnlessTheGeneralWayGivesTheSameAccount() {
        var random = SeededGenerator(seed: 15)
        var quickCount = 0
        let bases = [benchEntry, AccountDocument.stateJSON(richAccount).prettyText()].map { Array($0.utf8) }
        for base in bases {
            for _ in 0..<3000 {
                let mutated = mutate(base, &random)
                guard let quick = AccountEntryDecoder.account(from: mutated) else { continue }
                quickCount += 1
                let text = String(decoding: mutated, as: UTF8.self)
                XCTAssertEqual(try? general(text).get(), quick, text)
            }
        }
        // Some mutations keep the entry valid (a changed letter in a name, added white space): those must agree too.
        XCTAssertGreaterThan(quickCount, 100)
    }

    // One of: a byte removed, a byte inserted or replaced (from JSON's own punctuation and a few others), or a
    // span repeated (a key or element twice).
    private func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var copy = bytes
        let alphabet = Array(#"{}[]:,"\ 0aT.-eu"#.utf8) + [0x0A, 0x01, 0xC3, 0xFF]
        let index = Int.random(in: 0..<copy.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: copy.remove(at: index)
        case 1: copy.insert(alphabet.randomElement(using: &random)!, at: index)
        case 2: copy[index] = alphabet.randomElement(using: &random)!
        default:
            let length = min(Int.random(in: 1...40, using: &random), copy.count - index)
            copy.insert(contentsOf: copy[index..<index + length], at: index)
        }
        return copy
    }

    // MARK: Helpers

    /// The general way: the strict parser, then `StateReader`, as `StateDocumentStream` reads an entry.
    private func general(_ text: String) -> Result<MerchantAccount, Error> {
        Result {
            let origin = JSONOrigin(line: 1, column: 1, path: "$.accounts[0]", depth: 2)
            return try StateReader(path: "$.accounts[0]").account(from: JSONParser.parse(Array(text.utf8), at: origin))
        }
    }
}

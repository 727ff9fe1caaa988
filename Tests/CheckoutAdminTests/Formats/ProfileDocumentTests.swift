import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// ProfileDocument (export) and ProfileImport (import) as pure functions, without a store.
final class ProfileDocumentTests: XCTestCase {
    private func exported(_ profile: PaymentProfile) -> String {
        ProfileDocument.json(profile).prettyText() + "\n"
    }

    private func imported(_ text: String, path: String = "$") throws -> PaymentProfile {
        var reader = ProfileImport(path: path)
        return try reader.profile(from: JSONValue(parsing: text))
    }

    private func rejection(_ text: String, path: String = "$", file: StaticString = #filePath, line: UInt = #line)
        -> Rejection?
    {
        do {
            _ = try imported(text, path: path)
            XCTFail("accepted: \(text)", file: file, line: line)
            return nil
        } catch let rejection as Rejection {
            return rejection.flattened
        } catch {
            XCTFail("not a Rejection: \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: export

    func testAProfileOfferingNothingExportsTheManagedDefaults() {
        XCTAssertEqual(
            exported(PaymentProfile(id: "web")),
            """
            {
              "configuration": {
                "active_payment_types": {
                  "enabled": false
                },
                "auto_capture": false
              },
              "profile_id": "web"
            }

            """)
    }

    func testVippsIsASingleLevelObjectAndOtherTypesNestUnderTheirGateway() throws {
        var profile = PaymentProfile(id: "web")
        profile.methods = [
            "vipps": [:], "dintero_psp.creditcard": [:], "dintero_psp.clicktopay": [:], "payex.swish": [:],
        ]
        let configuration = try XCTUnwrap(ProfileDocument.json(profile)["configuration"])
        XCTAssertEqual(configuration["vipps"], .object(["enabled": .bool(true)]))
        XCTAssertEqual(
            configuration["dintero_psp"],
            .object([
                "creditcard": .object(["enabled": .bool(true), "generate_payment_token": .bool(false)]),
                "clicktopay": .object(["enabled": .bool(true), "generate_payment_token": .bool(false)]),
            ]))
        XCTAssertEqual(configuration["payex"], .object(["swish": .object(["enabled": .bool(true)])]))
    }

    func testEcommerceIsTheDefaultChannelAndIsNotWritten() {
        var profile = PaymentProfile(id: "web")
        profile.channel = "ecommerce"
        XCTAssertNil(ProfileDocument.json(profile)["configuration"]?["channel"])
    }

    func testOtherChannelsAreWritten() {
        for channel in ["in_app", "in_store"] {
            var profile = PaymentProfile(id: "web")
            profile.channel = channel
            XCTAssertEqual(ProfileDocument.json(profile)["configuration"]?["channel"], .string(channel))
        }
    }

    func testDefaultAllActiveAndAutoCaptureAreWritten() throws {
        var profile = PaymentProfile(id: "web")
        profile.allActive = true
        profile.autoCapture = true
        profile.defaultPaymentType = "vipps"
        let configuration = try XCTUnwrap(ProfileDocument.json(profile)["configuration"])
        XCTAssertEqual(configuration["active_payment_types"], .object(["enabled": .bool(true)]))
        XCTAssertEqual(configuration["auto_capture"], .bool(true))
        XCTAssertEqual(configuration["default_payment_type"], .string("vipps"))
    }

    func testProductOptionsAreWrittenBesideEnabled() {
        var profile = PaymentProfile(id: "web")
        profile.methods = [
            "dintero_psp.clicktopay": ["sca_policy": .string("always"), "generate_payment_token": .bool(false)]
        ]
        XCTAssertEqual(
            ProfileDocument.json(profile)["configuration"]?["dintero_psp"],
            .object([
                "clicktopay": .object([
                    "enabled": .bool(true), "sca_policy": .string("always"), "generate_payment_token": .bool(false),
                ])
            ]))
    }

    func testAnEnabledOptionCannotTurnAnOfferedProductOff() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["vipps": ["enabled": .bool(false)]]
        XCTAssertEqual(ProfileDocument.json(profile)["configuration"]?["vipps"], .object(["enabled": .bool(true)]))
    }

    func testGatewayLevelPassThroughIsMergedWithTheOfferedProducts() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["payex.creditcard": [:]]
        profile.extraConfiguration = ["payex": .object(["dynamic_descriptor": .string("SHOP")])]
        XCTAssertEqual(
            ProfileDocument.json(profile)["configuration"]?["payex"],
            .object([
                "dynamic_descriptor": .string("SHOP"),
                "creditcard": .object([
                    "enabled": .bool(true), "generate_payment_token": .bool(false),
                    "generate_recurrence_token": .bool(false),
                ]),
            ]))
    }

    func testMerchantTermsURLIsMergedIntoPassThroughURLFields() {
        var profile = PaymentProfile(id: "web")
        profile.merchantTermsURL = "https://example.com/terms"
        profile.extraFields = ["url": .object(["privacy_url": .string("https://example.com/privacy")])]
        XCTAssertEqual(
            ProfileDocument.json(profile)["url"],
            .object([
                "merchant_terms_url": .string("https://example.com/terms"),
                "privacy_url": .string("https://example.com/privacy"),
            ]))
    }

    func testReadOnlyFieldsAreNeverWrittenEvenWhenStored() {
        var profile = PaymentProfile(id: "web")
        profile.methods = ["vipps": [:]]
        profile.extraFields = Dictionary(
            uniqueKeysWithValues: ReadOnlyFields.profileEnvelope.map { ($0, JSONValue.string("x")) })
        profile.extraConfiguration["publish"] = .array([
            .object(["channel": .string("sms"), "type": .string("checkout-link"), "id": .string("p1")])
        ])
        XCTAssertEqual(
            ProfileDocument.json(profile),
            .object([
                "profile_id": .string("web"),
                "configuration": .object([
                    "active_payment_types": .object(["enabled": .bool(false)]), "auto_capture": .bool(false),
                    "vipps": .object(["enabled": .bool(true)]),
                    "publish": .array([.object(["channel": .string("sms"), "type": .string("checkout-link")])]),
                ]),
            ]))
    }

    func testProductDiscriminatorsPassThroughUnchanged() throws {
        let profile = try imported(
            #"{"profile_id": "web", "configuration": {"klarna": {"type": "payment_type", "klarna": {"enabled": true, "type": "payment_product_type", "payability": "payable"}}}}"#
        )
        XCTAssertEqual(
            ProfileDocument.json(profile)["configuration"]?["klarna"],
            .object([
                "type": .string("payment_type"),
                "klarna": .object([
                    "enabled": .bool(true), "type": .string("payment_product_type"), "payability": .string("payable"),
                ]),
            ]))
    }

    func testTheSameProfileBuiltInAnotherOrderExportsTheSameBytes() {
        var first = PaymentProfile(id: "web")
        first.methods["vipps"] = [:]
        first.methods["dintero_psp.creditcard"] = ["b": .bool(true), "a": .bool(false)]
        first.extraConfiguration["theme"] = .object(["primary": .string("#000000")])
        var second = PaymentProfile(id: "web")
        second.extraConfiguration["theme"] = .object(["primary": .string("#000000")])
        second.methods["dintero_psp.creditcard"] = ["a": .bool(false), "b": .bool(true)]
        second.methods["vipps"] = [:]
        XCTAssertEqual(Array(exported(first).utf8), Array(exported(second).utf8))
    }

    // MARK: import

    func testImportReadsTheManagedFields() throws {
        let profile = try imported(
            """
            {"profile_id": "web", "description": "Web shop", "url": {"merchant_terms_url": "https://example.com/terms"},
             "configuration": {"active_payment_types": {"enabled": true}, "auto_capture": true, "channel": "in_store",
                               "default_payment_type": "vipps", "vipps": {"enabled": true}}}
            """)
        var expected = PaymentProfile(id: "web")
        expected.description = "Web shop"
        expected.merchantTermsURL = "https://example.com/terms"
        expected.allActive = true
        expected.autoCapture = true
        expected.channel = "in_store"
        expected.defaultPaymentType = "vipps"
        expected.methods = ["vipps": [:]]
        XCTAssertEqual(profile, expected)
    }

    func testImportDropsTheEnvelopeAndKeepsDiscriminators() throws {
        let profile = try imported(
            """
            {"id": "1", "created_at": "t", "created_by": "u", "updated_at": "t", "deleted_at": null, "deleted_by": null,
             "profile_id": "web",
             "configuration": {"vipps": {"type": "payment_type", "enabled": true, "payability": "payable"},
                               "bambora": {"type": "payment_type", "creditcard": {"type": "payment_product_type", "enabled": true}}}}
            """)
        XCTAssertEqual(profile.extraFields, [:])
        XCTAssertEqual(profile.extraConfiguration, ["bambora": .object(["type": .string("payment_type")])])
        XCTAssertEqual(
            profile.methods,
            [
                "vipps": ["type": .string("payment_type"), "payability": .string("payable")],
                "bambora.creditcard": ["type": .string("payment_product_type")],
            ])
    }

    func testImportKeepsUnknownFieldsForExport() throws {
        let profile = try imported(
            """
            {"profile_id": "web", "metadata": {"team": "web"}, "url": {"privacy_url": "https://example.com/p"},
             "configuration": {"theme": {"primary": "#003366"}, "countries": {"preferred_country": "NO"}, "publish": [],
                               "payex": {"dynamic_descriptor": "SHOP", "creditcard": {"enabled": false, "no_cvc": true}}}}
            """)
        XCTAssertEqual(
            profile.extraFields,
            [
                "metadata": .object(["team": .string("web")]),
                "url": .object(["privacy_url": .string("https://example.com/p")]),
            ])
        XCTAssertEqual(
            profile.extraConfiguration,
            [
                "theme": .object(["primary": .string("#003366")]),
                "countries": .object(["preferred_country": .string("NO")]),
                "publish": .array([]),
                "payex": .object(["dynamic_descriptor": .string("SHOP")]),
            ])
        XCTAssertEqual(profile.methods, [:], "a disabled product is not offered, options or not")
        XCTAssertEqual(
            profile.disabledProducts,
            [
                "payex.creditcard": ["no_cvc": .bool(true)]
            ])
    }

    func testImportThenExportGivesBackTheWritableFields() throws {
        let text = """
            {
              "configuration": {
                "active_payment_types": {
                  "enabled": false
                },
                "auto_capture": false,
                "collector": {
                  "dynamic_descriptor": "SHOP",
                  "invoice": {
                    "countries": [
                      "NO"
                    ],
                    "enabled": true,
                    "type": "payment_product_type"
                  }
                },
                "default_customer_type": "b2b",
                "default_payment_type": "collector.invoice"
              },
              "description": "B2B",
              "profile_id": "b2b"
            }

            """
        XCTAssertEqual(exported(try imported(text)), text)
    }

    func testImportRefusesAProductThatIsNotAnObject() {
        let refusal = rejection(#"{"profile_id": "web", "configuration": {"dintero_psp": {"creditcard": true}}}"#)
        XCTAssertEqual(
            refusal,
            Rejection.invalid(
                "invalid profile at '$.configuration.dintero_psp.creditcard': expected an object, found boolean"))
    }

    func testImportRefusesAGatewayThatIsNotAnObject() {
        let refusal = rejection(#"{"profile_id": "web", "configuration": {"bambora": "creditcard"}}"#, path: "$[3]")
        XCTAssertEqual(
            refusal,
            Rejection.invalid("invalid profile at '$[3].configuration.bambora': expected an object, found string"))
    }

    func testImportRefusesAnInvalidChannel() {
        XCTAssertEqual(
            rejection(#"{"profile_id": "web", "configuration": {"channel": "pos"}}"#)?.message,
            "invalid channel 'pos' at '$.configuration.channel'")
    }

    func testImportRefusesAProfileIdThatIsNotAString() {
        XCTAssertEqual(
            rejection(#"{"profile_id": 7, "configuration": {}}"#),
            Rejection.invalid("invalid profile at '$': 'profile_id' must be a string"))
    }

    func testImportRefusesForeignClickToPayAsAPolicyViolation() {
        let refusal = rejection(
            #"{"profile_id": "web", "configuration": {"payex": {"clicktopay": {"enabled": false}}}}"#)
        XCTAssertEqual(refusal?.reason, .policyViolation)
        XCTAssertEqual(
            refusal?.message,
            "payment type 'payex.clicktopay' is refused at '$.configuration.payex.clicktopay': "
                + "Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'")
    }

    func testImportRefusesForeignClickToPayEvenWhenItIsNotAnObject() {
        XCTAssertEqual(
            rejection(#"{"profile_id": "web", "configuration": {"payex": {"clicktopay": true}}}"#)?.reason,
            .policyViolation)
        XCTAssertEqual(
            rejection(#"{"profile_id": "web", "configuration": {"acme": {"clicktopay": true}}}"#)?.reason,
            .policyViolation)
    }

    func testImportAcceptsDinteroPSPClickToPay() throws {
        let profile = try imported(
            #"{"profile_id": "web", "configuration": {"dintero_psp": {"clicktopay": {"enabled": true, "sca_policy": "always"}}}}"#
        )
        XCTAssertEqual(profile.methods, ["dintero_psp.clicktopay": ["sca_policy": .string("always")]])
    }
}

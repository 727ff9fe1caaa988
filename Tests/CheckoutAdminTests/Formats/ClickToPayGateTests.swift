import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats

/// The last gate: no body leaves the tool with a foreign Click to Pay, whatever the store held.
final class ClickToPayGateTests: XCTestCase {
    private func refusal(_ json: String) throws -> Rejection? {
        do {
            try ClickToPayGate.check(try JSONValue(parsing: json))
            return nil
        } catch let rejection as Rejection {
            return rejection
        }
    }

    func testAProfileWithDinteroClickToPayPasses() throws {
        XCTAssertNil(
            try refusal(
                #"{"configuration": {"default_payment_type": "dintero_psp.clicktopay", "dintero_psp": {"clicktopay": {"enabled": true}}}}"#
            ))
    }

    func testAForeignClickToPayProductIsRefusedWithItsPath() throws {
        let rejection = try XCTUnwrap(try refusal(#"{"configuration": {"payex": {"clicktopay": {"enabled": false}}}}"#))
        XCTAssertEqual(rejection.reason, .policyViolation)
        XCTAssertEqual(
            rejection.text,
            "refused to write a body with payment type 'payex.clicktopay' at '$.configuration.payex.clicktopay': "
                + "Click to Pay is only offered through Dintero's own PSP, as 'dintero_psp.clicktopay'")
    }

    func testAForeignClickToPayTypeInAnAccountBodyIsRefused() throws {
        let rejection = try refusal(
            #"{"configuration": {"payment_options": [{"type": "vipps", "currencies": ["NOK"]}, {"type": "payex.clicktopay", "currencies": ["NOK"]}]}}"#
        )
        XCTAssertEqual(rejection?.location, "$.configuration.payment_options[1].type")
    }

    func testAForeignDefaultIsRefusedEvenInUpperCase() throws {
        XCTAssertNotNil(try refusal(#"{"configuration": {"default_payment_type": "PAYEX.clicktopay"}}"#))
    }

    func testFreeTextMentioningAForeignTypeIsNotABody() throws {
        XCTAssertNil(try refusal(#"{"description": "we never offer payex.clicktopay", "configuration": {}}"#))
    }
}

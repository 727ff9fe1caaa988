import XCTest

@testable import CheckoutDomain

/// `Audit.findingsCreated(before:after:)` and the one mapping from rule refusals to JSON error codes.
final class AuditChangeTests: XCTestCase {
    private func complete(_ id: String = "T12345678") -> MerchantAccount {
        var account = MerchantAccount(id: id)
        account.settings = ["name": "Example", "logo_url": "https://example.com/logo.png"]
        account.methods = ["dintero_psp.creditcard": ["NOK"]]
        return account
    }

    func testANewAccountCreatesAllItsFindings() {
        let account = MerchantAccount(id: "T12345678")
        XCTAssertEqual(
            Audit.findingsCreated(before: nil, after: account).map(\.rule), [.merchantIncomplete])
    }

    func testRemovingAnAccountCreatesNone() {
        XCTAssertEqual(Audit.findingsCreated(before: MerchantAccount(id: "T12345678"), after: nil), [])
    }

    func testOnlyFindingsWhoseIdentityIsNewAreCreated() {
        var before = complete()
        before.settings["logo_url"] = nil
        var after = before
        after.methods["dintero_psp.clicktopay"] = ["NOK"]
        XCTAssertEqual(Audit.findings(for: after).map(\.rule), [.ctpEmailUnknown, .merchantIncomplete])
        XCTAssertEqual(Audit.findingsCreated(before: before, after: after).map(\.rule), [.ctpEmailUnknown])
    }

    func testAFindingWhoseMessageOnlyWidensIsNotCreated() {
        var before = complete()
        before.settings["name"] = nil
        var after = before
        after.settings["logo_url"] = nil
        XCTAssertEqual(Audit.findingsCreated(before: before, after: after), [])
    }

    func testAChangeThatFixesFindingsCreatesNone() {
        var before = complete()
        before.settings["logo_url"] = nil
        XCTAssertEqual(Audit.findingsCreated(before: before, after: complete()), [])
    }

    func testEveryErrorRuleIsRefusedAsAPolicyViolation() {
        for rule in AuditRule.allCases where rule.severity == .error {
            XCTAssertEqual(rule.refusalReason, .policyViolation, rule.rawValue)
            let finding = AuditFinding(rule: rule, account: "T12345678", message: "", fix: .enableClickToPay(""))
            XCTAssertEqual(Rejection.reason(refusing: [finding]), .policyViolation, rule.rawValue)
        }
    }
}

import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain

/// The property behind every fix hint: in a store broken for each audit rule (built with raw SQL where the
/// commands refuse), every finding's hint, run as printed by the real binary with its placeholders filled in,
/// exits 0 and removes that finding.
final class FixHintPropertyTests: CLITestCase {
    /// A store broken in one way: commands and SQL run after the usual clean start.
    private struct BrokenStore {
        let name: String
        var commands: [String] = []
        var sql: String = ""
        /// Whether the Click to Pay provider triggers are dropped first, as an older version's store lacked them.
        var withoutProviderRule = false
    }

    private static let card = "dintero_psp.creditcard"
    private static let ctp = "dintero_psp.clicktopay"
    private static let ctpOn = ["clicktopay enable T12345678"]

    private static func profileMethod(_ profile: String, _ type: String, options: String = "{}") -> String {
        "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES ('T12345678', '\(profile)', '\(type)', '\(options)');"
    }

    /// At least one broken store per rule; a rule without one fails the test.
    private static let brokenStores: [AuditRule: [BrokenStore]] = [
        .ctpProvider: [
            BrokenStore(
                name: "account method",
                sql:
                    "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'payex.clicktopay', 'NOK');",
                withoutProviderRule: true),
            BrokenStore(
                name: "profile method", sql: profileMethod("webshop", "payex.clicktopay"), withoutProviderRule: true),
            BrokenStore(
                name: "default",
                sql: "UPDATE profile SET default_payment_type = 'payex.clicktopay' WHERE profile_id = 'webshop';",
                withoutProviderRule: true),
        ],
        .ctpNotOnAccount: [BrokenStore(name: "profile without the account", sql: profileMethod("webshop", ctp))],
        .ctpWithoutCard: [
            BrokenStore(
                name: "account", commands: ctpOn,
                sql: "DELETE FROM payment_method WHERE type = '\(card)';"),
            BrokenStore(
                name: "profile and account without cards",
                commands: ctpOn + ["method enable T12345678 vipps", "profile add-method T12345678 webshop vipps"],
                sql:
                    "DELETE FROM profile_method WHERE type = '\(card)'; DELETE FROM payment_method WHERE type = '\(card)';"
            ),
            BrokenStore(
                name: "profile", commands: ctpOn + ["profile add T12345678 other --all-active"],
                sql: "UPDATE profile SET all_active = 0 WHERE profile_id = 'other';" + profileMethod("other", ctp)),
        ],
        .ctpMissingFromProfile: [
            BrokenStore(name: "card profile", commands: ctpOn + ["profile add T12345678 shop2 --method \(card)"])
        ],
        .ctpEmailUnknown: [
            BrokenStore(name: "no email", commands: ctpOn + ["settings unset T12345678 checkout_express"])
        ],
        .ctpAsDefault: [
            BrokenStore(
                name: "default", commands: ctpOn + ["profile set T12345678 webshop default_payment_type=\(ctp)"])
        ],
        .ctpCurrencyWithoutCard: [
            BrokenStore(
                name: "EUR", commands: ctpOn,
                sql: "UPDATE payment_method SET currencies = 'EUR,NOK' WHERE type = '\(ctp)';"),
            BrokenStore(
                name: "nothing in common", commands: ctpOn,
                sql: "UPDATE payment_method SET currencies = 'EUR' WHERE type = '\(ctp)';"),
        ],
        .ctpCurrencyMissing: [
            BrokenStore(
                name: "SEK", commands: ["method enable T12345678 \(card) --currency NOK --currency SEK"] + ctpOn,
                sql: "UPDATE payment_method SET currencies = 'NOK' WHERE type = '\(ctp)';")
        ],
        .ctpChannel: [
            BrokenStore(
                name: "in_store",
                commands: ctpOn + ["profile add T12345678 till --channel in_store --method \(card) --method \(ctp)"]),
            BrokenStore(
                name: "in_app",
                commands: ctpOn + ["profile add T12345678 app --channel in_app --method \(card) --method \(ctp)"]),
        ],
        .methodNotOnAccount: [BrokenStore(name: "vipps", sql: profileMethod("webshop", "vipps"))],
        .defaultNotOffered: [
            BrokenStore(
                name: "enabled type", commands: ["method enable T12345678 vipps"],
                sql: "UPDATE profile SET default_payment_type = 'vipps' WHERE profile_id = 'webshop';"),
            BrokenStore(
                name: "type not enabled",
                sql: "UPDATE profile SET default_payment_type = 'swish.swish' WHERE profile_id = 'webshop';"),
        ],
        .profileEmpty: [
            BrokenStore(name: "no methods", sql: "DELETE FROM profile_method WHERE profile_id = 'webshop';")
        ],
        .unknownType: [
            BrokenStore(
                name: "account method",
                sql:
                    "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'paypal.wallet', 'NOK');"
            ),
            BrokenStore(name: "profile method", sql: profileMethod("webshop", "paypal.wallet")),
        ],
        .currencyInvalid: [
            BrokenStore(
                name: "no currencies", sql: "UPDATE payment_method SET currencies = '' WHERE type = '\(card)';"),
            BrokenStore(
                name: "Click to Pay", commands: ctpOn,
                sql: "UPDATE payment_method SET currencies = 'EURO' WHERE type = '\(ctp)';"),
            BrokenStore(
                name: "unknown type",
                sql:
                    "INSERT INTO payment_method (account_id, type, currencies) VALUES ('T12345678', 'paypal.wallet', 'ABC1');"
            ),
        ],
        .walletsConflict: [
            BrokenStore(
                name: "explicit",
                commands: ["method enable T12345678 dintero.wallets", "method enable T12345678 vipps"],
                sql: profileMethod("webshop", "dintero.wallets") + profileMethod("webshop", "vipps")),
            BrokenStore(
                name: "active_payment_types",
                commands: [
                    "method enable T12345678 dintero.wallets", "method enable T12345678 vipps",
                    "profile add T12345678 all --method \(card)",
                ],
                sql: "UPDATE profile SET all_active = 1 WHERE profile_id = 'all';"),
        ],
        .merchantIncomplete: [BrokenStore(name: "no logo", commands: ["settings unset T12345678 logo_url name"])],
        .defaultNotAllowed: [
            BrokenStore(
                name: "wallets", commands: ["method enable T12345678 dintero.wallets"],
                sql: profileMethod("webshop", "dintero.wallets")
                    + "UPDATE profile SET default_payment_type = 'dintero.wallets' WHERE profile_id = 'webshop';")
        ],
        .productNotOfferable: [
            BrokenStore(
                name: "b2b preapproved", commands: ["method enable T12345678 collector.installment_b2b_preapproved"],
                sql: profileMethod("webshop", "collector.installment_b2b_preapproved"))
        ],
        .productOptionsMissing: [
            BrokenStore(
                name: "external", commands: ["method enable T12345678 dintero.external"],
                sql: profileMethod("webshop", "dintero.external", options: #"{"enabled":true}"#))
        ],
    ]

    func testEveryRuleHasABrokenStoreWhoseFindingsEachHaveAHintThatRemovesThem() throws {
        let binary = try BuiltBinary.url().path
        let shell = try ChildProcess.program("sh", package: "dash")
        for rule in AuditRule.allCases {
            guard let stores = Self.brokenStores[rule], !stores.isEmpty else {
                XCTFail("no broken store for rule '\(rule.rawValue)': add one to FixHintPropertyTests.brokenStores")
                continue
            }
            for store in stores {
                let findings = try findings(in: store)
                XCTAssertTrue(
                    findings.contains { $0.rule == rule.rawValue }, "\(rule.rawValue)/\(store.name): \(findings)")
                for finding in findings {
                    try assertHintRemoves(finding, in: store, binary: binary, shell: shell)
                }
            }
        }
    }

    /// One finding of `audit --json`, as much of it as identifies it, and its hint.
    private struct Seen: Equatable, CustomStringConvertible {
        let rule: String
        let profile: String?
        let paymentType: String?
        let hint: String

        var description: String { "\(rule) \(profile ?? "-") \(paymentType ?? "-"): \(hint)" }

        func isSame(as other: Seen) -> Bool {
            (rule, profile, paymentType) == (other.rule, other.profile, other.paymentType)
        }
    }

    /// Builds `store` in a fresh folder: a complete card account with a card profile `webshop` and the email
    /// known, then the store's commands and SQL.
    private func build(_ store: BrokenStore) throws {
        cli.cleanUp()
        cli = CLIHarness()
        makeCardAccount()
        cli.succeed("settings set T12345678 checkout_express=true")
        cli.succeed("profile add T12345678 webshop --method \(Self.card)")
        for command in store.commands { cli.succeed(command) }
        var sql = store.sql
        if store.withoutProviderRule {
            let drops = ["payment_method", "profile_method", "profile"].flatMap { table in
                ["insert", "update"].map { "DROP TRIGGER \(table)_provider_rule_on_\($0);" }
            }
            sql = drops.joined(separator: "\n") + "\nPRAGMA ignore_check_constraints = ON;\n" + sql
        }
        if !sql.isEmpty { try self.sql(sql) }
    }

    private func findings(in store: BrokenStore) throws -> [Seen] {
        try build(store)
        return try auditFindings()
    }

    private func auditFindings() throws -> [Seen] {
        let output = cli.run("audit --json").stdout
        let document = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let findings = try XCTUnwrap(document?["findings"] as? [[String: Any]], output)
        return findings.map {
            Seen(
                rule: $0["rule"] as? String ?? "", profile: $0["profile"] as? String,
                paymentType: $0["payment_type"] as? String, hint: $0["hint"] as? String ?? "")
        }
    }

    /// Rebuilds the broken store, runs the finding's hint through `sh` with the built binary first on PATH, and
    /// checks that it exits 0 and that the finding is gone.
    private func assertHintRemoves(_ finding: Seen, in store: BrokenStore, binary: String, shell: String) throws {
        try build(store)
        let command = Self.runnable(finding.hint)
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        var environment = cli.environment
        environment["PATH"] = "\(folder):/usr/bin:/bin"
        let result = try ChildProcess.run(shell, ["-c", command], environment: environment)
        let context = "\(store.name) — \(finding)\n$ \(command)\n\(result.stderr)"
        XCTAssertEqual(result.status, 0, context)
        let after = try auditFindings()
        XCTAssertFalse(after.contains { $0.isSame(as: finding) }, "still there after the fix: \(context)")
    }

    /// The hint's first command, from `checkout-admin` up to any `(or …)`, with its placeholders filled in.
    static func runnable(_ hint: String) -> String {
        var command = hint
        if let start = command.range(of: "checkout-admin ") { command = String(command[start.lowerBound...]) }
        if let alternative = command.range(of: " (or ") { command = String(command[..<alternative.lowerBound]) }
        return
            command
            .replacingOccurrences(of: "<type>", with: card)
            .replacingOccurrences(of: "name=…", with: "name=Example")
            .replacingOccurrences(of: "logo_url=…", with: "logo_url=https://example.com/logo.png")
    }

    func testRunnableTakesTheFirstCommandAndFillsInThePlaceholders() {
        XCTAssertEqual(
            Self.runnable("checkout-admin settings set T12345678 name=… logo_url=…"),
            "checkout-admin settings set T12345678 name=Example logo_url=https://example.com/logo.png")
        XCTAssertEqual(
            Self.runnable(
                "checkout-admin profile add-method T12345678 web <type> (or checkout-admin profile set T12345678 web all_active=true)"
            ), "checkout-admin profile add-method T12345678 web dintero_psp.creditcard")
    }
}

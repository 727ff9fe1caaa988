import Foundation
import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `Store.forEachAccount`: the merge join handing over one account at a time, and the spool reports keep aside.
final class AccountStreamingTests: CLITestCase {
    private func store() throws -> Store {
        try Store(database: cli.database(), path: cli.storePath, exists: true)
    }

    private func makeThreeAccounts() {
        makeCardAccount("T22222222")
        makeCardAccount("P99999999")
        cli.succeed("account add T11111111")
        cli.succeed("profile add T22222222 web --method dintero_psp.creditcard --description Shop")
        cli.succeed("profile add T22222222 app --all-active --channel in_app")
    }

    func testEveryAccountIsHandedOverInIDOrderAsLoadReturnsThem() throws {
        makeThreeAccounts()
        let store = try store()
        var handed: [MerchantAccount] = []
        try store.forEachAccount { handed.append($0) }
        XCTAssertEqual(handed.map(\.id), ["P99999999", "T11111111", "T22222222"])
        XCTAssertEqual(handed, try store.loadAccounts())
        XCTAssertEqual(handed[2].profiles.keys.sorted(), ["app", "web"])
    }

    func testNamedAccountsAreHandedOverSortedWithoutRepeatsAndUnknownNamesSkipped() throws {
        makeThreeAccounts()
        var handed: [String] = []
        try store().forEachAccount(["T22222222", "T00000000", "P99999999", "T22222222"]) { handed.append($0.id) }
        XCTAssertEqual(handed, ["P99999999", "T22222222"])
    }

    func testMoreThanThirtyTwoNamesAreFilteredFromOnePass() throws {
        makeThreeAccounts()
        let names = (0..<40).map { String(format: "T%08d", $0 * 1000) } + ["T11111111", "T22222222"]
        var handed: [String] = []
        try store().forEachAccount(names) { handed.append($0.id) }
        XCTAssertEqual(handed, ["T11111111", "T22222222"])
    }

    func testAThrowStopsTheWalkAndTheNextWalkStartsAfresh() throws {
        makeThreeAccounts()
        struct Stop: Error {}
        let store = try store()
        var handed: [String] = []
        XCTAssertThrowsError(
            try store.forEachAccount { account in
                handed.append(account.id)
                if handed.count == 2 { throw Stop() }
            })
        XCTAssertEqual(handed, ["P99999999", "T11111111"])
        XCTAssertEqual(try store.loadAccounts().map(\.id), ["P99999999", "T11111111", "T22222222"])
    }

    func testASpoolReplaysWhatWasWrittenWithoutSplittingACharacter() throws {
        // 70 000 three-byte characters: the 64 KiB pieces fall inside characters.
        let text =
            "{\"name\": \"" + String(repeating: "€", count: 70_000) + "\"}\n" + String(repeating: "æøå\n", count: 9)
        let spool = try Spool()
        try spool.write(String(text.prefix(5)))
        try spool.write(String(text.dropFirst(5)))
        var pieces: [String] = []
        try spool.replay { pieces.append($0) }
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertGreaterThan(pieces.count, 1)
        XCTAssertFalse(pieces.contains { $0.contains("\u{FFFD}") })
    }

    func testAnEmptySpoolReplaysNothing() throws {
        var pieces: [String] = []
        try Spool().replay { pieces.append($0) }
        XCTAssertEqual(pieces, [])
    }
}

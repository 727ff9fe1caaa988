import XCTest

@testable import CheckoutDomain
@testable import CheckoutFormats

/// `StateDocumentStream` reads a state document account by account, in pieces of any size, and gives exactly the
/// accounts and the refusals `StateDocument.parse` gives for the document read at once.
final class StateDocumentStreamTests: XCTestCase {
    private enum Outcome: Equatable {
        case accounts([MerchantAccount])
        case failure(String)

        var ids: [String] {
            guard case .accounts(let accounts) = self else { return [] }
            return accounts.map(\.id)
        }

        var last: MerchantAccount? {
            guard case .accounts(let accounts) = self else { return nil }
            return accounts.last
        }
    }

    private func entry(_ id: String, name: String = "Shop") -> String {
        #"{"account_id": "\#(id)", "settings": {"name": "\#(name)"}, "payment_methods": [{"type": "vipps", "currencies": ["NOK"]}], "profiles": [{"profile_id": "web", "configuration": {"vipps": {"enabled": true}}}]}"#
    }

    private func document(_ entries: [String], version: String = #""1""#) -> String {
        "{\n  \"accounts\": [\n    " + entries.joined(separator: ",\n    ")
            + "\n  ],\n  \"format_version\": \(version)\n}\n"
    }

    /// Every account the stream gives for `text` fed `size` bytes at a time, or the error it throws, as text.
    private func streamed(_ text: String, pieces size: Int) -> Outcome {
        var bytes = Array(text.utf8)[...]
        var stream = StateDocumentStream {
            defer { bytes = bytes.dropFirst(size) }
            return Array(bytes.prefix(size))
        }
        var accounts: [MerchantAccount] = []
        do {
            while let account = try stream.next() { accounts.append(account) }
            return .accounts(accounts)
        } catch {
            return .failure(describe(error))
        }
    }

    /// What `StateDocument.parse` gives for `text` read at once.
    private func whole(_ text: String) -> Outcome {
        do {
            return .accounts(try StateDocument.parse(JSONParser.parseInput(Array(text.utf8))))
        } catch {
            return .failure(describe(error))
        }
    }

    private func describe(_ error: Error) -> String {
        if let parse = error as? JSONParseError { return "json: " + parse.description }
        if let rejection = error as? Rejection { return "refused: " + rejection.message }
        return "other: \(error)"
    }

    private func assertSameAsWhole(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = whole(text)
        for size in [1, 2, 7, 64, 1 << 20] {
            XCTAssertEqual(streamed(text, pieces: size), expected, "pieces of \(size)", file: file, line: line)
        }
    }

    func testAccountsComeOutInTheDocumentsOrderWhateverThePieceSize() throws {
        let text = document([entry("T22222222"), entry("T11111111", name: "Caf\u{E9} \\\"quoted\\\" ]}")])
        assertSameAsWhole(text)
        XCTAssertEqual(streamed(text, pieces: 3).ids, ["T22222222", "T11111111"])
        XCTAssertEqual(streamed(text, pieces: 3).last?.settings["name"], "Caf\u{E9} \"quoted\" ]}")
    }

    func testSyntaxErrorsAreReportedAtTheSameLineColumnAndPathAsForTheWholeDocument() {
        let broken = [
            "", "\n", "{", "[]", "{}", "{\"accounts\": [}", "{\"accounts\": [1,]}", "{\"accounts\": []",
            "{\"accounts\" []}",
            "{\"accounts\": [], }", "{\"accounts\": [] \"x\": 1}", "{\"accounts\": [{\"a\": tru}]}",
            "{\"accounts\": [{}] ] }", "{\"accounts\": []} x", "{,}", "{\"accounts\": [{\"x\": 1} {}]}",
            "{\"accounts\": [], \"accounts\": []}", "{\"format_version\": \"1\", \"format_version\": \"1\"}",
            document([entry("T11111111")]).replacingOccurrences(of: "\"web\"", with: "\"w\u{01}b\""),
            document([entry("T11111111"), String(entry("T22222222").dropLast())]),
            "\u{FEFF}\u{FEFF}{}", "{\"accounts\": [\"\\x\"]}", "{\"accounts\": [\(String(repeating: "[", count: 70))]}",
        ]
        for text in broken { assertSameAsWhole(text) }
    }

    func testTheDocumentsRefusalsComeInTheSameOrderAsForTheWholeDocument() {
        let refused = [
            document([entry("T11111111")], version: #""2""#),
            document([entry("T11111111"), "{\"account_id\": \"T2\"}"], version: #""2""#),
            "{\"accounts\": [], \"format_version\": \"1\", \"extra\": true}",
            "{\"format_version\": \"1\"}", "{\"format_version\": \"1\", \"accounts\": {}}",
            document([entry("T11111111"), "{\"account_id\": \"T2\"}", entry("T11111111")]),
            document([entry("T11111111"), entry("T33333333"), entry("T11111111")]),
            "\u{FEFF}" + document([entry("T11111111")]),
        ]
        for text in refused { assertSameAsWhole(text) }
    }

    func testAnEntryLargerThanTheLimitIsRefusedNamingItAndTheOnesBeforeComeOut() throws {
        let small = entry("T11111111")
        let large = entry("T22222222", name: String(repeating: "x", count: 400))
        var bytes = Array(document([small, large]).utf8)[...]
        var stream = StateDocumentStream(
            {
                defer { bytes = bytes.dropFirst(64) }
                return Array(bytes.prefix(64))
            }, entryLimit: small.utf8.count + 10)
        XCTAssertEqual(try stream.next()?.id, "T11111111")
        XCTAssertThrowsError(try stream.next()) { error in
            XCTAssertEqual(
                (error as? Rejection)?.message,
                "invalid state document at '$.accounts[1]': larger than \(small.utf8.count + 10) bytes, the most one "
                    + "entry may hold")
        }
    }

    func testAnEntryThatIsNotTheLastIsOnlyACandidateUntilTheEnd() {
        // The first account comes out before the stream reaches the bad version at the end.
        let text = document([entry("T11111111"), entry("T22222222")], version: #""9""#)
        var bytes = Array(text.utf8)[...]
        var stream = StateDocumentStream {
            defer { bytes = bytes.dropFirst(16) }
            return Array(bytes.prefix(16))
        }
        XCTAssertEqual(try stream.next()?.id, "T11111111")
        XCTAssertEqual(try stream.next()?.id, "T22222222")
        XCTAssertThrowsError(try stream.next()) { error in
            XCTAssertEqual((error as? Rejection)?.message, "unsupported format_version \"9\" in the state document")
        }
    }
}

import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// "did you mean …?": Levenshtein distance and the closest-candidate rules.
final class SuggestionTests: XCTestCase {
    // MARK: - Edit distance

    func testDistanceOfEqualWordsIsZero() {
        XCTAssertEqual(distance("list", "list"), 0)
    }

    func testDistanceCountsOneInsertion() {
        XCTAssertEqual(distance("lst", "list"), 1)
    }

    func testDistanceCountsOneDeletion() {
        XCTAssertEqual(distance("lisst", "list"), 1)
    }

    func testDistanceCountsOneSubstitution() {
        XCTAssertEqual(distance("lost", "list"), 1)
    }

    func testTranspositionCostsTwo() {
        XCTAssertEqual(distance("lsit", "list"), 2)
    }

    func testDistanceFromTheEmptyWordIsTheLength() {
        XCTAssertEqual(distance("", "add"), 3)
    }

    func testDistanceOfKittenAndSittingIsThree() {
        XCTAssertEqual(distance("kitten", "sitting"), 3)
    }

    func testDistancePastTheLimitIsReportedAsLimitPlusOne() {
        XCTAssertEqual(Suggestion.editDistance(scalars("kitten"), scalars("sitting"), limit: 2), 3)
        XCTAssertEqual(Suggestion.editDistance(scalars("abcdef"), scalars("uvwxyz"), limit: 2), 3)
    }

    func testLengthDifferencePastTheLimitIsReportedAsLimitPlusOne() {
        XCTAssertEqual(Suggestion.editDistance(scalars("a"), scalars("abcdefgh"), limit: 2), 3)
    }

    func testDistanceCountsUnicodeScalarsNotBytes() {
        XCTAssertEqual(distance("café", "cafe"), 1)
    }

    // MARK: - Closest candidate

    func testClosestCandidateWithinTwoEditsIsSuggested() {
        XCTAssertEqual(Suggestion.closest(to: "acount", among: ["account", "method", "settings"]), "account")
    }

    func testCandidateTwoEditsAwayIsSuggested() {
        XCTAssertEqual(Suggestion.closest(to: "acont", among: ["account"]), "account")
    }

    func testCandidateThreeEditsAwayIsNotSuggested() {
        XCTAssertEqual(distance("acco", "account"), 3)
        XCTAssertNil(Suggestion.closest(to: "acco", among: ["account"]))
    }

    func testNearerCandidateWinsOverAnAlphabeticallyEarlierOne() {
        XCTAssertEqual(Suggestion.closest(to: "shoe", among: ["shave", "show"]), "show")
    }

    func testTieIsBrokenAlphabetically() {
        XCTAssertEqual(Suggestion.closest(to: "bat", among: ["cat", "bar", "hat"]), "bar")
        XCTAssertEqual(Suggestion.closest(to: "bat", among: ["hat", "cat", "bar"]), "bar")
    }

    func testNoCandidatesGiveNoSuggestion() {
        XCTAssertNil(Suggestion.closest(to: "list", among: [String]()))
    }

    func testTheWordItselfIsNotSuggested() {
        XCTAssertEqual(Suggestion.closest(to: "list", among: ["list", "lost"]), "lost")
    }

    func testMatchingIsCaseSensitive() {
        XCTAssertEqual(Suggestion.closest(to: "LIST", among: ["list"]), nil)
    }

    // MARK: - Hint lines

    func testHintQuotesTheSuggestion() {
        XCTAssertEqual(Suggestion.hints(for: "--jsn", among: ["--json", "--quiet"]), ["did you mean '--json'?"])
    }

    func testHintUsesTheGivenFormat() {
        XCTAssertEqual(
            Suggestion.hints(for: "lis", among: ["list"]) { "'checkout-admin account \($0)'" },
            ["did you mean 'checkout-admin account list'?"])
    }

    func testNoHintWhenNothingIsClose() {
        XCTAssertEqual(Suggestion.hints(for: "frobnicate", among: ["account", "method"]), [])
    }

    // MARK: - Helpers

    private func distance(_ lhs: String, _ rhs: String) -> Int {
        Suggestion.editDistance(scalars(lhs), scalars(rhs), limit: 10)
    }

    private func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }
}

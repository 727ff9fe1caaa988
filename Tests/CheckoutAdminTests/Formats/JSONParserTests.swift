import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

final class JSONParserTests: XCTestCase {
    // MARK: Accepted documents

    func testTopLevelMayBeAnyValue() throws {
        XCTAssertEqual(try JSONValue(parsing: "null"), .null)
        XCTAssertEqual(try JSONValue(parsing: "true"), .bool(true))
        XCTAssertEqual(try JSONValue(parsing: "false"), .bool(false))
        XCTAssertEqual(try JSONValue(parsing: "0"), .number("0"))
        XCTAssertEqual(try JSONValue(parsing: #""s""#), .string("s"))
        XCTAssertEqual(try JSONValue(parsing: "[]"), .array([]))
        XCTAssertEqual(try JSONValue(parsing: "{}"), .object([:]))
    }

    func testAllFourWhitespaceCharactersAreAccepted() throws {
        XCTAssertEqual(try JSONValue(parsing: " \t\r\n[ 1 ,\t2\r\n] \n"), .array([.number("1"), .number("2")]))
    }

    func testNestedDocumentIsParsedIntoValues() throws {
        let value = try JSONValue(parsing: #"{"a": [1, {"b": null}], "c": "x", "d": false}"#)
        let expected: JSONValue = .object([
            "a": .array([.number("1"), .object(["b": .null])]),
            "c": .string("x"),
            "d": .bool(false),
        ])
        XCTAssertEqual(value, expected)
    }

    func testNumberLiteralTextIsKeptExactly() throws {
        for literal in ["1.50", "-0", "1e400", "0.5E-3", "-12.0e+07", "123456789012345678901234567890"] {
            XCTAssertEqual(try JSONValue(parsing: literal), .number(literal))
        }
    }

    func testSimpleEscapesAreDecoded() throws {
        XCTAssertEqual(try JSONValue(parsing: #""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{08}\u{0C}\n\r\t"))
    }

    func testUnicodeEscapesAreDecodedInEitherCase() throws {
        XCTAssertEqual(try JSONValue(parsing: #""\u00e9\u00C9\u4e2D""#), .string("éÉ中"))
    }

    func testEscapedNulIsAllowedInsideString() throws {
        XCTAssertEqual(try JSONValue(parsing: #""a\u0000b""#), .string("a\u{0}b"))
    }

    func testSurrogatePairEscapeIsDecoded() throws {
        XCTAssertEqual(try JSONValue(parsing: #""\uD83D\uDE00 \ud834\udd1e""#), .string("😀 𝄞"))
    }

    func testRawUTF8OfEveryLengthIsAccepted() throws {
        let text = "é中😀\u{D7FF}\u{E000}\u{FFFF}\u{10FFFF}"
        XCTAssertEqual(try JSONParser.parse(Array("\"\(text)\"".utf8)), .string(text))
    }

    func testSliceOverloadParsesASubrange() throws {
        let bytes = Array("xx[1]yy".utf8)
        XCTAssertEqual(try JSONParser.parse(bytes[2..<5]), .array([.number("1")]))
    }

    func testNestingExactlyAtMaxDepthIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try JSONValue(parsing: text))
    }

    // MARK: Accessors

    func testAccessorsReturnTheirPayload() throws {
        let value = try JSONValue(parsing: #"{"a": [true], "s": "x"}"#)
        XCTAssertEqual(value.objectValue?.count, 2)
        XCTAssertEqual(value["a"]?.arrayValue, [.bool(true)])
        XCTAssertEqual(value["a"]?.arrayValue?.first?.boolValue, true)
        XCTAssertEqual(value["s"]?.stringValue, "x")
    }

    func testAccessorsReturnNilForOtherTypes() {
        let number = JSONValue.number("1")
        XCTAssertNil(number.objectValue)
        XCTAssertNil(number.arrayValue)
        XCTAssertNil(number.stringValue)
        XCTAssertNil(number.boolValue)
        XCTAssertNil(number["a"])
        XCTAssertNil(JSONValue.object([:])["missing"])
    }

    func testTypeNamesNameEachKind() {
        let values: [JSONValue] = [.null, .bool(true), .number("1"), .string(""), .array([]), .object([:])]
        XCTAssertEqual(values.map(\.typeName), ["null", "boolean", "number", "string", "array", "object"])
    }

    // MARK: End of input

    func testEmptyInputIsRefusedAsUnexpectedEnd() {
        XCTAssertEqual(refusal(of: ""), error("unexpected end of input", 1, 1))
    }

    func testWhitespaceOnlyInputIsRefusedAtItsEnd() {
        XCTAssertEqual(refusal(of: " \n "), error("unexpected end of input", 2, 2))
    }

    func testTruncatedArrayIsRefusedAtTheEnd() {
        XCTAssertEqual(refusal(of: #"{"a": [1, 2"#), error("unexpected end of input", 1, 12, "$.a"))
    }

    func testTruncatedStringIsRefusedAtTheEnd() {
        XCTAssertEqual(refusal(of: #"["abc"#), error("unexpected end of input", 1, 6, "$[0]"))
    }

    func testTruncatedLiteralIsRefusedAtTheEnd() {
        XCTAssertEqual(refusal(of: "[tru"), error("unexpected end of input", 1, 5, "$[0]"))
    }

    func testTruncatedUnicodeEscapeIsRefusedAtTheEnd() {
        XCTAssertEqual(refusal(of: #""\u12"#), error("unexpected end of input", 1, 6))
    }

    func testErrorDescriptionNamesReasonPlaceAndPath() {
        XCTAssertEqual(refusal(of: "[")?.description, "unexpected end of input at line 1, column 2 ($[0])")
    }

    // MARK: Refused syntax

    func testByteOrderMarkIsRefusedOnTheWire() {
        let reason = "a UTF-8 byte order mark (U+FEFF) is not allowed at the start of a document"
        XCTAssertEqual(refusal(of: [0xEF, 0xBB, 0xBF] + Array("{}".utf8)), error(reason, 1, 1))
    }

    func testInputSkipsOneLeadingByteOrderMark() throws {
        XCTAssertEqual(
            try JSONParser.parseInput([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)), .object(["a": .number("1")]))
        XCTAssertEqual(try JSONParser.parseInput(Array("[true]".utf8)), .array([.bool(true)]))
    }

    func testInputRefusesASecondByteOrderMarkAndOneAfterWhitespace() {
        let reason = "a UTF-8 byte order mark (U+FEFF) is not allowed at the start of a document"
        XCTAssertThrowsError(try JSONParser.parseInput([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("{}".utf8))) {
            XCTAssertEqual(($0 as? JSONParseError)?.reason, reason)
        }
        XCTAssertThrowsError(try JSONParser.parseInput(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array("{}".utf8))) {
            XCTAssertEqual(($0 as? JSONParseError)?.reason, "unexpected character U+FEFF")
        }
    }

    func testTrailingCharactersAreRefused() {
        XCTAssertEqual(refusal(of: "{} x"), error("trailing characters after the document", 1, 4))
        XCTAssertEqual(refusal(of: "1 2"), error("trailing characters after the document", 1, 3))
    }

    func testCommentsAreRefused() {
        XCTAssertEqual(refusal(of: "[1 // c\n]"), error("expected ',' or ']'", 1, 4))
        XCTAssertEqual(refusal(of: "/* c */ 1"), error("unexpected character '/'", 1, 1))
    }

    func testTrailingCommaInArrayIsRefusedAtTheComma() {
        XCTAssertEqual(refusal(of: "[1, 2,]"), error("trailing comma before ']'", 1, 6))
    }

    func testTrailingCommaInObjectIsRefusedAtTheComma() {
        XCTAssertEqual(refusal(of: #"{"a": 1,}"#), error("trailing comma before '}'", 1, 8))
    }

    func testSingleQuotesAreRefused() {
        XCTAssertEqual(refusal(of: "['a']"), error("unexpected character \"'\"", 1, 2, "$[0]"))
        XCTAssertEqual(refusal(of: "{'a': 1}"), error("expected a string key or '}'", 1, 2))
    }

    func testLeadingZeroIsRefused() {
        XCTAssertEqual(refusal(of: "01"), error("leading zeros are not allowed", 1, 1))
        XCTAssertEqual(refusal(of: "[-012]"), error("leading zeros are not allowed", 1, 3, "$[0]"))
    }

    func testLeadingPlusIsRefused() {
        XCTAssertEqual(refusal(of: "+1"), error("unexpected character '+'", 1, 1))
    }

    func testNaNAndInfinityAreRefused() {
        XCTAssertEqual(refusal(of: "NaN"), error("unexpected character 'N'", 1, 1))
        XCTAssertEqual(refusal(of: "[Infinity]"), error("unexpected character 'I'", 1, 2, "$[0]"))
        XCTAssertEqual(refusal(of: "-Infinity"), error("expected a digit", 1, 2))
    }

    func testNumbersMissingDigitsAreRefused() {
        XCTAssertEqual(refusal(of: "[-]"), error("expected a digit", 1, 3, "$[0]"))
        XCTAssertEqual(refusal(of: "[1.e5]"), error("expected a digit", 1, 4, "$[0]"))
        XCTAssertEqual(refusal(of: "[1e]"), error("expected a digit", 1, 4, "$[0]"))
        XCTAssertEqual(refusal(of: "1e+"), error("unexpected end of input", 1, 4))
        XCTAssertEqual(refusal(of: ".5"), error("unexpected character '.'", 1, 1))
    }

    func testMisspelledLiteralIsRefusedAtTheWrongLetter() {
        XCTAssertEqual(refusal(of: "[trUe]"), error("invalid literal, expected 'true'", 1, 4, "$[0]"))
    }

    func testMissingColonIsRefused() {
        XCTAssertEqual(refusal(of: #"{"a" 1}"#), error("expected ':'", 1, 6, "$.a"))
    }

    func testMissingCommaIsRefused() {
        XCTAssertEqual(refusal(of: "[1 2]"), error("expected ',' or ']'", 1, 4))
        XCTAssertEqual(refusal(of: #"{"a": 1 "b": 2}"#), error("expected ',' or '}'", 1, 9))
    }

    func testNonStringKeyIsRefused() {
        XCTAssertEqual(refusal(of: "{1: 2}"), error("expected a string key or '}'", 1, 2))
        XCTAssertEqual(refusal(of: #"{"a": 1, b: 2}"#), error("expected a string key", 1, 10))
    }

    func testNonJSONWhitespaceIsRefused() {
        XCTAssertEqual(refusal(of: "\u{0C}1"), error("unexpected character U+000C", 1, 1))
        XCTAssertEqual(refusal(of: "[1,\u{0B}2]"), error("unexpected character U+000B", 1, 4, "$[1]"))
        XCTAssertEqual(refusal(of: "\u{A0}1"), error("unexpected character U+00A0", 1, 1))
    }

    func testNulByteOutsideStringIsRefused() {
        XCTAssertEqual(refusal(of: "[\u{0}]"), error("unexpected character U+0000", 1, 2, "$[0]"))
    }

    func testUnescapedControlCharacterInStringIsRefused() {
        XCTAssertEqual(refusal(of: "\"a\tb\""), error("unescaped control character U+0009 in string", 1, 3))
        let lineFeed = error("unescaped control character U+000A in string", 1, 9, "$.k")
        XCTAssertEqual(refusal(of: "{\"k\": \"a\nb\"}"), lineFeed)
    }

    // MARK: Escapes

    func testUnknownEscapeIsRefused() {
        XCTAssertEqual(refusal(of: #""\x""#), error(#"invalid escape '\x'"#, 1, 2))
        XCTAssertEqual(refusal(of: #"["\'"]"#), error(#"invalid escape '\''"#, 1, 3, "$[0]"))
    }

    func testLoneHighSurrogateIsRefused() {
        XCTAssertEqual(refusal(of: #""\uD800""#), error(#"invalid \u escape"#, 1, 2))
        XCTAssertEqual(refusal(of: #""\uD83Dx""#), error(#"invalid \u escape"#, 1, 2))
    }

    func testLoneLowSurrogateIsRefused() {
        XCTAssertEqual(refusal(of: #""a\uDC00""#), error(#"invalid \u escape"#, 1, 3))
    }

    func testMismatchedSurrogatePairIsRefused() {
        XCTAssertEqual(refusal(of: #""\uD83D\u0041""#), error(#"invalid \u escape"#, 1, 2))
        XCTAssertEqual(refusal(of: #""\uD800\uD800""#), error(#"invalid \u escape"#, 1, 2))
    }

    func testNonHexDigitInUnicodeEscapeIsRefused() {
        XCTAssertEqual(refusal(of: #""\u12G4""#), error(#"invalid \u escape"#, 1, 2))
        XCTAssertEqual(refusal(of: #"["ok", "a\u00"]"#), error(#"invalid \u escape"#, 1, 10, "$[1]"))
    }

    // MARK: UTF-8

    func testOverlongUTF8IsRefused() {
        XCTAssertEqual(refusal(of: [0x22, 0xC0, 0xAF, 0x22]), error("invalid UTF-8", 1, 2))
        XCTAssertEqual(refusal(of: [0x22, 0xE0, 0x80, 0xAF, 0x22]), error("invalid UTF-8", 1, 2))
        XCTAssertEqual(refusal(of: [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22]), error("invalid UTF-8", 1, 2))
    }

    func testUTF8EncodedSurrogateIsRefused() {
        XCTAssertEqual(refusal(of: [0x22, 0xED, 0xA0, 0x80, 0x22]), error("invalid UTF-8", 1, 2))
    }

    func testTruncatedUTF8SequenceIsRefused() {
        XCTAssertEqual(refusal(of: [0x22, 0xE2, 0x82, 0x22]), error("invalid UTF-8", 1, 2))
        XCTAssertEqual(refusal(of: [0x22, 0x61, 0xE2, 0x82]), error("invalid UTF-8", 1, 3))
    }

    func testBytesThatNeverStartUTF8AreRefused() {
        for byte: UInt8 in [0x80, 0xBF, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF] {
            XCTAssertEqual(refusal(of: [0x22, byte, 0x22]), error("invalid UTF-8", 1, 2), "byte \(byte)")
        }
    }

    func testCodePointAboveUnicodeRangeIsRefused() {
        XCTAssertEqual(refusal(of: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]), error("invalid UTF-8", 1, 2))
    }

    func testInvalidUTF8OutsideStringsIsRefused() {
        XCTAssertEqual(refusal(of: Array("1 ".utf8) + [0xFF]), error("invalid UTF-8", 1, 3))
        XCTAssertEqual(refusal(of: [0x5B, 0xFE, 0x5D]), error("invalid UTF-8", 1, 2, "$[0]"))
        XCTAssertEqual(refusal(of: Array(#"{"a"#.utf8) + [0xFF] + Array(#"": 1}"#.utf8)), error("invalid UTF-8", 1, 4))
    }

    func testValidNonASCIIOutsideStringsIsAnUnexpectedCharacter() {
        XCTAssertEqual(refusal(of: "[é]"), error("unexpected character U+00E9", 1, 2, "$[0]"))
    }

    // MARK: Keys, depth and locations

    func testDuplicateKeyIsRefusedWithItsPath() {
        let text = #"{"accounts": [{"id": 1, "id": 2}]}"#
        XCTAssertEqual(refusal(of: text), error("duplicate key 'id'", 1, 25, "$.accounts[0].id"))
    }

    func testKeysEqualAfterUnescapingAreDuplicates() {
        XCTAssertEqual(refusal(of: #"{"a": 1, "\u0061": 2}"#), error("duplicate key 'a'", 1, 10, "$.a"))
    }

    func testNestingBeyondMaxDepthIsRefusedAtTheExtraBracket() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let path = "$" + String(repeating: "[0]", count: 64)
        XCTAssertEqual(refusal(of: text), error("nesting deeper than 64 levels", 1, 65, path))
    }

    func testHundredThousandOpenBracketsAreRefusedWithoutCrashing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        XCTAssertEqual(refusal(of: bytes)?.reason, "nesting deeper than 64 levels")
        XCTAssertEqual(refusal(of: bytes)?.column, 65)
    }

    func testCustomMaxDepthIsNamedInTheReason() {
        let arrays = error("nesting deeper than 3 levels", 1, 4, "$[0][0][0]")
        XCTAssertEqual(refusal(of: Array("[[[[]]]]".utf8), maxDepth: 3), arrays)
        let objects = error("nesting deeper than 1 level", 1, 7, "$.a")
        XCTAssertEqual(refusal(of: Array(#"{"a": {}}"#.utf8), maxDepth: 1), objects)
    }

    func testErrorLocationCountsLinesAndByteColumns() {
        let text = "{\n  \"é\": [\n    1,\n    x\n  ]\n}"
        XCTAssertEqual(refusal(of: text), error("unexpected character 'x'", 4, 5, #"$["é"][1]"#))
        XCTAssertEqual(refusal(of: "[\"é\", ?]"), error("unexpected character '?'", 1, 8, "$[1]"))
    }

    func testCarriageReturnDoesNotStartALine() {
        XCTAssertEqual(refusal(of: "[\r\n1,\r\n?]"), error("unexpected character '?'", 3, 1, "$[1]"))
    }

    func testPathQuotesKeysThatAreNotIdentifiers() {
        let text = #"{"a b": {"1x": {"ok_1": [0, {"": nope}]}}}"#
        let path = #"$["a b"]["1x"].ok_1[1][""]"#
        XCTAssertEqual(refusal(of: text), error("invalid literal, expected 'null'", 1, 35, path))
        XCTAssertEqual(refusal(of: #"{"say \"hi\"": x}"#)?.path, #"$["say \"hi\""]"#)
    }

    // MARK: Helpers

    private func refusal(of bytes: [UInt8], maxDepth: Int = 64) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    private func refusal(of text: String) -> JSONParseError? {
        refusal(of: Array(text.utf8))
    }

    private func error(_ reason: String, _ line: Int, _ column: Int, _ path: String = "$") -> JSONParseError {
        JSONParseError(reason: reason, line: line, column: column, path: path)
    }
}

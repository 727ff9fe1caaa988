import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

final class JSONWriterTests: XCTestCase {
    // MARK: Layout

    func testPrettyTextOfNestedSampleMatchesExpectedLayout() throws {
        let value = try JSONValue(parsing: #"{"b": "x", "a": [1, {}]}"#)
        let expected = """
            {
              "a": [
                1,
                {}
              ],
              "b": "x"
            }
            """
        XCTAssertEqual(value.prettyText(), expected)
    }

    func testPrettyTextMatchesPythonJSONDumps() throws {
        XCTAssertEqual(try JSONValue(parsing: pythonSample).prettyText(), pythonExpected)
    }

    func testCompactTextHasNoWhitespace() throws {
        let value = try JSONValue(parsing: #"{"b": [1, 2], "a": {"c": null, "d": [true, "x y"]}}"#)
        XCTAssertEqual(value.compactText(), #"{"a":{"c":null,"d":[true,"x y"]},"b":[1,2]}"#)
    }

    func testEmptyContainersPrintInline() {
        let value = JSONValue.object(["a": .array([]), "b": .object([:])])
        XCTAssertEqual(value.prettyText(), "{\n  \"a\": [],\n  \"b\": {}\n}")
        XCTAssertEqual(JSONValue.array([]).prettyText(), "[]")
        XCTAssertEqual(JSONValue.object([:]).compactText(), "{}")
    }

    func testPrettyTextHasNoTrailingNewline() {
        XCTAssertEqual(JSONValue.array([.null]).prettyText(), "[\n  null\n]")
    }

    func testScalarsPrintAsTheirLiterals() {
        XCTAssertEqual(JSONValue.null.prettyText(), "null")
        XCTAssertEqual(JSONValue.bool(true).prettyText(), "true")
        XCTAssertEqual(JSONValue.bool(false).compactText(), "false")
        XCTAssertEqual(JSONValue.string("hi").prettyText(), #""hi""#)
    }

    func testNumbersPrintAsTheirLiteralText() throws {
        let value = try JSONValue(parsing: "[1.50, -0, 1e400, 0.5E-3]")
        XCTAssertEqual(value.compactText(), "[1.50,-0,1e400,0.5E-3]")
    }

    // MARK: Key order

    func testKeysAreSortedByUTF8ByteOrder() {
        let keys = ["😀", "中", "é", "z", "a", "Z", "aa", "_", "ﬀ"]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
        let expected = #"{"Z":null,"_":null,"a":null,"aa":null,"z":null,"é":null,"中":null,"ﬀ":null,"😀":null}"#
        XCTAssertEqual(value.compactText(), expected)
    }

    func testOutputDoesNotDependOnInsertionOrder() {
        var forward: [String: JSONValue] = [:]
        var backward: [String: JSONValue] = [:]
        let keys = (0..<200).map { "key\($0)" }
        for key in keys { forward[key] = .string(key) }
        for key in keys.reversed() { backward[key] = .string(key) }
        XCTAssertEqual(JSONValue.object(forward).prettyText(), JSONValue.object(backward).prettyText())
    }

    // MARK: String escaping

    func testQuotesAndBackslashesAreEscaped() {
        XCTAssertEqual(JSONValue.string(#"a"b\c"#).compactText(), #""a\"b\\c""#)
    }

    func testNamedControlCharactersUseShortEscapes() {
        XCTAssertEqual(JSONValue.string("\u{08}\u{0C}\n\r\t").compactText(), #""\b\f\n\r\t""#)
    }

    func testOtherControlCharactersUseLowerCaseUnicodeEscapes() {
        let text = "\u{00}\u{01}\u{1B}\u{1F}\u{7F}"
        XCTAssertEqual(JSONValue.string(text).compactText(), #""\u0000\u0001\u001b\u001f\u007f""#)
    }

    func testLineAndParagraphSeparatorsAreEscaped() {
        XCTAssertEqual(JSONValue.string("a\u{2028}b\u{2029}c").compactText(), #""a\u2028b\u2029c""#)
    }

    func testSlashAndOtherCharactersAreWrittenRaw() {
        let text = "/é中😀\u{2027}\u{202A}\u{80}"
        XCTAssertEqual(JSONValue.string(text).compactText(), "\"\(text)\"")
    }

    func testKeysAreEscapedLikeStrings() {
        XCTAssertEqual(JSONValue.object(["a\"b\n": .null]).prettyText(), "{\n  \"a\\\"b\\n\": null\n}")
    }

    // MARK: Round trips

    func testPrettyTextParsesBackToTheSameValue() throws {
        let value = try JSONValue(parsing: pythonSample)
        XCTAssertEqual(try JSONValue(parsing: value.prettyText()), value)
    }

    func testCompactTextParsesBackToTheSameValue() throws {
        let value = try JSONValue(parsing: pythonSample)
        XCTAssertEqual(try JSONValue(parsing: value.compactText()), value)
    }

    func testEveryEscapedCharacterRoundTrips() throws {
        let scalars = (0..<0x20).compactMap(Unicode.Scalar.init) + ["\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}"]
        let value = JSONValue.string(String(String.UnicodeScalarView(scalars)))
        XCTAssertEqual(try JSONValue(parsing: value.prettyText()), value)
    }

    func testLargeDocumentRoundTrips() throws {
        let accounts = (0..<2_000).map { index in
            #"{"id": "acc_\#(index)", "balance": \#(index).25, "#
                + #""profiles": [{"name": "p\#(index)", "tags": ["x", "y"]}]}"#
        }
        let value = try JSONValue(parsing: #"{"accounts": [\#(accounts.joined(separator: ", "))]}"#)
        XCTAssertEqual(value["accounts"]?.arrayValue?.count, 2_000)
        XCTAssertEqual(try JSONValue(parsing: value.prettyText()), value)
    }

    // MARK: Fixtures

    /// A document exercising nesting, empties, escapes, non-ASCII keys and numbers Python prints unchanged.
    private let pythonSample = #"""
        {"accounts":[{"id":"acc_1","name":"Café Ünïcode ✓","enabled":true,
        "limits":{"daily":5000,"ratio":0.5,"negative":-2.25,"big":1e+100,"zero":0},
        "tags":["a","b/c","quote\"d","back\\slash","tab\there","line\nbreak","\b\f\r","\u0001ctl","\u001f"],
        "empty_obj":{},"empty_arr":[],"nothing":null},
        {"id":"acc_2","Zeta":false,"zeta":[[],[{}],[1,[2,[3]]]]}],
        "é":"e-acute","中文":"汉字","aa":"","a b":{"nested key":"x"},"Z":0,"_":[true,false,null]}
        """#

    /// What Python 3 printed for `pythonSample` with
    /// `json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False)`, pasted verbatim.
    private let pythonExpected = #"""
        {
          "Z": 0,
          "_": [
            true,
            false,
            null
          ],
          "a b": {
            "nested key": "x"
          },
          "aa": "",
          "accounts": [
            {
              "empty_arr": [],
              "empty_obj": {},
              "enabled": true,
              "id": "acc_1",
              "limits": {
                "big": 1e+100,
                "daily": 5000,
                "negative": -2.25,
                "ratio": 0.5,
                "zero": 0
              },
              "name": "Café Ünïcode ✓",
              "nothing": null,
              "tags": [
                "a",
                "b/c",
                "quote\"d",
                "back\\slash",
                "tab\there",
                "line\nbreak",
                "\b\f\r",
                "\u0001ctl",
                "\u001f"
              ]
            },
            {
              "Zeta": false,
              "id": "acc_2",
              "zeta": [
                [],
                [
                  {}
                ],
                [
                  1,
                  [
                    2,
                    [
                      3
                    ]
                  ]
                ]
              ]
            }
          ],
          "é": "e-acute",
          "中文": "汉字"
        }
        """#
}

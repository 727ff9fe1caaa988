import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Lists: tab-separated for scripts, aligned and cut to the width on a terminal, colour only when styled.
final class TableTests: XCTestCase {
    private let plain = Style(enabled: false)
    private let table = Table(
        headers: ["ACCOUNT", "NAME", "METHODS"],
        rows: [["T12345678", "Example AS", "2"], ["P00000001", "Shop", "10"]])

    // MARK: - Not a terminal

    func testTableIsTabSeparatedWhenNotATerminal() {
        XCTAssertEqual(
            table.render(for: CapturedOutput(), style: plain),
            "ACCOUNT\tNAME\tMETHODS\nT12345678\tExample AS\t2\nP00000001\tShop\t10\n")
    }

    func testTabInACellBecomesASpaceWhenNotATerminal() {
        let table = Table(headers: ["A", "B"], rows: [["x\ty", "z"]])
        XCTAssertEqual(table.render(for: CapturedOutput(), style: plain), "A\tB\nx y\tz\n")
    }

    func testNewlineInACellBecomesASpaceWhenNotATerminal() {
        let table = Table(headers: ["A", "B"], rows: [["x\ny", "z\rw"]])
        XCTAssertEqual(table.render(for: CapturedOutput(), style: plain), "A\tB\nx y\tz w\n")
    }

    func testCarriageReturnLineFeedInACellBecomesOneSpace() {
        let table = Table(headers: ["A", "B"], rows: [["x\r\ny", "z"]])
        XCTAssertEqual(table.render(for: CapturedOutput(), style: plain), "A\tB\nx y\tz\n")
    }

    func testTableWithoutRowsIsTheHeaderLine() {
        XCTAssertEqual(Table(headers: ["A", "B"], rows: []).render(for: CapturedOutput(), style: plain), "A\tB\n")
    }

    func testNoColourWhenNotATerminalEvenWhenStyled() {
        XCTAssertEqual(
            table.render(for: CapturedOutput(), style: Style(enabled: true)),
            "ACCOUNT\tNAME\tMETHODS\nT12345678\tExample AS\t2\nP00000001\tShop\t10\n")
    }

    func testLongRowIsNotCutWhenNotATerminal() {
        let long = String(repeating: "x", count: 300)
        let table = Table(headers: ["A"], rows: [[long]])
        XCTAssertEqual(table.render(for: CapturedOutput(width: 20), style: plain), "A\n\(long)\n")
    }

    // MARK: - Terminal

    func testColumnsAreAlignedOnATerminal() {
        XCTAssertEqual(
            table.render(for: CapturedOutput(isTerminal: true), style: plain),
            "ACCOUNT    NAME        METHODS\n"
                + "T12345678  Example AS  2\n"
                + "P00000001  Shop        10\n")
    }

    func testLastColumnIsNotPaddedOnATerminal() {
        let table = Table(headers: ["A", "LONG HEADER"], rows: [["x", "y"]])
        XCTAssertEqual(table.render(for: CapturedOutput(isTerminal: true), style: plain), "A  LONG HEADER\nx  y\n")
    }

    func testLineWiderThanTheTerminalIsCutWithAnEllipsis() {
        let output = CapturedOutput(isTerminal: true, width: 20)
        XCTAssertEqual(
            table.render(for: output, style: plain),
            "ACCOUNT    NAME    …\n"
                + "T12345678  Example …\n"
                + "P00000001  Shop    …\n")
    }

    func testCutLineIsExactlyTheTerminalWidth() {
        let output = CapturedOutput(isTerminal: true, width: 20)
        let lines = table.render(for: output, style: plain).split(separator: "\n")
        XCTAssertEqual(lines.map(\.count), [20, 20, 20])
    }

    func testLineAsWideAsTheTerminalIsNotCut() {
        let table = Table(headers: ["A", "B"], rows: [["12345678", "1234567890"]])
        XCTAssertEqual(
            table.render(for: CapturedOutput(isTerminal: true, width: 20), style: plain),
            "A         B\n12345678  1234567890\n")
    }

    func testUnknownTerminalWidthDoesNotCut() {
        let long = String(repeating: "x", count: 300)
        let table = Table(headers: ["A"], rows: [[long]])
        XCTAssertEqual(table.render(for: CapturedOutput(isTerminal: true), style: plain), "A\n\(long)\n")
    }

    func testTabAndNewlineInACellBecomeSpacesOnATerminal() {
        let table = Table(headers: ["A", "B"], rows: [["x\ty\nz", "w"]])
        XCTAssertEqual(table.render(for: CapturedOutput(isTerminal: true), style: plain), "A      B\nx y z  w\n")
    }

    func testHeaderIsBoldOnATerminalWhenStyled() {
        let table = Table(headers: ["A", "B"], rows: [["x", "y"]])
        XCTAssertEqual(
            table.render(for: CapturedOutput(isTerminal: true), style: Style(enabled: true)),
            "\u{1B}[1mA  B\u{1B}[0m\nx  y\n")
    }

    func testNoColourOnATerminalWhenNotStyled() {
        let rendered = table.render(for: CapturedOutput(isTerminal: true), style: plain)
        XCTAssertFalse(rendered.contains("\u{1B}"), rendered)
    }

    func testCutHeaderKeepsItsBoldAroundTheEllipsis() {
        let output = CapturedOutput(isTerminal: true, width: 20)
        let first = table.render(for: output, style: Style(enabled: true)).split(separator: "\n").first
        XCTAssertEqual(first, "\u{1B}[1mACCOUNT    NAME    …\u{1B}[0m")
    }

    // MARK: - Key-value blocks

    func testKeyValueTextIsOneLinePerPairInOrder() {
        XCTAssertEqual(KeyValueText.render([("path", "/s"), ("schema_version", "1")]), "path: /s\nschema_version: 1\n")
    }
}
